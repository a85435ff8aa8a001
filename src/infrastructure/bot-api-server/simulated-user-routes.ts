// Control API under /sim: simulated users write to the bot, press buttons, pay, and read their chat.

import { Hono, type Context } from "hono";
import { z } from "zod";
import type { BotRecord } from "./bot-record.js";
import { pressButton } from "./button-press.js";
import { ChatRecord } from "./chat-record.js";
import { streamSimEvents } from "./sim-event-stream.js";
import { SimError } from "./sim-error.js";
import {
  sendCallbackQuery,
  contactContent,
  editUserMessage,
  photoContent,
  sendUserMessage,
  setBlocked,
  startPayment,
  stickerContent,
  textContent,
  type SimChat,
} from "./simulated-user-actions.js";
import { defaultSimulatedUser, type LocalBotApiState } from "./state.js";
import { buildTranscript } from "./transcript.js";

const token = { token: z.string().optional() };
const profile = {
  ...token,
  first_name: z.string().min(1).optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
};
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const messageId = z.number().int().positive();

const schemas = {
  message: z.object({ ...profile, text: z.string().min(1) }),
  // Here first_name/last_name belong to the shared contact, not to the sender.
  contact: z.object({
    ...token,
    phone_number: z.string().min(1).optional(),
    first_name: z.string().min(1).optional(),
    last_name: z.string().optional(),
    user_id: z.number().int().positive().optional(),
  }),
  location: z.object({ ...profile, latitude, longitude }),
  photo: z.object({ ...profile, caption: z.string().optional() }),
  sticker: z.object(profile),
  edit: z.object({ ...token, message_id: messageId, text: z.string().min(1) }),
  press: z.object({
    ...token,
    label: z.string().min(1),
    message_id: messageId.optional(),
    phone_number: z.string().min(1).optional(),
    latitude: latitude.optional(),
    longitude: longitude.optional(),
  }),
  pay: z.object({ ...token, message_id: messageId }),
  // A modified client: callback data of the user's choosing on one of the bot's messages (tests of forged buttons).
  callback: z.object({ ...token, message_id: messageId, data: z.string().min(1).max(64) }),
  block: z.object(token),
  fault: z.object({
    ...token,
    method: z.string().min(1),
    error_code: z.union([z.literal(0), z.number().int().min(400).max(599)]),
    description: z.string().min(1).optional(),
    retry_after: z.number().int().positive().optional(),
    times: z.number().int().positive().optional(),
    chat_id: z.number().int().optional(),
  }),
};

/**
 * Every route takes the bot's token as `?token=` or a `token` body field. Without one it uses
 * the first bot that called the Bot API (normally with getMe), which is the only bot in most setups.
 */
