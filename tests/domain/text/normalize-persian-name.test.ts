import { describe, expect, it } from "vitest";
import { MAX_PERSON_NAME_LENGTH, normalizePersianName, validatePersonName } from "../../../src/domain/text/normalize-persian-name.js";

const ZWNJ = "\u200C";

describe("normalizePersianName", () => {
  it("maps Arabic yeh (ي) and alef maksura (ى) to Persian yeh (ی)", () => {
    expect(normalizePersianName("علي")).toBe("علی");
    expect(normalizePersianName("مرتضى")).toBe("مرتضی");
    expect(normalizePersianName("علي")).toBe("\u0639\u0644\u06CC");
  });

  it("maps Arabic kaf (ك) to Persian kaf (ک)", () => {
    expect(normalizePersianName("كامران")).toBe("\u06A9\u0627\u0645\u0631\u0627\u0646");
  });

  it("unfolds Arabic presentation forms (as pasted from old PDFs)", () => {
    // ﻋﻠﻲ: isolated/initial/medial/final presentation forms of ع ل ي
    expect(normalizePersianName("\uFECB\uFEE0\uFEF2")).toBe("علی");
  });

  it("removes tatweel", () => {
    expect(normalizePersianName("محـــمد")).toBe("محمد");
  });

  it("removes optional vowel marks, including shadda", () => {
    expect(normalizePersianName("مُحَمَّد")).toBe("محمد");
  });

  it("joins a typed hamza above to heh and yeh", () => {
    expect(normalizePersianName("\u0647\u0654")).toBe("\u06C0");
    expect(normalizePersianName("ر\u06CC\u0654وف")).toBe("رئوف");
  });

  it("collapses runs of whitespace (including NBSP) and trims", () => {
    expect(normalizePersianName("  سید\u00A0\u00A0 محمد \t")).toBe("سید محمد");
  });

  it("keeps ZWNJ inside a name", () => {
    expect(normalizePersianName(`عبد${ZWNJ}الله`)).toBe(`عبد${ZWNJ}الله`);
  });

  it("drops ZWNJ at the edges, next to spaces and when repeated", () => {
    expect(normalizePersianName(`${ZWNJ}زهرا${ZWNJ}`)).toBe("زهرا");
    expect(normalizePersianName(`سید ${ZWNJ}علی`)).toBe("سید علی");
    expect(normalizePersianName(`محمد${ZWNJ}${ZWNJ}حسین`)).toBe(`محمد${ZWNJ}حسین`);
  });

  it("drops direction marks and ZWJ", () => {
    expect(normalizePersianName("\u200Fمریم\u200E\u200D")).toBe("مریم");
  });
});

describe("validatePersonName", () => {
  it("accepts a Persian name and returns it normalized", () => {
    expect(validatePersonName(" علي  رضايي ")).toEqual({ ok: true, value: "علی رضایی" });
  });

  it("accepts every letter of the Persian alphabet plus hamza forms, ZWNJ and spaces", () => {
    const alphabet = "ا آ ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی ء أ ؤ إ ئ ۀ";
    for (const word of alphabet.split(" ")) {
      expect(validatePersonName(word), word).toEqual({ ok: true, value: word });
    }
    expect(validatePersonName(`امیر${ZWNJ}حسین نوری`).ok).toBe(true);
  });

  it("refuses an empty name, also when only spaces or marks were typed", () => {
    expect(validatePersonName("")).toEqual({ ok: false, error: "empty" });
    expect(validatePersonName(" \u00A0\u200C\u200F ")).toEqual({ ok: false, error: "empty" });
    expect(validatePersonName("ـــ")).toEqual({ ok: false, error: "empty" });
  });

  it(`accepts ${MAX_PERSON_NAME_LENGTH} characters and refuses one more`, () => {
    expect(validatePersonName("ب".repeat(MAX_PERSON_NAME_LENGTH)).ok).toBe(true);
    expect(validatePersonName("ب".repeat(MAX_PERSON_NAME_LENGTH + 1))).toEqual({ ok: false, error: "too_long" });
  });

  it("measures length after normalization, so tatweel padding does not count", () => {
    expect(validatePersonName(`${"ب".repeat(MAX_PERSON_NAME_LENGTH)}ـــــ`).ok).toBe(true);
  });

  it("refuses Latin letters as not_persian, alone or mixed in", () => {
    expect(validatePersonName("Ali")).toEqual({ ok: false, error: "not_persian" });
    expect(validatePersonName("علی Reza")).toEqual({ ok: false, error: "not_persian" });
    expect(validatePersonName("Zoë")).toEqual({ ok: false, error: "not_persian" });
  });

  it.each([
    ["digits", "علی۲"],
    ["Latin digits", "علی2"],
    ["punctuation", "علی."],
    ["a hyphen", "علی-رضا"],
    ["an emoji", "علی🙂"],
    ["Cyrillic", "Иван"],
    ["an Arabic letter not used in Persian", "ڤ"],
    ["a lone hamza above", "\u0654"],
  ])("refuses %s as invalid_characters", (_what, name) => {
    expect(validatePersonName(name)).toEqual({ ok: false, error: "invalid_characters" });
  });
});
