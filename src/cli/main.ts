import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { problemsText } from '../config/types.js';
import { nearest } from '../core/text.js';
import type { FailOn, Stage } from '../core/types.js';
import { VERSION } from '../core/version.js';
import { inertJson, inertText } from '../core/inert.js';
import { evaluate, evaluateAsync } from '../engine.js';
import { ALL_RULES } from '../policy/rules/index.js';
import { REPORT_FORMATS, render, toLazyJsonReport, type ReportFormat } from '../report/index.js';
import { writeJsonFile } from './write-json.js';
import { summaryLine } from '../report/text.js';
import { appliedText, planDiff, planFixes, writeChanges } from './fix.js';
import { runMigrate } from './migrate.js';
import { explainRule } from './explain.js';
import { USAGE } from './usage.js';
import { mapStack } from './stack.js';

const FORMATS = REPORT_FORMATS;
type Format = ReportFormat;
const FAIL_ON: FailOn[] = ['error', 'warning', 'notice', 'never'];
const STAGES: Stage[] = ['production', 'nonproduction', 'unknown'];

class UsageError extends Error {}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  cwd: process.cwd(),
};

/** CLI: argv → same engine → report → exit code (0 pass, 1 fail, 2 usage/config/internal). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await runCli(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`model-deploy-gate: ${err.message}\nSee 'model-deploy-gate --help'.\n`);
      return 2;
    }
    io.err(`model-deploy-gate: internal error: ${err instanceof Error ? mapStack(err.stack ?? err.message) : String(err)}\n`);
    return 2;
  }
}

const OPTIONS = {
  root: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  'fail-on': { type: 'string' },
  'default-stage': { type: 'string' },
  'changed-from': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  explain: { type: 'string' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `did you mean "x"?` when a word is close to one of the candidates. */
function didYouMean(word: string, candidates: readonly string[]): string {
  const near = nearest(word, candidates);
  return near ? ` (did you mean "${near}"?)` : '';
}

