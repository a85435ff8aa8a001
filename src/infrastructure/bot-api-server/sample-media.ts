// Fixed media that simulated users send: a tiny PNG for photos and a sticker description.

/** A 16×16 blue PNG, small enough to inline and real enough for image viewers. */
export const samplePhotoPng = {
  bytes: new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mNQnn2ZJMQwqmFUw/DVAAB++5EQ30eyaAAAAABJRU5ErkJggg==", "base64")),
  width: 16,
  height: 16,
  contentType: "image/png",
};

/** Width and height from a PNG header; undefined for other formats. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47];
  if (bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
