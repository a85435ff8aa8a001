// The simulated-user control API: choosing the bot, the event stream, listing, resetting, mounting under a prefix.

import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Bot } from "grammy";
import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLocalBotApiServer } from "../../../src/infrastructure/bot-api-server/app.js";
import type { SimEvent } from "../../../src/infrastructure/bot-api-server/sim-events.js";
import { startLocalBotApi, type LocalBotApi } from "../../harness/local-bot-api.js";

const token = "999:sim";
let api: LocalBotApi;

beforeAll(async () => {
  api = await startLocalBotApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

async function simPost(path: string, body: unknown) {
  const response = await fetch(`${api.url}/sim/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Reads server-sent events until `count` events after `ready` arrived. */
async function collectEvents(query: string, count: number, trigger: () => Promise<unknown>): Promise<SimEvent[]> {
  const controller = new AbortController();
  const response = await fetch(`${api.url}/sim/events${query}`, { signal: controller.signal });
  expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: SimEvent[] = [];
  let buffer = "";
  let ready = false;
  const timeout = setTimeout(() => controller.abort(), 5000);
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (type === "ready" && !ready) {
          ready = true;
          void trigger();
        } else if (type && data) {
          events.push(JSON.parse(data) as SimEvent);
        }
      }
    }
  } finally {
    clearTimeout(timeout);
    controller.abort();
  }
  return events;
}

describe("choosing the bot", () => {
  it("asks for a token while no bot has called the Bot API, then uses the first bot that did", async () => {
    // A server of its own: which bot came first must not depend on the other tests.
    const fresh = await startLocalBotApi();
    try {
      const say = () =>
        fetch(`${fresh.url}/sim/users/5/message`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text: "hi" }),
        });
      const refused = await say();
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: string }).error).toMatch(/no bot has called the Bot API yet/);

      const first = new Bot("1000:first", { client: { apiRoot: fresh.url } });
      const second = new Bot("2000:second", { client: { apiRoot: fresh.url } });
      await first.api.getMe();
      await second.api.getMe();
      expect((await say()).status).toBe(200);
      expect((await first.api.getUpdates()).map((update) => update.message?.text)).toEqual(["hi"]);
      expect(await second.api.getUpdates()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it("refuses a token of the wrong form", async () => {
    expect((await simPost("users/5/message", { text: "hi", token: "nope" })).status).toBe(400);
  });
});

describe("control endpoints", () => {
  it("validates bodies and explains what is missing", async () => {
    const answer = await simPost("users/5/message", { token });
    expect(answer.status).toBe(400);
    expect(String(answer.body.error)).toContain("text");
  });

  it("lists the labels it can press when a label is not found", async () => {
    await simPost("users/5/message", { token, text: "hi" });
    await new Bot(token, { client: { apiRoot: api.url } }).api.sendMessage(5, "menu", {
      reply_markup: { keyboard: [["الف", "ب"]], resize_keyboard: true },
    });
    const answer = await simPost("users/5/press", { token, label: "ج" });
    expect(answer).toEqual({ status: 404, body: { error: 'no button labelled "ج"', available: ["الف", "ب"] } });
  });

  it("lists simulated users and forgets them on reset", async () => {
    await api.user(5, { token, profile: { first_name: "Reza", username: "reza" } }).say("hi");
    const listed = (await (await fetch(`${api.url}/sim/users`)).json()) as Array<Record<string, unknown>>;
    expect(listed).toEqual([
      expect.objectContaining({ bot_id: 999, message_count: 1, user: expect.objectContaining({ id: 5, first_name: "Reza", username: "reza" }) }),
    ]);
    await api.reset();
    expect(await (await fetch(`${api.url}/sim/users`)).json()).toEqual([]);
    expect((await api.user(5, { token }).transcript()).messages).toEqual([]);
  });

  it("keeps update_ids increasing across a reset so a running bot's offset stays valid", async () => {
    const bot = new Bot(token, { client: { apiRoot: api.url } });
    await api.user(5, { token }).say("before");
    const [before] = await bot.api.getUpdates();
    await api.reset();
    await api.user(5, { token }).say("after");
    const after = await bot.api.getUpdates({ offset: before!.update_id + 1 });
    expect(after.map((update) => update.message?.text)).toEqual(["after"]);
  });
});

describe("event stream", () => {
  it("streams a chat's new, edited and deleted messages and skips other chats", async () => {
    const bot = new Bot(token, { client: { apiRoot: api.url } });
    await api.user(6, { token }).say("hi");
    const events = await collectEvents(`?userId=5&token=${token}`, 4, async () => {
      await api.user(6, { token }).say("not for this stream");
      await api.user(5, { token }).say("salam");
      const sent = await bot.api.sendMessage(5, "javab");
      await bot.api.editMessageText(5, sent.message_id, "javab 2");
      await bot.api.deleteMessage(5, sent.message_id);
    });
    expect(events.map((event) => (event.type === "reset" ? "reset" : `${event.type}:${event.chat_id}`))).toEqual([
      "message_new:5",
      "message_new:5",
      "message_edited:5",
      "message_deleted:5",
    ]);
    const edited = events[2];
    expect(edited?.type === "message_edited" && edited.message.text).toBe("javab 2");
  });
});

describe("mounted inside another Hono app", () => {
  it("serves the Bot API and the control API under a prefix", async () => {
    const local = createLocalBotApiServer();
    const parent = new Hono();
    parent.get("/health", (c) => c.text("ok"));
    parent.route("/local-bot-api", local.app);
    const server = serve({ fetch: parent.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const bot = new Bot("4242:mounted", { client: { apiRoot: `${base}/local-bot-api` } });
      expect((await bot.api.getMe()).username).toBe("bot4242_bot");
      await fetch(`${base}/local-bot-api/sim/users/9/message`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "/start" }),
      });
      expect((await bot.api.getUpdates()).map((update) => update.message?.text)).toEqual(["/start"]);
      expect(await (await fetch(`${base}/health`)).text()).toBe("ok");
    } finally {
      await local.close();
      await new Promise((resolve) => {
        server.close(resolve);
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
    }
  });
});
