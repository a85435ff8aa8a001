// Bot identity and settings: getMe, commands, the menu button and descriptions (accepted and kept).

import type { BotCommand, MenuButton } from "grammy/types";
import { badRequest } from "../bot-api-error.js";
import type { BotMethod, MethodCall } from "./method-call.js";

const getMe: BotMethod = ({ bot }) => bot.user;

/** Commands are kept per scope and language, as Telegram does. */
function commandsKey({ params }: MethodCall): string {
  const scope = (params.optionalJson("scope") as { type?: string } | undefined) ?? { type: "default" };
  return `${JSON.stringify(scope)}|${params.optionalString("language_code") ?? ""}`;
}

const setMyCommands: BotMethod = (call) => {
  const commands = call.params.optionalJson("commands");
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw badRequest("too many commands");
  for (const command of commands as Partial<BotCommand>[]) {
    if (typeof command.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command.command)) {
      throw badRequest("BOT_COMMAND_INVALID");
    }
    if (typeof command.description !== "string" || command.description.length < 1 || command.description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
  }
  call.bot.commands.set(
    commandsKey(call),
    (commands as BotCommand[]).map(({ command, description }) => ({ command, description })),
  );
  return true;
};

const getMyCommands: BotMethod = (call) => call.bot.commands.get(commandsKey(call)) ?? [];

const deleteMyCommands: BotMethod = (call) => {
  call.bot.commands.delete(commandsKey(call));
  return true;
};

const setChatMenuButton: BotMethod = ({ bot, params }) => {
  const menuButton = params.optionalJson("menu_button") as MenuButton | undefined;
  bot.menuButton = menuButton ?? { type: "default" };
  return true;
};

const getChatMenuButton: BotMethod = ({ bot }) => bot.menuButton;

const acceptSetting: BotMethod = () => true;

export const settingsMethods: Record<string, BotMethod> = {
  getMe,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setChatMenuButton,
  getChatMenuButton,
  setMyName: acceptSetting,
  setMyDescription: acceptSetting,
  setMyShortDescription: acceptSetting,
};
