import { describe, expect, it } from "vitest";
import { isolateLeftToRightRuns } from "../../../src/domain/text/bidi.js";

const isolated = (run: string) => `\u2066${run}\u2069`;

describe("isolateLeftToRightRuns", () => {
  it("isolates a tracking code, phones and a postal code written in groups", () => {
    expect(isolateLeftToRightRuns("کد رهگیری شما: ۱۵۶۱-۷۰۹۴-۵۹۹۰")).toBe(`کد رهگیری شما: ${isolated("۱۵۶۱-۷۰۹۴-۵۹۹۰")}`);
    expect(isolateLeftToRightRuns("دفاتر پیشخوان: ۰۲۱-۶۱۹۱۲۲۲۲ و ۰۲۱-۶۶۷۱۰۲۷۰")).toBe(
      `دفاتر پیشخوان: ${isolated("۰۲۱-۶۱۹۱۲۲۲۲")} و ${isolated("۰۲۱-۶۶۷۱۰۲۷۰")}`,
    );
    expect(isolateLeftToRightRuns("کد پستی ۱۳۴۵۶-۷۸۹۱۱")).toBe(`کد پستی ${isolated("۱۳۴۵۶-۷۸۹۱۱")}`);
    expect(isolateLeftToRightRuns("phone 021-61912222")).toBe(`phone ${isolated("021-61912222")}`);
  });

  it("isolates international numbers, coordinates and commands", () => {
    expect(isolateLeftToRightRuns("شماره‌ی +۹۸۹۱۲۱۲۳۴۵۶۷")).toBe(`شماره‌ی ${isolated("+۹۸۹۱۲۱۲۳۴۵۶۷")}`);
    expect(isolateLeftToRightRuns("موقعیت ۳۵٫۶۹۹۷، ۵۱٫۳۳۸ دریافت شد")).toBe(`موقعیت ${isolated("۳۵٫۶۹۹۷، ۵۱٫۳۳۸")} دریافت شد`);
    expect(isolateLeftToRightRuns("برای شروع دوباره /start را بفرستید.")).toBe(`برای شروع دوباره ${isolated("/start")} را بفرستید.`);
  });

  it("leaves alone what already reads in order: dates, times, amounts, single numbers, short ranges, links", () => {
    for (const text of ["۱۳۷۰/۰۵/۱۲", "ساعت ۰۸:۳۰", "۳۱٬۰۰۰ تومان", "۰۹۱۲۱۲۳۴۵۶۷", "۱۵-۳۰ روز", "https://example.ir/pay/ab-12", "سه‌شنبه ۱۰ آذر ۱۴۰۵"]) {
      expect(isolateLeftToRightRuns(text)).toBe(text);
    }
  });

  it("does not isolate twice when a translated text is placed inside another", () => {
    const once = isolateLeftToRightRuns("کد: ۱۵۶۱-۷۰۹۴-۵۹۹۰ و /help");
    expect(isolateLeftToRightRuns(`پیام: ${once}`)).toBe(`پیام: ${once}`);
  });
});
