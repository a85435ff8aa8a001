// When a service the journey depends on stops answering, the citizen keeps every answer and is offered a retry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotWorld, type BotWorld } from "../support/bot-fixture.js";
import { ALI, upToBirthDate } from "./citizen-steps.js";

describe("a civil-registry outage during pre-registration", () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
  });
  afterAll(() => world.close());

  it("keeps the answers, says the registry is not answering, and goes on after a retry", async () => {
    const user = world.api.user(9701);
    await upToBirthDate(user, ALI.nationalId);

    const db = world.database.open();
    try {
      // The default registry adapter reads this table: taking it away is a real registry failure.
      await db.sql.exec(`ALTER TABLE registry_citizens RENAME TO registry_citizens_offline`);
      await user.say(ALI.birthDate);
      const outage = await user.waitForBotMessage("سامانه‌ی ثبت احوال الان پاسخ نمی‌دهد");
      expect(user.buttons(outage)).toContain("🔄 تلاش دوباره");
      await db.sql.exec(`ALTER TABLE registry_citizens_offline RENAME TO registry_citizens`);
    } finally {
      await db.close();
    }
    await user.press("🔄 تلاش دوباره");
    // The national ID and birth date typed before the outage were kept: the next question comes.
    expect((await user.nextBotMessage()).text).toContain("خارج از کشور");
  });
});
