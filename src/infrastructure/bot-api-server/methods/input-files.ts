// Turns a file parameter (upload, file_id or URL) into a stored file, as Telegram does on send.

import { badRequest } from "../bot-api-error.js";
import type { InputFileParam } from "../bot-api-params.js";
import type { FileFolder, StoredFile } from "../file-store.js";
import type { MethodCall } from "./method-call.js";

export function storeInputFile({ state, bot }: MethodCall, input: InputFileParam, folder: FileFolder): StoredFile {
  if (input.kind === "upload") {
    const { bytes, filename, contentType } = input.file;
    if (bytes.byteLength === 0) throw badRequest("file must be non-empty");
    return state.files.addUpload(bot.id, folder, bytes, filename, contentType);
  }
  const known = state.files.get(input.value);
  if (known && known.botId === bot.id) return known;
  // Telegram would download the URL; here it is only remembered, so nothing leaves the machine.
  if (/^https?:\/\/\S+$/i.test(input.value)) return state.files.addUrl(bot.id, folder, input.value);
  throw badRequest("wrong file identifier/HTTP URL specified");
}
