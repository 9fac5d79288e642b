// Which files a run reads: a walk of the checkout, links never followed out of it.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

/** Folder links followed in one walk, at most (a farm of links must not make the walk explode). */
const MAX_LINKED_FOLDERS = 1000;

export interface WalkOptions {
  root: string;
  include: readonly string[];
  /** Every exclude (the config's list already holds the built-in ones). */
  exclude: readonly string[];
  /** Restrict to these repo-relative files or folders (CLI paths); empty = everything. */
  paths?: string[];
  /**
   * Called for every readable file of the workspace the walk visits, included or not (pipelines,
   * scripts and the paths they name are not manifests): repo-relative path, absolute path, and
   * whether an exclude glob names it. Files in pruned folders (`x/**` excludes) are not visited.
   */
  onFile?: (rel: string, abs: string, excluded: boolean) => void;
}

export interface Candidate {
  path: string;
  abs: string;
  /** Set when the file cannot be read safely (link outside the workspace, …). */
  problem?: string;
}

/**
 * `path.join(dir, rel)` for an absolute, normalised `dir` and a `rel` made of names a folder listing
 * returned (never empty, `.` or `..`): the same string without normalising it again (path.join's
 * normalisation allocated more than the rest of the walk).
 */
function under(dir: string, rel: string): string {
  if (path.sep !== '/') return path.join(dir, rel);
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A folder still to be listed: repo-relative path, real path, and the link targets above it. */
export interface PendingFolder {
  rel: string;
  real: string;
  chain: readonly string[];
}

/** Where a walk stands: folders still to list and links followed so far (a walk can go on in another thread from it). */
export interface WalkState {
  stack: PendingFolder[];
  linked: number;
}

/** Orders candidates as every walk returns them: by path. */
export function compareCandidates(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Lists candidate files under root (links are not followed out of the workspace, link loops cannot
 * occur). Synchronous I/O on purpose: one thread-pool round trip per call costs more than the call.
 */
export function walk(opts: WalkOptions): Candidate[] {
  const w = new Walk(opts);
  while (w.next());
  return w.found.sort(compareCandidates);
}

/**
 * A walk one folder at a time, in a fixed order (depth first, names sorted), so that it can stop and
 * go on elsewhere from its state (`load/reader-thread.ts`). `found` is in walk order, not sorted.
 */
export class Walk {
  readonly found: Candidate[] = [];
  private readonly root: string;
  private readonly realRoot: string;
  private readonly isIncluded: (p: string) => boolean;
  private readonly isExcluded: (p: string) => boolean;
  private readonly prune: Array<(p: string) => boolean>;
  private readonly only: string[];
  private readonly onFile: WalkOptions['onFile'];
  // A folder link inside the workspace is walked (a pipeline may deploy `deploy/prod/x.yml` through it);
  // `real` is the folder's real path; a link to it or to a folder above it is a loop and is not followed;
  // `chain` holds the link targets above, so a ring of links ends; `linked` bounds how many links are followed.
  private stack: Array<{ rel: string; real: string; chain: ReadonlySet<string> }>;
  private linked: number;

  constructor(opts: WalkOptions, from?: WalkState) {
    this.root = path.resolve(opts.root);
    this.realRoot = realpathSync(this.root);
    // Azure's CLIs load a manifest whatever the case of its extension (`deploy.YML`). `s`: a path with a
    // line break (a folder name the PR author chose) is matched like any other (picomatch's `flags`
    // replaces `nocase`, hence `i`).
    this.isIncluded = picomatch([...opts.include], { dot: true, flags: 'si' });
    const exclude = [...opts.exclude];
    this.isExcluded = picomatch(exclude, { dot: true, flags: 's' });
    this.prune = exclude.filter((g) => g.endsWith('/**')).map((g) => picomatch(g.slice(0, -3), { dot: true, flags: 's' }));
    this.onFile = opts.onFile;
    this.only = (opts.paths ?? []).map((p) => toPosix(p).replace(/\/+$/, '')).filter((p) => p !== '' && p !== '.');
    this.stack = from
      ? from.stack.map((f) => ({ rel: f.rel, real: f.real, chain: new Set(f.chain) }))
      : [{ rel: '', real: this.realRoot, chain: new Set([this.realRoot]) }];
    this.linked = from?.linked ?? 0;
  }

  /** True once every folder is listed. */
  get finished(): boolean {
    return this.stack.length === 0;
  }

  /** The folders not listed yet, handed over: this walk stops here. */
  handOver(): WalkState {
    const state = { stack: this.stack.map((f) => ({ rel: f.rel, real: f.real, chain: [...f.chain] })), linked: this.linked };
    this.stack = [];
    return state;
  }

  private inScope(rel: string): boolean {
    return this.only.length === 0 || this.only.some((p) => rel === p || rel.startsWith(p + '/'));
  }

  private underScope(relDir: string): boolean {
    return this.only.length === 0 || this.only.some((p) => p === relDir || p.startsWith(relDir + '/') || relDir.startsWith(p + '/'));
  }

  private inside(real: string): boolean {
    return real === this.realRoot || real.startsWith(this.realRoot + path.sep);
  }

  /** Lists the next folder; false once there is none left. */
  next(): boolean {
    const top = this.stack.pop();
    if (!top) return false;
    const { rel: relDir, real: realDir, chain } = top;
    const root = this.root;
    const out = this.found;
    const prune = this.prune;
    const onFile = this.onFile;
    let entries: Dirent[];
    try {
      entries = readdirSync(relDir === '' ? root : `${root}/${relDir}`, { withFileTypes: true });
    } catch {
      return true;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      if (ent.isDirectory()) {
        if (prune.some((m) => m(rel)) || !this.underScope(rel)) continue;
        this.stack.push({ rel, real: under(realDir, ent.name), chain });
        continue;
      }
      if (!ent.isFile() && !ent.isSymbolicLink()) continue;
      const abs = under(root, rel);
      let real: string | undefined;
      let isDir = false;
      let isFile = false;
      if (ent.isSymbolicLink()) {
        try {
          real = realpathSync(abs);
          // What a link outside points at is none of the gate's business: not even its type is looked at.
          if (this.inside(real)) {
            const st = statSync(real);
            isDir = st.isDirectory();
            isFile = st.isFile();
          }
        } catch {
          real = undefined;
        }
        if (isDir && real !== undefined) {
          const above = realDir === real || realDir.startsWith(real + path.sep);
          if (!this.inside(real) || above || chain.has(real) || prune.some((m) => m(rel)) || !this.underScope(rel)) continue;
          if (++this.linked > MAX_LINKED_FOLDERS) {
            out.push({ path: rel, abs, problem: `more than ${MAX_LINKED_FOLDERS} linked folders in the workspace; the files under this one were not read` });
            continue;
          }
          this.stack.push({ rel, real, chain: new Set([...chain, real]) });
          continue;
        }
      }
      const excluded = this.isExcluded(rel);
      const included = this.inScope(rel) && this.isIncluded(rel) && !excluded;
      if (!included && !onFile) continue;
      if (ent.isSymbolicLink()) {
        if (real === undefined) {
          if (included) out.push({ path: rel, abs, problem: 'symbolic link that cannot be resolved (dangling or a loop); not read' });
          continue;
        }
        if (!this.inside(real)) {
          if (included) out.push({ path: rel, abs, problem: 'symbolic link pointing outside the workspace; not read' });
          continue;
        }
        // A link to a FIFO or a device named like a manifest: never open it (it could block the run).
        if (!isFile) continue;
      }
      onFile?.(rel, abs, excluded);
      if (included) out.push({ path: rel, abs });
    }
    return true;
  }
}

