// The address rule: normalized like names, then 10 to 300 characters.
import { describe, expect, it } from "vitest";
import { ADDRESS_MAX_LENGTH, ADDRESS_MIN_LENGTH, parseAddress } from "../../../src/domain/citizen/address.js";

describe("address", () => {
  it("normalizes Arabic letters and spacing, then keeps the address", () => {
    expect(parseAddress("  خيابان   آزادي، پلاك ۳  ")).toEqual({ ok: true, value: "خیابان آزادی، پلاک ۳" });
  });

  it("refuses an address too short to find the house or too long for the record, counted after normalizing", () => {
    expect(parseAddress("کوچه  ۳")).toEqual({ ok: false, error: "too_short" });
    expect(parseAddress(`${"ا".repeat(ADDRESS_MIN_LENGTH - 1)}          `)).toEqual({ ok: false, error: "too_short" });
    expect(parseAddress("ا".repeat(ADDRESS_MIN_LENGTH)).ok).toBe(true);
    expect(parseAddress("ا".repeat(ADDRESS_MAX_LENGTH)).ok).toBe(true);
    expect(parseAddress("ا".repeat(ADDRESS_MAX_LENGTH + 1))).toEqual({ ok: false, error: "too_long" });
  });
});