export function createSimulatedUserRoutes(state: LocalBotApiState, lifetime: AbortSignal): Hono {
  const app = new Hono();

  /**
   * Parses the body, opens the chat (a user action starts it) and runs the action. The body's
   * profile fields update the sender, except where they describe something else (a shared contact).
   */
  const userAction = <S extends z.ZodType>(schema: S, run: (place: SimChat, body: z.infer<S>) => unknown, { bodyIsProfile = true } = {}) =>
    handle(async (c) => {
      const body = parse(schema, await readJson(c));
      const bot = resolveBot(state, c, body);
      const { first_name, last_name, username, language_code } = bodyIsProfile ? (body as ProfileFields) : {};
      const chat = state.openChat(bot, { id: userIdOf(c), first_name, last_name, username, language_code });
      // Writing to a bot one blocked restarts it, as Telegram's "Restart bot" button does.
      if (chat.blocked) setBlocked({ state, bot, chat }, false);
      return c.json(await run({ state, bot, chat }, body));
    });

  /** Like userAction, but the chat must already exist (pressing or paying needs a bot message). */
  const chatAction = <S extends z.ZodType>(schema: S, run: (place: SimChat, body: z.infer<S>) => unknown) =>
    handle(async (c) => {
      const body = parse(schema, await readJson(c));
      const bot = resolveBot(state, c, body);
      const chat = bot.chats.get(userIdOf(c));
      if (!chat) throw new SimError(404, { error: `user ${userIdOf(c)} has no chat with bot ${bot.id}` });
      return c.json(await run({ state, bot, chat }, body));
    });

  app.post(
    "/users/:userId/message",
    userAction(schemas.message, (place, body) => sendUserMessage(place, "text", textContent(body.text))),
  );
  app.post(
    "/users/:userId/contact",
    userAction(schemas.contact, (place, body) => sendUserMessage(place, "contact", contactContent(place.chat, body)), { bodyIsProfile: false }),
  );
  app.post(
    "/users/:userId/location",
    userAction(schemas.location, (place, { latitude, longitude }) => sendUserMessage(place, "location", { location: { latitude, longitude } })),
  );
  app.post(
    "/users/:userId/photo",
    userAction(schemas.photo, (place, body) => sendUserMessage(place, "photo", photoContent(place, body.caption))),
  );
  app.post(
    "/users/:userId/sticker",
    userAction(schemas.sticker, (place) => sendUserMessage(place, "sticker", stickerContent(place))),
  );
  app.post(
    "/users/:userId/edit",
    chatAction(schemas.edit, (place, body) => editUserMessage(place, body.message_id, body.text)),
  );
  app.post(
    "/users/:userId/press",
    chatAction(schemas.press, (place, body) => pressButton(place, body)),
  );
  app.post(
    "/users/:userId/callback",
    chatAction(schemas.callback, (place, body) => {
      const stored = place.chat.find(body.message_id);
      if (!stored || stored.deleted || stored.sender !== "bot") throw new SimError(404, { error: `bot message ${body.message_id} not found` });
      return sendCallbackQuery(place, stored, body.data);
    }),
  );
  app.post(
    "/users/:userId/pay",
    chatAction(schemas.pay, (place, body) => startPayment(place, body.message_id)),
  );
  app.post(
    "/users/:userId/block",
    chatAction(schemas.block, (place) => setBlocked(place, true)),
  );
  app.post(
    "/users/:userId/unblock",
    chatAction(schemas.block, (place) => setBlocked(place, false)),
  );

  app.get(
    "/users/:userId/transcript",
    handle((c) => {
      const bot = resolveBot(state, c, {});
      const userId = userIdOf(c);
      // A user who has not written yet has an empty chat; looking must not open it.
      const chat = bot.chats.get(userId) ?? new ChatRecord(defaultSimulatedUser(userId), () => undefined);
      return c.json(buildTranscript(bot, chat));
    }),
  );

  app.get("/users", (c) =>
    c.json(
      [...state.bots.values()].flatMap((bot) =>
        [...bot.chats.values()].map((chat) => ({
          bot_id: bot.id,
          user: chat.user,
          message_count: chat.messages.length,
          last_message_date: chat.messages.at(-1)?.message.date ?? null,
        })),
      ),
    ),
  );

  app.get("/bots", (c) => c.json([...state.bots.values()].map((bot) => ({ ...bot.user, webhook_url: bot.webhook?.url ?? "" }))));

  app.get("/events", (c) => streamSimEvents(c, state, lifetime));

  app.post(
    "/faults",
    handle(async (c) => {
      const { token: _token, ...spec } = parse(schemas.fault, await readJson(c));
      return c.json(state.faults.add(spec));
    }),
  );
  app.get("/faults", (c) => c.json(state.faults.list()));
  app.delete("/faults", (c) => {
    state.faults.clear();
    return c.json({ ok: true });
  });

  app.post("/reset", (c) => {
    state.reset();
    return c.json({ ok: true });
  });

  return app;
}

type ProfileFields = { first_name?: string; last_name?: string; username?: string; language_code?: string };

function handle(run: (c: Context) => Response | Promise<Response>) {
  return async (c: Context) => {
    try {
      return await run(c);
    } catch (error) {
      if (error instanceof SimError) return c.json(error.body, error.status);
      throw error;
    }
  };
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SimError(400, { error: "the body is not JSON" });
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new SimError(400, { error: z.prettifyError(result.error) });
  return result.data;
}

function userIdOf(c: Context): number {
  const userId = Number(c.req.param("userId"));
  if (!Number.isSafeInteger(userId) || userId <= 0) throw new SimError(400, { error: "userId must be a positive integer" });
  return userId;
}

function resolveBot(state: LocalBotApiState, c: Context, body: unknown): BotRecord {
  const bodyToken = typeof body === "object" && body !== null && "token" in body ? body.token : undefined;
  const token = c.req.query("token") ?? (typeof bodyToken === "string" ? bodyToken : undefined);
  if (token !== undefined) {
    const bot = state.botForToken(token);
    if (!bot) throw new SimError(400, { error: `"${token}" is not a valid bot token` });
    return bot;
  }
  const bot = state.defaultBot();
  if (!bot) throw new SimError(409, { error: "no bot has called the Bot API yet: pass ?token=<bot token>" });
  return bot;
}
