// Which policy judges the run (SPEC §5, §6). On pull_request, pull_request_target and merge_group the
// config is the BASE commit's: everything in the checkout, the config included, is written by the
// pull request's author. It is read from git when the history is there (`git cat-file` of the base
// commit's blob: no filters, no textconv, nothing of the working tree), else through the contents
// API at the base SHA; no config there means the built-in defaults. The checkout's config is the
// pull request's proposal: the engine compares the two (policy-change).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CONFIG_FILES, configFrom, readConfigSource } from '../config/load.js';
import type { ConfigProblem, ConfigSource } from '../config/types.js';
import { problemText } from '../config/types.js';
import type { PolicyOptions } from '../engine.js';
import { RULE_IDS } from '../engine.js';
import { isInside, rootToRepo, toPosix } from './paths.js';
import type { Settings } from './settings.js';

/** The config file is small; the same cap as on disk (config/load.ts). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config file at a commit: its text, none (`absent`), or a reason it cannot be used. */
export type BlobAt = { kind: 'file'; text: string } | { kind: 'absent' } | { kind: 'refused'; why: string };

/** Reads a repository path at a commit. Throws when it cannot tell (history missing, API failure). */
export type ReadAt = (sha: string, repoPath: string) => Promise<BlobAt>;

/** The policy could not be established: nothing is judged (the step fails). */
export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** Root-relative config paths to look for, in order (the `config` input, else the two defaults). */
export function configPaths(settings: Pick<Settings, 'configPath' | 'workingDirectory'>): string[] {
  if (settings.configPath) return [toPosix(path.relative(settings.workingDirectory, settings.configPath))];
  return [...CONFIG_FILES];
}

function decode(bytes: Buffer): BlobAt {
  if (bytes.length > MAX_CONFIG_BYTES) return { kind: 'refused', why: `it is ${bytes.length} bytes, over the ${MAX_CONFIG_BYTES}-byte cap` };
  try {
    return { kind: 'file', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'refused', why: 'it is not valid UTF-8 text' };
  }
}

