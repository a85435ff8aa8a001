// conversation.external() in a flow takes only results that survive the conversation's JSON state unchanged.
// The checks are the compiler's (npm run typecheck compiles tests): each @ts-expect-error fails the build if
// the call it marks stops being refused.
import { describe, expect, it } from "vitest";
import type { ConversationSafe, FlowConversation } from "../../src/bot/context.js";
import type { OfficeChoice } from "../../src/flows/booking/booking-view.js";

// Never run: only compiled.
function flowSteps(conversation: FlowConversation) {
  void conversation.external(async () => ({ startsAt: new Date().toISOString(), office: {} as OfficeChoice }));
  void conversation.external(() => [1, "two", null, { three: [true] }]);
  // @ts-expect-error a Date would come back from the state as a string
  void conversation.external(async () => ({ startsAt: new Date() }));
  // @ts-expect-error nested deep in an array too
  void conversation.external(async () => [{ timeline: [{ at: new Date() }] }]);
  // @ts-expect-error a Map comes back as {}
  void conversation.external(async () => new Map<string, number>());
  // @ts-expect-error a bigint cannot be stored as JSON at all
  void conversation.external(async () => ({ chatId: 1n }));
}

describe("conversation-safe values", () => {
  it("maps what JSON would not give back to never, and keeps plain data as it is", () => {
    const plain: ConversationSafe<{ a: string; b?: number[]; c: "x" | null }> = { a: "a", b: [1], c: null };
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
    expect(typeof flowSteps).toBe("function");
  });
});
