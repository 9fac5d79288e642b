// Which files a run gates (SPEC §6): the PR's changed files, a git diff, or everything — and why.
// The decision is pure given its two sources (the PR file list and `git diff`), which are passed in.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CONFIG_FILES } from '../config/load.js';
import type { PullFiles } from './api/list-pull-files.js';
import { plural } from '../core/text.js';
import { changedLines } from './patch.js';
import { normaliseRepoPath, repoToRoot, rootToRepo, toPosix } from './paths.js';
import type { ScopeInput, Settings } from './settings.js';

export interface LogLine {
  level: 'info' | 'warning';
  message: string;
}

export interface ScopeDecision {
  mode: 'all' | 'changed';
  /** For the log, the summary and the JSON report's `scope.reason`. */
  reason: string;
  /** Changed files relative to the scanned root (the engine's `changed`); set when mode is `changed`. */
  changed?: string[];
  /** Repo-relative file → lines the PR added or changed (from the API's patches), to rank annotations. */
  changedLines?: Map<string, Set<number>>;
  log: LogLine[];
}

export interface ScopeSources {
  /** The PR's files from the REST API; undefined when there is no token, repository or PR. */
  listFiles?: () => Promise<PullFiles>;
  /** Repo-relative names of files changed between two commits; throws when the history is missing. */
  gitDiff: (base: string, head: string) => Promise<string[]>;
}

const CHANGED_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);
const ZERO_SHA = /^0+$/;

/** `auto` gates changed files on PR and merge-queue events and audits everything otherwise. */
export function wantsChanged(scope: ScopeInput, eventName: string): boolean {
  return scope === 'changed' || (scope === 'auto' && CHANGED_EVENTS.has(eventName));
}

/** Repo-relative paths of the config files this run may read: a change to one re-gates everything. */
export function configCandidates(settings: Pick<Settings, 'configPath' | 'workspace' | 'rootPrefix'>): string[] {
  if (settings.configPath) return [toPosix(path.relative(settings.workspace, settings.configPath))];
  return CONFIG_FILES.map((p) => rootToRepo(p, settings.rootPrefix));
}

/**
 * Raw repo paths (from the API or git) → the engine's changed list. Paths that escape the checkout
 * are rejected; files outside the scanned root are left out; a changed config widens to `all`.
 */
export function scopeFromFiles(
  rawPaths: string[],
  opts: { rootPrefix: string; configFiles: string[]; source: string; changedLines?: Map<string, Set<number>> },
): ScopeDecision {
  const log: LogLine[] = [];
  const repoPaths: string[] = [];
  for (const raw of rawPaths) {
    const p = normaliseRepoPath(raw);
    if (p === undefined) {
      log.push({ level: 'warning', message: `Ignored changed-file path ${JSON.stringify(raw)} from ${opts.source}: it is not a path inside the repository.` });
    } else {
      repoPaths.push(p);
    }
  }
  const config = repoPaths.find((p) => opts.configFiles.includes(p));
  if (config !== undefined) {
    return { mode: 'all', reason: `the config file ${config} changed (${opts.source})`, log };
  }
  const changed = [...new Set(repoPaths.map((p) => repoToRoot(p, opts.rootPrefix)).filter((p): p is string => p !== undefined))].sort();
  const outside = repoPaths.length - changed.length;
  const where = opts.rootPrefix ? ` under ${opts.rootPrefix}/` : '';
  const reason =
    `${changed.length} changed file${changed.length === 1 ? '' : 's'}${where} (${opts.source})` +
    (outside > 0 ? `; ${outside} outside the scanned folder ignored` : '');
  return { mode: 'changed', reason, changed, changedLines: opts.changedLines, log };
}

