// `npm run test:fuzz`: hostile and random updates through the real bot (in process, real PostgreSQL and
// Redis): counts crashes, unanswered updates, apologies by cause and personal data in the logs.
// FUZZ_UPDATES (default 20000) sets the size; FUZZ_SEED replays a run. Figures go to RELIABILITY.md.
import { writeFileSync, mkdirSync } from "node:fs";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentCheckData, startBookingData } from "../../src/bot/callback-data/index.js";
import { createLogger } from "../../src/infrastructure/logging/logger.js";
import { startFastBot, type FastBot, type FastUser } from "../support/fast-bot.js";

const TOTAL = Number(process.env.FUZZ_UPDATES ?? 20_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const USERS = Math.max(10, Math.min(400, Math.round(TOTAL / 50)));
const CONCURRENCY = 8;

/** Mulberry32: a small seeded generator, so a run can be repeated exactly. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (max: number) => Math.floor(random() * max);

const CITIZENS = [
  { nationalId: "6383233564", birthDate: "1370/05/12", names: ["محمدی", "حسن"] },
  { nationalId: "4806064548", birthDate: "1365/11/30", names: ["احمدی"] },
  { nationalId: "1021153087", birthDate: "1380/01/01", names: ["حسینی", "محمود"] },
  { nationalId: "1610890892", birthDate: "1355/07/20", names: ["کریمی"] },
  { nationalId: "0673337421", birthDate: "1375/12/29", names: ["موسوی", "جواد"] },
];
const MENU = [
  "📝 پیش‌ثبت‌نام",
  "📅 نوبت‌گیری",
  "🔎 پیگیری وضعیت",
  "🔑 بازیابی کد رهگیری",
  "📍 محل تحویل کارت",
  "💰 هزینه‌ها و مدارک",
  "❓ راهنما",
  "🚨 گزارش تخلف",
];
const ANSWERS = [
  "خیر، ساکن ایران هستم",
  "✅ بله، درست است",
  "علی",
  "محمدی",
  "حسن",
  "02188776655",
  "1345678911",
  "خیابان آزادی، پلاک ۳",
  "تهران",
  "✅ تأیید و پرداخت",
  "⬅️ بازگشت",
  "❌ انصراف",
  "بله",
  "خیر",
];
const MARKS = ["\u200c", "\u200d", "\u200e", "\u200f", "\u2066", "\u2067", "\u2068", "\u2069", "\u202e", "\ufeff", "\u061c"];
const toPersian = (text: string) => text.replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
const toArabic = (text: string) => text.replace(/[0-9]/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);

function randomUnicode(length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) {
    const range = pick([
      [0x20, 0x7e],
      [0x600, 0x6ff],
      [0x1f300, 0x1faff],
      [0x4e00, 0x4fff],
      [0x2000, 0x206f],
      [0x0300, 0x036f],
    ] as const);
    text += String.fromCodePoint(range[0] + int(range[1] - range[0]));
  }
  return text;
}

function withMarks(text: string): string {
  return [...text].map((ch) => (random() < 0.3 ? pick(MARKS) + ch : ch)).join("");
}

type Kind = "text" | "long" | "marks" | "answer" | "menu" | "command" | "sticker" | "photo" | "contact" | "location" | "edit" | "callback" | "group";

interface Figures {
  updates: number;
  byKind: Record<string, number>;
  crashes: number;
  unanswered: number;
  unansweredSamples: string[];
  silentByDesign: number;
  apologies: Record<string, number>;
  personalDataLines: number;
  personalDataSamples: string[];
  logLines: number;
  seconds: number;
  msPerUpdate: { p50: number; p95: number; max: number };
}

let bot: FastBot;
const logLines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  bot = await startFastBot({ logger: createLogger("info", sink) });
}, 120_000);
afterAll(() => bot?.close());

async function fuzzOne(user: FastUser, kind: Kind, groupId: number): Promise<void> {
  const citizen = pick(CITIZENS);
  switch (kind) {
    case "text":
      await user.say(randomUnicode(1 + int(60)) || "x");
      return;
    case "long":
      await user.say(pick(["۱", "a", "ب", "😀", "\u200f"]).repeat(4096).slice(0, 4096));
      return;
    case "marks":
      await user.say(withMarks(pick([citizen.nationalId, toPersian(citizen.nationalId), toArabic(citizen.birthDate), citizen.birthDate, "09121234567"])));
      return;
    case "answer":
      await user.say(pick([citizen.nationalId, toPersian(citizen.nationalId), citizen.birthDate, toPersian(citizen.birthDate), ...ANSWERS]));
      return;
    case "menu":
      await user.say(pick(MENU));
      return;
    case "command":
      await user.say(pick(["/start", "/menu", "/help", "/cancel", "/start payload", "/unknown", "/start@idcard_fast_test_bot"]));
      return;
    case "sticker":
      await user.send({ sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } });
      return;
    case "photo":
      await user.send({ photo: [{ file_id: "p", file_unique_id: "p", width: 90, height: 90 }], caption: random() < 0.5 ? citizen.nationalId : undefined });
      return;
    case "contact":
      // Someone else's contact half of the time.
      await user.send({ contact: { phone_number: "+989121234567", first_name: "x", user_id: random() < 0.5 ? user.id : user.id + 1 } });
      return;
    case "location":
      await user.send({ location: { latitude: 25 + random() * 15, longitude: 44 + random() * 19 } });
      return;
    case "edit":
      await user.deliver({
        edited_message: {
          message_id: 1 + int(50),
          date: 0,
          edit_date: 1,
          chat: { id: user.id, type: "private", first_name: "x" },
          from: { id: user.id, is_bot: false, first_name: "x" },
          text: randomUnicode(8),
        } as never,
      });
      return;
    case "callback": {
      const data = pick([
        randomUnicode(int(64)),
        "payment:check:00000000-0000-0000-0000-000000000000",
        paymentCheckData.encode({ chatId: user.id + int(3), paymentId: crypto.randomUUID() }),
        startBookingData.encode({}),
        "paid:9:x:y",
        "",
      ]);
      await user.deliver({
        callback_query: {
          id: `fz${user.id}-${int(1e9)}`,
          from: { id: user.id, is_bot: false, first_name: "x" },
          chat_instance: "c",
          message: { message_id: 1, date: 0, chat: { id: user.id, type: "private", first_name: "x" } } as never,
          data,
        },
      });
      return;
    }
    case "group":
      await user.deliver({
        message: {
          message_id: int(1e6),
          date: Math.floor(Date.now() / 1000),
          chat: { id: groupId, type: "supergroup", title: "g" },
          from: { id: user.id, is_bot: false, first_name: "x" },
          text: pick([...MENU, "/start", randomUnicode(10)]),
        } as never,
      });
      return;
  }
}

const KINDS: Array<[Kind, number]> = [
  ["text", 14],
  ["long", 4],
  ["marks", 8],
  ["answer", 22],
  ["menu", 12],
  ["command", 8],
  ["sticker", 4],
  ["photo", 4],
  ["contact", 4],
  ["location", 4],
  ["edit", 4],
  ["callback", 8],
  ["group", 4],
];
const WEIGHT = KINDS.reduce((sum, [, w]) => sum + w, 0);
function pickKind(): Kind {
  let roll = random() * WEIGHT;
  for (const [kind, weight] of KINDS) if ((roll -= weight) < 0) return kind;
  return "text";
}

describe(`fuzzing the bot with ${TOTAL} updates (seed ${SEED})`, () => {
  it(
    "never crashes, answers every update, and keeps personal data out of the logs",
    async () => {
      const figures: Figures = {
        updates: 0,
        byKind: {},
        crashes: 0,
        unanswered: 0,
        unansweredSamples: [],
        silentByDesign: 0,
        apologies: {},
        personalDataLines: 0,
        personalDataSamples: [],
        logLines: 0,
        seconds: 0,
        msPerUpdate: { p50: 0, p95: 0, max: 0 },
      };
      const durations: number[] = [];
      const plan = Array.from({ length: TOTAL }, (_, i) => ({ userId: 30_000 + (i % USERS), kind: pickKind() }));
      const byUser = new Map<number, Kind[]>();
      for (const { userId, kind } of plan) byUser.set(userId, [...(byUser.get(userId) ?? []), kind]);
      const started = performance.now();
      const queue = [...byUser.entries()];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [userId, kinds] = next;
          const user = bot.user(userId);
          const groupId = -1_000_000_000_000 - userId;
          for (const kind of kinds) {
            const callsBefore = bot.calls.length;
            const repliesBefore = user.replies.length;
            const t0 = performance.now();
            try {
              await fuzzOne(user, kind, groupId);
            } catch (error) {
              figures.crashes++;
              if (figures.crashes <= 5) console.error("crash", kind, error);
            }
            durations.push(performance.now() - t0);
            figures.updates++;
            figures.byKind[kind] = (figures.byKind[kind] ?? 0) + 1;
            // Only this user's calls count (the other workers' users are answered meanwhile).
            const answered =
              user.replies.length > repliesBefore ||
              bot.calls
                .slice(callsBefore)
                .some(
                  (call) =>
                    [user.id, groupId].includes(Number(call.payload.chat_id)) || String(call.payload.callback_query_id ?? "").startsWith(`fz${user.id}-`),
                );
            if (!answered) {
              // A group is told once that journeys are private; after that it is ignored on purpose.
              if (kind === "group") figures.silentByDesign++;
              else {
                figures.unanswered++;
                if (figures.unansweredSamples.length < 10) figures.unansweredSamples.push(kind);
              }
            }
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      figures.seconds = Math.round((performance.now() - started) / 100) / 10;
      durations.sort((a, b) => a - b);
      figures.msPerUpdate = {
        p50: Math.round(durations[Math.floor(durations.length * 0.5)]!),
        p95: Math.round(durations[Math.floor(durations.length * 0.95)]!),
        max: Math.round(durations.at(-1)!),
      };

      // Personal data: the citizens' IDs, birth dates (every written form), names, the phone, issued codes.
      const codes = (
        await bot.database.sql.query<{ tracking_code: string | null }>(`SELECT tracking_code FROM applications WHERE tracking_code IS NOT NULL`)
      ).map((row) => row.tracking_code!);
      const secrets = [
        ...CITIZENS.flatMap((c) => [c.nationalId, toPersian(c.nationalId), c.birthDate, toPersian(c.birthDate), c.birthDate.replace(/\//g, ""), ...c.names]),
        "09121234567",
        "9121234567",
        "آزادی",
        ...codes.flatMap((code) => [code, toPersian(code), code.match(/.{4}/g)!.join("-")]),
      ];
      figures.logLines = logLines.length;
      for (const line of logLines) {
        const found = secrets.find((secret) => line.includes(secret));
        if (!found) {
          const level = (JSON.parse(line) as { level: number }).level;
          const parsed = JSON.parse(line) as { msg: string; err?: { type?: string; message?: string } };
          if (level >= 50 && parsed.msg.startsWith("update failed")) {
            const cause = `${parsed.err?.type ?? "?"}: ${(parsed.err?.message ?? "").slice(0, 60)}`;
            figures.apologies[cause] = (figures.apologies[cause] ?? 0) + 1;
          }
          continue;
        }
        figures.personalDataLines++;
        if (figures.personalDataSamples.length < 5) figures.personalDataSamples.push(line.slice(0, 300));
      }

      mkdirSync("reliability-reports", { recursive: true });
      writeFileSync("reliability-reports/fuzz.json", `${JSON.stringify({ seed: SEED, ...figures }, null, 2)}\n`);
      console.log(`fuzz figures (seed ${SEED}):\n${JSON.stringify(figures, null, 2)}`);

      expect(figures.updates).toBe(TOTAL);
      expect(figures.crashes).toBe(0);
      expect(figures.unansweredSamples).toEqual([]);
      expect(figures.personalDataSamples).toEqual([]);
    },
    15 * 60_000,
  );
});
