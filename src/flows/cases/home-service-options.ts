// The home-service request's choices and their locale keys (the flow asks them, the staff card shows them).

export const NEEDS = [
  ["registration", "case-home-need-registration"],
  ["delivery", "case-home-need-delivery"],
  ["both", "case-home-need-both"],
] as const;
export const DISABILITIES = [
  ["wheelchair", "case-home-disability-wheelchair"],
  ["bedridden", "case-home-disability-bedridden"],
  ["walking_aid", "case-home-disability-walking_aid"],
  ["other", "case-home-disability-other"],
] as const;
export const DAYS = [
  ["any", "case-home-days-any"],
  ["even", "case-home-days-even"],
  ["odd", "case-home-days-odd"],
] as const;
export const WINDOWS = [
  ["morning", "case-home-window-morning"],
  ["afternoon", "case-home-window-afternoon"],
  ["any", "case-home-window-any"],
] as const;
export const REGISTRATION_LABELS = {
  registered: "case-home-registration-registered",
  at_home: "case-home-registration-at_home",
  not_needed: "case-home-registration-not_needed",
} as const;

/** The locale key of an option's value. */
export const keyOf = <T extends string>(options: ReadonlyArray<readonly [T, string]>, value: T): string => options.find(([v]) => v === value)![1];
