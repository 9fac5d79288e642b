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

/**
 * Lists candidate files under root (links are not followed out of the workspace, link loops cannot
 * occur). Synchronous I/O on purpose: one thread-pool round trip per call costs more than the call.
 */
export function walk(opts: WalkOptions): Candidate[] {
  const root = path.resolve(opts.root);
  const realRoot = realpathSync(root);
  const exclude = [...opts.exclude];
  // Azure's CLIs load a manifest whatever the case of its extension (`deploy.YML`). `s`: a path with a
  // line break (a folder name the PR author chose) is matched like any other (picomatch's `flags`
  // replaces `nocase`, hence `i`).
  const isIncluded = picomatch([...opts.include], { dot: true, flags: 'si' });
  const isExcluded = picomatch(exclude, { dot: true, flags: 's' });
  const prune = exclude.filter((g) => g.endsWith('/**')).map((g) => picomatch(g.slice(0, -3), { dot: true, flags: 's' }));
  const onFile = opts.onFile;
  const only = (opts.paths ?? []).map((p) => toPosix(p).replace(/\/+$/, '')).filter((p) => p !== '' && p !== '.');
  const inScope = (rel: string) => only.length === 0 || only.some((p) => rel === p || rel.startsWith(p + '/'));
  const underScope = (relDir: string) => only.length === 0 || only.some((p) => p === relDir || p.startsWith(relDir + '/') || relDir.startsWith(p + '/'));

  const out: Candidate[] = [];
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + path.sep);
  // A folder link inside the workspace is walked (a pipeline may deploy `deploy/prod/x.yml` through it);
  // `real` is the folder's real path; a link to it or to a folder above it is a loop and is not followed;
  // `chain` holds the link targets above, so a ring of links ends; `linked` bounds how many links are followed.
  const stack: Array<{ rel: string; real: string; chain: ReadonlySet<string> }> = [{ rel: '', real: realRoot, chain: new Set([realRoot]) }];
  let linked = 0;
  while (stack.length > 0) {
    const { rel: relDir, real: realDir, chain } = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(relDir === '' ? root : `${root}/${relDir}`, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      if (ent.isDirectory()) {
        if (prune.some((m) => m(rel)) || !underScope(rel)) continue;
        stack.push({ rel, real: under(realDir, ent.name), chain });
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
          if (inside(real)) {
            const st = statSync(real);
            isDir = st.isDirectory();
            isFile = st.isFile();
          }
        } catch {
          real = undefined;
        }
        if (isDir && real !== undefined) {
          const above = realDir === real || realDir.startsWith(real + path.sep);
          if (!inside(real) || above || chain.has(real) || prune.some((m) => m(rel)) || !underScope(rel)) continue;
          if (++linked > MAX_LINKED_FOLDERS) {
            out.push({ path: rel, abs, problem: `more than ${MAX_LINKED_FOLDERS} linked folders in the workspace; the files under this one were not read` });
            continue;
          }
          stack.push({ rel, real, chain: new Set([...chain, real]) });
          continue;
        }
      }
      const excluded = isExcluded(rel);
      const included = inScope(rel) && isIncluded(rel) && !excluded;
      if (!included && !onFile) continue;
      if (ent.isSymbolicLink()) {
        if (real === undefined) {
          if (included) out.push({ path: rel, abs, problem: 'symbolic link that cannot be resolved (dangling or a loop); not read' });
          continue;
        }
        if (!inside(real)) {
          if (included) out.push({ path: rel, abs, problem: 'symbolic link pointing outside the workspace; not read' });
          continue;
        }
        // A link to a FIFO or a device named like a manifest: never open it (it could block the run).
        if (!isFile) continue;
      }
      onFile?.(rel, abs, excluded);
      if (included) out.push({ path: rel, abs });
    }
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

