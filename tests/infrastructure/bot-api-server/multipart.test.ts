// The multipart parser reads grammY's uploads, which the fetch API's own form parser rejects.

import { describe, expect, it } from "vitest";
import { parseMultipart } from "../../../src/infrastructure/bot-api-server/multipart.js";

const boundary = "----------abc123";
const encoder = new TextEncoder();

function body(parts: Array<string | Uint8Array>): Uint8Array {
  const chunks = parts.map((part) => (typeof part === "string" ? encoder.encode(part) : part));
  return new Uint8Array(Buffer.concat(chunks));
}

describe("parseMultipart", () => {
  it("reads grammY's compact headers with an unquoted filename, keeping binary bytes intact", () => {
    const bytes = new Uint8Array([0, 13, 10, 45, 45, 255, 13, 10]);
    const fields = parseMultipart(
      body([
        `--${boundary}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n5`,
        `\r\n--${boundary}\r\ncontent-disposition:form-data;name="caption"\r\n\r\nسلام\r\nدنیا`,
        `\r\n--${boundary}\r\ncontent-disposition:form-data;name="x1";filename=photo.jpg\r\ncontent-type:application/octet-stream\r\n\r\n`,
        bytes,
        `\r\n--${boundary}--\r\n`,
      ]),
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(fields.get("chat_id")).toBe("5");
    expect(fields.get("caption")).toBe("سلام\r\nدنیا");
    expect(fields.get("x1")).toEqual({ filename: "photo.jpg", contentType: "application/octet-stream", bytes });
  });

  it("reads the usual browser form with quoted names and a quoted boundary", () => {
    const fields = parseMultipart(
      body([
        `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="a b.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF`,
        `\r\n--${boundary}--`,
      ]),
      `multipart/form-data; boundary="${boundary}"`,
    );
    expect(fields.get("document")).toMatchObject({ filename: "a b.pdf", contentType: "application/pdf" });
  });
});
