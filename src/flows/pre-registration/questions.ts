// The questions of pre-registration, each validated by the domain; each has its family of error keys `prereg-*-error-*`.
import { Keyboard } from "grammy";
import { parseLandlineOrNone, parseMobile, parsePostalCode, type LandlineError, type MobileError, type PostalCodeError } from "../../domain/citizen/contact.js";
import { readYesOrNo } from "../../domain/text/yes-or-no.js";
import { parsePlausibleBirthDate, validateBirthDate, type BirthDateError } from "../../domain/citizen/birth-date.js";
import { parseNationalId, type NationalIdError } from "../../domain/citizen/national-id.js";
import { matchPlaces, type City, type Province } from "../../domain/places/place-directory.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import { validatePersonName, type PersonNameError } from "../../domain/text/normalize-persian-name.js";
import { parseAddress, type AddressError } from "../../domain/citizen/address.js";
import type { JalaliDate } from "../../domain/time/jalali.js";
import type { FlowContext } from "../../bot/context.js";
import type { Question, Reply } from "../kit/ask.js";
import { errorMessages } from "../kit/error-messages.js";
import { inRows } from "../kit/navigation.js";

/** textOnly(): a contact or location where the question wants typed text. */
type NotText = "not_text";

const textOnly =
  <T, E extends string>(parse: (text: string) => Result<T, E>) =>
  (reply: Reply): Result<T, E | NotText> =>
    reply.kind === "text" ? parse(reply.text) : fail("not_text");

// Each family names exactly the codes its parser can return (`satisfies` refuses a missing or an extra one).
export const NATIONAL_ID_ERRORS = errorMessages("prereg-national-id-error", {
  empty: true,
  not_digits: true,
  wrong_length: true,
  invalid_checksum: true,
  invalid_pattern: true,
  not_text: true,
} satisfies Record<NationalIdError | NotText, true>);
const BIRTH_DATE_ERRORS = errorMessages("prereg-birth-date-error", {
  empty: true,
  bad_format: true,
  invalid_date: true,
  in_future: true,
  too_young: true,
  too_old: true,
  not_text: true,
} satisfies Record<BirthDateError | NotText, true>);
export const NAME_ERRORS = errorMessages("prereg-name-error", {
  empty: true,
  too_long: true,
  not_persian: true,
  invalid_characters: true,
  not_text: true,
} satisfies Record<PersonNameError | NotText, true>);
const MOBILE_ERRORS = errorMessages("prereg-mobile-error", {
  empty: true,
  not_digits: true,
  wrong_format: true,
  not_own_contact: true, // a shared contact card that is not the sender's own
  not_text: true,
} satisfies Record<MobileError | "not_own_contact" | NotText, true>);
const LANDLINE_ERRORS = errorMessages("prereg-landline-error", {
  empty: true,
  not_digits: true,
  wrong_length: true,
  unknown_area_code: true,
  not_text: true,
} satisfies Record<LandlineError | NotText, true>);
const POSTAL_CODE_ERRORS = errorMessages("prereg-postal-code-error", {
  empty: true,
  not_digits: true,
  wrong_length: true,
  invalid_code: true,
  not_text: true,
} satisfies Record<PostalCodeError | NotText, true>);
const ADDRESS_ERRORS = errorMessages("prereg-address-error", { too_short: true, too_long: true, not_text: true } satisfies Record<
  AddressError | NotText,
  true
>);
type PlaceError = "not_found" | "ambiguous";
const PROVINCE_ERRORS = errorMessages("prereg-province-error", { not_found: true, ambiguous: true, not_text: true } satisfies Record<
  PlaceError | NotText,
  true
>);
const CITY_ERRORS = errorMessages("prereg-city-error", { not_found: true, ambiguous: true, not_text: true } satisfies Record<PlaceError | NotText, true>);
const ABROAD_ERRORS = errorMessages("prereg-abroad-error", { choose_button: true, not_text: true });
const REGISTRY_NAMES_ERRORS = errorMessages("prereg-registry-names-error", { choose_button: true, not_text: true });

export const nationalIdQuestion = (back: boolean): Question<string, NationalIdError | NotText> => ({
  prompt: "prereg-ask-national-id",
  errors: NATIONAL_ID_ERRORS,
  back,
  parse: textOnly(parseNationalId),
});

/**
 * The birth date. With `checkAge` false a real date of someone too young is taken as given, so that the
 * journey can end by saying when they may apply instead of asking for another date.
 */
