// A temporary git repository built from a fixture folder: the base commit on `main`, the pull
// request's head commit on `feature`, and the merge commit GitHub makes for `refs/pull/N/merge`.
// The event payloads, the fake API's file list and its contents route all read from it, so the
// SHAs and file names the action sees agree the way they do on a real runner.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

const GIT_ENV: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'] ?? '',
  HOME: os.tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Codertocat',
  GIT_AUTHOR_EMAIL: '21031067+Codertocat@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'GitHub',
  GIT_COMMITTER_EMAIL: 'noreply@github.com',
  // Fixed dates: the same fixture gives the same SHAs on every run.
  GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z',
  GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z',
};

export function git(cwd: string, ...args: string[]): string {
  // stderr is dropped: the fake asks git about objects that may not exist, and the answer is the exit code.
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
}

/** git's bytes (a blob) as they are. */
export function gitBytes(cwd: string, ...args: string[]): Buffer {
  return execFileSync('git', args, { cwd, env: GIT_ENV, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

const tempDirs: string[] = [];

export function tempDir(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(d);
  return d;
}

export function cleanTempDirs(): void {
  for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

function copyTree(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      copyTree(src, dst);
    } else {
      fs.copyFileSync(src, dst);
    }
  }
}

/** Files to write (text) or delete (null), relative to the repository root. */
export type FileChanges = Record<string, string | null>;

function apply(dir: string, changes: FileChanges): void {
  for (const [rel, text] of Object.entries(changes)) {
    const abs = path.join(dir, rel);
    if (text === null) fs.rmSync(abs, { force: true });
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
    }
  }
}

/** A changed file as `git diff --name-status` and GitHub's pulls/list-files tell it. */
export interface ChangedFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  previous_filename?: string;
  additions: number;
  deletions: number;
  /** The unified diff hunks without the file header, as the API's `patch` field carries them. */
  patch?: string;
  /** Blob SHA of the head version ('0'×40 for a removed file). */
  sha: string;
}

export interface FixtureRepo {
  /** The repository (with .git): the workspace, checked out at whatever `checkout` last chose. */
  dir: string;
  base: string;
  head: string;
  /** The test merge commit GitHub builds for the pull request (what `pull_request` runs check out). */
  merge: string;
  /** A commit on `feature` before `head`: `before` for a `synchronize` event. */
  previousHead: string;
  changed: ChangedFile[];
  /** Checks out a commit detached, as actions/checkout leaves the workspace. */
  checkout(sha: string): void;
  /** Whether `sha` names a commit of this repository. */
  hasCommit(sha: string): boolean;
}

/**
 * Builds the repository from `fixtures/<name>/base` (the base branch) and `fixtures/<name>/head`
 * (files the pull request adds or changes; `head/.deleted` lists files it removes, one a line),
 * plus `extra` changes on the head made by the test (e.g. a generated 70,000-character key).
 */
export function fixtureRepo(name: string, extra: { base?: FileChanges; head?: FileChanges } = {}): FixtureRepo {
  const dir = tempDir('mdg-repo-');
  const root = path.join(FIXTURES, name);
  git(dir, 'init', '-q', '-b', 'main');
  copyTree(path.join(root, 'base'), dir);
  apply(dir, extra.base ?? {});
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Initial commit');
  const base = git(dir, 'rev-parse', 'HEAD');

  git(dir, 'checkout', '-q', '-b', 'feature');
  // A first head commit, so that `synchronize` has a real `before`.
  fs.writeFileSync(path.join(dir, '.pr-iteration'), '1\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Work in progress');
  const previousHead = git(dir, 'rev-parse', 'HEAD');
  fs.rmSync(path.join(dir, '.pr-iteration'));
  const headDir = path.join(root, 'head');
  const deleted = path.join(headDir, '.deleted');
  if (fs.existsSync(headDir)) copyTree(headDir, dir);
  fs.rmSync(path.join(dir, '.deleted'), { force: true });
  if (fs.existsSync(deleted)) {
    for (const rel of fs.readFileSync(deleted, 'utf8').split('\n').filter(Boolean)) fs.rmSync(path.join(dir, rel), { force: true });
  }
  apply(dir, extra.head ?? {});
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'Update the deployment manifests');
  const head = git(dir, 'rev-parse', 'HEAD');

  git(dir, 'checkout', '-q', '--detach', base);
  git(dir, 'merge', '-q', '--no-ff', '--no-edit', '-m', `Merge ${head} into ${base}`, head);
  const merge = git(dir, 'rev-parse', 'HEAD');

  const changed = diffFiles(dir, base, head);
  return {
    dir,
    base,
    head,
    merge,
    previousHead,
    changed,
    checkout: (sha) => {
      git(dir, 'checkout', '-q', '--detach', sha);
    },
    hasCommit: (sha) => {
      try {
        return git(dir, 'cat-file', '-t', sha) === 'commit';
      } catch {
        return false;
      }
    },
  };
}

/** BASE...HEAD as pulls/list-files reports it: status, counts and the patch of every file. */
export function diffFiles(dir: string, base: string, head: string): ChangedFile[] {
  const out: ChangedFile[] = [];
  const rows = git(dir, '-c', 'core.quotepath=off', 'diff', '--name-status', '-M', '-z', `${base}...${head}`).split('\0').filter((s) => s !== '');
  const numstat = new Map<string, [number, number]>();
  const ns = git(dir, '-c', 'core.quotepath=off', 'diff', '--numstat', '-M', `${base}...${head}`);
  for (const line of ns.split('\n').filter(Boolean)) {
    const [a, d, ...rest] = line.split('\t');
    const name = rest.join('\t').replace(/^.*=> /, '').replace(/[{}]/g, '');
    numstat.set(name, [Number(a) || 0, Number(d) || 0]);
  }
  for (let i = 0; i < rows.length; ) {
    const code = rows[i++]!;
    let status: ChangedFile['status'];
    let previous: string | undefined;
    let filename: string;
    if (code.startsWith('R')) {
      status = 'renamed';
      previous = rows[i++]!;
      filename = rows[i++]!;
    } else {
      filename = rows[i++]!;
      status = code === 'A' ? 'added' : code === 'D' ? 'removed' : 'modified';
    }
    const diff = git(dir, '-c', 'core.quotepath=off', 'diff', '-M', `${base}...${head}`, '--', ...(previous ? [previous, filename] : [filename]));
    const at = diff.indexOf('\n@@');
    const patch = at >= 0 ? diff.slice(at + 1) : undefined;
    const [additions, deletions] = numstat.get(filename) ?? [0, 0];
    const sha = status === 'removed' ? '0'.repeat(40) : git(dir, 'rev-parse', `${head}:${filename}`);
    out.push({ filename, status, ...(previous ? { previous_filename: previous } : {}), additions, deletions, ...(patch ? { patch } : {}), sha });
  }
  return out;
}
