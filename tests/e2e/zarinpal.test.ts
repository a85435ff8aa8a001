// Pre-registration paid through Zarinpal v4 (a fake Zarinpal over HTTP, since the real one is unreachable
// here): the gateway failing at first keeps the citizen's answers and offers a retry; then request →
// StartPay → callback → verify (100, then 101 on a second callback) → one tracking code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeZarinpal, type FakeZarinpal } from "../infrastructure/payments/fake-zarinpal.js";
import { createBotWorld, type BotWorld } from "../support/bot-fixture.js";
import { preRegister, trackingCodeIn } from "./citizen-steps.js";

describe("payment through Zarinpal", () => {
  let world: BotWorld;
  let zarinpal: FakeZarinpal;

  beforeAll(async () => {
    zarinpal = await startFakeZarinpal();
    world = await createBotWorld();
    await world.startBot({ PAYMENT_GATEWAY: "zarinpal", ZARINPAL_MERCHANT_ID: zarinpal.merchantId, ZARINPAL_API_BASE: zarinpal.url });
  });
  afterAll(async () => {
    await world.close();
    await zarinpal.close();
  });

  it("offers a retry when the gateway is down, then settles once through StartPay, callback and verify", async () => {
    const user = world.api.user(9501);
    zarinpal.failNext(1, 502);
    // preRegister waits for the payment message; here the retry question comes first.
    const pending = preRegister(user).catch(() => undefined);
    const retry = await user.waitForBotMessage("درگاه پرداخت الان پاسخ نمی‌دهد", { timeoutMs: 30_000 });
    expect(retry.text).toContain("ذخیره شده است");
    await user.press("🔄 تلاش دوباره");
    const payment = await user.waitForBotMessage("مبلغ قابل پرداخت");
    await pending;

    const markup = payment.reply_markup as { inline_keyboard: Array<Array<{ url?: string }>> };
    const payUrl = markup.inline_keyboard.flat().find((button) => button.url)!.url!;
    expect(payUrl).toMatch(new RegExp(`^${zarinpal.url}/pg/StartPay/A\\d+$`));
    const authority = payUrl.split("/").pop()!;
    const requested = zarinpal.calls.filter((call) => call.path.endsWith("request.json"));
    expect(requested.at(-1)?.body).toMatchObject({ amount: 200_000, currency: "IRR" });

    zarinpal.pay(authority);
    const callbackUrl = `${zarinpal.transactions.get(authority)!.callbackUrl}?Authority=${authority}&Status=OK`;
    const [first, second] = await Promise.all([fetch(callbackUrl), fetch(callbackUrl)].map(async (r) => (await r).text()));
    expect(first).toContain("پرداخت با موفقیت انجام شد");
    expect(second).toContain("پرداخت با موفقیت انجام شد");
    const confirmation = await user.waitForBotMessage("کد رهگیری شما:");
    expect(trackingCodeIn(confirmation.text)).toMatch(/^[1-9]\d{11}$/);

    // Verify asked with our amount; never more than one settled payment.
    const verifies = zarinpal.calls.filter((call) => call.path.endsWith("verify.json"));
    expect(verifies.length).toBeGreaterThanOrEqual(1);
    expect(verifies.every((call) => call.body?.amount === 200_000 && call.body?.authority === authority)).toBe(true);
    const db = world.database.open();
    try {
      expect(await db.prisma.payment.count({ where: { status: "paid" } })).toBe(1);
      expect(await db.prisma.notification.count({ where: { chatId: 9501n } })).toBe(1);
    } finally {
      await db.close();
    }
  });
});
