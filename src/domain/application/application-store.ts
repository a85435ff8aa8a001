// The application-store port: citizens' applications as our database keeps them.
import type { JalaliDate } from "../time/jalali.js";
import type { ApplicationState } from "./lifecycle.js";

/** Everything pre-registration collects, validated. */
export interface ApplicationDraft {
  nationalId: string;
  birthDate: JalaliDate;
  firstName: string;
  lastName: string;
  fatherName: string;
  mobile: string;
  /** Null when the citizen has no landline. */
  landline: string | null;
  postalCode: string;
  address: string;
  cityId: number;
  chatId: number;
}

/** An application as the status check and recovery see it. */
export interface ApplicationView {
  id: string;
  nationalId: string;
  birthDate: JalaliDate;
  firstName: string;
  lastName: string;
  status: ApplicationState;
  trackingCode: string | null;
  feeRial: number;
  cityId: number;
  chatId: number;
  createdAt: Date;
  /** Each status the application entered, oldest first. */
  timeline: Array<{ status: ApplicationState; at: Date }>;
}

/** Saving a draft either gives the application to pay for, or finds the citizen already registered. */
export type SaveDraftOutcome = { kind: "awaiting_payment"; applicationId: string } | { kind: "already_registered"; application: ApplicationView };

export interface ApplicationStore {
  /** The citizen's live (not cancelled) application, if any. */
  findLive(nationalId: string): Promise<ApplicationView | null>;
  findByTrackingCode(trackingCode: string): Promise<ApplicationView | null>;
  /** Live applications whose notifications go to this chat (the citizen who registered here). */
  findLiveByChat(chatId: number): Promise<ApplicationView[]>;
  /**
   * Creates the citizen's application awaiting payment, or refreshes the answers of the one already
   * awaiting payment. If the citizen has a paid one, nothing changes (the store's unique index decides
   * races between two chats).
   */
  saveDraft(draft: ApplicationDraft, feeRial: number): Promise<SaveDraftOutcome>;
}
