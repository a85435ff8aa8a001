// The application store on PostgreSQL and on the embedded database (PGlite): saving a draft in one statement
// creates, then refreshes in place, then reports a paid application; every lookup carries the timeline.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplicationDraft, ApplicationStore } from "../../../src/domain/application/application-store.js";
import { PAYMENT_MOVE } from "../../../src/domain/application/state-move.js";
import { createSqlApplicationStore } from "../../../src/infrastructure/database/application-store.js";
import { migrate, openEmbedded, type Database } from "../../../src/infrastructure/database/database.js";
import { ensureReferenceData } from "../../../src/infrastructure/database/reference-data.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

const kinds = [
  {
    name: "PostgreSQL",
    async open() {
      const test: TestDatabase = await createTestDatabase();
      const db = test.open();
      return {
        db,
        close: async () => {
          await db.close();
          await test.drop();
        },
      };
    },
  },
  {
    name: "the embedded database",
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), "applications-pglite-"));
      const db = await openEmbedded(dir);
      await migrate(db);
      return {
        db,
        close: async () => {
          await db.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  },
];

describe.each(kinds)("the application store on $name", (kind) => {
  let db: Database;
  let close: () => Promise<void>;
  let store: ApplicationStore;
  let draft: ApplicationDraft;

  beforeAll(async () => {
    ({ db, close } = await kind.open());
    await ensureReferenceData(db);
    store = createSqlApplicationStore(db.sql);
    const [city] = await db.sql.query<{ id: number }>("SELECT id FROM cities ORDER BY id LIMIT 1");
    draft = {
      nationalId: "6383233564",
      birthDate: { year: 1370, month: 5, day: 12 },
      firstName: "علی",
      lastName: "محمدی",
      fatherName: "حسن",
      mobile: "09121234567",
      landline: null,
      postalCode: "1345678911",
      address: "خیابان آزادی",
      cityId: city!.id,
      chatId: 5_000_000_001,
    };
  }, 60_000);
  afterAll(() => close());

  it("creates the application with its first timeline entry, then refreshes the same one in place", async () => {
    const first = await store.saveDraft(draft, 1_000_000);
    expect(first.kind).toBe("awaiting_payment");
    const again = await store.saveDraft({ ...draft, address: "خیابان انقلاب", landline: "02188776655" }, 1_200_000);
    expect(again).toEqual(first);

    const live = await store.findLive(draft.nationalId);
    expect(live).toMatchObject({ nationalId: draft.nationalId, status: "awaiting_payment", feeRial: 1_200_000, chatId: draft.chatId, trackingCode: null });
    expect(live!.birthDate).toEqual(draft.birthDate);
    expect(live!.timeline.map((entry) => entry.status)).toEqual(["awaiting_payment"]);
    expect(live!.timeline[0]!.at).toBeInstanceOf(Date);
    expect((await store.findLiveByChat(draft.chatId)).map((application) => application.id)).toEqual([live!.id]);
  });

  it("reports a paid application instead of touching it, and finds it by its code with the whole timeline", async () => {
    const live = (await store.findLive(draft.nationalId))!;
    await db.sql.query("SELECT application_move(ARRAY[$1::uuid], $2::text[], $3, $4, $5)", [
      live.id,
      [...PAYMENT_MOVE.from],
      PAYMENT_MOVE.to,
      new Date(),
      "123456789012",
    ]);
    const saved = await store.saveDraft({ ...draft, address: "changed after paying" }, 1);
    expect(saved.kind).toBe("already_registered");
    if (saved.kind !== "already_registered") return;
    expect(saved.application).toMatchObject({ id: live.id, status: PAYMENT_MOVE.to, trackingCode: "123456789012", feeRial: 1_200_000 });
    const byCode = await store.findByTrackingCode("123456789012");
    expect(byCode?.timeline.map((entry) => entry.status)).toEqual(["awaiting_payment", PAYMENT_MOVE.to]);
    expect(await store.findByTrackingCode("000000000000")).toBeNull();
  });
});
