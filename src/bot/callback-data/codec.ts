// Callback data codecs: each kind of inline button builds and parses its data in one place, versioned.
//
// A button's data is `<kind>:<version>:<field>:<field>…`, at most 64 bytes (Telegram's and Bale's limit).
// Data of another version, or data that does not parse, decodes as "stale": a button on an old message,
// which the handler answers with "this button is old" rather than guessing what it meant.
//
// Adding a button (a staff action, say):
//   1. Declare its codec in a file of this folder and list it in index.ts:
//        export const caseClaimData = defineCallbackData({ kind: "claim", version: 1, fields: { staffId: "int", caseId: "uuid" } });
//      A button that acts on a record carries the record's owner: the chat id for a citizen's record, the
//      staff member's user id for a staff button; the handler checks it against who pressed (never trust it alone).
//   2. Build it where the keyboard is made: `keyboard.text(label, caseClaimData.encode({ staffId, caseId }))`.
//   3. Handle it in a feature: `onCallbackData(feature, caseClaimData, async (ctx, { staffId, caseId }) => …)`
//      (on-callback-data.ts answers stale data for you).
//   4. Changing the fields means a new version: buttons already sent then decode as stale.
// Defining a codec whose longest possible data would pass 64 bytes throws at import, so it cannot ship.

/** Telegram's (and Bale's) limit on callback_data, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/**
 * A field's type: "int" a safe integer (chat and user ids, negative for groups), "uuid" a database id
 * (carried as 22 base64url characters), "word" up to 16 of [A-Za-z0-9_-], or a fixed list of words.
 */
export type FieldSpec = "int" | "uuid" | "word" | readonly string[];

type FieldValue<S extends FieldSpec> = S extends "int" ? number : S extends "uuid" | "word" ? string : S extends readonly (infer W)[] ? W : never;

export type CallbackValue<F extends Record<string, FieldSpec>> = { readonly [K in keyof F]: FieldValue<F[K]> };

/** What a button's data said: its value, or "stale" (another version, or not parseable). */
export type Decoded<T> = { readonly kind: "ok"; readonly value: T } | { readonly kind: "stale" };

export interface CallbackCodec<T> {
  readonly kind: string;
  readonly version: number;
  /** Matches data of this kind, any version (for `composer.callbackQuery`). */
  readonly filter: RegExp;
  encode(value: T): string;
  decode(data: string): Decoded<T>;
  /** Bytes of the longest data this codec can build. */
  readonly maxBytes: number;
}

const KIND = /^[a-z]{1,8}$/;
const WORD = /^[A-Za-z0-9_-]{1,16}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL_UUID = /^[A-Za-z0-9_-]{21}[AQgw]$/;
const INT = /^-?[1-9]\d{0,15}$|^0$/;
const SEPARATOR = ":";

/** Kinds defined so far: two codecs may not share one. */
const definedKinds = new Set<string>();

export function defineCallbackData<const F extends Record<string, FieldSpec>>(spec: {
  kind: string;
  version: number;
  fields: F;
}): CallbackCodec<CallbackValue<F>> {
  const { kind, version, fields } = spec;
  if (!KIND.test(kind)) throw new Error(`callback data kind "${kind}" must be 1-8 lowercase letters`);
  if (!Number.isInteger(version) || version < 1) throw new Error(`callback data ${kind}: version must be a positive integer`);
  if (definedKinds.has(kind)) throw new Error(`callback data kind "${kind}" is defined twice`);
  const names = Object.keys(fields) as Array<keyof F & string>;
  const prefix = `${kind}${SEPARATOR}${version}`;
  const maxBytes = prefix.length + names.reduce((sum, name) => sum + SEPARATOR.length + longest(fields[name]!), 0);
  if (maxBytes > CALLBACK_DATA_MAX_BYTES) throw new Error(`callback data ${kind}: up to ${maxBytes} bytes, over the ${CALLBACK_DATA_MAX_BYTES}-byte limit`);
  definedKinds.add(kind);

  return {
    kind,
    version,
    maxBytes,
    filter: new RegExp(`^${kind}${SEPARATOR}`),
    encode(value) {
      const parts = names.map((name) => encodeField(kind, name, fields[name]!, value[name]));
      return [prefix, ...parts].join(SEPARATOR);
    },
    decode(data) {
      const [givenKind, givenVersion, ...parts] = data.split(SEPARATOR);
      if (givenKind !== kind || givenVersion !== String(version) || parts.length !== names.length) return STALE;
      const value: Record<string, unknown> = {};
      for (const [i, name] of names.entries()) {
        const field = decodeField(fields[name]!, parts[i]!);
        if (field === undefined) return STALE;
        value[name] = field;
      }
      return { kind: "ok", value: value as CallbackValue<F> };
    },
  };
}

const STALE = { kind: "stale" } as const;

function longest(spec: FieldSpec): number {
  if (spec === "int") return String(Number.MIN_SAFE_INTEGER).length;
  if (spec === "uuid") return 22;
  if (spec === "word") return 16;
  return Math.max(...spec.map((word) => word.length));
}

function encodeField(kind: string, name: string, spec: FieldSpec, value: unknown): string {
  const wrong = () => new Error(`callback data ${kind}: field ${name} cannot be ${JSON.stringify(value)}`);
  if (spec === "int") {
    if (typeof value !== "number" || !Number.isSafeInteger(value)) throw wrong();
    return String(value);
  }
  if (spec === "uuid") {
    if (typeof value !== "string" || !UUID.test(value)) throw wrong();
    return Buffer.from(value.replace(/-/g, ""), "hex").toString("base64url");
  }
  if (spec === "word") {
    if (typeof value !== "string" || !WORD.test(value)) throw wrong();
    return value;
  }
  if (typeof value !== "string" || !spec.includes(value)) throw wrong();
  return value;
}

function decodeField(spec: FieldSpec, text: string): number | string | undefined {
  if (spec === "int") return INT.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
  if (spec === "uuid") {
    if (!BASE64URL_UUID.test(text)) return undefined;
    const hex = Buffer.from(text, "base64url").toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  if (spec === "word") return WORD.test(text) ? text : undefined;
  return spec.includes(text) ? text : undefined;
}
