// Masks national IDs, phone numbers and Jalali birth dates in any text bound for a log.

const DIGIT = "[0-9\u06F0-\u06F9\u0660-\u0669]";
// One digit in any of the three scripts.
const digit = (n: number) => `[${n}${String.fromCharCode(0x06f0 + n)}${String.fromCharCode(0x0660 + n)}]`;
const [ZERO, ONE, EIGHT, NINE] = [digit(0), digit(1), digit(8), digit(9)];
const notDigitBefore = `(?<!${DIGIT})`;
const notDigitAfter = `(?!${DIGIT})`;

// Order matters: phone numbers first (longer runs), then 10-digit national IDs, then dates.
const PATTERNS: Array<[RegExp, (match: string) => string]> = [
  // Mobile numbers in every accepted shape: 09..., +989..., 00989..., 989...
  [new RegExp(`${notDigitBefore}(?:\\+|${ZERO}{2})?(?:${NINE}${EIGHT}|${ZERO})${NINE}${DIGIT}{9}${notDigitAfter}`, "gu"), keepEnds(4, 2)],
  // Landlines: 0 + area code + 8 digits.
  [new RegExp(`${notDigitBefore}${ZERO}${DIGIT}{10}${notDigitAfter}`, "gu"), keepEnds(3, 2)],
  // National IDs (and any other bare 10-digit run: chat ids are personal too).
  [new RegExp(`${notDigitBefore}${DIGIT}{10}${notDigitAfter}`, "gu"), keepEnds(3, 2)],
  // Jalali dates of the 13xx/14xx centuries, with / - or . between parts.
  [
    new RegExp(`${notDigitBefore}${ONE}[3-4\u06F3-\u06F4\u0663-\u0664]${DIGIT}{2}[/.-]${DIGIT}{1,2}[/.-]${DIGIT}{1,2}${notDigitAfter}`, "gu"),
    () => "****/**/**",
  ],
];

function keepEnds(head: number, tail: number) {
  return (match: string) => {
    const chars = [...match];
    return chars.slice(0, head).join("") + "*".repeat(chars.length - head - tail) + chars.slice(-tail).join("");
  };
}

/** Returns the text with personal numbers masked; everything else is left as it was. */
export function maskPersonalData(text: string): string {
  let masked = text;
  for (const [pattern, replace] of PATTERNS) masked = masked.replace(pattern, replace);
  return masked;
}
