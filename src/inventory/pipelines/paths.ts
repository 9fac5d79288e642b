// Repo-relative path resolution for the files pipelines name. Never leaves the repository:
// absolute paths and `..` past the root resolve to nothing; only paths in `files` are returned.

/** A segment the pipeline fills in at run time: `$(x)`, `$X`, `${{ x }}`, `` `cmd` ``, `%X%`. */
export const isUnresolved = (s: string): boolean => /[$`%]/.test(s);

/** POSIX-normalised relative path, or undefined when it is absolute or climbs out of the root. */
export function normalize(p: string): string | undefined {
  const s = p.replace(/\\/g, '/');
  if (s.startsWith('/') || s.startsWith('~') || /^[A-Za-z]:/.test(s)) return undefined;
  const out: string[] = [];
  for (const seg of s.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

export function join(...parts: Array<string | undefined>): string {
  return parts.filter((p) => p !== undefined && p !== '' && p !== '.').join('/');
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Ancestors of a file's folder, nearest first, ending with the root (''). */
export function ancestors(file: string): string[] {
  const out: string[] = [];
  for (let d = dirname(file); d !== ''; d = dirname(d)) out.push(d);
  out.push('');
  return out;
}

/** The file set with lookups by basename and by suffix (built once per call). */
export class FileIndex {
  private readonly byBase = new Map<string, string[]>();
  constructor(readonly files: ReadonlySet<string>) {
    for (const f of files) {
      const b = basename(f);
      const list = this.byBase.get(b);
      if (list) list.push(f);
      else this.byBase.set(b, [f]);
    }
  }

  has(p: string): boolean {
    return this.files.has(p);
  }

  private readonly suffixes = new Map<string, string | undefined>();

  /** The one file whose path ends with `/tail` (or is `tail`), if exactly one (remembered: monorepo pipelines name the same tails). */
  uniqueSuffix(tail: string): string | undefined {
    if (this.suffixes.has(tail)) return this.suffixes.get(tail);
    let found: string | undefined;
    let n = 0;
    for (const f of this.byBase.get(basename(tail)) ?? []) {
      if (f !== tail && !f.endsWith(`/${tail}`)) continue;
      found = f;
      if (++n > 1) break;
    }
    const out = n === 1 ? found : undefined;
    this.suffixes.set(tail, out);
    return out;
  }
}

/**
 * Resolves a path a command names. `cwd` is the step's working directory as written after
 * substitution (may still hold unresolved variables); `bases` are tried in order after it (the
 * project root, the ancestors of the pipeline file nearest first, the root).
 */
export function resolvePath(raw: string, cwd: string | undefined, bases: readonly string[], index: FileIndex): string | undefined {
  const p = unquote(raw).replace(/\\/g, '/');
  if (!p || p.length > 1024) return undefined;
  if (isAbsolute(p)) return undefined;
  const combined = cwd !== undefined && cwd !== '' ? `${cwd.replace(/\\/g, '/').replace(/\/+$/, '')}/${p}` : p;
  const segs = combined.split('/');
  let last = -1;
  segs.forEach((s, i) => {
    if (isUnresolved(s)) last = i;
  });
  if (last >= 0) return byTail(segs.slice(last + 1), bases, index);
  // An absolute working directory, or `..` past the root from where the step runs: outside the repository.
  if (isAbsolute(combined) || normalize(join(bases[0] ?? '', combined)) === undefined) return undefined;
  for (const candidate of combined === p ? [p] : [combined, p]) {
    for (const base of bases) {
      const n = normalize(join(base, candidate));
      if (n !== undefined && index.has(n)) return n;
    }
  }
  if (p.split('/').includes('..')) return undefined;
  const n = normalize(p);
  return n && n.includes('/') ? index.uniqueSuffix(n) : undefined;
}

/** After an unresolved prefix: drop leading segments until a file matches; a bare basename must be unique. */
function byTail(tail: string[], bases: readonly string[], index: FileIndex): string | undefined {
  if (!tail.length || tail.includes('..')) return undefined;
  for (let k = 0; k < tail.length; k++) {
    const t = tail.slice(k).filter((s) => s !== '' && s !== '.');
    if (!t.length) continue;
    const rest = t.join('/');
    if (t.length === 1) return index.uniqueSuffix(rest);
    for (const base of bases) {
      const n = normalize(join(base, rest));
      if (n !== undefined && index.has(n)) return n;
    }
    const u = index.uniqueSuffix(rest);
    if (u) return u;
  }
  return undefined;
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('~') || /^[A-Za-z]:/.test(p);
}

export function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0] ? t.slice(1, -1) : t;
}
