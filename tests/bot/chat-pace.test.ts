// Each chat's pace: one call at a time per chat, a burst of `burst` per window, and no chat waiting for another.
import type { Transformer } from "grammy";
import { describe, expect, it } from "vitest";
import { chatPaceTransformer } from "../../src/bot/chat-pace.js";

type Prev = Parameters<Transformer>[0];

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("the per-chat pace", () => {
  it("lets a burst through, holds the next call until the window is over, and never holds another chat", async () => {
    const pace = chatPaceTransformer({ private: { burst: 3, windowMs: 400 }, group: { burst: 1, windowMs: 400 } });
    const starts: Array<{ chat: number; at: number }> = [];
    const prev = (async (_method: string, payload: { chat_id: number }) => {
      starts.push({ chat: payload.chat_id, at: Date.now() });
      return { ok: true, result: true };
    }) as unknown as Prev;
    const call = (chat: number) => pace(prev, "sendMessage", { chat_id: chat, text: "x" } as never);
    const first = Date.now();
    const a = [call(1), call(1), call(1), call(1)];
    await Promise.all(a.slice(0, 3));
    // The fourth is waiting for chat 1's window; chat 2 goes meanwhile.
    await call(2);
    expect(starts.map((s) => s.chat)).toEqual([1, 1, 1, 2]);
    await a[3];
    expect(starts.at(-1)!.chat).toBe(1);
    expect(starts.at(-1)!.at - first).toBeGreaterThanOrEqual(390);
  });

  it("runs one call at a time per chat, in order", async () => {
    const pace = chatPaceTransformer({ private: { burst: 10, windowMs: 1000 }, group: { burst: 1, windowMs: 1000 } });
    const held = gate();
    const events: string[] = [];
    const prev = (async (_method: string, payload: { chat_id: number; text: string }) => {
      events.push(`start ${payload.text}`);
      if (payload.text === "first") await held.opened;
      events.push(`end ${payload.text}`);
      return { ok: true, result: true };
    }) as unknown as Prev;
    const one = pace(prev, "sendMessage", { chat_id: 7, text: "first" } as never);
    const two = pace(prev, "sendMessage", { chat_id: 7, text: "second" } as never);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(["start first"]);
    held.open();
    await Promise.all([one, two]);
    expect(events).toEqual(["start first", "end first", "start second", "end second"]);
  });

  it("passes calls without a chat straight through", async () => {
    const pace = chatPaceTransformer();
    const prev = (async () => ({ ok: true, result: "me" })) as unknown as Prev;
    await expect(pace(prev, "getMe", {} as never)).resolves.toEqual({ ok: true, result: "me" });
  });
});
