// Guessing limits (issue 9, defects 8, 9 and 15): pre-registration's registry check counts like recovery,
// reveals nothing in another chat, strangers cannot lock the owner out, and a store bug is not an outage.
import { randomInt } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTrackingCode } from "../../src/domain/application/tracking-code.js";
import { lookupKeys } from "../../src/domain/security/attempt-limiter.js";
import { createRedisAttemptLimiter } from "../../src/infrastructure/redis/redis-attempt-limiter.js";
import { startFastBot, type FastBot, type FastUser } from "../support/fast-bot.js";
import { REDIS_URL } from "../support/services.js";
import { ALI, persianDigits, registerAndPay } from "./paid-citizen.js";

let bot: FastBot;
let owner: FastUser;
let trackingCode: string;
beforeAll(async () => {
  bot = await startFastBot();
  owner = bot.user(7001, { first_name: ALI.firstName });
  ({ trackingCode } = await registerAndPay(bot, owner, "271828182845"));
});
afterAll(() => bot.close());

const texts = (user: FastUser) => user.replies.map((reply) => reply.text ?? "").join("\n");

describe("pre-registration's registry check", () => {
  it("counts wrong national ID + birth date pairs against the limits, as recovery does", async () => {
    const guesser = bot.user(7002);
    await guesser.say("/start");
    await guesser.press("📝 پیش‌ثبت‌نام");
    for (let day = 1; day <= 5; day++) {
      await guesser.say(ALI.nationalId);
      const replies = await guesser.say(`1371/02/${String(day).padStart(2, "0")}`);
      expect(replies[0]!.text).toBe(bot.translate("prereg-not-eligible"));
    }
    await guesser.say(ALI.nationalId);
    const refused = await guesser.say("1371/02/06");
    expect(refused.map((reply) => reply.text).join("\n")).toContain("موقتاً بسته شده است");
  });

  it("in another chat, the right pair of a registered citizen shows no tracking code and no name", async () => {
    const stranger = bot.user(7003);
    await stranger.say("/start");
    await stranger.press("📝 پیش‌ثبت‌نام");
    await stranger.say(ALI.nationalId);
    const replies = await stranger.say(ALI.birthDate);
    const shown = replies.map((reply) => reply.text ?? "").join("\n");
    expect(shown).toBe(bot.translate("prereg-already-registered-elsewhere"));
    expect(shown).not.toContain(persianDigits(trackingCode).slice(0, 4));
    expect(shown).not.toContain(ALI.firstName);
    expect(texts(stranger)).not.toContain(persianDigits(trackingCode).slice(0, 4));
  });

  it("in the chat that registered, still tells the code", async () => {
    await owner.say("/start");
    await owner.press("📝 پیش‌ثبت‌نام");
    await owner.say(ALI.nationalId);
    const replies = await owner.say(ALI.birthDate);
    expect(replies.map((reply) => reply.text).join("\n")).toContain(persianDigits(trackingCode).slice(0, 4));
  });
});

describe("strangers guessing a national ID's tracking code", () => {
  it("cannot lock the owner out, and are slowed rather than shut out for a day", async () => {
    // Ten wrong codes from throwaway chats (five each, each chat's own limit).
    for (const chatId of [7101, 7102]) {
      const stranger = bot.user(chatId);
      await stranger.say("/start");
      await stranger.press("🔎 پیگیری وضعیت");
      for (let i = 0; i < 5; i++) {
        await stranger.say(ALI.nationalId);
        await stranger.say(generateTrackingCode(randomInt));
      }
    }
    // The owner's chat is not held back by the strangers' misses.
    await owner.say("/start");
    await owner.press("🔎 پیگیری وضعیت");
    await owner.say(ALI.nationalId);
    const status = await owner.say(trackingCode);
    expect(status.map((reply) => reply.text).join("\n")).not.toContain("موقتاً بسته شده است");
    expect(status.map((reply) => reply.text).join("\n")).not.toContain(bot.translate("status-not-found").split("\n")[0]!);

    // A third stranger is slowed down: the national ID opens again within 15 minutes, not 24 hours.
    const redis = new Redis(REDIS_URL);
    try {
      const limiter = createRedisAttemptLimiter(redis, bot.config.redisKeyPrefix);
      const until = await limiter.blockedUntil(lookupKeys("status", 7103, ALI.nationalId));
      expect(until).not.toBeNull();
      expect(until!.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    } finally {
      redis.disconnect();
    }
  });
});

describe("a bug in the application store during pre-registration", () => {
  it("is an apology, not a civil-registry outage with a retry", async () => {
    const user = bot.user(7201);
    await user.say("/start");
    await user.press("📝 پیش‌ثبت‌نام");
    await user.say("4806064548");
    await bot.database.sql.exec(`ALTER TABLE applications RENAME TO applications_broken`);
    try {
      const replies = await user.say("1365/11/30");
      const shown = replies.map((reply) => reply.text ?? "").join("\n");
      expect(shown).not.toContain("ثبت احوال الان پاسخ نمی‌دهد");
      expect(shown).toContain("متأسفیم");
    } finally {
      await bot.database.sql.exec(`ALTER TABLE applications_broken RENAME TO applications`);
    }
  });
});
