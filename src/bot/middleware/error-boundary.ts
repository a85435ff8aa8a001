// Turns an update that failed into a logged error with a reference id and a Persian apology to the citizen.
import { randomInt } from "node:crypto";
import type { BotError } from "grammy";
import type { BotContext } from "../context.js";

// No digits and no look-alike letters: the id is read out over the phone to hotline staff.
const REFERENCE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY";

/** A short id that ties the citizen's apology to the log line, e.g. "KXPD-RMFA". */
export function newErrorReference(): string {
  const pick = () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  const part = () => Array.from({ length: 4 }, pick).join("");
  return `${part()}-${part()}`;
}

/** The error handler for `bot.errorBoundary`: log with a reference, apologise, never rethrow. */
export async function apologiseAndLog(error: BotError<BotContext>): Promise<void> {
  const ctx = error.ctx;
  const ref = newErrorReference();
  ctx.logger.error({ err: error.error, ref, update_type: Object.keys(ctx.update).filter((k) => k !== "update_id") }, "update failed");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  if (!ctx.chat) return;
  await ctx.reply(ctx.t("error-apology", { ref })).catch((replyError: unknown) => {
    ctx.logger.error({ err: replyError, ref }, "could not send the apology");
  });
}