/** Runs `git diff --name-only -z --diff-filter=d BASE...HEAD` in the workspace (no shell). */
export function gitDiffIn(workspace: string): ScopeSources['gitDiff'] {
  const run = promisify(execFile);
  return async (base, head) => {
    const { stdout } = await run(
      'git',
      ['-c', 'core.quotepath=off', 'diff', '--name-only', '-z', '--diff-filter=d', `${base}...${head}`],
      { cwd: workspace, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
    );
    return stdout.split('\0').filter((s) => s !== '');
  };
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? ((e as { stderr?: string }).stderr || e.message) : String(e);
  return msg.trim().split('\n')[0] ?? '';
}

export async function resolveScope(settings: Settings, sources: ScopeSources): Promise<ScopeDecision> {
  const { event } = settings;
  const eventName = event.name || 'local run';
  if (!wantsChanged(settings.scope, event.name)) {
    const why = settings.scope === 'all' ? 'scope: all' : `${eventName} event`;
    return { mode: 'all', reason: why, log: [] };
  }
  const log: LogLine[] = [];
  const configFiles = configCandidates(settings);
  const base = { rootPrefix: settings.rootPrefix, configFiles };

  // 1. The PR's own file list.
  let unavailable: string;
  const pr = event.pullRequest;
  if (pr && sources.listFiles) {
    try {
      const { files, capped } = await sources.listFiles();
      const distinct = new Set(files.map((f) => f.filename));
      const twice = files.length - distinct.size;
      if (capped) {
        unavailable = `pull request #${pr.number} changes ${files.length} or more files, the most the GitHub API lists`;
        log.push({ level: 'info', message: `The GitHub API lists at most ${files.length} files of a pull request: its file list is incomplete.` });
      } else if (twice > 0) {
        // Pages shift when a push lands between two page requests: a file listed twice means another may be missing.
        unavailable = `the GitHub API listed ${plural(twice, 'file')} of pull request #${pr.number} twice (the list changed while it was read)`;
        log.push({ level: 'warning', message: `The GitHub API listed ${plural(twice, 'file')} of pull request #${pr.number} twice: the list changed while it was read and may lack files. Falling back to git.` });
      } else if (pr.changedFiles !== undefined && distinct.size !== pr.changedFiles) {
        // A page went missing (e.g. an empty page where a Link promised more), or the PR changed since the event: never gate part of the list.
        unavailable = `the GitHub API listed ${distinct.size} of the ${pr.changedFiles} files pull request #${pr.number} changes`;
        log.push({
          level: 'warning',
          message:
            distinct.size < pr.changedFiles
              ? `The GitHub API listed ${distinct.size} of the ${pr.changedFiles} changed files of pull request #${pr.number}: the list is incomplete. Falling back to git.`
              : `The GitHub API listed ${distinct.size} files, but the event says pull request #${pr.number} changes ${pr.changedFiles}: the list does not match. Falling back to git.`,
        });
      } else {
        const lines = new Map<string, Set<number>>();
        const kept = files.filter((f) => f.status !== 'removed');
        for (const f of kept) {
          const p = normaliseRepoPath(f.filename);
          if (p !== undefined) lines.set(p, changedLines(f.patch));
        }
        // A deleted config is a config change too (SPEC §6): the run gates everything.
        const deletedConfig = files
          .filter((f) => f.status === 'removed' || f.status === 'renamed')
          .map((f) => normaliseRepoPath(f.status === 'renamed' ? (f.previous_filename ?? '') : f.filename))
          .find((p) => p !== undefined && configFiles.includes(p));
        if (deletedConfig !== undefined) {
          return { mode: 'all', reason: `the config file ${deletedConfig} is deleted or moved (pull request #${pr.number}, GitHub API)`, log };
        }
        const decision = scopeFromFiles(
          kept.map((f) => f.filename),
          { ...base, source: `pull request #${pr.number}, GitHub API`, changedLines: lines },
        );
        return { ...decision, log: [...log, ...decision.log] };
      }
    } catch (e) {
      unavailable = `listing the files of pull request #${pr.number} failed (${firstLine(e)})`;
      log.push({ level: 'warning', message: `Could not list the pull request's changed files: ${firstLine(e)}. Falling back to git.` });
    }
  } else if (pr) {
    unavailable = settings.token ? 'GITHUB_REPOSITORY is not set' : 'no token to list the pull request files';
  } else {
    unavailable = `the ${eventName} event carries no pull request`;
  }

  // 2. git diff between the two commits the event names.
  const range = pr
    ? { base: pr.baseSha, head: pr.headSha }
    : event.mergeGroup
      ? { base: event.mergeGroup.baseSha, head: event.mergeGroup.headSha }
      : event.push && !ZERO_SHA.test(event.push.before)
        ? { base: event.push.before, head: event.push.after }
        : undefined;
  if (range) {
    const cmd = `git diff ${range.base.slice(0, 12)}...${range.head.slice(0, 12)}`;
    try {
      const files = await sources.gitDiff(range.base, range.head);
      const decision = scopeFromFiles(files, { ...base, source: event.mergeGroup && !pr ? cmd : `${cmd}, because ${unavailable}` });
      log.push({ level: 'info', message: `Changed files taken from ${cmd}${pr ? ` because ${unavailable}` : ''}.` });
      return { ...decision, log: [...log, ...decision.log] };
    } catch (e) {
      unavailable += `; ${cmd} failed (${firstLine(e)}; fetch the history with actions/checkout \`fetch-depth: 0\`)`;
    }
  } else {
    unavailable += '; no base commit to compare with';
  }

  // 3. Never pass because we could not look: gate everything.
  log.push({ level: 'info', message: `Gating every file: ${unavailable}.` });
  return { mode: 'all', reason: unavailable, log };
}
