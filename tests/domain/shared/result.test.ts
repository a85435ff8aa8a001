import { describe, expect, it } from "vitest";
import { fail, ok } from "../../../src/domain/shared/result.js";
import type { Result } from "../../../src/domain/shared/result.js";

describe("Result helpers", () => {
  it("ok() carries the value and marks success", () => {
    expect(ok(42)).toEqual({ ok: true, value: 42 });
  });

  it("fail() carries the error code and marks failure", () => {
    expect(fail("empty")).toEqual({ ok: false, error: "empty" });
  });

  it("narrows on the ok flag so callers reach value or error, never both", () => {
    const describeResult = (result: Result<number, "too_big">): string => (result.ok ? `value ${result.value}` : `error ${result.error}`);
    expect(describeResult(ok(7))).toBe("value 7");
    expect(describeResult(fail("too_big"))).toBe("error too_big");
  });
});
