// A lean JSON POST over node:http(s) with kept-alive connections: the Bot API's hot path, where Node's fetch
// (undici and its web streams, an AbortController per call) cost a sender most of its CPU.
import http from "node:http";
import https from "node:https";

/** grammY's AbortSignal on Node is a polyfill: only these two members are relied on. */
export interface AbortLike {
  aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

/** POSTs `body` (JSON) to `url` and resolves with the answer's text, whatever its status; rejects on a network failure or an abort. */
export function postJson(url: string, body: string, signal?: AbortLike): Promise<string> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === "https:";
    const request = (secure ? https : http).request(
      target,
      {
        method: "POST",
        agent: secure ? agents.https : agents.http,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    if (signal) {
      const abort = () => request.destroy(Object.assign(new Error("The Bot API call was aborted"), { name: "AbortError" }));
      if (signal.aborted) abort();
      else signal.addEventListener("abort", abort);
    }
    request.end(body);
  });
}
