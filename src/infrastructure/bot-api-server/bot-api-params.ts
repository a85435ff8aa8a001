// Reads a Bot API call's parameters from the query string and a JSON, urlencoded or multipart body.

import { badRequest } from "./bot-api-error.js";
import { parseMultipart, type UploadedFile } from "./multipart.js";

/** A file parameter: an upload, or a string that is a file_id or an HTTP URL. */
export type InputFileParam = { kind: "upload"; file: UploadedFile } | { kind: "reference"; value: string };

/**
 * The parameters of one call with typed getters. Form bodies carry everything as strings
 * (objects as JSON text), JSON bodies carry real values: the getters accept both.
 */
export class BotApiParams {
  constructor(private readonly values: ReadonlyMap<string, unknown>) {}

  has(name: string): boolean {
    const value = this.values.get(name);
    return value !== undefined && value !== null;
  }

  optionalString(name: string): string | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw badRequest(`field "${name}" must be of type String`);
  }

  /** A required string; missing or blank answers `Bad Request: <emptyDetail>`. */
  string(name: string, emptyDetail = `${name} is empty`): string {
    const value = this.optionalString(name);
    if (value === undefined || value.trim() === "") throw badRequest(emptyDetail);
    return value;
  }

  optionalInteger(name: string): number | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null || value === "") return undefined;
    const number = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
    if (!Number.isSafeInteger(number)) throw badRequest(`field "${name}" must be of type Integer`);
    return number;
  }

  integer(name: string, emptyDetail = `${name} is empty`): number {
    const value = this.optionalInteger(name);
    if (value === undefined) throw badRequest(emptyDetail);
    return value;
  }

  optionalFloat(name: string): number | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null || value === "") return undefined;
    const number = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
    if (!Number.isFinite(number)) throw badRequest(`field "${name}" must be of type Float`);
    return number;
  }

  float(name: string): number {
    const value = this.optionalFloat(name);
    if (value === undefined) throw badRequest(`${name} is empty`);
    return value;
  }

  flag(name: string): boolean {
    const value = this.values.get(name);
    return value === true || value === 1 || value === "true" || value === "1" || value === "True";
  }

  /** An object or array parameter, which form bodies carry as JSON text. */
  optionalJson(name: string): unknown {
    const value = this.values.get(name);
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }

  /** A file parameter, resolving grammY's `attach://<field>` references to the uploaded part. */
  optionalFile(name: string): InputFileParam | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null || value === "") return undefined;
    if (isUploadedFile(value)) return { kind: "upload", file: value };
    if (typeof value !== "string") throw badRequest(`wrong ${name} specified`);
    if (value.startsWith("attach://")) {
      const attached = this.values.get(value.slice("attach://".length));
      if (!isUploadedFile(attached)) throw badRequest(`wrong file identifier/HTTP URL specified`);
      return { kind: "upload", file: attached };
    }
    return { kind: "reference", value };
  }
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && "bytes" in value && value.bytes instanceof Uint8Array;
}

/** Collects query parameters, then body parameters (the body wins), as Telegram does. */
export async function readBotApiParams(request: Request): Promise<BotApiParams> {
  const values = new Map<string, unknown>(new URL(request.url).searchParams);
  if (request.method === "GET" || request.method === "HEAD") return new BotApiParams(values);

  const contentType = request.headers.get("content-type") ?? "";
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength === 0) return new BotApiParams(values);

  if (contentType.includes("multipart/form-data")) {
    for (const [key, value] of parseMultipart(body, contentType)) values.set(key, value);
  } else if (contentType.includes("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(Buffer.from(body).toString("utf8"))) values.set(key, value);
  } else {
    // Telegram also reads JSON when the content type is missing or odd.
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body).toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("JSON object expected");
    }
    for (const [key, value] of Object.entries(parsed)) values.set(key, value);
  }
  return new BotApiParams(values);
}
