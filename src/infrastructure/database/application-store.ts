// Applications in PostgreSQL: the live-application rule is the partial unique index, not a prior read.
import type { ApplicationDraft, ApplicationStore, ApplicationView, SaveDraftOutcome } from "../../domain/application/application-store.js";
import type { ApplicationState } from "../../domain/application/lifecycle.js";
import { jalaliDateToString, parseJalaliDate } from "../../domain/time/jalali.js";
import type { PrismaClient } from "./database.js";
import { isUniqueViolationOf } from "./unique-violation.js";

type Row = Awaited<ReturnType<PrismaClient["application"]["findFirst"]>> & object;
type RowWithTimeline = Row & { events: Array<{ status: string; at: Date }> };

const withTimeline = { events: { orderBy: { at: "asc" as const }, select: { status: true, at: true } } };

export function createPrismaApplicationStore(prisma: PrismaClient): ApplicationStore {
  const findLive = async (nationalId: string) => {
    const row = await prisma.application.findFirst({ where: { nationalId, status: { not: "cancelled" } }, include: withTimeline });
    return row ? toView(row) : null;
  };

  const saveDraft = async (draft: ApplicationDraft, feeRial: number, attempt = 0): Promise<SaveDraftOutcome> => {
    const answers = {
      birthDate: jalaliDateToString(draft.birthDate),
      firstName: draft.firstName,
      lastName: draft.lastName,
      fatherName: draft.fatherName,
      mobile: draft.mobile,
      landline: draft.landline,
      postalCode: draft.postalCode,
      address: draft.address,
      cityId: draft.cityId,
      chatId: BigInt(draft.chatId),
      feeRial,
    };
    // Refresh an unpaid application in place; the status condition makes a concurrent payment win.
    const refreshed = await prisma.application.updateManyAndReturn({
      where: { nationalId: draft.nationalId, status: "awaiting_payment" },
      data: { ...answers, updatedAt: new Date() },
      select: { id: true },
    });
    if (refreshed[0]) return { kind: "awaiting_payment", applicationId: refreshed[0].id };
    const live = await findLive(draft.nationalId);
    if (live) return { kind: "already_registered", application: live };
    try {
      const created = await prisma.application.create({
        data: { nationalId: draft.nationalId, status: "awaiting_payment", ...answers, events: { create: { status: "awaiting_payment" } } },
        select: { id: true },
      });
      return { kind: "awaiting_payment", applicationId: created.id };
    } catch (error) {
      // Another chat registered the same national ID between our read and insert: take what it made.
      if (isUniqueViolationOf(error, "applications_one_open_per_citizen") && attempt < 2) return saveDraft(draft, feeRial, attempt + 1);
      throw error;
    }
  };

  return {
    findLive,
    async findByTrackingCode(trackingCode) {
      const row = await prisma.application.findUnique({ where: { trackingCode }, include: withTimeline });
      return row ? toView(row) : null;
    },
    async findLiveByChat(chatId) {
      const rows = await prisma.application.findMany({
        where: { chatId: BigInt(chatId), status: { not: "cancelled" } },
        include: withTimeline,
        orderBy: { createdAt: "asc" },
      });
      return rows.map(toView);
    },
    saveDraft: (draft, feeRial) => saveDraft(draft, feeRial),
  };
}

function toView(row: RowWithTimeline): ApplicationView {
  const birthDate = parseJalaliDate(row.birthDate);
  if (!birthDate.ok) throw new Error(`application ${row.id} has an invalid birth date`);
  return {
    id: row.id,
    nationalId: row.nationalId,
    birthDate: birthDate.value,
    firstName: row.firstName,
    lastName: row.lastName,
    status: row.status as ApplicationState,
    trackingCode: row.trackingCode,
    feeRial: row.feeRial,
    cityId: row.cityId,
    chatId: Number(row.chatId),
    createdAt: row.createdAt,
    timeline: row.events.map((event) => ({ status: event.status as ApplicationState, at: event.at })),
  };
}
