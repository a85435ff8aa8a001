import { describe, expect, it } from "vitest";
import { LANDLINE_AREA_CODES, parseLandline, parseLandlineOrNone, parseMobile, parsePostalCode } from "../../../src/domain/citizen/contact.js";
import type { MobileNumber, PostalCode } from "../../../src/domain/citizen/contact.js";

describe("parseMobile", () => {
  it.each([
    ["national form", "09121234567"],
    ["without the leading zero", "9121234567"],
    ["+98", "+989121234567"],
    ["0098", "00989121234567"],
    ["98 without plus", "989121234567"],
    ["+98 with the trunk zero kept", "+98 0912 123 4567"],
    ["0098 with the trunk zero kept", "0098-0912-1234567"],
    ["Persian digits", "۰۹۱۲۱۲۳۴۵۶۷"],
    ["Arabic-Indic digits", "٠٩١٢١٢٣٤٥٦٧"],
    ["Persian digits and +", "+۹۸۹۱۲۱۲۳۴۵۶۷"],
    ["spaces and dashes", "0912 123-45 67"],
    ["parentheses", "(0912) 123 4567"],
    ["direction marks from a shared contact", "\u202A+98 912 123 4567\u202C"],
  ])("accepts the %s", (_form, typed) => {
    expect(parseMobile(typed)).toEqual({ ok: true, value: "09121234567" });
  });

  it("does not check operator prefixes: numbers move between operators", () => {
    for (const prefix of ["0910", "0935", "0920", "0932", "0998", "0999", "0900", "0941", "0970", "0989"]) {
      expect(parseMobile(`${prefix}1234567`)).toEqual({ ok: true, value: `${prefix}1234567` });
    }
  });

  it("refuses empty input", () => {
    expect(parseMobile("")).toEqual({ ok: false, error: "empty" });
    expect(parseMobile(" - ")).toEqual({ ok: false, error: "empty" });
  });

  it.each(["0912123456a", "0912.123.4567", "0912+1234567", "شماره", "+"])("refuses %s as not_digits", (typed) => {
    expect(parseMobile(typed)).toEqual({ ok: false, error: "not_digits" });
  });

  it.each([
    ["too short", "0912123456"],
    ["too long", "091212345678"],
    ["a landline", "02161912222"],
    ["a landline without zero", "2161912222"],
    ["another country code", "+449121234567"],
    ["0098 followed by a landline", "00982161912222"],
    ["eight digits", "12345678"],
  ])("refuses %s as wrong_format", (_what, typed) => {
    expect(parseMobile(typed)).toEqual({ ok: false, error: "wrong_format" });
  });
});

describe("parseLandline", () => {
  it.each([
    ["national form", "02161912222"],
    ["dash after the area code", "021-61912222"],
    ["parentheses", "(021) 6191 2222"],
    ["without the leading zero", "2161912222"],
    ["+98", "+98 21 6191 2222"],
    ["0098", "00982161912222"],
    ["98", "982161912222"],
    ["Persian digits", "۰۲۱-۶۱۹۱۲۲۲۲"],
  ])("accepts the %s", (_form, typed) => {
    expect(parseLandline(typed)).toEqual({ ok: true, value: "02161912222" });
  });

  it("accepts every listed area code", () => {
    const listed = "11 13 17 21 23 24 25 26 28 31 34 35 38 41 44 45 51 54 56 58 61 66 71 74 76 77 81 83 84 86 87".split(" ");
    expect([...LANDLINE_AREA_CODES].sort()).toEqual(listed);
    for (const code of listed) {
      expect(parseLandline(`0${code}12345678`)).toEqual({ ok: true, value: `0${code}12345678` });
    }
  });

  it("refuses empty input", () => {
    expect(parseLandline("")).toEqual({ ok: false, error: "empty" });
  });

  it.each(["021-6191222x", "021.61912222", "تلفن"])("refuses %s as not_digits", (typed) => {
    expect(parseLandline(typed)).toEqual({ ok: false, error: "not_digits" });
  });

  it.each([
    ["a local number without area code", "61912222"],
    ["a short number", "0216191222"],
    ["a long number", "021619122222"],
    ["eleven digits not starting with 0", "12161912222"],
  ])("refuses %s as wrong_length", (_what, typed) => {
    expect(parseLandline(typed)).toEqual({ ok: false, error: "wrong_length" });
  });

  it.each([
    ["an unlisted area code", "01012345678"],
    ["area code 22", "02212345678"],
    ["a mobile number", "09121234567"],
    ["a foreign number", "+44 20 7946 0958"],
  ])("refuses %s as unknown_area_code", (_what, typed) => {
    expect(parseLandline(typed)).toEqual({ ok: false, error: "unknown_area_code" });
  });
});

describe("parsePostalCode", () => {
  it.each([
    ["plain", "1315613111"],
    ["with the dash after digit five", "13156-13111"],
    ["Persian digits", "۱۳۱۵۶-۱۳۱۱۱"],
    ["Arabic-Indic digits", "١٣١٥٦١٣١١١"],
    ["spaces", " 13156 13111 "],
  ])("accepts a %s postal code", (_form, typed) => {
    expect(parsePostalCode(typed)).toEqual({ ok: true, value: "1315613111" });
  });

  it("allows 0 and 2 in the last five digits", () => {
    expect(parsePostalCode("1315602020")).toEqual({ ok: true, value: "1315602020" });
  });

  it("refuses empty input", () => {
    expect(parsePostalCode("")).toEqual({ ok: false, error: "empty" });
  });

  it.each(["13156_13111", "1315613111a", "کدپستی"])("refuses %s as not_digits", (typed) => {
    expect(parsePostalCode(typed)).toEqual({ ok: false, error: "not_digits" });
  });

  it.each(["131561311", "13156131111"])("refuses %s as wrong_length", (typed) => {
    expect(parsePostalCode(typed)).toEqual({ ok: false, error: "wrong_length" });
  });

  it("refuses a 0 or a 2 in each of the first five positions as invalid_code", () => {
    for (let position = 0; position < 5; position++) {
      for (const bad of ["0", "2"]) {
        const code = "1315613111".slice(0, position) + bad + "1315613111".slice(position + 1);
        expect(parsePostalCode(code), code).toEqual({ ok: false, error: "invalid_code" });
      }
    }
  });
});

describe("parseLandlineOrNone", () => {
  it.each(["ندارم", "ندارم.", " نداريم ", "None", "I have none"])("reads %j as no landline", (typed) => {
    expect(parseLandlineOrNone(typed)).toEqual({ ok: true, value: null });
  });

  it("parses a number as parseLandline does, refusals included", () => {
    expect(parseLandlineOrNone("۰۲۱-۸۸۷۷۶۶۵۵")).toEqual({ ok: true, value: "02188776655" });
    expect(parseLandlineOrNone("88776655")).toEqual({ ok: false, error: "wrong_length" });
    expect(parseLandlineOrNone("ندارم ولی")).toEqual({ ok: false, error: "not_digits" });
  });
});
