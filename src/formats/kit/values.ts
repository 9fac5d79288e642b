// Reading typed facts out of a manifest as Azure's loaders would: numbers from numeric strings,
// YAML-1.1 boolean words, placeholders as absent. Never throws on odd values.
import type { Anchor, Fact, Manifest } from '../../core/types.js';
import { isMapping, pointerJoin, valueIn } from '../../core/pointer.js';
import { isPlaceholder } from './placeholder.js';

/** The value at a JSON Pointer inside the manifest's document (undefined when any step is missing). */
export function valueAt(m: Manifest, ptr: string): unknown {
  return valueIn(m.data, ptr);
}

const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** Number from a number or a numeric string (Azure's loaders pass both through float()/marshmallow). */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && NUMERIC.test(v)) {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function isNumericString(v: unknown): boolean {
  return typeof v === 'string' && NUMERIC.test(v);
}

const TRUE = new Set(['true', 'yes', 'on', 'y']);
const FALSE = new Set(['false', 'no', 'off', 'n']);

/** Boolean from a boolean or a YAML-1.1 boolean word in a string (`"True"`, `"yes"`). */
export function toBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (TRUE.has(s)) return true;
    if (FALSE.has(s)) return false;
  }
  return undefined;
}

/** A finite number at `ptr` written as a number (not text). */
export function numberAt(m: Manifest, ptr: string): number | undefined {
  const v = valueAt(m, ptr);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function num(m: Manifest, ptr: string): Fact<number> | undefined {
  const value = toNumber(valueAt(m, ptr));
  return value === undefined ? undefined : { value, ptr, manifest: m };
}

export function bool(m: Manifest, ptr: string): Fact<boolean> | undefined {
  const value = toBool(valueAt(m, ptr));
  return value === undefined ? undefined : { value, ptr, manifest: m };
}

/** A non-empty string (numbers are written as text: YAML `name: 123`). Placeholders count as absent. */
export function str(m: Manifest, ptr: string): Fact<string> | undefined {
  const v = valueAt(m, ptr);
  let value: string | undefined;
  if (typeof v === 'string') value = v.trim();
  else if (typeof v === 'number' && Number.isFinite(v)) value = String(v);
  if (value === undefined || value === '' || isPlaceholder(value)) return undefined;
  return { value, ptr, manifest: m };
}

/** Plain string value or undefined (placeholders count as absent). */
export function text(m: Manifest, ptr: string): string | undefined {
  return str(m, ptr)?.value;
}

/** A string value trimmed and lower-cased, or undefined. */
export function lower(v: unknown): string | undefined {
  return typeof v === 'string' ? v.trim().toLowerCase() : undefined;
}

/** Pointer of the document's first key in source order (the loader keeps insertion order). */
export function firstKeyPtr(m: Manifest): string {
  const k = Object.keys(m.data)[0];
  return k === undefined ? '' : pointerJoin('', k);
}

export function anchor(m: Manifest, ptr: string): Anchor {
  return { manifest: m, ptr };
}

/** Tags as strings; non-scalar values are skipped. */
export function tagsOf(m: Manifest, ptr = '/tags'): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const v = valueAt(m, ptr);
  if (!isMapping(v)) return out;
  for (const k of Object.keys(v)) {
    const t = v[k];
    if (typeof t === 'string' || typeof t === 'number' || typeof t === 'boolean') out[k] = String(t);
  }
  return out;
}

/**
 * Drops undefined members so records print cleanly and `'x' in d` means "the file says x". Returns a
 * copy (members in the same order): `delete` would turn the record into a slow dictionary object.
 */
export function prune<T extends object>(o: T): T {
  const out = {} as T;
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
