// Injected failures: a 429 that @grammyjs/auto-retry rides out, 5xx answers, per-chat faults and clearing.

import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocalBotApi, type LocalBotApi } from "../../harness/local-bot-api.js";

const token = "777:faults";
let api: LocalBotApi;

beforeAll(async () => {
  api = await startLocalBotApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  await api.reset();
  await api.user(11, { token }).say("hi");
  await api.user(12, { token }).say("hi");
});

const newBot = () => new Bot(token, { client: { apiRoot: api.url } });

describe("injected faults", () => {
  it("answers 429 with retry_after, and auto-retry succeeds once it has waited", async () => {
    await api.injectFault({ method: "sendMessage", error_code: 429, retry_after: 1, times: 2 });

    const plain = await newBot()
      .api.sendMessage(11, "first")
      .catch((error: unknown) => error);
    expect(plain).toBeInstanceOf(GrammyError);
    expect((plain as GrammyError).error_code).toBe(429);
    expect((plain as GrammyError).description).toBe("Too Many Requests: retry after 1");
    expect((plain as GrammyError).parameters).toEqual({ retry_after: 1 });

    const bot = newBot();
    bot.api.config.use(autoRetry());
    const started = Date.now();
    const sent = await bot.api.sendMessage(11, "دوباره");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(sent.text).toBe("دوباره");
    const texts = (await api.user(11, { token }).transcript()).messages.map((message) => message.text);
    // The failed calls left nothing behind; only the successful one shows.
    expect(texts).toEqual(["hi", "دوباره"]);
  });

  it("fails exactly `times` calls with a 500 and then works again", async () => {
    await api.injectFault({ method: "sendMessage", error_code: 500, times: 2 });
    const bot = newBot();
    const answers = await Promise.allSettled([1, 2, 3].map((n) => bot.api.sendMessage(11, `try ${n}`)));
    // Whatever order they arrive in, exactly two of them meet the fault.
    expect(answers.filter((answer) => answer.status === "rejected")).toHaveLength(2);
    const failure = answers.find((answer) => answer.status === "rejected");
    expect(((failure as PromiseRejectedResult).reason as GrammyError).description).toBe("Internal Server Error");
    expect(await bot.api.sendMessage(11, "ok")).toMatchObject({ text: "ok" });
  });

  it("can fail one chat only, e.g. a user who blocked the bot", async () => {
    await api.injectFault({ method: "sendMessage", error_code: 403, chat_id: 12 });
    const bot = newBot();
    await expect(bot.api.sendMessage(11, "to 11")).resolves.toMatchObject({ chat: { id: 11 } });
    await expect(bot.api.sendMessage(12, "to 12")).rejects.toThrow("Forbidden: bot was blocked by the user");
  });

  it("clears armed faults", async () => {
    await api.injectFault({ method: "getMe", error_code: 502, times: 5 });
    await api.clearFaults();
    await expect(newBot().api.getMe()).resolves.toMatchObject({ id: 777 });
  });
});

describe("a user blocking the bot", () => {
  it("gives the bot my_chat_member and 403 on sends until the user comes back", async () => {
    const bot = newBot();
    const user = api.user(11, { token });
    await user.block();
    await expect(bot.api.sendMessage(11, "still there?")).rejects.toThrow("Forbidden: bot was blocked by the user");
    await user.say("/start");
    await expect(bot.api.sendMessage(11, "welcome back")).resolves.toMatchObject({ text: "welcome back" });

    const kinds = (await bot.api.getUpdates()).map((update) =>
      update.my_chat_member ? `member:${update.my_chat_member.new_chat_member.status}` : `text:${update.message?.text}`,
    );
    expect(kinds.slice(-3)).toEqual(["member:kicked", "member:member", "text:/start"]);
  });
});
