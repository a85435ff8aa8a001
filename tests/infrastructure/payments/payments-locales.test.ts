// The payments texts: both locales define the same keys, Persian really is Persian, and the message renders.
import { describe, expect, it } from "vitest";
import { renderResultPage, type CallbackResult } from "../../../src/infrastructure/payments/payment-callback-routes.js";
import { paymentsKeys, paymentsTranslate } from "./payments-translate.js";

const RESULTS: CallbackResult[] = ["paid", "cancelled", "not_paid", "unknown", "expired", "not_payable", "not_found"];

describe("payments locale files", () => {
  it("define the same keys in Persian and English, all prefixed payment- or sandbox-", () => {
    const fa = paymentsKeys("fa");
    expect(fa.length).toBeGreaterThan(20);
    expect(new Set(fa).size).toBe(fa.length);
    expect([...paymentsKeys("en")].sort()).toEqual([...fa].sort());
    expect(fa.filter((key) => !/^(payment|sandbox)-/.test(key))).toEqual([]);
  });

  it("render every result page in both languages with no missing text", () => {
    for (const locale of ["fa", "en"] as const) {
      const translate = paymentsTranslate(locale);
      for (const result of RESULTS) renderResultPage(translate, result, "https://t.me/bot");
      expect(translate.missing).toEqual([]);
    }
    expect(renderResultPage(paymentsTranslate("fa"), "paid")).toContain('<html lang="fa" dir="rtl">');
    expect(renderResultPage(paymentsTranslate("en"), "paid")).toContain('<html lang="en" dir="ltr">');
  });

  it("write the Persian pages in Persian", () => {
    const translate = paymentsTranslate("fa");
    for (const key of paymentsKeys("fa").filter((k) => /-(heading|body)$/.test(k))) {
      expect(translate(key), key).toMatch(/[\u0600-\u06FF]/);
      expect(translate(key), key).not.toMatch(/[a-zA-Z]/);
    }
  });

  it("announce the tracking code and the next step (booking) in the confirmation message", () => {
    const code = "۱۲۳۴-۵۶۷۸-۹۰۱۲";
    const fa = paymentsTranslate("fa")("payment-confirmed", { trackingCode: code });
    expect(fa).toContain(`کد رهگیری شما: ${code}`);
    expect(fa).toContain("نوبت");
    expect(fa).not.toMatch(/[\u2066-\u2069]/);
    expect(paymentsTranslate("en")("payment-confirmed", { trackingCode: code })).toContain(code);
  });
});
