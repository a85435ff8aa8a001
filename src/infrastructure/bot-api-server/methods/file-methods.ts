// getFile: tells where a stored file can be downloaded (GET /file/bot<token>/<file_path>).

import { badRequest } from "../bot-api-error.js";
import type { BotMethod } from "./method-call.js";

const getFile: BotMethod = ({ state, bot, params }) => {
  const fileId = params.string("file_id", "file_id is empty");
  const file = state.files.get(fileId);
  if (!file || file.botId !== bot.id) throw badRequest("invalid file_id");
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    ...(file.bytes ? { file_size: file.bytes.byteLength } : {}),
    file_path: file.filePath,
  };
};

export const fileMethods: Record<string, BotMethod> = { getFile };
