import { describe, expect, it } from "vitest";
import { isLatinDigitString, normalizeNumericInput, stripInvisibleMarks, toLatinDigits, toPersianDigits } from "../../../src/domain/text/digits.js";

const LATIN = "0123456789";
const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";

describe("toLatinDigits", () => {
  it("maps every Persian digit U+06F0..U+06F9 to 0-9", () => {
    expect(PERSIAN).toBe(String.fromCharCode(...Array.from({ length: 10 }, (_, i) => 0x06f0 + i)));
    expect(toLatinDigits(PERSIAN)).toBe(LATIN);
  });

  it("maps every Arabic-Indic digit U+0660..U+0669 to 0-9", () => {
    expect(ARABIC_INDIC).toBe(String.fromCharCode(...Array.from({ length: 10 }, (_, i) => 0x0660 + i)));
    expect(toLatinDigits(ARABIC_INDIC)).toBe(LATIN);
  });

  it("handles mixed digit kinds and keeps every other character", () => {
    expect(toLatinDigits("۱٢3-ab ۴")).toBe("123-ab 4");
  });

  it("leaves look-alike letters alone (ه is not 5, ٫ is not a digit)", () => {
    expect(toLatinDigits("ه٫")).toBe("ه٫");
  });
});

describe("toPersianDigits", () => {
  it("maps Latin digits to Persian digits", () => {
    expect(toPersianDigits(LATIN)).toBe(PERSIAN);
  });

  it("unifies Arabic-Indic digits to Persian ones, since ٤٥٦ are drawn differently", () => {
    expect(toPersianDigits(ARABIC_INDIC)).toBe(PERSIAN);
  });

  it("accepts numbers and bigints and keeps separators", () => {
    expect(toPersianDigits(1405)).toBe("۱۴۰۵");
    expect(toPersianDigits(12n)).toBe("۱۲");
    expect(toPersianDigits("1234-5678")).toBe("۱۲۳۴-۵۶۷۸");
  });

  it("round-trips with toLatinDigits", () => {
    expect(toLatinDigits(toPersianDigits("09121234567"))).toBe("09121234567");
  });
});

describe("stripInvisibleMarks", () => {
  it.each([
    ["ZWSP", "\u200B"],
    ["ZWNJ", "\u200C"],
    ["ZWJ", "\u200D"],
    ["LRM", "\u200E"],
    ["RLM", "\u200F"],
    ["ALM", "\u061C"],
    ["LRE", "\u202A"],
    ["RLE", "\u202B"],
    ["PDF", "\u202C"],
    ["LRO", "\u202D"],
    ["RLO", "\u202E"],
    ["LRI", "\u2066"],
    ["RLI", "\u2067"],
    ["FSI", "\u2068"],
    ["PDI", "\u2069"],
    ["BOM", "\uFEFF"],
  ])("removes %s", (_name, mark) => {
    expect(stripInvisibleMarks(`1${mark}2${mark}`)).toBe("12");
  });
});

describe("normalizeNumericInput", () => {
  it("converts any digit kind to Latin", () => {
    expect(normalizeNumericInput("۰۹۱۲١٢٣4567")).toBe("09121234567");
  });

  it.each([
    ["space", " "],
    ["tab", "\t"],
    ["NBSP", "\u00A0"],
    ["narrow NBSP", "\u202F"],
    ["hyphen-minus", "-"],
    ["hyphen", "\u2010"],
    ["non-breaking hyphen", "\u2011"],
    ["figure dash", "\u2012"],
    ["en dash", "\u2013"],
    ["em dash", "\u2014"],
    ["minus sign", "\u2212"],
    ["soft hyphen", "\u00AD"],
    ["fullwidth hyphen-minus", "\uFF0D"],
    ["ZWNJ", "\u200C"],
    ["ZWJ", "\u200D"],
    ["LRM", "\u200E"],
    ["RLM", "\u200F"],
    ["ALM", "\u061C"],
    ["RLO", "\u202E"],
    ["LRI", "\u2066"],
    ["PDI", "\u2069"],
  ])("strips %s", (_name, separator) => {
    expect(normalizeNumericInput(`${separator}۱۲۳${separator}۴۵${separator}`)).toBe("12345");
  });

  it("keeps letters, dots and plus signs so they can be reported as invalid", () => {
    expect(normalizeNumericInput("12a3")).toBe("12a3");
    expect(normalizeNumericInput("12.3")).toBe("12.3");
    expect(normalizeNumericInput("+98 912")).toBe("+98912");
    expect(normalizeNumericInput("۱۲ب۳")).toBe("12ب3");
  });

  it("turns input made only of separators into the empty string", () => {
    expect(normalizeNumericInput(" \u200C - \u00A0")).toBe("");
  });
});

describe("isLatinDigitString", () => {
  it("accepts only non-empty runs of 0-9", () => {
    expect(isLatinDigitString("0123456789")).toBe(true);
    expect(isLatinDigitString("")).toBe(false);
    expect(isLatinDigitString("۱۲۳")).toBe(false);
    expect(isLatinDigitString("12 3")).toBe(false);
  });
});
