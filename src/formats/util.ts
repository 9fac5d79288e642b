import * as path from 'node:path';
import type { Anchor, Fact, Manifest, Ref } from '../types.js';
import { pointerJoin, pointerSplit } from '../load/source.js';

/** A mapping as the loader builds it (null prototype). Arrays are not mappings. */
export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a JSON Pointer inside the manifest's document (undefined when any step is missing). */
export function valueAt(m: Manifest, ptr: string): unknown {
  return valueIn(m.data, ptr);
}

export function valueIn(root: unknown, ptr: string): unknown {
  let cur: unknown = root;
  for (const seg of pointerSplit(ptr)) {
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/.test(seg)) return undefined;
      cur = cur[Number(seg)];
    } else if (isMapping(cur)) {
      if (!(seg in cur)) return undefined;
      cur = cur[seg];
    } else {
      return undefined;
    }
  }
  return cur;
}

/** Pointer of a member: `ptr(['resources', 'requests', 'nvidia.com/gpu'])` escapes `/` as `~1`. */
export function ptrOf(...segments: string[]): string {
  return segments.reduce<string>((acc, s) => pointerJoin(acc, s), '');
}

/**
 * Unrendered template or documented placeholder: `{{X}}`, `${{ x }}`, `${X}`, `$(X)`, or a whole
 * value such as `<your-cluster-name>`. Such values are unknown, never wrong.
 */
export function isPlaceholder(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  return /\{\{[^{}]*\}\}|\$\{[^{}]*\}|\$\([^()]*\)/.test(v) || /^\s*<[^<>]+>\s*$/.test(v);
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

// ---------------------------------------------------------------- references

const URI_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** True for `azureml://…`, `https://…`, `runs:/…` — anything with a URI scheme but `azureml:NAME`. */
export function hasUriScheme(s: string): boolean {
  return URI_SCHEME.test(s) && !/^azureml:(?!\/\/)/i.test(s);
}

/**
 * Parses an asset or compute reference:
 * `azureml:NAME:VER`, `azureml:NAME@label`, `azureml:NAME`, bare `NAME` (batch `compute: cpu-cluster`),
 * `azureml://registries/R/models/NAME/versions/V|labels/L` and ARM ids `/subscriptions/…` (external),
 * other URIs (`azureml://datastores/…`, `https://…`, `runs:/…`: external).
 */
export function parseRef(raw: string, at: Anchor): Ref | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  if (/^azureml:\/\//i.test(s) || /^\/subscriptions\//i.test(s)) {
    const segs = s.replace(/^azureml:\/\//i, '').split('/').filter((x) => x !== '');
    const ref: Ref = { raw: s, name: segs[segs.length - 1] ?? s, external: true, at };
    // …/<type>/<name>/versions/<v> or …/<type>/<name>/labels/<l>
    const vi = segs.findIndex((x, i) => (x === 'versions' || x === 'labels') && i >= 1 && i === segs.length - 2);
    if (vi >= 1) {
      ref.name = segs[vi - 1];
      const v = segs[vi + 1];
      if (!isPlaceholder(v)) {
        if (segs[vi] === 'versions') ref.version = v;
        else ref.label = v;
      }
    } else if (segs.length >= 2 && /^(models|computes|environments|components)$/i.test(segs[segs.length - 2])) {
      ref.name = segs[segs.length - 1];
    }
    return ref;
  }
  if (hasUriScheme(s)) return { raw: s, name: s, external: true, at };
  const body = s.replace(/^azureml:/i, '');
  if (body === '') return undefined;
  const atSign = body.indexOf('@');
  if (atSign > 0) {
    const label = body.slice(atSign + 1);
    return { raw: s, name: body.slice(0, atSign), ...(label && !isPlaceholder(label) ? { label } : {}), external: false, at };
  }
  const colon = body.indexOf(':');
  if (colon > 0) {
    const version = body.slice(colon + 1);
    return { raw: s, name: body.slice(0, colon), ...(version && !isPlaceholder(version) ? { version } : {}), external: false, at };
  }
  return { raw: s, name: body, external: false, at };
}

/** Repo-relative `/` path of a local path written in a manifest, resolved from the manifest's folder. */
export function resolveLocal(manifestPath: string, p: string): string {
  const dir = path.posix.dirname(manifestPath);
  const joined = path.posix.normalize(path.posix.join(dir, p.replace(/\\/g, '/')));
  return joined.replace(/\/+$/, '') || '.';
}

/**
 * The model of a deployment: a string reference, or an inline mapping `{name, version, path}`
 * (legacy `local_path`). An inline model with a local path gets `path` (repo-relative); its name
 * is the inline `name`, else the path as written.
 */
export function modelRef(m: Manifest, ptr = '/model'): Ref | undefined {
  const v = valueAt(m, ptr);
  const at = anchor(m, ptr);
  if (typeof v === 'string') return isPlaceholder(v) && !/^azureml:/i.test(v) ? undefined : parseRef(v, at);
  if (!isMapping(v)) return undefined;
  const name = text(m, pointerJoin(ptr, 'name'));
  const version = text(m, pointerJoin(ptr, 'version'));
  const p = text(m, pointerJoin(ptr, 'path')) ?? text(m, pointerJoin(ptr, 'local_path'));
  if (p !== undefined) {
    if (hasUriScheme(p) || /^\/subscriptions\//i.test(p)) {
      return { raw: p, name: name ?? p, ...(version ? { version } : {}), external: true, at };
    }
    return { raw: p, name: name ?? p, ...(version ? { version } : {}), external: false, path: resolveLocal(m.file.path, p), at };
  }
  if (name !== undefined) return { raw: name, name, ...(version ? { version } : {}), external: false, at };
  return undefined;
}

// ---------------------------------------------------------------- Kubernetes quantities

const DECIMAL_SUFFIX: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** Kubernetes quantity → plain number (`500m` → 0.5, `1Gi` → 1073741824, `4G` → 4e9). Numbers pass through. */
export function parseQuantity(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const mt = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)\s*$/.exec(v);
  if (!mt) return undefined;
  const base = Number(mt[1]);
  if (mt[2]) return base * 10 ** Number(mt[2].slice(1));
  const suffix = mt[3] ?? '';
  const factor = BINARY_SUFFIX[suffix] ?? DECIMAL_SUFFIX[suffix];
  return factor === undefined ? undefined : base * factor;
}

/** CPU cores from a quantity (`500m` → 0.5, `"2"` → 2). */
export function parseCpu(v: unknown): number | undefined {
  return parseQuantity(v);
}

/** Bytes from a quantity (`0.1Gi`, `200Mi`, `1G` = 10^9, `4G` < `4Gi`). */
export function parseMemory(v: unknown): number | undefined {
  return parseQuantity(v);
}

export function quantityFact(m: Manifest, ptr: string): Fact<number> | undefined {
  const value = parseQuantity(valueAt(m, ptr));
  return value === undefined ? undefined : { value, ptr, manifest: m };
}

/** Drops undefined members so records print cleanly and `'x' in d` means "the file says x". */
export function prune<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

/** ModelInfo.localPath form of a resolved path: '' for the repository root, undefined outside it. */
export function modelLocalPath(resolved: string): string | undefined {
  if (resolved === '..' || resolved.startsWith('../')) return undefined;
  return resolved === '.' ? '' : resolved;
}
