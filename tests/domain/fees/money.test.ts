import { describe, expect, it } from "vitest";
import { RIAL_PER_TOMAN, tomanToRial } from "../../../src/domain/fees/money.js";

describe("money units", () => {
  it("counts ten rial to the toman", () => {
    expect(RIAL_PER_TOMAN).toBe(10);
    expect(tomanToRial(31_000)).toBe(310_000);
    expect(tomanToRial(0)).toBe(0);
  });

  it("refuses fractional toman figures", () => {
    expect(() => tomanToRial(1.5)).toThrow(RangeError);
  });
});
