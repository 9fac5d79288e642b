// Bytes that are plain UTF-8 text: no UTF-16/UTF-32 byte order mark, no NUL byte, valid UTF-8. Both
// threads ask this one function (load/read.ts, load/read-worker.ts); every other file is decided by
// parseBuffer on the main thread.
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf32Kind(buf: Uint8Array): 'le' | 'be' | undefined {
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) return 'le';
  if (buf.length >= 4 && buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff) return 'be';
  return undefined;
}

export function utf16Kind(buf: Uint8Array): 'le' | 'be' | undefined {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'be';
  return undefined;
}

/** Strict UTF-8 decoding (throws on an invalid sequence), the UTF-8 byte order mark kept. */
export function decodeUtf8(buf: Uint8Array): string {
  return decoder.decode(buf);
}

/** The text of plain UTF-8 bytes without its byte order mark; undefined for any other bytes. */
export function plainText(buf: Uint8Array): string | undefined {
  if (utf32Kind(buf) || utf16Kind(buf) || buf.indexOf(0) !== -1) return undefined;
  let text: string;
  try {
    text = decoder.decode(buf);
  } catch {
    return undefined;
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
