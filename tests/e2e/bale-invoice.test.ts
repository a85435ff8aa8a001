// Pre-registration paid with Bale's in-app invoice: sendInvoice → pre_checkout_query → successful_payment,
// through the real bot and the local Bot API server (which answers like Bale/Telegram's payment API).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotWorld, type BotWorld } from "../support/bot-fixture.js";
import { preRegisterUntilSummary, trackingCodeIn } from "./citizen-steps.js";

describe("payment with Bale's in-app invoice", () => {
  let world: BotWorld;

  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot({ BOT_PLATFORM: "bale", PAYMENT_GATEWAY: "bale", BALE_PROVIDER_TOKEN: "6037991234567890" });
  });
  afterAll(() => world.close());

  it("sends an invoice in rial, accepts its pre-checkout, and settles on successful_payment once", async () => {
    const user = world.api.user(9601);
    await preRegisterUntilSummary(user);
    await user.press("✅ تأیید و پرداخت");
    const invoice = await user.waitForBotMessage((message) => message.kind === "invoice");
    expect(invoice.message.invoice).toMatchObject({ currency: "IRR", total_amount: 200_000 });
    await user.waitForBotMessage("صورت‌حساب");
    // What the citizen reads comes in order: "saved, now pay", then the invoice, then how to pay it.
    const order = (await user.transcript()).messages.filter((m) => m.sender === "bot").map((m) => (m.kind === "invoice" ? "invoice" : (m.text ?? "")));
    const saved = order.findIndex((text) => text.includes("اطلاعات شما ثبت شد"));
    expect(saved).toBeGreaterThanOrEqual(0);
    expect(order.indexOf("invoice")).toBe(saved + 1);

    await user.pay(invoice.message_id);
    const confirmation = await user.waitForBotMessage("کد رهگیری شما:");
    expect(trackingCodeIn(confirmation.text)).toMatch(/^[1-9]\d{11}$/);
    const transcript = await user.transcript();
    expect(transcript.messages.filter((m) => m.kind === "successful_payment" || m.message.successful_payment)).toHaveLength(1);

    // Paying the same invoice again is refused at pre-checkout: the payment is no longer open.
    await user.pay(invoice.message_id);
    const deadline = Date.now() + 10_000;
    let checks = (await user.transcript()).pre_checkout_queries;
    while (checks.some((check) => check.status === "pending") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      checks = (await user.transcript()).pre_checkout_queries;
    }
    expect(checks.map((check) => check.status)).toEqual(["approved", "rejected"]);
    expect(checks[1]!.error_message).toContain("دیگر معتبر نیست");
    const db = world.database.open();
    try {
      expect(await db.prisma.payment.count({ where: { status: "paid", gateway: "bale" } })).toBe(1);
      expect(await db.prisma.notification.count({ where: { chatId: 9601n } })).toBe(1);
    } finally {
      await db.close();
    }
  });
});
