import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/infrastructure/logging/logger.js";
import { maskPersonalData } from "../../../src/infrastructure/logging/mask-personal-data.js";

describe("maskPersonalData", () => {
  it.each([
    ["national id 0084575948 given", "0084575948"],
    ["national id ۰۰۸۴۵۷۵۹۴۸ in Persian digits", "۰۰۸۴۵۷۵۹۴۸"],
    ["mobile 09123456789", "09123456789"],
    ["mobile +989123456789", "+989123456789"],
    ["mobile 00989123456789", "00989123456789"],
    ["mobile ۰۹۱۲۳۴۵۶۷۸۹", "۰۹۱۲۳۴۵۶۷۸۹"],
    ["landline 02166742876", "02166742876"],
    ["born 1370/05/12", "1370/05/12"],
    ["born ۱۳۷۰-۵-۱۲", "۱۳۷۰-۵-۱۲"],
    ["born ۱۲ مرداد ۱۳۷۰ in Tehran", "مرداد ۱۳۷۰"],
    ["born 12 Mordad 1370", "Mordad 1370"],
    ["born ۱۲ مرداد", "۱۲ مرداد"],
    ["compact 13700512", "13700512"],
    ["tracking code ۱۲۳۴-۵۶۷۸-۹۰۱۲", "۵۶۷۸"],
    ["tracking code \u2066۱۲۳۴-۵۶۷۸-۹۰۱۲\u2069", "۵۶۷۸"],
    ["tracking code 123456789012", "123456789012"],
    ['date {"year":1370,"month":5,"day":12}', "1370"],
  ])("hides the personal number in %j", (text, secret) => {
    const masked = maskPersonalData(text);
    expect(masked).not.toContain(secret);
    expect(masked.length).toBeGreaterThan(0);
  });

  it("keeps the ends of a national id so staff can tell records apart", () => {
    expect(maskPersonalData("id=0084575948")).toBe("id=008*****48");
  });

  it("leaves timestamps, update ids and ordinary numbers alone", () => {
    const text = '{"time":"2026-11-29T09:00:00.000Z","update_id":123456,"epoch":1764406800000}';
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe("maskPersonalData on JSON log lines", () => {
  it("keeps a line valid JSON and leaves numbers that are not personal alone", () => {
    const line = JSON.stringify({ update_id: 1234567890, counts: { a: 9123456789, list: [1370051200] }, msg: "x" });
    const masked = maskPersonalData(`${line}\n`);
    expect(masked.endsWith("\n")).toBe(true);
    expect(JSON.parse(masked)).toEqual(JSON.parse(line));
  });

  it("masks personal fields whatever their value, and date objects", () => {
    const line = JSON.stringify({ firstName: "علی", address: "خیابان آزادی", birth: { year: 1370, month: 5, day: 12 }, note: "code 1234-5678-9012" });
    const masked = JSON.parse(maskPersonalData(line)) as Record<string, unknown>;
    expect(JSON.stringify(masked)).not.toMatch(/علی|آزادی|1370|5678/);
    expect(masked.birth).toBe("****/**/**");
  });

  it("does not touch ordinary Persian words that contain a month's name", () => {
    const text = "کدی که زیادی دیر رسید";
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe("createLogger", () => {
  it("masks personal data anywhere in a log line, including error messages", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger("info", sink);
    logger.info({ nationalId: "0084575948", nested: { phone: "09123456789" } }, "registered 0084575948");
    logger.error({ err: new Error("citizen 0084575948 born 1370/05/12 not found") }, "failed");
    const output = lines.join("");
    expect(output).toContain("registered");
    expect(output).not.toMatch(/0084575948|09123456789|1370\/05\/12/);
  });
});
