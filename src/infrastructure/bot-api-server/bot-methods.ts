// The Bot API methods the local server implements, looked up case-insensitively like Telegram's.

import { callbackMethods } from "./methods/callback-methods.js";
import { chatMethods } from "./methods/chat-methods.js";
import { editMethods } from "./methods/edit-methods.js";
import { fileMethods } from "./methods/file-methods.js";
import type { BotMethod } from "./methods/method-call.js";
import { messageMethods } from "./methods/message-methods.js";
import { paymentMethods } from "./methods/payment-methods.js";
import { settingsMethods } from "./methods/settings-methods.js";
import { updateMethods } from "./methods/update-methods.js";

const methodGroups = [settingsMethods, updateMethods, messageMethods, editMethods, callbackMethods, chatMethods, paymentMethods, fileMethods];

const methodsByLowerName = new Map<string, BotMethod>(
  methodGroups.flatMap((group) => Object.entries(group)).map(([name, method]) => [name.toLowerCase(), method]),
);

export function findBotMethod(name: string): BotMethod | undefined {
  return methodsByLowerName.get(name.toLowerCase());
}

/** Names of every implemented method, for documentation and error hints. */
export const implementedMethods: readonly string[] = methodGroups.flatMap((group) => Object.keys(group));
