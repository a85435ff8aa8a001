// One end-to-end test file's world: a local Bot API server, its own database and Redis prefix, and the
// real bot started as a process against them.
import { randomBytes } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startLocalBotApi, type LocalBotApi } from "../harness/local-bot-api.js";
import { startBotProcess, type BotProcess } from "./bot-process.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";
import { createTestRedis, type TestRedis } from "./test-redis.js";

export const TEST_BOT_TOKEN = "4242:e2e-test-token";

export interface BotWorld {
  api: LocalBotApi;
  database: TestDatabase;
  redis: TestRedis;
  /** Environment for a bot process of this world (polling unless overridden). */
  env(extra?: Record<string, string>): Record<string, string>;
  startBot(extra?: Record<string, string>): Promise<BotProcess>;
  close(): Promise<void>;
}

export async function createBotWorld(options: { seed?: boolean } = {}): Promise<BotWorld> {
  const api = await startLocalBotApi({ webhookRetryDelayMs: 100 });
  const database = await createTestDatabase();
  const redis = createTestRedis();
  const bots: BotProcess[] = [];
  const env = (extra: Record<string, string> = {}) => ({
    BOT_TOKEN: TEST_BOT_TOKEN,
    PAYMENT_GATEWAY: "sandbox",
    BOT_API_ROOT: api.url,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redis.prefix,
    HTTP_PORT: "0",
    SEED_SAMPLE_DATA: options.seed === false ? "false" : "true",
    ...extra,
  });
  return {
    api,
    database,
    redis,
    env,
    async startBot(extra) {
      const bot = await startBotProcess(env(extra));
      bots.push(bot);
      return bot;
    },
    async close() {
      await Promise.all(bots.map((bot) => (bot.child.exitCode === null ? bot.stop() : undefined)));
      await api.close();
      await redis.cleanup();
      await database.drop();
    },
  };
}

/** A round-robin HTTP proxy in front of several bot instances: a load balancer for webhook tests. */
export interface LoadBalancer {
  url: string;
  setTargets(urls: string[]): void;
  /** Forward every request to all targets at once (a platform that delivers an update twice). */
  duplicate: boolean;
  close(): Promise<void>;
}

export async function startLoadBalancer(): Promise<LoadBalancer> {
  let targets: string[] = [];
  let next = 0;
  const forward = (target: string, method: string, path: string, headers: Record<string, string | string[] | undefined>, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const out = request(new URL(path, target), { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      out.on("error", reject);
      out.end(body);
    });
  const balancer: LoadBalancer = {
    url: "",
    duplicate: false,
    setTargets: (urls) => (targets = urls),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const chosen = balancer.duplicate ? targets : [targets[next++ % targets.length]!];
      try {
        const results = await Promise.all(chosen.map((target) => forward(target, req.method ?? "POST", req.url ?? "/", req.headers, body)));
        const { status, headers, body: answer } = results[0]!;
        delete headers["transfer-encoding"];
        res.writeHead(status, headers).end(answer);
      } catch {
        res.writeHead(502).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  balancer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return balancer;
}

/** A webhook secret for a test. */
export const newWebhookSecret = () => randomBytes(16).toString("hex");
