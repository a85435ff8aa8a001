import { createIranianNationalId, validateNationalIdChecksum } from "@persian-tools/persian-tools";
import { describe, expect, it } from "vitest";
import { parseNationalId } from "../../../src/domain/citizen/national-id.js";
import type { NationalId } from "../../../src/domain/citizen/national-id.js";

/** Seeded PRNG (mulberry32) so generated cases are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The check digit computed the long way, independently of the code under test. */
function checkDigitFor(firstNine: string): string {
  const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(firstNine.charAt(i)), 0);
  const remainder = sum % 11;
  return String(remainder < 2 ? remainder : 11 - remainder);
}

const KNOWN_VALID = ["7400076205", "7340416501", "2540201288"];

describe("parseNationalId: valid IDs", () => {
  it.each(KNOWN_VALID)("accepts %s, which a prefix list would wrongly refuse", (id) => {
    expect(parseNationalId(id)).toEqual({ ok: true, value: id });
  });

  it("accepts IDs whose check digit comes from the r < 2 branch (r = 0 and r = 1)", () => {
    const withRemainder = (wanted: number): string => {
      for (let n = 100_000_000; ; n++) {
        const firstNine = String(n);
        const sum = [...firstNine].reduce((t, d, i) => t + Number(d) * (10 - i), 0);
        if (sum % 11 === wanted && firstNine.slice(3) !== "000000") return firstNine + String(wanted);
      }
    };
    expect(parseNationalId(withRemainder(0)).ok).toBe(true);
    expect(parseNationalId(withRemainder(1)).ok).toBe(true);
  });

  it("accepts 200 IDs made by persian-tools", () => {
    const random = seededRandom(1405);
    for (let i = 0; i < 200; i++) {
      const id = createIranianNationalId({ randomGenerator: random });
      expect(parseNationalId(id), id).toEqual({ ok: true, value: id });
    }
  });

  it("accepts leading zeros (IDs from Tehran often start with 00)", () => {
    const id = `00123456${"7"}`;
    const full = id + checkDigitFor(id);
    expect(parseNationalId(full)).toEqual({ ok: true, value: full });
  });

  it.each([
    ["Persian digits", "۷۴۰۰۰۷۶۲۰۵"],
    ["Arabic-Indic digits", "٧٤٠٠٠٧٦٢٠٥"],
    ["mixed digit kinds", "۷4٠۰۰7۶٢0۵"],
    ["the printed dashes", "740-007620-5"],
    ["spaces and NBSP", " 740 0076\u00A0205 "],
    ["RLM and ZWNJ from a Persian keyboard", "\u200F۷۴۰۰\u200C۰۷۶۲۰۵\u200E"],
    ["an en dash", "740\u2013007620\u20135"],
  ])("normalizes input typed with %s", (_how, typed) => {
    expect(parseNationalId(typed)).toEqual({ ok: true, value: "7400076205" });
  });
});

describe("parseNationalId: refusals", () => {
  it("refuses empty input, also when only separators were typed", () => {
    expect(parseNationalId("")).toEqual({ ok: false, error: "empty" });
    expect(parseNationalId(" - \u200C ")).toEqual({ ok: false, error: "empty" });
  });

  it.each(["74000762O5", "7400076205a", "740.007.6205", "کدملی", "+7400076205"])("refuses %s as not_digits", (typed) => {
    expect(parseNationalId(typed)).toEqual({ ok: false, error: "not_digits" });
  });

  it.each(["740007620", "74000762", "74000762055", "1"])("refuses %s as wrong_length, without padding", (typed) => {
    expect(parseNationalId(typed)).toEqual({ ok: false, error: "wrong_length" });
  });

  it("does not left-pad a 9-digit ID even when the padded form would be valid", () => {
    const padded = `0${"12345678"}`;
    const valid = padded + checkDigitFor(padded);
    expect(parseNationalId(valid).ok).toBe(true);
    expect(parseNationalId(valid.slice(1))).toEqual({ ok: false, error: "wrong_length" });
  });

  it("refuses every wrong last digit of a known ID as invalid_checksum", () => {
    for (let digit = 0; digit <= 9; digit++) {
      if (digit === 5) continue;
      expect(parseNationalId(`740007620${digit}`)).toEqual({ ok: false, error: "invalid_checksum" });
    }
  });

  it("catches every single-digit typo in the first nine digits when the check digit is not 1", () => {
    for (const id of ["7400076205", "2540201288"]) {
      for (let position = 0; position < 9; position++) {
        for (let digit = 0; digit <= 9; digit++) {
          if (String(digit) === id[position]) continue;
          const typo = id.slice(0, position) + String(digit) + id.slice(position + 1);
          expect(parseNationalId(typo).ok, typo).toBe(false);
        }
      }
    }
  });

  it("shares the scheme's known blind spot: check digit 1 stands for remainders 1 and 10", () => {
    // 7340416501 (r = 10) with the first digit mistyped as 5 has r = 1: both give check digit 1.
    expect(parseNationalId("5340416501")).toEqual({ ok: true, value: "5340416501" });
  });

  it("agrees with persian-tools on the checksum for 2000 random 10-digit numbers", () => {
    const random = seededRandom(7);
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const firstNine = String(Math.floor(random() * 1e9)).padStart(9, "0");
      // Half the cases get the right check digit, half a random one.
      const last = i % 2 === 0 ? checkDigitFor(firstNine) : String(Math.floor(random() * 10));
      const id = firstNine + last;
      if (firstNine.slice(3) === "000000" || /^(\d)\1{9}$/.test(id)) continue;
      const result = parseNationalId(id);
      expect(result.ok, id).toBe(validateNationalIdChecksum(id));
      if (!result.ok) expect(result.error).toBe("invalid_checksum");
      if (result.ok) accepted++;
    }
    expect(accepted).toBeGreaterThan(900);
  });

  it("refuses all ten same-digit numbers as invalid_pattern even though each passes the checksum", () => {
    for (let digit = 0; digit <= 9; digit++) {
      const id = String(digit).repeat(10);
      expect(checkDigitFor(id.slice(0, 9))).toBe(id[9]);
      expect(parseNationalId(id)).toEqual({ ok: false, error: "invalid_pattern" });
    }
  });

  it("refuses 1111111111 by policy (reported to be real; such a person applies in person)", () => {
    expect(parseNationalId("1111111111")).toEqual({ ok: false, error: "invalid_pattern" });
  });

  it("refuses IDs whose digits 4-9 are all zero, even with a valid checksum", () => {
    for (const prefix of ["123", "740", "001"]) {
      const firstNine = `${prefix}000000`;
      const id = firstNine + checkDigitFor(firstNine);
      expect(validateNationalIdChecksum(id)).toBe(true);
      expect(parseNationalId(id)).toEqual({ ok: false, error: "invalid_pattern" });
    }
  });

  it("accepts an ID with five zeros in digits 4-9: only six zeros form the pattern", () => {
    const firstNine = "123000001";
    const id = firstNine + checkDigitFor(firstNine);
    expect(parseNationalId(id)).toEqual({ ok: true, value: id });
  });
});
