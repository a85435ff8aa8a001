// The chat recorder: a new chat is inserted, a chat seen again is no longer blocked and keeps its first sighting.
// The /start meeting: the staff row in the same statement, the chat recorded only for a user who is not staff.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createChatRecorder, createStartMeeting } from "../../../src/infrastructure/database/chat-directory.js";
import { createSqlStaffStore } from "../../../src/infrastructure/database/staff-store.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

describe("chat recorder", () => {
  let testDb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const rowOf = async (id: number) =>
    (
      await db.sql.query<{ platform: string; first_seen_at: Date; last_seen_at: Date; blocked_at: Date | null }>(
        `SELECT platform, first_seen_at, last_seen_at, blocked_at FROM chats WHERE id = $1`,
        [id],
      )
    )[0];

  it("inserts a chat met for the first time", async () => {
    await createChatRecorder(db.sql, "bale")(9_000_000_001);
    const row = await rowOf(9_000_000_001);
    expect(row?.platform).toBe("bale");
    expect(row?.blocked_at).toBeNull();
  });

  it("unblocks a chat seen again and keeps when it was first seen", async () => {
    const record = createChatRecorder(db.sql, "telegram");
    await record(42);
    const first = await rowOf(42);
    await db.sql.query(
      `UPDATE chats SET blocked_at = now(), first_seen_at = first_seen_at - interval '1 day', last_seen_at = last_seen_at - interval '1 day' WHERE id = 42`,
    );
    await record(42);
    const again = await rowOf(42);
    expect(again?.blocked_at).toBeNull();
    expect(again?.first_seen_at.getTime()).toBe(first!.first_seen_at.getTime() - 86_400_000);
    expect(again!.last_seen_at.getTime()).toBeGreaterThanOrEqual(first!.last_seen_at.getTime());
  });

  it("meeting a citizen on /start records their chat and finds no staff role", async () => {
    const meet = createStartMeeting(db.sql, "telegram");
    expect(await meet(9_000_000_002, 9_000_000_002)).toBeNull();
    expect((await rowOf(9_000_000_002))?.platform).toBe("telegram");
    await db.sql.query(`UPDATE chats SET blocked_at = now() WHERE id = 9000000002`);
    expect(await meet(9_000_000_002, 9_000_000_002)).toBeNull();
    expect((await rowOf(9_000_000_002))?.blocked_at).toBeNull();
  });

  it("meeting a staff member on /start returns their role and leaves the chats alone; once revoked they are a citizen", async () => {
    const staff = createSqlStaffStore(db.sql);
    const enrolled = await staff.enrolAdminDirectly(9_000_000_003, "Admin", new Date());
    if (!enrolled.ok) throw new Error("not enrolled");
    const meet = createStartMeeting(db.sql, "bale");
    const member = await meet(9_000_000_003, 9_000_000_003);
    expect(member).toEqual(await staff.activeMember(9_000_000_003));
    expect(member?.role).toBe("admin");
    expect(await rowOf(9_000_000_003)).toBeUndefined();
    expect(await staff.revoke(enrolled.member.id, null, new Date())).toBe(true);
    expect(await meet(9_000_000_003, 9_000_000_003)).toBeNull();
    expect((await rowOf(9_000_000_003))?.platform).toBe("bale");
  });
});
