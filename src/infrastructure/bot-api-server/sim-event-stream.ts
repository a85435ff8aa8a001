// GET /sim/events: server-sent events for every change in one chat (or all chats), for a live chat page.

import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { SimEvent } from "./sim-events.js";
import type { LocalBotApiState } from "./state.js";

const keepAliveMs = 15_000;

/**
 * Streams `SimEvent`s as SSE whose `event:` is the event type and `data:` its JSON. A `ready`
 * event comes first, so a client knows it will see everything that happens after it.
 * Filters: `userId` (one chat) and `token` (one bot). Ends when the client leaves or `lifetime` aborts.
 */
export function streamSimEvents(c: Context, state: LocalBotApiState, lifetime: AbortSignal): Response {
  const userId = c.req.query("userId");
  const token = c.req.query("token");
  const botId = token ? Number(token.split(":")[0]) : undefined;
  const chatId = userId ? Number(userId) : undefined;

  return streamSSE(c, async (stream) => {
    let sequence = 0;
    // Writes are chained so events keep their order even when they come in a burst.
    let writing = stream.writeSSE({ event: "ready", data: "{}", id: String(sequence) });
    const send = (event: SimEvent) => {
      if (!matches(event, botId, chatId)) return;
      const id = String(++sequence);
      writing = writing.then(() => stream.writeSSE({ event: event.type, data: JSON.stringify(event), id }));
    };
    const unsubscribe = state.events.subscribe(send);
    const keepAlive = setInterval(() => {
      writing = writing.then(() => stream.write(": keep-alive\n\n")).then(() => undefined);
    }, keepAliveMs);
    await new Promise<void>((resolve) => {
      stream.onAbort(resolve);
      if (lifetime.aborted) resolve();
      else lifetime.addEventListener("abort", () => resolve(), { once: true });
    });
    clearInterval(keepAlive);
    unsubscribe();
    await writing.catch(() => undefined);
  });
}

function matches(event: SimEvent, botId: number | undefined, chatId: number | undefined): boolean {
  if (event.type === "reset") return true;
  return (botId === undefined || event.bot_id === botId) && (chatId === undefined || event.chat_id === chatId);
}
