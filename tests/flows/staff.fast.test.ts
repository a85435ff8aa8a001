// Staff journeys in process (fast): leaving one returns to the staff menu; a wrong office code is asked again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstAdminCommand } from "../../src/infrastructure/staff/staff-commands.js";
import { startFastBot, type FastBot } from "../support/fast-bot.js";

describe("staff journeys", () => {
  let bot: FastBot;
  beforeAll(async () => {
    bot = await startFastBot();
  });
  afterAll(() => bot.close());

  it("goes back to the staff menu, not the citizen's, when an admin cancels an invite", async () => {
    expect((await firstAdminCommand(bot.database.sql, ["--user-id", "6601"])).exitCode).toBe(0);
    const admin = bot.user(6601, { first_name: "مدیر" });
    const menu = await admin.say("/start");
    expect(menu.at(-1)?.text).toContain(bot.translate("staff-menu-hello", { role: bot.translate("staff-role-admin"), office: "" }).split("\n")[0]!.trim());
    await admin.press(bot.translate("staff-menu-invite"));
    await admin.press(bot.translate("staff-role-operator"));
    const wrong = await admin.say("no-such-office");
    expect(wrong.map((reply) => reply.text)).toContain(bot.translate("staff-office-code-error-unknown"));
    await admin.press(bot.translate("flow-cancel"));
    expect(admin.buttons()).toContain(bot.translate("staff-menu-invite"));
    expect(admin.buttons()).not.toContain(bot.translate("menu-pre-registration"));
  });

  it("refuses /staff to a citizen, politely", async () => {
    const citizen = bot.user(6602);
    const replies = await citizen.say("/staff");
    expect(replies.at(-1)?.text).toBe(bot.translate("staff-refused"));
  });
});
