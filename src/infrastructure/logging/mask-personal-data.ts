// Masks personal data (national IDs, phones, tracking codes, birth dates, names, addresses) in log lines.

const DIGIT = "[0-9\u06F0-\u06F9\u0660-\u0669]";
// One digit in any of the three scripts.
const digit = (n: number) => `[${n}${String.fromCharCode(0x06f0 + n)}${String.fromCharCode(0x0660 + n)}]`;
const [ZERO, ONE, EIGHT, NINE] = [digit(0), digit(1), digit(8), digit(9)];
const CENTURY = `${ONE}[3-4\u06F3-\u06F4\u0663-\u0664]`;
const notDigitBefore = `(?<!${DIGIT})`;
const notDigitAfter = `(?!${DIGIT})`;
// Directional isolates and marks the bot puts around numbers in Persian text.
const MARKS = "[\u2066-\u2069\u200E\u200F\u061C]*";
const SEPARATOR = `${MARKS}[-\u2010-\u2015 ]?${MARKS}`;
const JALALI_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];
const GREGORIAN_MONTHS = ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"];
const MONTH = `(?:${[...JALALI_MONTHS, ...GREGORIAN_MONTHS].join("|")})`;

// Order matters: tracking codes and phone numbers first (longer runs), then 10-digit IDs, then dates.
const PATTERNS: Array<[RegExp, (match: string) => string]> = [
  // Tracking codes: 12 digits, bare or grouped in fours (with the isolates of Persian text).
  [new RegExp(`${notDigitBefore}${DIGIT}{4}${SEPARATOR}${DIGIT}{4}${SEPARATOR}${DIGIT}{4}${notDigitAfter}`, "gu"), () => "****-****-****"],
  // Mobile numbers in every accepted shape: 09..., +989..., 00989..., 989...
  [new RegExp(`${notDigitBefore}(?:\\+|${ZERO}{2})?(?:${NINE}${EIGHT}|${ZERO})${NINE}${DIGIT}{9}${notDigitAfter}`, "gu"), keepEnds(4, 2)],
  // Landlines: 0 + area code + 8 digits.
  [new RegExp(`${notDigitBefore}${ZERO}${DIGIT}{10}${notDigitAfter}`, "gu"), keepEnds(3, 2)],
  // National IDs (and any other bare 10-digit run in text: chat ids are personal too).
  [new RegExp(`${notDigitBefore}${DIGIT}{10}${notDigitAfter}`, "gu"), keepEnds(3, 2)],
  // Jalali dates of the 13xx/14xx centuries, with / - . or ٫ between parts.
  [new RegExp(`${notDigitBefore}${CENTURY}${DIGIT}{2}[/.\\-\u066B]${DIGIT}{1,2}[/.\\-\u066B]${DIGIT}{1,2}${notDigitAfter}`, "gu"), () => "****/**/**"],
  // Compact dates: 13700512.
  [
    new RegExp(`${notDigitBefore}${CENTURY}${DIGIT}{2}[01\u06F0\u06F1\u0660\u0661]${DIGIT}[0-3\u06F0-\u06F3\u0660-\u0663]${DIGIT}${notDigitAfter}`, "gu"),
    () => "********",
  ],
  // Written with the month's name: "۱۲ مرداد ۱۳۷۰", "12 Mordad 1370", "مرداد ۱۳۷۰".
  // A number must stand next to the month's name ("دی" alone is part of many words).
  [
    new RegExp(
      `${notDigitBefore}(?:${DIGIT}{1,2}${MARKS}\\s*${MONTH}(?:\\s*${MARKS}${CENTURY}${DIGIT}{2})?|${MONTH}\\s*${MARKS}${CENTURY}${DIGIT}{2})${notDigitAfter}`,
      "giu",
    ),
    () => "** **** ****",
  ],
  // A date object written out in text: {"year":1370,"month":5,"day":12} or year=1370.
  [new RegExp(`("?year"?\\s*[:=]\\s*)${CENTURY}${DIGIT}{2}`, "gu"), (match) => match.replace(new RegExp(`${DIGIT}{4}$`, "u"), "****")],
];

/** Fields whose whole value is personal, whatever it looks like (names, addresses, and the like). */
const PERSONAL_KEYS = new Set(
  [
    "nationalId",
    "national_id",
    "birthDate",
    "birth_date",
    "firstName",
    "first_name",
    "lastName",
    "last_name",
    "fatherName",
    "father_name",
    "fullName",
    "address",
    "postalCode",
    "postal_code",
    "phone",
    "phoneNumber",
    "phone_number",
    "mobile",
    "landline",
    "trackingCode",
    "tracking_code",
    "username",
    "text",
    "caption",
    "payload",
  ].map((key) => key.toLowerCase()),
);

function keepEnds(head: number, tail: number) {
  return (match: string) => {
    const chars = [...match];
    return chars.slice(0, head).join("") + "*".repeat(chars.length - head - tail) + chars.slice(-tail).join("");
  };
}

/** Masks personal numbers and dates in free text; everything else is left as it was. */
export function maskText(text: string): string {
  let masked = text;
  for (const [pattern, replace] of PATTERNS) masked = masked.replace(pattern, replace);
  return masked;
}

function maskValue(value: unknown, key: string | undefined): unknown {
  if (key !== undefined && PERSONAL_KEYS.has(key.toLowerCase()) && value !== null && value !== "") return "[personal]";
  if (typeof value === "string") return maskText(value);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, undefined));
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    // A date object {year, month, day} of the birth-date shape.
    if (typeof record.year === "number" && typeof record.month === "number" && typeof record.day === "number" && record.year >= 1300 && record.year < 1500) {
      return "****/**/**";
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, maskValue(v, k)]));
  }
  // Numbers stay numbers: update ids, counts and timestamps are not personal, and the line stays JSON.
  return value;
}

/**
 * Returns the log line with personal data masked. A JSON line is masked field by field (so it stays valid
 * JSON and numbers are left alone unless their field is personal); any other text by pattern.
 */
export function maskPersonalData(line: string): string {
  const trimmed = line.trimEnd();
  if (trimmed.startsWith("{")) {
    try {
      const masked = JSON.stringify(maskValue(JSON.parse(trimmed), undefined));
      return masked + line.slice(trimmed.length);
    } catch {
      // Not JSON after all: mask it as text.
    }
  }
  return maskText(line);
}
