// Keeps numbers, codes and commands in their true order inside right-to-left text.
//
// The Unicode bidi algorithm treats Persian digits next to Persian letters as Arabic numbers, and a hyphen
// or a space between two such groups does not join them: «۱۵۶۱-۷۰۹۴-۵۹۹۰» or «۰۲۱-۶۱۹۱۲۲۲۲» shows with its
// groups reversed, and «/start» as «start/». Wrapping such a run in a left-to-right isolate (LRI … PDI)
// keeps it in its written order without disturbing the sentence around it.

export const LEFT_TO_RIGHT_ISOLATE = "\u2066";
export const POP_DIRECTIONAL_ISOLATE = "\u2069";

const DIGIT = "[0-9\u06F0-\u06F9\u0660-\u0669]";
const GROUP_JOINER = "[-\u2010\u2011\u2013]";
/** Not in the middle of a longer number, nor already isolated. */
const RUN_START = "(?<![\u2066\\w/+.\u066B\\-\u2010\u2011\u2013\u06F0-\u06F9\u0660-\u0669])";

/** What every run below starts with: a digit, a plus or a slash. */
const RUN_FIRST = "[+/0-9\u06F0-\u06F9\u0660-\u0669]";
/** A text without any of them has no run (most labels and prompts): it is returned without the scan. */
const MAY_HAVE_RUN = new RegExp(RUN_FIRST);

/**
 * What the algorithm breaks apart: digit groups joined by hyphens (codes, phones, postal codes), a number
 * with a leading plus (+98…), a pair of coordinates («۳۵٫۶۹۹۷، ۵۱٫۳۳۸»), and a bot command (/start).
 * The leading lookahead only says what each alternative starts with, so that the scan tries none of them
 * (nor their lookbehinds) at the other characters: it matches exactly what the alternatives match.
 */
const BROKEN_RUNS = new RegExp(
  `(?=${RUN_FIRST})(?:${[
    `${RUN_START}\\+?${DIGIT}+(?:${GROUP_JOINER}${DIGIT}+)+`,
    `${RUN_START}\\+${DIGIT}+`,
    `${RUN_START}${DIGIT}+[.\u066B]${DIGIT}+[,\u060C] ?${DIGIT}+[.\u066B]${DIGIT}+`,
    `(?<![\\w/\u2066])/[A-Za-z][A-Za-z0-9_]*`,
  ].join("|")})`,
  "g",
);

/** Hyphenated runs this short are ranges such as «۱۵-۳۰», which read right to left like the sentence. */
const SHORTEST_CODE_DIGITS = 6;

const FIRST_PLUS_OR_SLASH = /^[+/]/;
const HYPHEN = /[-\u2010\u2011\u2013]/;
const NOT_DIGIT = /[^0-9\u06F0-\u06F9\u0660-\u0669]/g;

/** Wraps each run the bidi algorithm would reorder in LRI … PDI; text without one is returned unchanged. */
export function isolateLeftToRightRuns(text: string): string {
  if (!MAY_HAVE_RUN.test(text)) return text;
  return text.replace(BROKEN_RUNS, (run) => {
    const isHyphenatedRange = !FIRST_PLUS_OR_SLASH.test(run) && HYPHEN.test(run) && countDigits(run) < SHORTEST_CODE_DIGITS;
    return isHyphenatedRange ? run : `${LEFT_TO_RIGHT_ISOLATE}${run}${POP_DIRECTIONAL_ISOLATE}`;
  });
}

function countDigits(run: string): number {
  return run.replace(NOT_DIGIT, "").length;
}
