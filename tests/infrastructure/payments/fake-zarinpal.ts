// A fake Zarinpal over real HTTP on a random port: request, StartPay and verify with v4's JSON shapes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeZarinpalCall {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
}

interface FakeTransaction {
  authority: string;
  amount: number;
  description: string;
  callbackUrl: string;
  state: "created" | "paid" | "cancelled";
  refId: number | null;
}

export interface FakeZarinpal {
  /** http://127.0.0.1:<port> */
  url: string;
  merchantId: string;
  calls: FakeZarinpalCall[];
  transactions: Map<string, FakeTransaction>;
  /** What the citizen would do on the StartPay page. */
  pay(authority: string): void;
  cancel(authority: string): void;
  /** Every answer waits this long first (simulates a slow gateway). */
  delayMs: number;
  /** The next `count` calls answer with this HTTP status and an HTML body (a broken proxy, a 5xx). */
  failNext(count: number, status?: number): void;
  /** The next call answers with this Zarinpal error code in the v4 error envelope. */
  errorNext(code: number, message?: string, status?: number): void;
  close(): Promise<void>;
}

const MESSAGES: Record<number, string> = {
  [-9]: "The input params invalid, validation error.",
  [-10]: "Terminal is not valid, please check merchant_id or ip address.",
  [-50]: "Session is not valid, amounts values is not the same.",
  [-51]: "Session is not valid, session is not active paid try.",
  [-54]: "Invalid authority.",
};

export async function startFakeZarinpal(options: { merchantId?: string } = {}): Promise<FakeZarinpal> {
  const merchantId = options.merchantId ?? "00000000-1111-2222-3333-444444444444";
  const calls: FakeZarinpalCall[] = [];
  const transactions = new Map<string, FakeTransaction>();
  const failures: number[] = [];
  const forcedErrors: { code: number; message: string; status: number }[] = [];
  let sequence = 0;
  let refSequence = 50_000;

  const fake: FakeZarinpal = {
    url: "",
    merchantId,
    calls,
    transactions,
    delayMs: 0,
    pay: (authority) => setState(authority, "paid"),
    cancel: (authority) => setState(authority, "cancelled"),
    failNext(count, status = 500) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    errorNext(code, message = MESSAGES[code] ?? "error", status = 422) {
      forcedErrors.push({ code, message, status });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  function setState(authority: string, state: FakeTransaction["state"]) {
    const transaction = transactions.get(authority);
    if (!transaction) throw new Error(`fake Zarinpal has no transaction ${authority}`);
    transaction.state = state;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    const raw = await readBody(req);
    let body: Record<string, unknown> | null = null;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
    } catch {
      body = null;
    }
    calls.push({ method: req.method ?? "", path: url.pathname, body });
    if (fake.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.delayMs));

    const failure = failures.shift();
    if (failure !== undefined) return send(res, failure, "<html><body>Bad Gateway</body></html>", "text/html");
    const forced = forcedErrors.shift();
    if (forced) return sendError(res, forced.code, forced.message, forced.status);

    if (req.method === "POST" && url.pathname === "/pg/v4/payment/request.json") return request(res, body);
    if (req.method === "POST" && url.pathname === "/pg/v4/payment/verify.json") return verify(res, body);
    const startPay = /^\/pg\/StartPay\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && startPay) {
      const transaction = transactions.get(decodeURIComponent(startPay[1]!));
      return transaction
        ? send(res, 200, `<html><body>Fake Zarinpal: ${transaction.amount} IRR</body></html>`, "text/html")
        : send(res, 404, "<html><body>Not found</body></html>", "text/html");
    }
    return send(res, 404, "<html><body>Not found</body></html>", "text/html");
  }

  function request(res: ServerResponse, body: Record<string, unknown> | null) {
    if (body?.merchant_id !== merchantId) return sendError(res, -10, MESSAGES[-10]!, 401);
    const { amount, description, callback_url: callbackUrl } = body;
    if (typeof amount !== "number" || amount < 1000 || typeof description !== "string" || typeof callbackUrl !== "string") {
      return sendError(res, -9, MESSAGES[-9]!, 422);
    }
    const authority = `A${String(++sequence).padStart(35, "0")}`;
    transactions.set(authority, { authority, amount, description, callbackUrl, state: "created", refId: null });
    return sendJson(res, 200, { data: { code: 100, message: "Success", authority, fee_type: "Merchant", fee: 0 }, errors: [] });
  }

  function verify(res: ServerResponse, body: Record<string, unknown> | null) {
    if (body?.merchant_id !== merchantId) return sendError(res, -10, MESSAGES[-10]!, 401);
    const transaction = typeof body.authority === "string" ? transactions.get(body.authority) : undefined;
    if (!transaction) return sendError(res, -54, MESSAGES[-54]!, 404);
    if (body.amount !== transaction.amount) return sendError(res, -50, MESSAGES[-50]!, 422);
    if (transaction.state !== "paid") return sendError(res, -51, MESSAGES[-51]!, 422);
    const code = transaction.refId === null ? 100 : 101;
    transaction.refId ??= ++refSequence;
    return sendJson(res, 200, {
      data: {
        code,
        message: code === 100 ? "Paid" : "Verified",
        card_hash: "1EBE3EBEBE35C7EC0F8D6EE4F2F859107A87822CA179BC9528767EA7B5489B69",
        card_pan: "502229******5995",
        ref_id: transaction.refId,
        fee_type: "Merchant",
        fee: 0,
      },
      errors: [],
    });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, String(error), "text/plain"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

function sendError(res: ServerResponse, code: number, message: string, status: number) {
  // Zarinpal's failure envelope: data is an empty array, errors an object.
  sendJson(res, status, { data: [], errors: { code, message, validations: [] } });
}

function sendJson(res: ServerResponse, status: number, payload: unknown) {
  send(res, status, JSON.stringify(payload), "application/json");
}

function send(res: ServerResponse, status: number, body: string, type: string) {
  if (res.destroyed) return;
  res.writeHead(status, { "Content-Type": `${type}; charset=utf-8` });
  res.end(body);
}
