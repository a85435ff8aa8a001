// Getting updates: getUpdates (long polling), setWebhook, deleteWebhook, getWebhookInfo.

import type { WebhookInfo } from "grammy/types";
import { badRequest, conflict } from "../bot-api-error.js";
import type { WebhookConfig } from "../bot-record.js";
import { sameJson } from "../same-json.js";
import { DescribedResult, type BotMethod, type MethodCall } from "./method-call.js";

function readAllowedUpdates({ bot, params }: MethodCall): void {
  const allowed = params.optionalJson("allowed_updates");
  if (allowed === undefined) return;
  if (!Array.isArray(allowed) || !allowed.every((type) => typeof type === "string")) {
    throw badRequest("can't parse allowed_updates JSON object");
  }
  bot.allowedUpdates = allowed;
}

const getUpdates: BotMethod = async (call) => {
  const { bot, params, signal } = call;
  if (bot.webhook) {
    throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const limit = Math.min(100, Math.max(1, params.optionalInteger("limit") ?? 100));
  const timeoutSeconds = Math.max(0, params.optionalInteger("timeout") ?? 0);
  readAllowedUpdates(call);
  bot.updates.endPoll(conflict("terminated by other getUpdates request; make sure that only one bot instance is running"));
  bot.updates.applyOffset(params.optionalInteger("offset") ?? 0);
  await bot.updates.waitForUpdates(timeoutSeconds * 1000, signal);
  return bot.updates.list(limit);
};

const setWebhook: BotMethod = (call) => {
  const { state, bot, params } = call;
  const url = params.optionalString("url") ?? "";
  if (url === "") return deleteWebhook(call);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest("bad webhook: invalid webhook URL specified");
  }
  // Telegram insists on HTTPS; a local server must also reach plain-HTTP test servers.
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  }
  const secretToken = params.optionalString("secret_token");
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
    throw badRequest("secret token contains unallowed characters");
  }
  const maxConnections = Math.min(100, Math.max(1, params.optionalInteger("max_connections") ?? 40));
  readAllowedUpdates(call);
  if (params.flag("drop_pending_updates")) bot.updates.clear();

  const webhook: WebhookConfig = { url, maxConnections, ...(secretToken !== undefined ? { secretToken } : {}) };
  if (bot.webhook && sameJson(bot.webhook, webhook)) return new DescribedResult(true, "Webhook is already set");
  if (bot.webhook?.url !== url) bot.lastWebhookError = undefined;
  bot.webhook = webhook;
  bot.updates.endPoll(conflict("terminated by setWebhook request"));
  state.notifyQueue(bot);
  return new DescribedResult(true, "Webhook was set");
};

const deleteWebhook: BotMethod = ({ bot, params }) => {
  if (params.flag("drop_pending_updates")) bot.updates.clear();
  if (!bot.webhook) return new DescribedResult(true, "Webhook is already deleted");
  bot.webhook = undefined;
  bot.lastWebhookError = undefined;
  return new DescribedResult(true, "Webhook was deleted");
};

const getWebhookInfo: BotMethod = ({ bot }): WebhookInfo => {
  const { webhook, lastWebhookError: error } = bot;
  return {
    url: webhook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: bot.updates.size,
    ...(webhook ? { max_connections: webhook.maxConnections, ip_address: "127.0.0.1" } : {}),
    ...(error ? { last_error_date: error.date, last_error_message: error.message } : {}),
    ...(bot.allowedUpdates ? { allowed_updates: bot.allowedUpdates as WebhookInfo["allowed_updates"] } : {}),
  };
};

export const updateMethods: Record<string, BotMethod> = { getUpdates, setWebhook, deleteWebhook, getWebhookInfo };