/** A flag value from a closed list, or a usage error naming the list and the nearest value. */
function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T | undefined): T | undefined {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} "${value}" is not one of ${allowed.join(', ')}${didYouMean(value, allowed)}`);
}

/** parseArgs' messages, with the nearest known option for an unknown one. */
function usageFromParseArgs(err: Error): UsageError {
  const m = /Unknown option '(-{1,2}[^']+)'/.exec(err.message);
  if (m) {
    const names = Object.keys(OPTIONS).map((o) => `--${o}`);
    return new UsageError(`unknown option ${m[1]}${didYouMean(m[1], names)}`);
  }
  return new UsageError(err.message.split('\n')[0].replace(/\. To specify a positional argument.*$/, ''));
}

async function runCli(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'migrate') return runMigrate(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: OPTIONS,
    });
  } catch (err) {
    throw usageFromParseArgs(err as Error);
  }
  const v = parsed.values;
  if (v.help) {
    io.out(USAGE);
    return 0;
  }
  if (v.version) {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (v['list-rules']) {
    const w = Math.max(...ALL_RULES.map((r) => r.id.length));
    for (const r of ALL_RULES) io.out(`${r.id.padEnd(w)}  ${r.defaultSeverity.padEnd(7)}  ${r.description}\n`);
    return 0;
  }
  if (v.explain !== undefined) {
    const r = ALL_RULES.find((x) => x.id === v.explain);
    if (!r) throw new UsageError(`unknown rule "${v.explain}"${didYouMean(v.explain, ALL_RULES.map((x) => x.id))}; see --list-rules`);
    io.out(explainRule(r));
    return 0;
  }
  const format = oneOf<Format>('--format', v.format, FORMATS, 'text') as Format;
  const failOn = oneOf<FailOn>('--fail-on', v['fail-on'], FAIL_ON, 'error') as FailOn;
  const defaultStage = oneOf<Stage>('--default-stage', v['default-stage'], STAGES, undefined);
  if (v.root !== undefined && v.root.trim() === '') throw new UsageError('--root is empty; give the repository folder (or leave --root out to use the current directory)');
  const root = path.resolve(io.cwd, v.root ?? '.');
  if (!isDirectory(root)) throw new UsageError(`--root ${v.root ?? root} is not a directory`);

  const paths: string[] = [];
  let allPaths = false;
  for (const p of parsed.positionals) {
    // A path is taken from the current directory when it lies inside the root, else from the root.
    const inside = (abs: string) => {
      const rel = path.relative(root, abs).split(path.sep).join('/');
      return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel;
    };
    const candidates = [path.resolve(io.cwd, p), ...(path.isAbsolute(p) ? [] : [path.resolve(root, p)])];
    const existing = candidates.find((c) => inside(c) !== undefined && exists(c));
    if (existing === undefined) {
      if (candidates.every((c) => inside(c) === undefined)) throw new UsageError(`path "${p}" is outside the root ${root}`);
      throw new UsageError(`path "${p}" does not exist`);
    }
    const rel = inside(existing)!;
    // The root itself (`.`) selects everything.
    if (rel === '') {
      paths.length = 0;
      allPaths = true;
    } else if (!allPaths) {
      paths.push(rel);
    }
  }

  // git runs while the engine walks and reads the checkout (evaluateAsync waits for it before parsing).
  let changed: Promise<string[]> | undefined;
  let scopeReason = 'cli';
  if (v['changed-from'] !== undefined) {
    changed = changedSince(root, v['changed-from']);
    // Awaited below; this only keeps a failure before then from counting as unhandled.
    changed.catch(() => undefined);
    scopeReason = `changed since ${v['changed-from']} (git)`;
  }

  const engineOptions = {
    root,
    configPath: v.config !== undefined ? path.resolve(io.cwd, v.config) : undefined,
    paths,
    failOn,
    defaultStage,
    scopeReason,
  };
  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  if (v.fix || v['fix-dry-run']) {
    const planned = planFixes({ ...engineOptions, changed: changed && (await changed) });
    if (!planned.ok) {
      io.err(`model-deploy-gate: invalid config: ${problemsText(planned.problems)}\n`);
      return 2;
    }
    const { plan } = planned;
    if (v['fix-dry-run']) {
      // stdout carries the diff alone, so that it pipes into `git apply`.
      io.out(planDiff(plan.changes));
      io.err(`${plan.applied.length ? appliedText(plan.applied).replace(/^Fixed/, 'Would fix') : 'No fixable findings.\n'}${summaryLine(plan.after)} after these fixes (dry run: nothing written)\n`);
      return plan.after.summary.result === 'fail' ? 1 : 0;
    }
    writeChanges(root, plan.changes);
    (format === 'text' && v.output === undefined ? io.out : io.err)(appliedText(plan.applied));
  }
  const outcome = changed ? await evaluateAsync(engineOptions, changed) : evaluate(engineOptions);
  if (!outcome.ok) {
    io.err(`model-deploy-gate: invalid config: ${problemsText(outcome.problems)}\n`);
    return 2;
  }
  const result = outcome.result;
  if (result.scope.manifests === 0) {
    // Say so plainly: a pass over nothing is not a pass over the repository.
    io.err(
      `model-deploy-gate: no Azure ML manifest found (${result.scope.filesScanned} file${result.scope.filesScanned === 1 ? '' : 's'} read under ${root}${paths.length ? ` in ${paths.join(', ')}` : ''}); nothing was gated. ` +
        'Check the path, --root and the config\'s include/exclude.\n',
    );
  }
  if (v.output !== undefined) {
    const file = path.resolve(io.cwd, v.output);
    // Large JSON reports go to the file in pieces (same bytes as renderJson).
    if (format === 'json') writeJsonFile(file, toLazyJsonReport(result));
    else writeFileSync(file, render(format, result, ALL_RULES));
    // The report went to the file: the terminal gets the verdict, not a second copy.
    io.out(`${summaryLine(result)} → ${v.output}\n`);
  } else {
    const text = render(format, result, ALL_RULES);
    // stdout may be a workflow step's log: repository text in the report must not be a workflow
    // command (JSON stays the same JSON; `--format github` is made of the gate's own commands).
    io.out(format === 'github' ? text : format === 'json' || format === 'sarif' ? inertJson(text) : inertText(text));
  }
  return result.summary.result === 'fail' ? 1 : 0;
}

/**
 * Files changed since REF: committed (against the merge base), staged, unstaged and untracked. The
 * three git calls run at once, in the background; a failure is reported for the first of them in
 * this order, with git's message, as a usage error. Names are NUL-separated (`-z`): in its default
 * output git quotes a name with a tab, a quote, a backslash or a non-ASCII character
 * (`"d\303\251.yml"`), which would match no file and leave a changed file ungated.
 */
async function changedSince(root: string, ref: string): Promise<string[]> {
  const calls = [
    ['rev-parse', '--show-prefix'],
    ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', '--merge-base', ref],
    ['ls-files', '-z', '--others', '--exclude-standard', '--full-name'],
  ];
  const results = await Promise.all(calls.map((args) => git(root, args).catch((err: unknown) => err as Error)));
  results.forEach((r, i) => {
    if (r instanceof Error) throw new UsageError(`--changed-from ${ref}: git ${calls[i].join(' ')} failed: ${r.message}`);
  });
  const [prefixOut, diffOut, othersOut] = results as string[];
  // The prefix is printed as it is (never quoted), ending in `/` and a newline; names may end in spaces.
  const prefix = prefixOut.replace(/\r?\n$/, '');
  const names = [...diffOut.split('\0'), ...othersOut.split('\0')];
  const out = new Set<string>();
  for (const n of names) {
    if (!n) continue;
    // git prints paths relative to the top level; make them relative to --root.
    if (prefix && !n.startsWith(prefix)) continue;
    out.add(prefix ? n.slice(prefix.length) : n);
  }
  return [...out].sort();
}

/** One git call: its stdout, or an Error whose message is git's stderr (or how it failed to run). */
function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const errOut: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => errOut.push(d));
    child.on('error', (err: NodeJS.ErrnoException) => reject(new Error(`spawn git ${err.code ?? err.message}`)));
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(errOut).toString('utf8').trim();
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(stderr || `Command failed: git ${args.join(' ')}${signal ? ` (${signal})` : ''}`));
    });
  });
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
