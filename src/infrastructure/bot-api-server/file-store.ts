// Files known to the local server: uploads keep their bytes so getFile and a chat page can show them.

import { randomBytes } from "node:crypto";

export interface StoredFile {
  botId: number;
  fileId: string;
  fileUniqueId: string;
  filePath: string;
  contentType: string;
  /** Present for uploads; a file sent by URL only remembers the URL. */
  bytes?: Uint8Array;
  url?: string;
}

export type FileFolder = "photos" | "documents" | "stickers";

const extensions: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private counter = 0;

  addUpload(botId: number, folder: FileFolder, bytes: Uint8Array, filename: string, contentType: string): StoredFile {
    const type = contentType === "application/octet-stream" ? guessContentType(bytes, filename) : contentType;
    const extension = extensions[type] ?? filename.split(".").pop() ?? "dat";
    return this.add({ botId, contentType: type, bytes, ...this.names(folder, extension) });
  }

  addUrl(botId: number, folder: FileFolder, url: string): StoredFile {
    const extension = /\.([a-z0-9]{2,4})(?:\?|$)/i.exec(url)?.[1] ?? "dat";
    return this.add({ botId, contentType: "application/octet-stream", url, ...this.names(folder, extension) });
  }

  get(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  byPath(botId: number, filePath: string): StoredFile | undefined {
    for (const file of this.files.values()) if (file.botId === botId && file.filePath === filePath) return file;
    return undefined;
  }

  clear(): void {
    this.files.clear();
  }

  private add(file: StoredFile): StoredFile {
    this.files.set(file.fileId, file);
    return file;
  }

  private names(folder: FileFolder, extension: string) {
    const number = ++this.counter;
    return {
      // Telegram's ids are opaque base64url strings; the counter keeps ours unique and ordered.
      fileId: `${folder.slice(0, 2).toUpperCase()}${number}_${randomBytes(12).toString("base64url")}`,
      fileUniqueId: `U${number}${randomBytes(3).toString("hex")}`,
      filePath: `${folder}/file_${number}.${extension}`,
    };
  }
}

function guessContentType(bytes: Uint8Array, filename: string): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "image/jpeg";
  if (filename.endsWith(".pdf")) return "application/pdf";
  return "application/octet-stream";
}
