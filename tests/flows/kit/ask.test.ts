// ask(): one question through the real bot (tests/support/fast-bot.ts) with a flow of the test's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fail, ok } from "../../../src/domain/shared/result.js";
import type { Flow } from "../../../src/flows/flow.js";
import { ask } from "../../../src/flows/kit/ask.js";
import { ERROR_MESSAGE_FAMILIES } from "../../../src/flows/kit/error-messages.js";
import { startFastBot, type FastBot } from "../../support/fast-bot.js";

// The postal code's family (loaded with the bot's flows), so the replies are the bot's own texts.
const ERRORS = ERROR_MESSAGE_FAMILIES.find((family) => family.prefix === "prereg-postal-code-error")!;

/** Asks a ten-digit code (contact accepted), then a second question with back; says what it got. */
const twoQuestions: Flow = {
  id: "ask-test",
  menuKey: "menu-pre-registration",
  async run(conversation, ctx) {
    for (;;) {
      const first = await ask(conversation, ctx, {
        prompt: "prereg-ask-postal-code",
        errors: ERRORS,
        back: false,
        accepts: ["contact"],
        parse: (reply) => {
          const text = reply.kind === "text" ? reply.text : reply.kind === "contact" ? reply.contact.phone_number : "";
          if (!/^\d+$/.test(text)) return fail("not_digits");
          return text.length === 10 ? ok(text) : fail("wrong_length");
        },
      });
      if (first.kind === "back") continue;
      const second = await ask(conversation, ctx, {
        prompt: "prereg-ask-address",
        errors: ERRORS,
        parse: (reply) => (reply.kind === "text" ? ok(reply.text) : fail("not_digits")),
      });
      if (second.kind === "back") continue;
      await ctx.reply(`${first.value} / ${second.value}`);
      return;
    }
  },
};

describe("ask", () => {
  let bot: FastBot;
  const t = (key: string) => bot.translate(key);
  beforeAll(async () => {
    bot = await startFastBot({ seed: false, journeys: () => ({ flows: [twoQuestions] }) });
  });
  afterAll(() => bot.close());

  async function started(id: number) {
    const user = bot.user(id);
    await user.say("/start");
    const asked = await user.press(t("menu-pre-registration"));
    expect(asked.at(-1)?.text).toBe(t("prereg-ask-postal-code"));
    return user;
  }

  it("takes a valid answer and moves on; the first question has no back button, the second has", async () => {
    const user = await started(8001);
    expect(user.buttons()).toEqual([t("flow-cancel")]);
    const next = await user.say("1234567890");
    expect(next.at(-1)?.text).toBe(t("prereg-ask-address"));
    expect(user.buttons()).toEqual([t("flow-back"), t("flow-cancel")]);
    const done = await user.say("here");
    expect(done.at(-1)?.text).toBe("1234567890 / here");
  });

  it("explains each error by its own key and asks the same question again, keeping nothing wrong", async () => {
    const user = await started(8002);
    const short = await user.say("123");
    expect(short.map((r) => r.text)).toEqual([t("prereg-postal-code-error-wrong_length"), t("prereg-ask-postal-code")]);
    const letters = await user.say("abc");
    expect(letters.map((r) => r.text)).toEqual([t("prereg-postal-code-error-not_digits"), t("prereg-ask-postal-code")]);
    expect((await user.say("1234567890")).at(-1)?.text).toBe(t("prereg-ask-address"));
  });

  it("goes back one question", async () => {
    const user = await started(8003);
    await user.say("1234567890");
    expect((await user.press(t("flow-back"))).at(-1)?.text).toBe(t("prereg-ask-postal-code"));
  });

  it("leaves with the main menu on cancel and /cancel; on /start or /menu asks first, and leaving then leaves", async () => {
    for (const [id, leaveWith] of [
      [8004, [t("flow-cancel")]],
      [8005, ["/start", t("flow-interrupted-leave")]],
      [8006, ["/menu", "/menu"]],
      [8008, ["/cancel"]],
    ] as const) {
      const user = await started(id);
      let left = await user.say(leaveWith[0]);
      if (leaveWith.length > 1) {
        expect(left.at(-1)?.text, leaveWith[0]).toBe(t("flow-interrupted"));
        left = await user.say(leaveWith[1]!);
      }
      expect(left.at(-1)?.text, leaveWith.join(" then ")).toBe(t("flow-cancelled"));
      expect(user.buttons()).toContain(t("menu-pre-registration"));
      // Out of the conversation: the question is no longer waiting.
      expect((await user.say("1234567890")).at(-1)?.text).toBe(t("unhandled-text"));
    }
  });

  it("answers a sticker, an edited message and an old button without losing the question", async () => {
    const user = await started(8007);
    const sticker = await user.send({
      sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false },
    });
    expect(sticker.map((r) => r.text)).toEqual([t("flow-expected-text"), t("prereg-ask-postal-code")]);
    const edited = await user.deliver({
      edited_message: {
        message_id: 1,
        date: 0,
        edit_date: 1,
        chat: { id: 8007, type: "private", first_name: "x" },
        from: { id: 8007, is_bot: false, first_name: "x" },
        text: "1",
      },
    });
    expect(edited.map((r) => r.text)).toEqual([t("unhandled-edited")]);
    const before = bot.calls.length;
    await user.deliver({
      callback_query: {
        id: "old",
        from: { id: 8007, is_bot: false, first_name: "x" },
        chat_instance: "c",
        data: "book:1",
        message: { message_id: 1, date: 0, chat: { id: 8007, type: "private", first_name: "x" } } as never,
      },
    });
    const popup = bot.calls.slice(before).find((call) => call.method === "answerCallbackQuery");
    expect(popup?.payload).toMatchObject({ text: t("flow-old-button"), show_alert: true });
    expect((await user.say("1234567890")).at(-1)?.text).toBe(t("prereg-ask-address"));
  });

  it("takes a shared contact only where the question accepts one", async () => {
    const user = await started(8008);
    const contact = await user.send({ contact: { phone_number: "0912123456", first_name: "x", user_id: 8008 } });
    expect(contact.at(-1)?.text).toBe(t("prereg-ask-address"));
    const refused = await user.send({ contact: { phone_number: "0912123456", first_name: "x", user_id: 8008 } });
    expect(refused.map((r) => r.text)).toEqual([t("flow-expected-text"), t("prereg-ask-address")]);
  });
});