/** `git` in the workspace, no shell; paths are literal, relative to the repository's top. */
export function gitReader(workspace: string): { hasCommit: (sha: string) => Promise<boolean>; readAt: ReadAt } {
  const run = promisify(execFile);
  const git = (args: string[], encoding: 'utf8' | 'buffer' = 'utf8') =>
    run('git', ['--literal-pathspecs', ...args], { cwd: workspace, maxBuffer: 8 * MAX_CONFIG_BYTES, encoding: encoding as 'utf8' });
  const hasCommit = async (sha: string): Promise<boolean> => {
    try {
      await git(['cat-file', '-e', `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  };
  const readAt: ReadAt = async (sha, repoPath) => {
    const { stdout } = await git(['ls-tree', '-z', '--full-tree', sha, '--', repoPath]);
    const entry = stdout.split('\0').find((e) => e.endsWith(`\t${repoPath}`));
    if (!entry) return { kind: 'absent' };
    const [mode, type, object] = entry.split('\t')[0]!.split(' ');
    if (type !== 'blob') return { kind: 'refused', why: `it is a ${type === 'tree' ? 'folder' : 'submodule'}, not a file` };
    if (mode === '120000') return { kind: 'refused', why: 'it is a symbolic link; keep the config a plain file' };
    const { stdout: size } = await git(['cat-file', '-s', object!]);
    if (Number(size) > MAX_CONFIG_BYTES) return { kind: 'refused', why: `it is ${Number(size)} bytes, over the ${MAX_CONFIG_BYTES}-byte cap` };
    const { stdout: bytes } = (await git(['cat-file', 'blob', object!], 'buffer')) as unknown as { stdout: Buffer };
    return decode(bytes);
  };
  return { hasCommit, readAt };
}

/** A contents-API answer (`repos/get-content`) as a BlobAt; a 404 is `absent`. */
export function contentsBlob(data: unknown): BlobAt {
  if (Array.isArray(data)) return { kind: 'refused', why: 'it is a folder, not a file' };
  const d = (data ?? {}) as Record<string, unknown>;
  if (d['type'] !== 'file') return { kind: 'refused', why: `it is a ${String(d['type'] ?? 'thing')} (not a file)` };
  if (d['encoding'] !== 'base64' || typeof d['content'] !== 'string') return { kind: 'refused', why: 'the API did not send its content (too large?)' };
  return decode(Buffer.from(d['content'], 'base64'));
}

/** The first candidate present at `sha`, as a root-relative ConfigSource (null: none there). */
async function sourceAt(readAt: ReadAt, sha: string, settings: Settings): Promise<{ source: ConfigSource | null } | { problems: ConfigProblem[] }> {
  for (const rel of configPaths(settings)) {
    const blob = await readAt(sha, rootToRepo(rel, settings.rootPrefix));
    if (blob.kind === 'absent') continue;
    if (blob.kind === 'refused') return { problems: [{ file: rel, line: 0, column: 0, message: `the config file cannot be used: ${blob.why}` }] };
    return { source: { path: rel, text: blob.text } };
  }
  return { source: null };
}

/** The checkout's config (the pull request's): null when there is none. Problems when it cannot be read. */
function checkoutSource(settings: Settings): { source: ConfigSource | null } | { problems: ConfigProblem[] } {
  const root = settings.workingDirectory;
  // An explicit `config` the checkout lacks: the pull request deletes it (or never had it).
  if (settings.configPath && !fs.existsSync(settings.configPath) && !isLink(settings.configPath)) return { source: null };
  const found = readConfigSource(root, settings.configPath);
  return found.ok ? { source: found.source } : { problems: found.problems };
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

export interface PolicyPlan {
  /** What the engine gets (undefined: it reads the checkout's config itself). */
  policy?: PolicyOptions;
  /** For the log. */
  log: string[];
  /** Shown as a warning and in the summary. */
  warning?: string;
}

/**
 * The policy of this run. `readers` are tried in order for the base commit: git (when it has the
 * commit), then the contents API. A base config that cannot be read fails the run (PolicyError);
 * an invalid one judges with the built-in defaults, said in a warning and in the reports.
 */
export async function planPolicy(settings: Settings, readers: { git?: ReturnType<typeof gitReader>; api?: ReadAt }): Promise<PolicyPlan> {
  const e = settings.event;
  const baseSha = e.pullRequest?.baseSha ?? e.mergeGroup?.baseSha;
  const prEvent = e.name === 'pull_request' || e.name === 'pull_request_target' || e.name === 'merge_group';
  if (!prEvent) return { log: [] };
  if (!baseSha) {
    if (settings.policyFrom === 'head') return { log: [`Policy: the checkout's config (policy-from: head); the ${e.name} payload names no base commit.`] };
    throw new PolicyError(`the ${e.name} event payload names no base commit, so the base branch's policy cannot be read (set \`policy-from: head\` to judge with the checkout's config)`);
  }
  const short = baseSha.slice(0, 12);

  let base: { source: ConfigSource | null } | { problems: ConfigProblem[] } | undefined;
  let how = '';
  const why: string[] = [];
  if (readers.git && (await readers.git.hasCommit(baseSha))) {
    try {
      base = await sourceAt(readers.git.readAt, baseSha, settings);
      how = `git, commit ${short}`;
    } catch (err) {
      why.push(`git: ${firstLine(err)}`);
    }
  } else {
    why.push(`git: commit ${short} is not in the checkout`);
  }
  if (!base && readers.api) {
    try {
      base = await sourceAt(readers.api, baseSha, settings);
      how = `the contents API at ${short}`;
    } catch (err) {
      why.push(`contents API: ${firstLine(err)}`);
    }
  } else if (!base) {
    why.push('contents API: no token');
  }
  if (!base) {
    throw new PolicyError(
      `the base branch's config could not be read at ${short} (${why.join('; ')}), so the pull request cannot be judged by it. ` +
        'Check out with `fetch-depth: 0`, or give the action a token with `contents: read`',
    );
  }
  const head = checkoutSource(settings);

  if (settings.policyFrom === 'head') {
    if ('problems' in head) return { log: [], policy: undefined };
    const baseline = 'source' in base ? base.source : undefined;
    return {
      log: [`Policy: the pull request's own config ${head.source ? head.source.path : '(none: built-in defaults)'} (policy-from: head).`],
      policy: { from: 'head', source: head.source, ...(baseline !== undefined ? { baseline } : {}) },
    };
  }

  let source: ConfigSource | null;
  let note: string | undefined;
  let warning: string | undefined;
  if ('problems' in base) {
    source = null;
    note = `The base branch's config could not be used (${problemText(base.problems[0]!)}); the built-in defaults judged this run`;
    warning = `${note}.`;
  } else {
    source = base.source;
    const parsed = configFrom(source, RULE_IDS);
    if (!parsed.ok) {
      note = `The base branch's config is invalid (${problemText(parsed.problems[0]!)}); the built-in defaults judged this run`;
      warning = `${note}.`;
      source = null;
    }
  }
  const policy: PolicyOptions = { from: 'base', source, commit: baseSha, ...(note ? { note } : {}) };
  const raw = 'source' in base ? base.source : null;
  if ('problems' in head) policy.proposedProblems = head.problems;
  // An unusable base config the pull request leaves as it is: no change to report (the warning says it).
  else if (!(note && raw && head.source && raw.path === head.source.path && raw.text === head.source.text)) policy.proposed = head.source;
  const found = 'source' in base && base.source ? `config ${base.source.path}` : 'no config (built-in defaults)';
  return { policy, warning, log: [`Policy: the base branch's ${found}, read with ${how}.`] };
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? ((e as { stderr?: string | Buffer }).stderr?.toString() || e.message) : String(e);
  return msg.trim().split('\n')[0] ?? '';
}
