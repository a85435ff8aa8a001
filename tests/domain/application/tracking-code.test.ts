import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  formatTrackingCode,
  generateTrackingCode,
  mayBeReversedGroups,
  parseTrackingCode,
  TRACKING_CODE_LENGTH,
} from "../../../src/domain/application/tracking-code.js";
import type { RandomInt, TrackingCode } from "../../../src/domain/application/tracking-code.js";
import { hasValidVerhoeffCheckDigit } from "../../../src/domain/shared/verhoeff.js";
import { toPersianDigits } from "../../../src/domain/text/digits.js";

/** Returns the scripted values in order and records each requested bound. */
function scripted(values: number[]): RandomInt & { bounds: number[] } {
  const bounds: number[] = [];
  let next = 0;
  const random = (maxExclusive: number) => {
    bounds.push(maxExclusive);
    const value = values[next++ % values.length];
    if (value === undefined) throw new Error("no scripted values");
    return value;
  };
  return Object.assign(random, { bounds });
}

/** Seeded PRNG (mulberry32) as a RandomInt. */
function seededRandomInt(seed: number): RandomInt {
  let state = seed >>> 0;
  return (maxExclusive) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * maxExclusive);
  };
}

describe("generateTrackingCode", () => {
  it("draws a first digit from 1-9 and ten more from 0-9, then appends the Verhoeff digit", () => {
    const random = scripted([0, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    const code = generateTrackingCode(random);
    expect(random.bounds).toEqual([9, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    // first draw 0 → digit 1; Verhoeff of 12345678901 is 0, computed independently
    expect(code).toBe("123456789010");
  });

  it("never starts with 0, even when the port returns 0 every time", () => {
    expect(generateTrackingCode(() => 0)).toBe("100000000004");
  });

  it("produces 12-digit codes that parse back, for 1000 seeded draws", () => {
    const random = seededRandomInt(42);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const code = generateTrackingCode(random);
      expect(code).toMatch(/^[1-9]\d{11}$/);
      expect(parseTrackingCode(code)).toEqual({ ok: true, value: code });
      seen.add(code);
    }
    expect(seen.size).toBe(1000);
  });

  it("is not sequential: consecutive draws differ in more than the last digits", () => {
    const random = seededRandomInt(7);
    const first = generateTrackingCode(random);
    const second = generateTrackingCode(random);
    expect(first.slice(0, 6)).not.toBe(second.slice(0, 6));
  });

  it("refuses a misbehaving random port instead of producing a bad code", () => {
    expect(() => generateTrackingCode(() => 10)).toThrow(RangeError);
    expect(() => generateTrackingCode(() => -1)).toThrow(RangeError);
    expect(() => generateTrackingCode(() => 0.5)).toThrow(RangeError);
    expect(() => generateTrackingCode(scripted([8, 10]))).toThrow(RangeError);
  });
});

describe("parseTrackingCode", () => {
  const valid = "123456789010";

  it("accepts the code as printed, in any digit kind", () => {
    expect(TRACKING_CODE_LENGTH).toBe(12);
    expect(parseTrackingCode(valid)).toEqual({ ok: true, value: valid });
    expect(parseTrackingCode("1234-5678-9010")).toEqual({ ok: true, value: valid });
    expect(parseTrackingCode(toPersianDigits("1234-5678-9010"))).toEqual({ ok: true, value: valid });
    expect(parseTrackingCode("١٢٣٤ ٥٦٧٨ ٩٠١٠")).toEqual({ ok: true, value: valid });
    expect(parseTrackingCode("\u200F۱۲۳۴\u200C۵۶۷۸۹۰۱۰")).toEqual({ ok: true, value: valid });
  });

  it("refuses empty input", () => {
    expect(parseTrackingCode("")).toEqual({ ok: false, error: "empty" });
    expect(parseTrackingCode(" -- ")).toEqual({ ok: false, error: "empty" });
  });

  it.each(["12345678901a", "1234.5678.9018", "کد"])("refuses %s as not_digits", (typed) => {
    expect(parseTrackingCode(typed)).toEqual({ ok: false, error: "not_digits" });
  });

  it.each(["12345678901", "1234567890100", "1"])("refuses %s as wrong_length", (typed) => {
    expect(parseTrackingCode(typed)).toEqual({ ok: false, error: "wrong_length" });
  });

  it("refuses a code starting with 0 as mistyped, since none is ever issued", () => {
    // 023456789014 has a correct Verhoeff digit but a leading zero.
    expect(parseTrackingCode("023456789014")).toEqual({ ok: false, error: "mistyped" });
    const body = "02345678901";
    for (let check = 0; check <= 9; check++) {
      expect(parseTrackingCode(`${body}${check}`)).toEqual({ ok: false, error: "mistyped" });
    }
  });

  it("catches every single-digit error in 50 generated codes", () => {
    const random = seededRandomInt(1);
    for (let n = 0; n < 50; n++) {
      const code = generateTrackingCode(random);
      for (let position = 0; position < code.length; position++) {
        for (let digit = 0; digit <= 9; digit++) {
          if (String(digit) === code[position]) continue;
          const typo = code.slice(0, position) + String(digit) + code.slice(position + 1);
          expect(parseTrackingCode(typo), typo).toEqual({ ok: false, error: "mistyped" });
        }
      }
    }
  });

  it("catches every swap of two different adjacent digits in 200 generated codes", () => {
    const random = seededRandomInt(2);
    let swapsChecked = 0;
    for (let n = 0; n < 200; n++) {
      const code = generateTrackingCode(random);
      for (let position = 0; position < code.length - 1; position++) {
        const a = code.charAt(position);
        const b = code.charAt(position + 1);
        if (a === b) continue;
        const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
        expect(parseTrackingCode(swapped), swapped).toEqual({ ok: false, error: "mistyped" });
        swapsChecked++;
      }
    }
    expect(swapsChecked).toBeGreaterThan(1500);
  });
});

describe("formatTrackingCode", () => {
  it("groups the digits in fours with dashes", () => {
    expect(formatTrackingCode("123456789010" as TrackingCode)).toBe("1234-5678-9010");
  });

  it("round-trips through parseTrackingCode", () => {
    const code = generateTrackingCode(seededRandomInt(3));
    expect(parseTrackingCode(formatTrackingCode(code))).toEqual({ ok: true, value: code });
  });
});

describe("mayBeReversedGroups", () => {
  const codes = Array.from({ length: 400 }, () => generateTrackingCode(randomInt));
  const reversedOf = (code: string) => (code.match(/\d{4}/g) ?? []).reverse().join("");

  it("recognises a real code typed with its groups in reverse order", () => {
    // About one reversed code in ten happens to carry a valid check digit: those are the ones to recognise.
    // A code whose first and last groups are equal reads the same reversed: no reversal to recognise (1 in 10,000).
    const typedReversed = codes
      .filter((code) => reversedOf(code) !== code)
      .map(reversedOf)
      .filter((typed) => !typed.startsWith("0") && hasValidVerhoeffCheckDigit(typed));
    expect(typedReversed.length).toBeGreaterThan(0);
    for (const typed of typedReversed) expect(mayBeReversedGroups(typed as TrackingCode)).toBe(true);
  });

  it("says no when the groups read backwards are not a code, or read the same", () => {
    for (const code of codes.filter((c) => !hasValidVerhoeffCheckDigit(reversedOf(c)) || reversedOf(c).startsWith("0"))) {
      expect(mayBeReversedGroups(code)).toBe(false);
    }
    const sameBothWays = `1234${"5678"}1234`;
    expect(mayBeReversedGroups(sameBothWays as TrackingCode)).toBe(false);
  });
});
