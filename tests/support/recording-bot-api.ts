// A stand-in for the platform's Bot API that answers every call with success and records it: lets a test
// post raw updates (groups, forged payments, repeated ids) to a webhook bot and see exactly what it sent.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface RecordingBotApi {
  url: string;
  calls: RecordedCall[];
  /** Calls of `method` to `chatId`. */
  sent(method: string, chatId: number): RecordedCall[];
  /** Resolves once a call matches (or rejects after the timeout). */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

export async function startRecordingBotApi(): Promise<RecordingBotApi> {
  const calls: RecordedCall[] = [];
  const waiters = new Set<() => void>();
  let messageId = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const method = (req.url ?? "").split("/").pop() ?? "";
      const text = Buffer.concat(chunks).toString();
      const payload = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      calls.push({ method, payload });
      for (const wake of waiters) wake();
      const result =
        method === "getMe"
          ? {
              id: 4242,
              is_bot: true,
              first_name: "Test bot",
              username: "bot4242_bot",
              can_join_groups: true,
              can_read_all_group_messages: false,
              supports_inline_queries: false,
            }
          : method === "sendMessage"
            ? {
                message_id: ++messageId,
                date: Math.floor(Date.now() / 1000),
                chat: { id: payload.chat_id, type: Number(payload.chat_id) < 0 ? "supergroup" : "private" },
                text: payload.text,
              }
            : true;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    sent: (method, chatId) => calls.filter((call) => call.method === method && Number(call.payload.chat_id) === chatId),
    waitForCall: (predicate, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = calls.find(predicate);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching Bot API call in ${timeoutMs} ms; calls: ${calls.map((call) => call.method).join(", ")}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
