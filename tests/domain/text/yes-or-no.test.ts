import { describe, expect, it } from "vitest";
import { readYesOrNo } from "../../../src/domain/text/yes-or-no.js";

describe("readYesOrNo", () => {
  it.each(["بله", "بلی", "آره", "اره", "آری", "بله!", " بله ", "بلى", "Yes", "ok"])("reads %j as yes", (text) => {
    expect(readYesOrNo(text)).toBe(true);
  });

  it.each(["نه", "خیر", "نخیر", "خير", "نه.", "No", "n"])("reads %j as no", (text) => {
    expect(readYesOrNo(text)).toBe(false);
  });

  it.each(["", "شاید", "نه بله", "۱", "بله‌ها", "نهایت"])("leaves %j to the question to explain", (text) => {
    expect(readYesOrNo(text)).toBeUndefined();
  });
});
