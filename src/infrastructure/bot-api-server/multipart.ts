// Lenient multipart/form-data parser: grammY writes headers that the fetch API's own parser rejects.

/** A file that arrived in a multipart upload. */
export interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

export type MultipartValue = string | UploadedFile;

/**
 * Parses a multipart body into its fields. Written by hand because grammY sends
 * `content-disposition:form-data;name="x";filename=y` (no spaces, unquoted filename),
 * which Node's `Request.formData()` refuses, while Telegram accepts it.
 */
export function parseMultipart(body: Uint8Array, contentType: string): Map<string, MultipartValue> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundaryText = boundary?.[1] ?? boundary?.[2];
  if (!boundaryText) throw new Error("multipart body without boundary");
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundaryText.trim()}`);
  const fields = new Map<string, MultipartValue>();

  let start = buffer.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (buffer.subarray(partStart, partStart + 2).toString() === "--") break;
    const next = buffer.indexOf(delimiter, partStart);
    if (next === -1) break;
    // The part sits between the CRLF after the delimiter and the CRLF before the next one.
    const part = buffer.subarray(skipLineBreak(buffer, partStart), trimLineBreak(buffer, next));
    addPart(part, fields);
    start = next;
  }
  return fields;
}

function skipLineBreak(buffer: Buffer, index: number): number {
  return buffer[index] === 13 && buffer[index + 1] === 10 ? index + 2 : index;
}

function trimLineBreak(buffer: Buffer, end: number): number {
  return buffer[end - 2] === 13 && buffer[end - 1] === 10 ? end - 2 : end;
}

function addPart(part: Buffer, fields: Map<string, MultipartValue>): void {
  const headerEnd = part.indexOf("\r\n\r\n");
  if (headerEnd === -1) return;
  const headers = parseHeaders(part.subarray(0, headerEnd).toString("utf8"));
  const content = part.subarray(headerEnd + 4);
  const disposition = headers.get("content-disposition") ?? "";
  const name = dispositionParam(disposition, "name");
  if (name === undefined) return;
  const filename = dispositionParam(disposition, "filename");
  if (filename === undefined) {
    fields.set(name, content.toString("utf8"));
  } else {
    fields.set(name, {
      filename,
      contentType: headers.get("content-type") ?? "application/octet-stream",
      bytes: new Uint8Array(content),
    });
  }
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function dispositionParam(disposition: string, param: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i").exec(disposition);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : (match[2] ?? "").trim();
}