export const birthDateQuestion = (today: JalaliDate, checkAge = true): Question<JalaliDate, BirthDateError | NotText> => ({
  prompt: "prereg-ask-birth-date",
  errors: BIRTH_DATE_ERRORS,
  parse: textOnly((text): Result<JalaliDate, BirthDateError> => (checkAge ? validateBirthDate(text, today) : parsePlausibleBirthDate(text, today))),
});

export const nameQuestion = (which: "first-name" | "last-name" | "father-name"): Question<string, PersonNameError | NotText> => ({
  prompt: `prereg-ask-${which}`,
  errors: NAME_ERRORS,
  parse: textOnly(validatePersonName),
});

export const mobileQuestion: Question<string, MobileError | "not_own_contact" | NotText> = {
  prompt: "prereg-ask-mobile",
  errors: MOBILE_ERRORS,
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
export const landlineQuestion: Question<string | null, LandlineError | NotText> = {
  prompt: "prereg-ask-landline",
  errors: LANDLINE_ERRORS,
  buttons: (ctx) => [[ctx.t("prereg-landline-none")]],
  parse: textOnly(parseLandlineOrNone),
};

export const postalCodeQuestion: Question<string, PostalCodeError | NotText> = {
  prompt: "prereg-ask-postal-code",
  errors: POSTAL_CODE_ERRORS,
  parse: textOnly(parsePostalCode),
};

export const addressQuestion: Question<string, AddressError | NotText> = {
  prompt: "prereg-ask-address",
  errors: ADDRESS_ERRORS,
  parse: textOnly(parseAddress),
};

/**
 * Buttons and parser of a place question that narrows: part of a name matching several places («خراسان»)
 * leaves only those as buttons for the next try; a name matching none shows them all again. The state is
 * rebuilt identically when a conversation replays, since it follows the same answers.
 */
function narrowingPlacePicker<T extends { name: string }>(places: readonly T[]) {
  let offered: readonly T[] = places;
  return {
    buttons: () =>
      inRows(
        offered.map((place) => place.name),
        3,
      ),
    parse: textOnly((text): Result<T, "not_found" | "ambiguous"> => {
      const matches = matchPlaces(places, text);
      if (matches.length === 1) return ok(matches[0]!);
      offered = matches.length === 0 ? places : matches;
      return fail(matches.length === 0 ? "not_found" : "ambiguous");
    }),
  };
}

/** Province by button or part of its name; `prompt` lets booking ask about the office's province instead. */
export const provinceQuestion = (provinces: Province[], prompt = "prereg-ask-province"): Question<Province, PlaceError | NotText> => ({
  prompt,
  errors: PROVINCE_ERRORS,
  ...narrowingPlacePicker(provinces),
});

export const cityQuestion = (cities: City[], provinceName: string, prompt = "prereg-ask-city"): Question<City, PlaceError | NotText> => ({
  prompt,
  promptParams: { province: provinceName },
  errors: CITY_ERRORS,
  ...narrowingPlacePicker(cities),
});

/** The three names as the civil registry has them, to confirm (yes) or not (no), by button or typed yes/no. */
export const registryNamesQuestion = (
  ctx: FlowContext,
  names: { firstName?: string; lastName?: string; fatherName?: string },
): Question<boolean, "choose_button" | NotText> => ({
  prompt: "prereg-confirm-registry-names",
  promptParams: { firstName: names.firstName ?? "", lastName: names.lastName ?? "", fatherName: names.fatherName ?? "" },
  errors: REGISTRY_NAMES_ERRORS,
  buttons: () => [[ctx.t("prereg-registry-names-yes")], [ctx.t("prereg-registry-names-no")]],
  parse: textOnly((text): Result<boolean, "choose_button"> => {
    if (text === ctx.t("prereg-registry-names-yes")) return ok(true);
    if (text === ctx.t("prereg-registry-names-no")) return ok(false);
    const typed = readYesOrNo(text);
    return typed === undefined ? fail("choose_button") : ok(typed);
  }),
});

/** Yes/no by button, or typed (the labels, or any of the words readYesOrNo knows); labels from the citizen's locale. */
export const abroadQuestion = (ctx: FlowContext): Question<boolean, "choose_button" | NotText> => ({
  prompt: "prereg-ask-abroad",
  errors: ABROAD_ERRORS,
  buttons: () => [[ctx.t("prereg-abroad-no"), ctx.t("prereg-abroad-yes")]],
  parse: textOnly((text): Result<boolean, "choose_button"> => {
    if (text === ctx.t("prereg-abroad-yes")) return ok(true);
    if (text === ctx.t("prereg-abroad-no")) return ok(false);
    const typed = readYesOrNo(text);
    return typed === undefined ? fail("choose_button") : ok(typed);
  }),
});
