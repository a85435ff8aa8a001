// Contacts, locations, photos (uploads, getFile, downloads), stickers, edits and the invoice-to-payment flow.

import { Bot, InlineKeyboard, InputFile } from "grammy";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { samplePhotoPng } from "../../../src/infrastructure/bot-api-server/sample-media.js";
import { startPolling, type RunningBot } from "../../harness/grammy-bots.js";
import { startLocalBotApi, type LocalBotApi } from "../../harness/local-bot-api.js";
import type { SimulatedUser } from "../../harness/simulated-user.js";

const token = "555:media";
let api: LocalBotApi;
let bot: Bot;
let running: RunningBot;
let user: SimulatedUser;
let updates: Update[];

beforeAll(async () => {
  api = await startLocalBotApi();
  bot = new Bot(token, { client: { apiRoot: api.url } });
  bot.use((ctx, next) => {
    updates.push(ctx.update);
    return next();
  });
  bot.on("pre_checkout_query", (ctx) =>
    ctx.preCheckoutQuery.invoice_payload === "reject-me"
      ? ctx.answerPreCheckoutQuery(false, { error_message: "ظرفیت تکمیل است" })
      : ctx.answerPreCheckoutQuery(true),
  );
  bot.on("message:successful_payment", (ctx) => ctx.reply(`پرداخت شد: ${ctx.message.successful_payment.total_amount}`));
  running = await startPolling(bot);
});
afterAll(async () => {
  await running.stop();
  await api.close();
});
beforeEach(async () => {
  await api.reset();
  updates = [];
  user = api.user(2002, { token });
});

async function nextUpdate(where: (update: Update) => boolean): Promise<Update> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = updates.find(where);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no such update; got ${JSON.stringify(updates)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function download(filePath: string): Promise<Uint8Array> {
  const response = await fetch(`${api.url}/file/bot${token}/${filePath}`);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe("what a user sends", () => {
  it("shares the user's own contact, or someone else's", async () => {
    await user.shareContact("989121234567");
    await user.shareContact("989351112233", { userId: 3003, firstName: "Ali" });
    const own = await nextUpdate((update) => update.message?.contact?.phone_number === "989121234567");
    const other = await nextUpdate((update) => update.message?.contact?.phone_number === "989351112233");
    expect(own.message?.contact).toMatchObject({ user_id: 2002, first_name: "User 2002" });
    expect(other.message?.contact).toMatchObject({ user_id: 3003, first_name: "Ali" });
  });

  it("sends a location", async () => {
    await user.shareLocation(35.7, 51.4);
    const update = await nextUpdate((candidate) => candidate.message?.location !== undefined);
    expect(update.message?.location).toEqual({ latitude: 35.7, longitude: 51.4 });
  });

  it("sends a photo the bot can fetch through getFile and the file URL", async () => {
    await user.sendPhoto("کارت");
    const update = await nextUpdate((candidate) => candidate.message?.photo !== undefined);
    expect(update.message?.caption).toBe("کارت");
    const largest = update.message?.photo?.at(-1);
    const file = await bot.api.getFile(largest!.file_id);
    expect(file.file_size).toBe(samplePhotoPng.bytes.byteLength);
    expect(await download(file.file_path!)).toEqual(samplePhotoPng.bytes);
  });

  it("sends a sticker and edits a message (updates the bot may not expect)", async () => {
    const said = await user.say("اول");
    if (said.kind !== "message") throw new Error("expected a message");
    await user.sendSticker();
    await user.editMessage(said.message.message_id, "دوم");
    const sticker = await nextUpdate((update) => update.message?.sticker !== undefined);
    const edited = await nextUpdate((update) => update.edited_message !== undefined);
    expect(sticker.message?.sticker).toMatchObject({ type: "regular", is_animated: false });
    expect(edited.edited_message).toMatchObject({ message_id: said.message.message_id, text: "دوم", edit_date: expect.any(Number) });
  });
});

describe("what the bot sends", () => {
  beforeEach(() => user.say("hi"));

  it("uploads a photo as multipart, with its keyboard, and serves the bytes back", async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 45, 45, 0, 255, 13, 10]);
    const sent = await bot.api.sendPhoto(2002, new InputFile(bytes, "card.png"), {
      caption: "تصویر کارت",
      reply_markup: new InlineKeyboard().text("تایید", "confirm"),
    });
    expect(sent.caption).toBe("تصویر کارت");
    expect(sent.reply_markup?.inline_keyboard[0]?.[0]).toEqual({ text: "تایید", callback_data: "confirm" });

    const file = await bot.api.getFile(sent.photo.at(-1)!.file_id);
    expect(await download(file.file_path!)).toEqual(bytes);
    const entry = (await user.transcript()).messages.at(-1);
    expect(entry).toMatchObject({ kind: "photo", text: "تصویر کارت", sender: "bot" });

    // A known file_id can be sent again without uploading.
    const again = await bot.api.sendPhoto(2002, sent.photo[0]!.file_id);
    expect(again.photo[0]?.file_id).toBe(sent.photo[0]?.file_id);
  });

  it("refuses a file_id it never issued", async () => {
    await expect(bot.api.sendPhoto(2002, "no-such-file")).rejects.toThrow("wrong file identifier/HTTP URL specified");
  });

  it("sends locations and venues", async () => {
    await bot.api.sendLocation(2002, 35.7, 51.4);
    await bot.api.sendVenue(2002, 35.7, 51.4, "دفتر پیشخوان", "تهران، خیابان آزادی");
    const [location, venue] = (await user.transcript()).messages.slice(-2);
    expect(location).toMatchObject({ kind: "location", message: { location: { latitude: 35.7, longitude: 51.4 } } });
    expect(venue).toMatchObject({ kind: "venue", message: { venue: { title: "دفتر پیشخوان", address: "تهران، خیابان آزادی" } } });
  });
});

