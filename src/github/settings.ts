// Every input and every piece of workflow context, read and validated in ONE place (like
// actions/checkout's input-helper). The rest of src/github/ receives a typed Settings object.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as core from './runner.js';
import type { FailOn, Stage } from '../core/types.js';
import type { ClientTiming } from './client.js';
import { isInside, toPosix } from './paths.js';

export type ScopeInput = 'auto' | 'changed' | 'all';
/** `auto`: create a check run when the token may (403 → logged fallback); `on`: a check run is required; `off`: never. */
export type CheckRunMode = 'auto' | 'on' | 'off';
export type CommentMode = 'off' | 'on-failure' | 'always';
/** `on`: fixes on lines a pull request changed become suggested changes in a review. */
export type SuggestionsMode = 'on' | 'off';
/** Whose config judges a pull request: the base branch's (default) or the pull request's own. */
export type PolicyFromInput = 'base' | 'head';

export interface PullRequestInfo {
  number: number;
  /** The PR head commit: check runs go here, not on GITHUB_SHA (the merge commit). */
  headSha: string;
  baseSha: string;
  baseRef: string;
  /** Head repository differs from the base repository (or was deleted): the token is read-only. */
  fork: boolean;
  /** `owner/name` of the head repository, when the payload names it. */
  headRepo?: string;
  /** GitHub's test merge commit (`merge_commit_sha`), when the payload has one. */
  mergeSha?: string;
  /** The payload's `changed_files`: a file list shorter than this is incomplete. */
  changedFiles?: number;
}

export interface EventInfo {
  name: string;
  /** GITHUB_SHA: the commit the workflow runs on. */
  sha: string;
  pullRequest?: PullRequestInfo;
  /** merge_group: the queue's base and head commits. */
  mergeGroup?: { baseSha: string; headSha: string };
  /** push: commits before and after the push (before is all zeros for a new branch). */
  push?: { before: string; after: string };
}

export interface Settings {
  /** '' when no token was given: every API feature is then skipped (and logged). */
  token: string;
  /** Absolute path of the config file, when the `config` input is set. */
  configPath?: string;
  scope: ScopeInput;
  failOn: FailOn;
  /** Overrides the config's `default-stage` when set. */
  defaultStage?: Stage;
  checkRun: CheckRunMode;
  comment: CommentMode;
  suggestions: SuggestionsMode;
  policyFrom: PolicyFromInput;
  /** Absolute paths of the report files to write, when requested. */
  sarifFile?: string;
  reportFile?: string;
  /** GITHUB_WORKSPACE (absolute): the repository checkout. */
  workspace: string;
  /** The scanned root (absolute), inside the workspace. */
  workingDirectory: string;
  /** The scanned root relative to the workspace, with `/` ('' for the workspace itself). */
  rootPrefix: string;
  event: EventInfo;
  /** Undefined when GITHUB_REPOSITORY is not set (API features are then skipped). */
  repo?: { owner: string; name: string };
  apiUrl: string;
  serverUrl: string;
  runId?: string;
  /** GITHUB_RUN_ATTEMPT (re-runs of the same run). */
  runAttempt?: string;
  /** API client timing (MODEL_DEPLOY_GATE_RETRY_BASE_MS, MODEL_DEPLOY_GATE_REQUEST_TIMEOUT_MS). */
  timing: ClientTiming;
}

/** Invalid input: the message lists every problem; the step fails with it. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid action input:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

export type InputReader = (name: string) => string;
export type Env = Record<string, string | undefined>;

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;

function oneOf<T extends string>(
  problems: string[],
  name: string,
  raw: string,
  allowed: readonly T[],
  fallback: T,
  aliases: Record<string, T> = {},
): T {
  const v = raw.trim().toLowerCase();
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  if (v in aliases) return aliases[v] as T;
  problems.push(`\`${name}\` is "${raw}"; expected one of: ${allowed.join(', ')}.`);
  return fallback;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A commit SHA from the payload, or undefined: anything else never reaches `git` (no option injection). */
