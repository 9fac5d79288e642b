// Path handling for paths that come from outside (the REST API, git, inputs): pure functions.
import * as path from 'node:path';

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** `child` is `parent` or lies below it (lexically; callers resolve links first when it matters). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * A repository path from the API or git, normalised to `a/b/c`; undefined when it is empty,
 * absolute, holds a NUL or a `..` segment, i.e. when it could name something outside the checkout.
 */
export function normaliseRepoPath(raw: string): string | undefined {
  if (raw === '' || raw.includes('\0')) return undefined;
  if (raw.startsWith('/') || raw.startsWith('\\') || /^[A-Za-z]:/.test(raw)) return undefined;
  const segments = raw.split(/[/\\]/);
  if (segments.some((s) => s === '..')) return undefined;
  const clean = segments.filter((s) => s !== '' && s !== '.');
  return clean.length ? clean.join('/') : undefined;
}

/** Repo-relative → relative to the scanned root (`prefix`, '' = the repository); undefined when outside it. */
export function repoToRoot(repoPath: string, prefix: string): string | undefined {
  if (prefix === '') return repoPath;
  return repoPath.startsWith(`${prefix}/`) ? repoPath.slice(prefix.length + 1) : undefined;
}

/** Relative to the scanned root → repo-relative (what GitHub needs for annotations). */
export function rootToRepo(rootPath: string, prefix: string): string {
  return prefix === '' ? rootPath : `${prefix}/${rootPath}`;
}
