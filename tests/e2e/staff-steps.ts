// Steps the staff e2e tests share: popups of pressed buttons, the newest visit card, a cards import run as its CLI.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { SimulatedUser } from "../harness/simulated-user.js";
import type { TranscriptMessage } from "../../src/infrastructure/bot-api-server/transcript.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Waits for the bot's popup answer to the callback query the user caused with `callbackQueryId`. */
export async function popupOf(user: SimulatedUser, callbackQueryId: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const query = (await user.transcript()).callback_queries.find((candidate) => candidate.id === callbackQueryId);
    if (query?.answer) return query.answer.text ?? "";
    if (Date.now() > deadline) throw new Error(`no answer to callback query ${callbackQueryId}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Presses an inline button and returns the bot's popup text. */
export async function pressForPopup(user: SimulatedUser, label: string, messageId?: number): Promise<string> {
  const result = await user.press(label, messageId === undefined ? {} : { messageId });
  const id = (result as { callback_query?: { id: string } }).callback_query?.id;
  if (!id) throw new Error(`"${label}" is not an inline button`);
  return popupOf(user, id);
}

/** The newest bot message whose buttons include `label`. */
export async function newestWithButton(user: SimulatedUser, label: string): Promise<TranscriptMessage> {
  const found = (await user.botMessages()).reverse().find((message) => user.buttons(message).includes(label));
  if (!found) throw new Error(`no message with button ${label}`);
  return found;
}

/** Runs a package script's entry (scripts/<file>) as `npm run` would, against `env`; resolves with its exit code and output. */
export function runScript(file: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `scripts/${file}`, ...args],
      { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", IDCARD_IGNORE_DOTENV: "1", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