function sha(v: unknown): string | undefined {
  return typeof v === 'string' && SHA.test(v) ? v.toLowerCase() : undefined;
}

function readEvent(name: string, githubSha: string, payload: unknown): EventInfo {
  const p = record(payload) ?? {};
  const event: EventInfo = { name, sha: sha(githubSha) ?? '' };
  const pr = record(p['pull_request']);
  if (pr) {
    const head = record(pr['head']);
    const base = record(pr['base']);
    const num = pr['number'] ?? p['number'];
    const headSha = sha(head?.['sha']);
    const baseSha = sha(base?.['sha']);
    if (typeof num === 'number' && Number.isInteger(num) && num > 0 && headSha && baseSha) {
      const headRepo = str(record(head?.['repo'])?.['full_name']);
      const baseRepo = str(record(base?.['repo'])?.['full_name']);
      event.pullRequest = {
        number: num,
        headSha,
        baseSha,
        baseRef: str(base?.['ref']) ?? '',
        fork: headRepo === undefined || headRepo !== baseRepo,
      };
      if (headRepo) event.pullRequest.headRepo = headRepo;
      const mergeSha = sha(pr['merge_commit_sha']);
      if (mergeSha) event.pullRequest.mergeSha = mergeSha;
      const changedFiles = pr['changed_files'];
      if (typeof changedFiles === 'number' && Number.isInteger(changedFiles) && changedFiles >= 0) event.pullRequest.changedFiles = changedFiles;
    }
  }
  const mg = record(p['merge_group']);
  if (mg) {
    const baseSha = sha(mg['base_sha']);
    const headSha = sha(mg['head_sha']);
    if (baseSha && headSha) event.mergeGroup = { baseSha, headSha };
  }
  if (name === 'push') {
    const before = sha(p['before']);
    const after = sha(p['after']);
    if (before && after) event.push = { before, after };
  }
  return event;
}

/**
 * Pure: inputs + environment + event payload → Settings. Throws SettingsError listing every problem.
 * Paths are checked lexically here; `readSettings` also checks them on disk.
 */
