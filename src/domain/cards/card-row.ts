// One row of a cards import file, validated: tracking code, card serial, pickup office code, Jalali issue date.
import { parseTrackingCode, type TrackingCode } from "../application/tracking-code.js";
import { ok, type Ok } from "../shared/result.js";
import { toLatinDigits } from "../text/digits.js";
import { parseJalaliDate, type JalaliDate } from "../time/jalali.js";

/** A card row as text, straight from the file. */
export interface CardText {
  readonly trackingCode: string;
  readonly serial: string;
  readonly officeCode: string;
  readonly issuedOn: string;
}

/** A valid card row. */
export interface CardDraft {
  readonly trackingCode: TrackingCode;
  readonly serial: string;
  readonly officeCode: string;
  readonly issuedOn: JalaliDate;
}

/** Which field is wrong and why. */
export interface CardRowError {
  readonly field: keyof CardText;
  readonly problem: string;
  readonly value: string;
}

/** Validates a row; the first wrong field is reported. */
export function parseCardText(text: CardText): Ok<CardDraft> | { readonly ok: false; readonly error: CardRowError } {
  const fail = (error: CardRowError) => ({ ok: false as const, error });
  const code = parseTrackingCode(text.trackingCode);
  if (!code.ok) return fail({ field: "trackingCode", problem: `tracking_code_${code.error}`, value: text.trackingCode });
  const serial = toLatinDigits(text.serial).trim().toUpperCase();
  if (!/^[A-Z0-9-]{6,32}$/.test(serial)) return fail({ field: "serial", problem: "bad_serial", value: text.serial });
  const officeCode = text.officeCode.trim();
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(officeCode)) return fail({ field: "officeCode", problem: "bad_office_code", value: text.officeCode });
  const issuedOn = parseJalaliDate(text.issuedOn);
  if (!issuedOn.ok) return fail({ field: "issuedOn", problem: `issued_on_${issuedOn.error}`, value: text.issuedOn });
  return ok({ trackingCode: code.value, serial, officeCode, issuedOn: issuedOn.value });
}
