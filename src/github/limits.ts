// Cutting text and lists to fit GitHub's size limits (core/github-limits.ts).
export {
  ANNOTATION_MESSAGE_MAX_BYTES,
  ANNOTATION_TITLE_MAX_CHARS,
  CHECK_ANNOTATIONS_PER_REQUEST,
  CHECK_SUMMARY_MAX_CHARS,
  COMMENT_MAX_CHARS,
  STEP_SUMMARY_MAX_BYTES,
} from '../core/github-limits.js';

export function chunk<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new RangeError(`chunk size ${size} < 1`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `text` when it fits in `maxChars` (UTF-16 units, as GitHub counts); else cut at a line and end with `note`. */
export function fitChars(text: string, maxChars: number, note = '\n\n_…truncated to fit GitHub’s size limit._\n'): string {
  if (text.length <= maxChars) return text;
  let cut = text.slice(0, Math.max(0, maxChars - note.length));
  const nl = cut.lastIndexOf('\n');
  if (nl > 0) cut = cut.slice(0, nl);
  // Never end on half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + note;
}

/**
 * `text` when its UTF-8 form fits in `maxBytes`; else cut on a code-point boundary and ended with
 * `note` (GitHub counts annotation `message` and `raw_details` in bytes).
 */
export function fitBytes(text: string, maxBytes: number, note = '… (truncated to fit GitHub’s size limit)'): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const room = Math.max(0, maxBytes - Buffer.byteLength(note, 'utf8'));
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > room) break;
    bytes += n;
    out += ch;
  }
  return out + note;
}

/** `text` cut to `maxChars` characters (code points, as GitHub counts them), ending with `…` when cut. */
export function fitCodePoints(text: string, maxChars: number): string {
  const points = [...text];
  if (points.length <= maxChars) return text;
  return `${points.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}
