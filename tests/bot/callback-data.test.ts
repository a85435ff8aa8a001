// Callback data codecs: round trips, stale versions and junk, the 64-byte limit, distinct kinds.
import { describe, expect, it } from "vitest";
import { CALLBACK_CODECS, CALLBACK_DATA_MAX_BYTES, defineCallbackData, paymentCheckData, startBookingData } from "../../src/bot/callback-data/index.js";

const PAYMENT_ID = "0f9e8d7c-6b5a-4321-8fed-cba987654321";
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("callback data codecs", () => {
  it("round-trips the payment check with its owner's chat id, groups' negative ids too", () => {
    for (const chatId of [1, 123456789, -1001234567890, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      const data = paymentCheckData.encode({ chatId, paymentId: PAYMENT_ID });
      expect(bytes(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(paymentCheckData.decode(data)).toEqual({ kind: "ok", value: { chatId, paymentId: PAYMENT_ID } });
    }
  });

  it("writes the kind and version first, and a UUID in 22 characters", () => {
    const data = paymentCheckData.encode({ chatId: 42, paymentId: PAYMENT_ID });
    expect(data).toMatch(/^paid:1:42:[A-Za-z0-9_-]{22}$/);
    expect(startBookingData.encode({})).toBe("book:1");
  });

  it("decodes data of another version, the old ad hoc strings and junk as stale", () => {
    const current = paymentCheckData.encode({ chatId: 42, paymentId: PAYMENT_ID });
    const stale = [
      current.replace("paid:1:", "paid:2:"),
      current.replace("paid:1:", "paid:0:"),
      `payment:check:${PAYMENT_ID}`,
      "paid:1",
      "paid:1:42",
      `${current}:extra`,
      current.replace(":42:", ":4x2:"),
      current.replace(":42:", ":042:"),
      current.slice(0, -1),
      "book:1",
      "",
    ];
    for (const data of stale) expect(paymentCheckData.decode(data), data).toEqual({ kind: "stale" });
    expect(startBookingData.decode("booking:start")).toEqual({ kind: "stale" });
    expect(startBookingData.decode("book:1")).toEqual({ kind: "ok", value: {} });
  });

  it("routes by kind whatever the version, so an old button reaches its handler to be told it is old", () => {
    expect(paymentCheckData.filter.test("paid:7:anything")).toBe(true);
    expect(paymentCheckData.filter.test("paidx:1:1")).toBe(false);
    expect(startBookingData.filter.test("booking:start")).toBe(false);
  });

  it("refuses to build data from values its fields do not allow", () => {
    expect(() => paymentCheckData.encode({ chatId: 1.5, paymentId: PAYMENT_ID })).toThrow(/chatId/);
    expect(() => paymentCheckData.encode({ chatId: 1, paymentId: "not-a-uuid" })).toThrow(/paymentId/);
  });

  it("keeps every codec of the bot within Telegram's 64 bytes at its longest, each with its own kind", () => {
    for (const codec of CALLBACK_CODECS) expect(codec.maxBytes, codec.kind).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    const kinds = CALLBACK_CODECS.map((codec) => codec.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it("supports word lists and words (for staff actions) and rejects a codec that could pass 64 bytes", () => {
    const staff = defineCallbackData({ kind: "testcase", version: 3, fields: { staffId: "int", caseId: "uuid", action: ["claim", "release"] } });
    const data = staff.encode({ staffId: 987654321, caseId: PAYMENT_ID, action: "release" });
    expect(staff.decode(data)).toEqual({ kind: "ok", value: { staffId: 987654321, caseId: PAYMENT_ID, action: "release" } });
    expect(staff.decode(data.replace("release", "delete"))).toEqual({ kind: "stale" });
    expect(staff.maxBytes).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(() => defineCallbackData({ kind: "toolong", version: 1, fields: { a: "uuid", b: "uuid", c: "int" } })).toThrow(/64-byte/);
    expect(() => defineCallbackData({ kind: "paid", version: 9, fields: {} })).toThrow(/defined twice/);
    expect(() => defineCallbackData({ kind: "Bad:kind", version: 1, fields: {} })).toThrow(/lowercase/);
  });
});
