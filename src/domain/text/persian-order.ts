// The order names are listed in for Persian readers: alphabetical, numbers by value («ناحیه ۲» before «ناحیه ۱۶»).

/** Persian collation (ICU's "fa"), numbers compared by value whatever their digits; case and marks ignored. */
const PERSIAN_NAME_ORDER = new Intl.Collator("fa", { numeric: true, sensitivity: "base" });

/** Compares two names for a Persian list. */
export function comparePersianNames(a: string, b: string): number {
  return PERSIAN_NAME_ORDER.compare(a, b);
}

/** A copy of `items` sorted by their names for a Persian list. */
export function byPersianName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => comparePersianNames(a.name, b.name));
}
