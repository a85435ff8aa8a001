// Validates an office described in text (an import row): every field parsed, or the first field that is wrong and why.
import { parseLandline, parseMobile } from "../citizen/contact.js";
import { ok } from "../shared/result.js";
import type { Ok } from "../shared/result.js";
import { parseJalaliDate } from "../time/jalali.js";
import type { JalaliDate } from "../time/jalali.js";
import { toLatinDigits } from "../text/digits.js";
import { IRAN_BOUNDS, isInsideIranBounds } from "./geo.js";
import { COUNTERS_RANGE, DEFAULT_COUNTERS, DEFAULT_SLOT_MINUTES, isOfficeType, SLOT_MINUTES_RANGE } from "./office.js";
import type { Office, OfficeType } from "./office.js";
import { DEFAULT_WEEKLY_HOURS, parseWeeklyHours } from "./weekly-hours.js";
import type { WeeklyHoursError } from "./weekly-hours.js";

/** An office as described by an import row, before it has an id; the province comes from the city. */
export type OfficeDraft = Omit<Office, "id" | "provinceId">;

/** The text fields of an office, as an import row has them; optional ones may be empty. */
export interface OfficeText {
  readonly code: string;
  readonly type: string;
  readonly name: string;
  readonly cityId: string;
  readonly address: string;
  readonly phone: string;
  readonly latitude: string;
  readonly longitude: string;
  readonly hours?: string;
  readonly slotMinutes?: string;
  readonly counters?: string;
  readonly closedDates?: string;
  readonly active?: string;
}

/** The field a problem was found in. */
export type OfficeField = keyof OfficeText;

/** What is wrong with a field. */
export type OfficeFieldProblem =
  | "missing"
  | "bad_code"
  | "unknown_type"
  | "not_a_whole_number"
  | "not_a_number"
  | "outside_iran"
  | "bad_phone"
  | "out_of_range"
  | "bad_date"
  | "not_yes_or_no"
  | `hours_${WeeklyHoursError}`;

/** A refused field: which one, what is wrong, and the value as given. */
export interface OfficeFieldError {
  readonly field: OfficeField;
  readonly problem: OfficeFieldProblem;
  readonly value: string;
}

/** Office codes: letters, digits, dot, dash and underscore; they key re-imports, so no spaces. */
const OFFICE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Type names accepted besides the codes themselves, as people write them in Persian. */
const TYPE_ALIASES: Readonly<Record<string, OfficeType>> = {
  پیشخوان: "pishkhan",
  "پیشخوان دولت": "pishkhan",
  "دفتر پیشخوان دولت": "pishkhan",
  پست: "post",
  "اداره پست": "post",
  "ثبت احوال": "civil_registration",
  "اداره ثبت احوال": "civil_registration",
};

const YES = new Set(["true", "1", "yes", "y"]);
const NO = new Set(["false", "0", "no", "n"]);

/** A refused office description. */
export interface OfficeTextRefusal {
  readonly ok: false;
  readonly error: OfficeFieldError;
}

/** Parses and checks an office's fields; the first problem found is reported. */
export function parseOfficeText(text: OfficeText): Ok<OfficeDraft> | OfficeTextRefusal {
  const problem = (field: OfficeField, kind: OfficeFieldProblem): OfficeTextRefusal => ({
    ok: false,
    error: { field, problem: kind, value: text[field] ?? "" },
  });

  const code = text.code.trim();
  if (code === "") return problem("code", "missing");
  if (!OFFICE_CODE.test(code)) return problem("code", "bad_code");

  const typeText = text.type
    .trim()
    .replace(/\u200c/g, " ")
    .replace(/\s+/g, " ");
  if (typeText === "") return problem("type", "missing");
  const type = isOfficeType(typeText.toLowerCase()) ? (typeText.toLowerCase() as OfficeType) : TYPE_ALIASES[typeText];
  if (type === undefined) return problem("type", "unknown_type");

  const name = text.name.trim();
  if (name === "") return problem("name", "missing");

  const cityId = wholeNumber(text.cityId);
  if (text.cityId.trim() === "") return problem("cityId", "missing");
  if (cityId === undefined || cityId <= 0) return problem("cityId", "not_a_whole_number");

  const address = text.address.trim();
  if (address === "") return problem("address", "missing");

  if (text.phone.trim() === "") return problem("phone", "missing");
  const landline = parseLandline(text.phone);
  const mobile = landline.ok ? landline : parseMobile(text.phone);
  if (!mobile.ok) return problem("phone", "bad_phone");

  if (text.latitude.trim() === "") return problem("latitude", "missing");
  if (text.longitude.trim() === "") return problem("longitude", "missing");
  const latitude = decimal(text.latitude);
  const longitude = decimal(text.longitude);
  if (latitude === undefined) return problem("latitude", "not_a_number");
  if (longitude === undefined) return problem("longitude", "not_a_number");
  const location = { latitude, longitude };
  if (!isInsideIranBounds(location)) {
    const latitudeInside = latitude >= IRAN_BOUNDS.minLatitude && latitude <= IRAN_BOUNDS.maxLatitude;
    return problem(latitudeInside ? "longitude" : "latitude", "outside_iran");
  }

  let weeklyHours = DEFAULT_WEEKLY_HOURS;
  if ((text.hours ?? "").trim() !== "") {
    const hours = parseWeeklyHours(text.hours!);
    if (!hours.ok) return problem("hours", `hours_${hours.error}`);
    weeklyHours = hours.value;
  }

  const slotMinutes = optionalWholeNumber(text.slotMinutes, DEFAULT_SLOT_MINUTES);
  if (slotMinutes === undefined) return problem("slotMinutes", "not_a_whole_number");
  if (slotMinutes < SLOT_MINUTES_RANGE.min || slotMinutes > SLOT_MINUTES_RANGE.max) return problem("slotMinutes", "out_of_range");

  const counters = optionalWholeNumber(text.counters, DEFAULT_COUNTERS);
  if (counters === undefined) return problem("counters", "not_a_whole_number");
  if (counters < COUNTERS_RANGE.min || counters > COUNTERS_RANGE.max) return problem("counters", "out_of_range");

  const closedDates: JalaliDate[] = [];
  for (const piece of (text.closedDates ?? "").split(/[|\s]+/).filter((part) => part !== "")) {
    const date = parseJalaliDate(piece);
    if (!date.ok) return problem("closedDates", "bad_date");
    closedDates.push(date.value);
  }

  const activeText = (text.active ?? "").trim().toLowerCase();
  if (activeText !== "" && !YES.has(activeText) && !NO.has(activeText)) return problem("active", "not_yes_or_no");

  return ok({
    code,
    type,
    name,
    cityId,
    address,
    phone: mobile.value,
    location,
    weeklyHours,
    slotMinutes,
    counters,
    closedDates,
    active: activeText === "" || YES.has(activeText),
  });
}

function wholeNumber(raw: string): number | undefined {
  const text = toLatinDigits(raw).trim();
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function optionalWholeNumber(raw: string | undefined, fallback: number): number | undefined {
  return (raw ?? "").trim() === "" ? fallback : wholeNumber(raw!);
}

function decimal(raw: string): number | undefined {
  const text = toLatinDigits(raw).trim().replace("\u066B", ".");
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}
