// The questions of pre-registration, each validated by the domain; error codes map to `prereg-*-error-*` keys.
import { Keyboard } from "grammy";
import { parseLandlineOrNone, parseMobile, parsePostalCode } from "../../domain/citizen/contact.js";
import { readYesOrNo } from "../../domain/text/yes-or-no.js";
import { parsePlausibleBirthDate, validateBirthDate } from "../../domain/citizen/birth-date.js";
import { parseNationalId } from "../../domain/citizen/national-id.js";
import { matchPlaces, type City, type Province } from "../../domain/places/place-directory.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import { validatePersonName } from "../../domain/text/normalize-persian-name.js";
import { parseAddress } from "../../domain/citizen/address.js";
import type { JalaliDate } from "../../domain/time/jalali.js";
import type { FlowContext } from "../../bot/context.js";
import type { Question, Reply } from "../kit/ask.js";
import { inRows } from "../kit/navigation.js";

const textOnly = <T, E extends string>(parse: (text: string) => Result<T, E>) => (reply: Reply): Result<T, string> =>
  reply.kind === "text" ? parse(reply.text) : fail("not_text");

export const nationalIdQuestion = (back: boolean): Question<string> => ({
  prompt: "prereg-ask-national-id",
  errors: "prereg-national-id-error",
  back,
  parse: textOnly(parseNationalId),
});

/**
 * The birth date. With `checkAge` false a real date of someone too young is taken as given, so that the
 * journey can end by saying when they may apply instead of asking for another date.
 */
export const birthDateQuestion = (today: JalaliDate, checkAge = true): Question<JalaliDate> => ({
  prompt: "prereg-ask-birth-date",
  errors: "prereg-birth-date-error",
  parse: textOnly((text) => (checkAge ? validateBirthDate(text, today) : parsePlausibleBirthDate(text, today))),
});

export const nameQuestion = (which: "first-name" | "last-name" | "father-name"): Question<string> => ({
  prompt: `prereg-ask-${which}`,
  errors: "prereg-name-error",
  parse: textOnly(validatePersonName),
});

export const mobileQuestion: Question<string> = {
  prompt: "prereg-ask-mobile",
  errors: "prereg-mobile-error",
  accepts: ["contact"],
  buttons: (ctx) => [[Keyboard.requestContact(ctx.t("prereg-share-contact"))]],
  parse: (reply) => {
    if (reply.kind === "text") return parseMobile(reply.text);
    if (reply.kind !== "contact") return fail("not_text");
    // A contact card of someone else would register a number the citizen may not own.
    if (reply.contact.user_id !== reply.fromId) return fail("not_own_contact");
    return parseMobile(reply.contact.phone_number);
  },
};

/** A landline, or «ندارم» (button or typed) for none. */
export const landlineQuestion: Question<string | null> = {
  prompt: "prereg-ask-landline",
  errors: "prereg-landline-error",
  buttons: (ctx) => [[ctx.t("prereg-landline-none")]],
  parse: textOnly(parseLandlineOrNone),
};

export const postalCodeQuestion: Question<string> = {
  prompt: "prereg-ask-postal-code",
  errors: "prereg-postal-code-error",
  parse: textOnly(parsePostalCode),
};

export const addressQuestion: Question<string> = {
  prompt: "prereg-ask-address",
  errors: "prereg-address-error",
  parse: textOnly(parseAddress),
};

function pickPlace<T extends { name: string }>(places: readonly T[]) {
  return textOnly((text): Result<T, "not_found" | "ambiguous"> => {
    const matches = matchPlaces(places, text);
    if (matches.length === 1) return ok(matches[0]!);
    return fail(matches.length === 0 ? "not_found" : "ambiguous");
  });
}

/** Province by button or part of its name; `prompt` lets booking ask about the office's province instead. */
export const provinceQuestion = (provinces: Province[], prompt = "prereg-ask-province"): Question<Province> => ({
  prompt,
  errors: "prereg-province-error",
  buttons: () => inRows(provinces.map((p) => p.name), 3),
  parse: pickPlace(provinces),
});

export const cityQuestion = (cities: City[], provinceName: string, prompt = "prereg-ask-city"): Question<City> => ({
  prompt,
  promptParams: { province: provinceName },
  errors: "prereg-city-error",
  buttons: () => inRows(cities.map((c) => c.name), 3),
  parse: pickPlace(cities),
});

/** Yes/no by button, or typed (the labels, or any of the words readYesOrNo knows); labels from the citizen's locale. */
export const abroadQuestion = (ctx: FlowContext): Question<boolean> => ({
  prompt: "prereg-ask-abroad",
  errors: "prereg-abroad-error",
  buttons: () => [[ctx.t("prereg-abroad-no"), ctx.t("prereg-abroad-yes")]],
  parse: textOnly((text): Result<boolean, "choose_button"> => {
    if (text === ctx.t("prereg-abroad-yes")) return ok(true);
    if (text === ctx.t("prereg-abroad-no")) return ok(false);
    const typed = readYesOrNo(text);
    return typed === undefined ? fail("choose_button") : ok(typed);
  }),
});
