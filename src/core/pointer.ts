// JSON Pointers (RFC 6901, the form ajv reports in `instancePath`) over parsed documents, and spans.
import type { ParsedDoc, Span } from './types.js';

/** Appends one escaped segment. */
export function pointerJoin(base: string, segment: string | number): string {
  if (typeof segment === 'number') return `${base}/${segment}`;
  // Most keys hold neither `~` nor `/`: no escaping to do.
  const s = segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
  return `${base}/${s}`;
}

export function pointerSplit(ptr: string): string[] {
  if (ptr === '') return [];
  const segs = ptr.slice(1).split('/');
  if (!ptr.includes('~')) return segs;
  return segs.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Pointer of a member: `ptrOf('resources', 'requests', 'nvidia.com/gpu')` escapes `/` as `~1`. */
export function ptrOf(...segments: string[]): string {
  return segments.reduce<string>((acc, s) => pointerJoin(acc, s), '');
}

/** `containerResourceRequirements.memoryInGB` for `/containerResourceRequirements/memoryInGB`; list items as `[0]`. */
export function dotted(ptr: string): string {
  return pointerSplit(ptr).reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

/** A mapping as the loaders build it (null prototype). Arrays are not mappings. */
export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A plain object without a prototype: keys such as `__proto__` are ordinary data. */
export function dict<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The value at a pointer (undefined when any step is missing). Own keys only: `constructor` is data. */
export function valueIn(root: unknown, ptr: string): unknown {
  let cur: unknown = root;
  for (const seg of segmentsOf(ptr)) if ((cur = step(cur, seg)) === undefined) return undefined;
  return cur;
}

/**
 * Split pointers, kept: the formats read the same few pointers of every manifest, and a key looked
 * up by a string V8 has already hashed is found faster than by a fresh slice. Bounded in count and
 * in length (a pointer built from a file's own keys may be long: those are split each time), so
 * that what a PR author writes cannot make it hold much memory: at most MAX_SPLIT × MAX_SPLIT_CHARS.
 */
const SPLIT = new Map<string, readonly string[]>();
const MAX_SPLIT = 4096;
const MAX_SPLIT_CHARS = 256;

function segmentsOf(ptr: string): readonly string[] {
  let segs = SPLIT.get(ptr);
  if (segs === undefined) {
    segs = pointerSplit(ptr);
    if (SPLIT.size < MAX_SPLIT && ptr.length <= MAX_SPLIT_CHARS) SPLIT.set(ptr, segs);
  }
  return segs;
}

const INDEX = /^(0|[1-9]\d*)$/;

function step(cur: unknown, seg: string): unknown {
  if (Array.isArray(cur)) return INDEX.test(seg) ? cur[Number(seg)] : undefined;
  if (isMapping(cur)) return Object.hasOwn(cur, seg) ? cur[seg] : undefined;
  return undefined;
}

/**
 * Span of the key a pointer names; falls back to its value, then to the nearest ancestor, then to
 * the document's start (the line a reviewer must change, as close as the file allows).
 */
export function spanAt(doc: ParsedDoc, ptr: string): Span {
  let segs = pointerSplit(ptr);
  for (;;) {
    const p = segs.reduce((acc, s) => pointerJoin(acc, s), '');
    const s = doc.keys.get(p) ?? (p !== '' ? doc.values.get(p) : undefined);
    if (s) return s;
    if (segs.length === 0) return doc.start;
    segs = segs.slice(0, -1);
  }
}
