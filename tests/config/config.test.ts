import { describe, expect, it } from "vitest";
import { ConfigError, LOCAL_BOT_TOKEN, loadConfig } from "../../src/config/config.js";

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("runs on embedded defaults with an empty environment", () => {
    const config = loadConfig({});
    expect(config.botApi).toEqual({ kind: "local", token: LOCAL_BOT_TOKEN });
    expect(config.mode).toEqual({ kind: "polling" });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.http).toEqual({ port: 3000, host: "127.0.0.1" });
  });

  it("picks the API root from the platform, and BOT_API_ROOT overrides it", () => {
    expect(loadConfig({ BOT_TOKEN: "123:abc", BOT_PLATFORM: "bale", PAYMENT_GATEWAY: "sandbox" }).botApi).toEqual({
      kind: "platform",
      token: "123:abc",
      apiRoot: "https://tapi.bale.ai",
    });
    expect(loadConfig({ BOT_TOKEN: "123:abc", PAYMENT_GATEWAY: "sandbox" }).botApi).toMatchObject({ apiRoot: "https://api.telegram.org" });
    expect(loadConfig({ BOT_TOKEN: "123:abc", BOT_API_ROOT: "http://127.0.0.1:8081", PAYMENT_GATEWAY: "sandbox" }).botApi).toMatchObject({
      apiRoot: "http://127.0.0.1:8081",
    });
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ BOT_TOKEN: "", DATABASE_URL: "", HTTP_PORT: "" }).http.port).toBe(3000);
  });

  it("names every bad variable at once, with what is expected", () => {
    const problems = problemsOf({
      BOT_TOKEN: "not-a-token",
      BOT_PLATFORM: "whatsapp",
      BOT_MODE: "push",
      DATABASE_URL: "mysql://x",
      REDIS_URL: "http://x",
      HTTP_PORT: "99999",
      LOG_LEVEL: "loud",
    });
    const variables = problems.map((line) => line.split(":")[0]);
    expect(variables.sort()).toEqual(["BOT_MODE", "BOT_PLATFORM", "BOT_TOKEN", "DATABASE_URL", "HTTP_PORT", "LOG_LEVEL", "PAYMENT_GATEWAY", "REDIS_URL"]);
    expect(problems.find((line) => line.startsWith("BOT_PLATFORM"))).toMatch(/telegram or bale/);
    expect(problems.find((line) => line.startsWith("HTTP_PORT"))).toMatch(/between 0 and 65535/);
  });

  it("makes a bot with a token name its payment gateway: the sandbox takes no money", () => {
    expect(problemsOf({ BOT_TOKEN: "123:abc" }).map((line) => line.split(":")[0])).toEqual(["PAYMENT_GATEWAY"]);
    expect(loadConfig({}).payment.gateway).toBe("sandbox");
    expect(
      loadConfig({ BOT_TOKEN: "123:abc", PAYMENT_GATEWAY: "zarinpal", ZARINPAL_MERCHANT_ID: "00000000-0000-0000-0000-000000000000" }).payment.gateway,
    ).toBe("zarinpal");
  });

  it("requires PUBLIC_URL and WEBHOOK_SECRET in webhook mode", () => {
    const problems = problemsOf({ BOT_MODE: "webhook" });
    expect(problems.map((line) => line.split(":")[0]).sort()).toEqual(["PUBLIC_URL", "WEBHOOK_SECRET"]);
    const config = loadConfig({ BOT_MODE: "webhook", PUBLIC_URL: "https://bot.example.ir", WEBHOOK_SECRET: "0123456789abcdefXYZ" });
    expect(config.mode).toEqual({ kind: "webhook", publicUrl: "https://bot.example.ir", secret: "0123456789abcdefXYZ", maxConnections: 100 });
  });

  it("takes WEBHOOK_MAX_CONNECTIONS from 1 to 100 (Telegram's range), 100 when unset", () => {
    const webhook = { BOT_MODE: "webhook", PUBLIC_URL: "https://bot.example.ir", WEBHOOK_SECRET: "0123456789abcdefXYZ" };
    expect(loadConfig({ ...webhook, WEBHOOK_MAX_CONNECTIONS: "40" }).mode).toMatchObject({ maxConnections: 40 });
    for (const bad of ["0", "101", "2.5", "many"]) {
      expect(problemsOf({ ...webhook, WEBHOOK_MAX_CONNECTIONS: bad }).map((line) => line.split(":")[0])).toEqual(["WEBHOOK_MAX_CONNECTIONS"]);
    }
  });

  it("takes DATABASE_POOL_SIZE from 1 to 100, 20 when unset", () => {
    expect(loadConfig({}).databasePoolSize).toBe(20);
    expect(loadConfig({ DATABASE_POOL_SIZE: "35" }).databasePoolSize).toBe(35);
    for (const bad of ["0", "101", "2.5", "many"]) {
      expect(problemsOf({ DATABASE_POOL_SIZE: bad }).map((line) => line.split(":")[0])).toEqual(["DATABASE_POOL_SIZE"]);
    }
  });

  it("never echoes a bad value (it may be a secret), only its length", () => {
    const problems = problemsOf({ WEBHOOK_SECRET: "short!", BOT_MODE: "webhook", PUBLIC_URL: "https://x.ir" });
    expect(problems.join("\n")).not.toContain("short!");
    expect(problems.join("\n")).toContain("6 characters");
  });

  describe("IDCARD_TEST_NOW", () => {
    it("sets the process clock's start in tests and local mode", () => {
      expect(loadConfig({ IDCARD_TEST_NOW: "2040-03-20T08:00:00Z" }).testNow?.toISOString()).toBe("2040-03-20T08:00:00.000Z");
      expect(
        loadConfig({ IDCARD_TEST_NOW: "2040-03-20T08:00:00Z", BOT_TOKEN: "1:a", PAYMENT_GATEWAY: "sandbox", BOT_API_ROOT: "http://127.0.0.1:8081" }).testNow,
      ).toBeDefined();
    });
    it("is refused for a bot on the real platform", () => {
      expect(() => loadConfig({ IDCARD_TEST_NOW: "2040-03-20T08:00:00Z", BOT_TOKEN: "1:a", PAYMENT_GATEWAY: "sandbox" })).toThrow(/IDCARD_TEST_NOW/);
      expect(() =>
        loadConfig({ IDCARD_TEST_NOW: "2040-03-20T08:00:00Z", BOT_TOKEN: "1:a", PAYMENT_GATEWAY: "sandbox", BOT_API_ROOT: "https://tapi.bale.ai" }),
      ).toThrow(/IDCARD_TEST_NOW/);
    });
  });
});

describe(".env.example", () => {
  it("keeps the quick start's local mode when copied to .env unchanged", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseEnv } = await import("node:util");
    const example = parseEnv(readFileSync(new URL("../../.env.example", import.meta.url), "utf8"));
    const config = loadConfig(example);
    expect(config.botApi.kind).toBe("local");
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.seedSampleData).toBe(true);
  });
});

describe("BOT_API_PACING", () => {
  it("keeps the platform's per-chat pace with a platform, not with the local Bot API server, unless told", () => {
    expect(loadConfig({}).botApiPacing).toBe(false);
    expect(loadConfig({ BOT_TOKEN: "123:abc", PAYMENT_GATEWAY: "sandbox" }).botApiPacing).toBe(true);
    expect(loadConfig({ BOT_API_PACING: "on" }).botApiPacing).toBe(true);
    expect(loadConfig({ BOT_TOKEN: "123:abc", PAYMENT_GATEWAY: "sandbox", BOT_API_PACING: "off" }).botApiPacing).toBe(false);
  });
});
