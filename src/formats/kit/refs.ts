// Asset and compute references (`azureml:NAME:VER`, `azureml:NAME@label`, registry and ARM ids,
// inline models with a local path), as azure-ai-ml's reference regexes read them.
import * as path from 'node:path';
import type { Anchor, Manifest, Ref } from '../../core/types.js';
import { isMapping, pointerJoin } from '../../core/pointer.js';
import { isPlaceholder, placeholderKind } from './placeholder.js';
import { anchor, text, valueAt } from './values.js';


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
  const ref = parseRefText(raw, at);
  if (ref && !ref.external) {
    const kind = placeholderKind(ref.name) ?? placeholderKind(ref.raw);
    if (kind) ref.placeholder = kind;
  }
  return ref;
}

/** The reference a string key holds, placeholders included (so that rules say why they cannot judge it). */
export function refAt(m: Manifest, ptr: string): Ref | undefined {
  const v = valueAt(m, ptr);
  if (typeof v === 'string') return parseRef(v, anchor(m, ptr));
  if (typeof v === 'number' && Number.isFinite(v)) return parseRef(String(v), anchor(m, ptr));
  return undefined;
}

function parseRefText(raw: string, at: Anchor): Ref | undefined {
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
  if (typeof v === 'string') return parseRef(v, at);
  if (!isMapping(v)) return undefined;
  const name = text(m, pointerJoin(ptr, 'name'));
  const version = text(m, pointerJoin(ptr, 'version'));
  const type = text(m, pointerJoin(ptr, 'type'))?.toLowerCase();
  const extra = { ...(version ? { version } : {}), ...(type ? { type } : {}) };
  const p = text(m, pointerJoin(ptr, 'path')) ?? text(m, pointerJoin(ptr, 'local_path'));
  if (p !== undefined) {
    if (hasUriScheme(p) || /^\/subscriptions\//i.test(p)) return { raw: p, name: name ?? p, ...extra, external: true, at };
    return { raw: p, name: name ?? p, ...extra, external: false, path: resolveLocal(m.file.path, p), at };
  }
  if (name !== undefined) return { raw: name, name, ...extra, external: false, at };
  return undefined;
}

/** ModelInfo.localPath form of a resolved path: '' for the repository root, undefined outside it. */
export function modelLocalPath(resolved: string): string | undefined {
  if (resolved === '..' || resolved.startsWith('../')) return undefined;
  return resolved === '.' ? '' : resolved;
}
