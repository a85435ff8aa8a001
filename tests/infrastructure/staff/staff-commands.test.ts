// The staff command-line tools against the real PostgreSQL: invite by office code, first admin, revoke; usage errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteTokenFromPayload } from "../../../src/domain/staff/invite.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSqlStaffStore } from "../../../src/infrastructure/database/staff-store.js";
import { firstAdminCommand, inviteCommand, revokeCommand } from "../../../src/infrastructure/staff/staff-commands.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";
import { count, insertOffice, loadPlaces } from "../booking/booking-fixtures.js";

describe("staff command line", () => {
  let testDb: TestDatabase;
  let db: Database;
  let officeCode: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    await loadPlaces(db);
    const office = await insertOffice(db);
    officeCode = (await db.sql.query<{ code: string }>(`SELECT code FROM offices WHERE id = $1`, [office]))[0]!.code;
  });
  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  it("prints a one-time deep link for an operator of an office, which enrols once", async () => {
    const result = await inviteCommand(db.sql, ["--role", "operator", "--office", officeCode, "--bot", "idcard_bot"]);
    expect(result.exitCode).toBe(0);
    const link = result.lines.join("\n").match(/https:\/\/t\.me\/idcard_bot\?start=(staff-[A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();
    expect(result.lines.join("\n")).toContain(`/start ${link![1]}`);
    const token = inviteTokenFromPayload(link![1]!)!;
    const staff = createSqlStaffStore(db.sql);
    expect((await staff.enrol(token, 81001, "op", new Date())).ok).toBe(true);
    expect(await staff.enrol(token, 81002, "op", new Date())).toEqual({ ok: false, refusal: "invite_used" });
    // Only the hash is stored.
    expect(await count(db, `SELECT count(*)::int AS n FROM staff_invites WHERE token_hash = $1`, [token])).toBe(0);
  });

  it("refuses bad usage and unknown offices", async () => {
    expect((await inviteCommand(db.sql, ["--role", "operator"])).exitCode).toBe(2);
    expect((await inviteCommand(db.sql, ["--role", "boss"])).exitCode).toBe(2);
    expect((await inviteCommand(db.sql, ["--role", "admin", "--office", officeCode])).exitCode).toBe(2);
    expect(await inviteCommand(db.sql, ["--role", "operator", "--office", "no-such-office"])).toEqual({
      exitCode: 1,
      lines: ["no office with code no-such-office"],
    });
    expect((await inviteCommand(db.sql, ["--role", "hotline_agent", "--unit", "hotline-pishkhan"])).exitCode).toBe(0);
  });

  it("creates the first admin, refuses a second role for the same person, and revokes", async () => {
    expect((await firstAdminCommand(db.sql, ["--user-id", "82001", "--name", "Admin"])).exitCode).toBe(0);
    expect((await firstAdminCommand(db.sql, ["--user-id", "82001"])).exitCode).toBe(1);
    expect((await createSqlStaffStore(db.sql).activeMember(82001))?.role).toBe("admin");
    expect((await revokeCommand(db.sql, ["--user-id", "82001"])).exitCode).toBe(0);
    expect((await revokeCommand(db.sql, ["--user-id", "82001"])).exitCode).toBe(1);
    expect(await createSqlStaffStore(db.sql).activeMember(82001)).toBeNull();
    expect(await count(db, `SELECT count(*)::int AS n FROM audit_log WHERE actor_role = 'cli' AND action IN ('staff.enrol_admin', 'staff.revoke')`)).toBe(2);
  });
});
