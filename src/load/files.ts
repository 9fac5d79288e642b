// Which files a run reads: a walk of the checkout, links never followed out of it.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export interface WalkOptions {
  root: string;
  include: readonly string[];
  /** Every exclude (the config's list already holds the built-in ones). */
  exclude: readonly string[];
  /** Restrict to these repo-relative files or folders (CLI paths); empty = everything. */
  paths?: string[];
}

export interface Candidate {
  path: string;
  abs: string;
  /** Set when the file cannot be read safely (link outside the workspace, …). */
  problem?: string;
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
  const isIncluded = picomatch([...opts.include], { dot: true, flags: 's' });
  const isExcluded = picomatch(exclude, { dot: true, flags: 's' });
  const prune = exclude.filter((g) => g.endsWith('/**')).map((g) => picomatch(g.slice(0, -3), { dot: true, flags: 's' }));
  const only = (opts.paths ?? []).map((p) => toPosix(p).replace(/\/+$/, '')).filter((p) => p !== '' && p !== '.');
  const inScope = (rel: string) => only.length === 0 || only.some((p) => rel === p || rel.startsWith(p + '/'));
  const underScope = (relDir: string) => only.length === 0 || only.some((p) => p === relDir || p.startsWith(relDir + '/') || relDir.startsWith(p + '/'));

  const out: Candidate[] = [];
  const stack: string[] = [''];
  while (stack.length > 0) {
    const relDir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, relDir), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      if (ent.isDirectory()) {
        if (prune.some((m) => m(rel)) || !underScope(rel)) continue;
        stack.push(rel);
      } else if (ent.isFile() || ent.isSymbolicLink()) {
        if (!inScope(rel) || !isIncluded(rel) || isExcluded(rel)) continue;
        const abs = path.join(root, rel);
        if (ent.isSymbolicLink()) {
          let real: string;
          try {
            real = realpathSync(abs);
          } catch {
            out.push({ path: rel, abs, problem: 'symbolic link that cannot be resolved (dangling or a loop); not read' });
            continue;
          }
          if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
            out.push({ path: rel, abs, problem: 'symbolic link pointing outside the workspace; not read' });
            continue;
          }
          let isFile = false;
          try {
            isFile = statSync(real).isFile();
          } catch {
            isFile = false;
          }
          if (!isFile) continue;
        }
        out.push({ path: rel, abs });
      }
    }
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

