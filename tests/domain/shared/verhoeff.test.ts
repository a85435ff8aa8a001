import { describe, expect, it } from "vitest";
import { hasValidVerhoeffCheckDigit, verhoeffCheckDigit } from "../../../src/domain/shared/verhoeff.js";

describe("Verhoeff check digit", () => {
  it.each([
    ["236", 3],
    ["12345", 1],
    ["142857", 0],
    ["123456789012", 0],
    ["8473643095483728456789", 2],
  ])("matches the published example %s → %i", (digits, check) => {
    expect(verhoeffCheckDigit(digits)).toBe(check);
    expect(hasValidVerhoeffCheckDigit(`${digits}${check}`)).toBe(true);
  });

  it("refuses every other final digit", () => {
    for (let wrong = 0; wrong <= 9; wrong++) {
      if (wrong === 3) continue;
      expect(hasValidVerhoeffCheckDigit(`236${wrong}`)).toBe(false);
    }
  });

  it("refuses a lone digit, which has nothing to check", () => {
    expect(hasValidVerhoeffCheckDigit("0")).toBe(false);
  });

  it("throws on anything but Latin digits, a programming error", () => {
    expect(() => verhoeffCheckDigit("12a")).toThrow(RangeError);
    expect(() => hasValidVerhoeffCheckDigit("۱۲۳")).toThrow(RangeError);
  });
});
