// The commands the platform lists in the chat's menu button, in Persian: what a citizen can type anywhere.
import type { Api } from "grammy";
import type { Translate } from "../domain/shared/translate.js";

/** Each command with the locale key of its one-line description. */
export const CITIZEN_COMMANDS = [
  { command: "start", description: "command-start" },
  { command: "menu", description: "command-menu" },
  { command: "help", description: "command-help" },
  { command: "cancel", description: "command-cancel" },
] as const;

/**
 * Registers the commands for every private chat (the default scope, no language code), so Telegram and Bale
 * show them in Persian whatever language the app is set to.
 */
export async function registerCitizenCommands(api: Api, translate: Translate): Promise<void> {
  await api.setMyCommands(CITIZEN_COMMANDS.map(({ command, description }) => ({ command, description: translate(description) })));
}