describe("payments", () => {
  const invoice = (payload: string) =>
    bot.api.sendInvoice(2002, "پیش‌ثبت‌نام", "هزینه پیش‌ثبت‌نام کارت ملی", payload, "IRR", [{ label: "هزینه", amount: 200_000 }], {
      provider_token: "6037990000000000",
    });

  it("pays an invoice: pre_checkout_query, approval, successful_payment", async () => {
    await user.say("hi");
    const sent = await invoice("order-17");
    expect(sent.invoice).toEqual({
      title: "پیش‌ثبت‌نام",
      description: "هزینه پیش‌ثبت‌نام کارت ملی",
      start_parameter: "",
      currency: "IRR",
      total_amount: 200_000,
    });

    const paying = await user.pay(sent.message_id);
    expect(paying).toMatchObject({ kind: "pre_checkout_query", pre_checkout_query: { invoice_payload: "order-17", total_amount: 200_000 } });
    const confirmation = await user.waitForBotMessage("پرداخت شد: 200000");
    expect(confirmation.sender).toBe("bot");

    const paid = await nextUpdate((update) => update.message?.successful_payment !== undefined);
    expect(paid.message?.successful_payment).toMatchObject({
      currency: "IRR",
      total_amount: 200_000,
      invoice_payload: "order-17",
      telegram_payment_charge_id: expect.any(String),
      provider_payment_charge_id: expect.any(String),
    });
    const transcript = await user.transcript();
    expect(transcript.pre_checkout_queries).toEqual([
      expect.objectContaining({ status: "approved", invoice_message_id: sent.message_id, payment_message_id: paid.message?.message_id }),
    ]);
    expect(transcript.messages.find((message) => message.kind === "successful_payment")?.sender).toBe("user");
  });

  it("records the bot's refusal and completes nothing", async () => {
    await user.say("hi");
    const sent = await invoice("reject-me");
    await user.pay(sent.message_id);
    const deadline = Date.now() + 5000;
    let status = "pending";
    while (status === "pending" && Date.now() < deadline) {
      status = (await user.transcript()).pre_checkout_queries[0]?.status ?? "pending";
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const transcript = await user.transcript();
    expect(transcript.pre_checkout_queries[0]).toMatchObject({ status: "rejected", error_message: "ظرفیت تکمیل است" });
    expect(transcript.messages.some((message) => message.kind === "successful_payment")).toBe(false);
  });

  it("refuses an invoice with a bad currency", async () => {
    await user.say("hi");
    await expect(bot.api.sendInvoice(2002, "t", "d", "p", "rial", [{ label: "x", amount: 1 }], { provider_token: "x" })).rejects.toThrow(
      "Bad Request: CURRENCY_INVALID",
    );
  });
});