export function parseSettings(input: InputReader, env: Env, payload: unknown): Settings {
  const problems: string[] = [];
  const workspace = path.resolve(env['GITHUB_WORKSPACE'] || process.cwd());

  const wdRaw = input('working-directory').trim();
  const workingDirectory = path.resolve(workspace, wdRaw || '.');
  if (!isInside(workspace, workingDirectory)) {
    problems.push(`\`working-directory\` "${wdRaw}" is outside the workspace (${workspace}); it must be a folder of the checked-out repository.`);
  }
  const rootPrefix = toPosix(path.relative(workspace, workingDirectory));

  const configRaw = input('config').trim();
  let configPath: string | undefined;
  if (configRaw) {
    configPath = path.resolve(workingDirectory, configRaw);
    if (!isInside(workspace, configPath)) {
      problems.push(`\`config\` "${configRaw}" is outside the workspace; the config must be a file of the repository.`);
    } else if (!isInside(workingDirectory, configPath)) {
      problems.push(`\`config\` "${configRaw}" is outside \`working-directory\`; the config must be a file of the gated folder.`);
    }
  }

  const scope = oneOf<ScopeInput>(problems, 'scope', input('scope'), ['auto', 'changed', 'all'], 'auto');
  const failOn = oneOf<FailOn>(problems, 'fail-on', input('fail-on'), ['error', 'warning', 'notice', 'never'], 'error');
  const stageRaw = input('default-stage').trim();
  const defaultStage = stageRaw
    ? oneOf<Stage>(problems, 'default-stage', stageRaw, ['production', 'nonproduction', 'unknown'], 'unknown')
    : undefined;
  const checkRun = oneOf<CheckRunMode>(problems, 'check-run', input('check-run'), ['auto', 'on', 'off'], 'auto', {
    true: 'on',
    false: 'off',
  });
  const comment = oneOf<CommentMode>(problems, 'comment', input('comment'), ['off', 'on-failure', 'always'], 'off', {
    false: 'off',
    true: 'always',
  });
  const policyFrom = oneOf<PolicyFromInput>(problems, 'policy-from', input('policy-from'), ['base', 'head'], 'base');

  const suggestions = oneOf<SuggestionsMode>(problems, 'suggestions', input('suggestions'), ['on', 'off'], 'on', { true: 'on', false: 'off' });

  const outFile = (name: string): string | undefined => {
    const raw = input(name).trim();
    return raw ? path.resolve(workingDirectory, raw) : undefined;
  };
  const sarifFile = outFile('sarif-file');
  const reportFile = outFile('report-file');
  if (sarifFile && reportFile && sarifFile === reportFile) {
    problems.push('`sarif-file` and `report-file` name the same file; give them different paths.');
  }

  let repo: Settings['repo'];
  const repoRaw = env['GITHUB_REPOSITORY'] ?? '';
  if (repoRaw) {
    const m = /^([A-Za-z0-9-_.]+)\/([A-Za-z0-9-_.]+)$/.exec(repoRaw);
    if (m) repo = { owner: m[1]!, name: m[2]! };
    else problems.push(`GITHUB_REPOSITORY "${repoRaw}" is not "owner/name".`);
  }

  if (problems.length) throw new SettingsError(problems);

  const token = input('token').trim();
  return {
    token,
    configPath,
    scope,
    failOn,
    defaultStage,
    checkRun,
    comment,
    suggestions,
    policyFrom,
    sarifFile,
    reportFile,
    workspace,
    workingDirectory,
    rootPrefix,
    event: readEvent(env['GITHUB_EVENT_NAME'] ?? '', env['GITHUB_SHA'] ?? '', payload),
    repo,
    apiUrl: (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, ''),
    runId: env['GITHUB_RUN_ID'] || undefined,
    runAttempt: env['GITHUB_RUN_ATTEMPT'] || undefined,
    timing: {
      retryBaseMs: positiveMs(env['MODEL_DEPLOY_GATE_RETRY_BASE_MS'], 1000, true),
      requestTimeoutMs: positiveMs(env['MODEL_DEPLOY_GATE_REQUEST_TIMEOUT_MS'], 60_000, false),
    },
  };
}

/** A duration in ms from the environment, else the default (0 allowed only where `zero` says so). */
function positiveMs(raw: string | undefined, fallback: number, zero: boolean): number {
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) && (zero ? n >= 0 : n > 0) ? n : fallback;
}

/** Reads the runner's inputs, environment and event payload, and checks paths on disk. */
export function readSettings(env: Env = process.env): Settings {
  let payload: unknown = {};
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (eventPath && fs.existsSync(eventPath)) {
    try {
      payload = JSON.parse(fs.readFileSync(eventPath, 'utf8'));
    } catch (e) {
      throw new SettingsError([`the event payload ${eventPath} is not valid JSON: ${(e as Error).message}`]);
    }
  }
  const settings = parseSettings((name) => core.getInput(name), env, payload);
  // A PAT given as input is not masked automatically like github.token is.
  if (settings.token) core.setSecret(settings.token);

  const problems: string[] = [];
  let wdReal: string | undefined;
  try {
    wdReal = fs.realpathSync(settings.workingDirectory);
    if (!fs.statSync(wdReal).isDirectory()) problems.push(`\`working-directory\` ${settings.workingDirectory} is not a folder.`);
  } catch {
    problems.push(`\`working-directory\` ${settings.workingDirectory} does not exist (is the repository checked out? add actions/checkout before this step).`);
  }
  // A symlinked folder must not lead the scan out of the checkout.
  if (wdReal && !isInside(fs.realpathSync(settings.workspace), wdReal)) {
    problems.push(`\`working-directory\` ${settings.workingDirectory} resolves outside the workspace through a symbolic link.`);
  }
  // The `config` file is not checked here: on a pull request it is read from the base commit (the
  // pull request may add or delete it), and the checkout's copy is checked where it is read.
  if (problems.length) throw new SettingsError(problems);
  return settings;
}
