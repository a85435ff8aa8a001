// Error codes are unions the compiler checks: a question whose parser can return a code its family of
// locale keys lacks does not compile (each @ts-expect-error below fails npm run typecheck if it compiles).
import { describe, expect, it } from "vitest";
import { fail, ok } from "../../src/domain/shared/result.js";
import type { Question } from "../../src/flows/kit/ask.js";
import { ERROR_MESSAGE_FAMILIES, errorMessages } from "../../src/flows/kit/error-messages.js";

const FAMILY = errorMessages("test-family-error", { too_short: true, too_long: true });

describe("error messages", () => {
  it("names each code's key under its prefix and registers the family for the locale test", () => {
    expect(FAMILY.codes).toEqual(["too_short", "too_long"]);
    expect(FAMILY.key("too_long")).toBe("test-family-error-too_long");
    expect(ERROR_MESSAGE_FAMILIES).toContain(FAMILY);
    expect(() => errorMessages("test-family-error", { x: true })).toThrow(/twice/);
  });

  it("refuses at compile time a parser code the family does not list", () => {
    const fits: Question<string, "too_short" | "too_long"> = {
      prompt: "p",
      errors: FAMILY,
      parse: (reply) => (reply.kind === "text" && reply.text.length > 3 ? ok(reply.text) : fail("too_short")),
    };
    const missing: Question<string, "too_short" | "not_text"> = {
      prompt: "p",
      // @ts-expect-error the family has no key for not_text
      errors: FAMILY,
      parse: (reply) => (reply.kind === "text" ? ok(reply.text) : fail("not_text")),
    };
    expect([fits.prompt, missing.prompt]).toEqual(["p", "p"]);
  });
});
