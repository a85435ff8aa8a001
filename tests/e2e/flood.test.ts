// A flood from a few users is dropped at arrival: a bystander's answer does not wait on their backlog.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotWorld, type BotWorld } from "../support/bot-fixture.js";

describe("a flood from ten users", () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld({ seed: false });
    await world.startBot({ BOT_API_PACING: "on" }); // paced as against a real platform: the backlog is real
  });
  afterAll(() => world.close());

  it("does not hold up a bystander's /start behind the flooders' backlog", async () => {
    const flooders = Array.from({ length: 10 }, (_, i) => world.api.user(12_000 + i));
    // 200 messages each, the ten users at once (as fast as the local server takes them).
    await Promise.all(
      flooders.map(async (user) => {
        for (let i = 0; i < 200; i++) await user.say(`flood ${i}`);
      }),
    );
    const bystander = world.api.user(12_999);
    await bystander.say("/start");
    await bystander.waitForBotMessage("خوش آمدید", { timeoutMs: 30_000 });
    // When the bystander is answered, the flood has had only a few answers: it was dropped, not queued
    // in front of them (handled at about one reply a second per chat, 10 × 60 would take a minute).
    const floodReplies = (await Promise.all(flooders.map(async (user) => (await user.botMessages()).length))).reduce((a, b) => a + b, 0);
    expect(floodReplies).toBeLessThan(150);
    // Each flooder is told once to slow down, within the minute's budget of 60 answers.
    await flooders[0]!.waitForBotMessage("یک دقیقه صبر کنید", { after: 0, timeoutMs: 60_000 });
  }, 180_000);
});
