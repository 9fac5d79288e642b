// Runs the BUILT action bundle as the runner would: a child `node dist/index.js` with INPUT_* and
// GITHUB_* variables, an event payload file, output and summary files. Nothing of the real
// environment's GITHUB_* leaks in.
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The bundle under test: MODEL_DEPLOY_GATE_BUNDLE (e.g. a build in /tmp) or the committed dist/index.js. */
export const BUNDLE = path.resolve(REPO_ROOT, process.env['MODEL_DEPLOY_GATE_BUNDLE'] || 'dist/index.js');

export function assertBundle(): void {
  if (!fs.existsSync(BUNDLE)) {
    throw new Error(`The action bundle ${BUNDLE} does not exist: run \`npm run bundle\` first (these tests run the built action).`);
  }
}

export interface Command {
  level: 'error' | 'warning' | 'notice';
  props: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** GITHUB_OUTPUT as written. */
  outputText: string;
  summary: string;
  commands: Command[];
}

const tempDirs: string[] = [];

export function tempDir(prefix = 'mdg-action-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(d);
  return d;
}

export function cleanTempDirs(): void {
  for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
}

/** A workspace holding `files`. */
export function workspace(files: Record<string, string>): string {
  const ws = tempDir('mdg-ws-');
  writeFiles(ws, files);
  return ws;
}

const GIT_ENV = {
  PATH: process.env['PATH'] ?? '',
  HOME: os.tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.test',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.test',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();
}

/** Commits the workspace as it is; returns the commit SHA. */
export function commitAll(ws: string, message: string): string {
  if (!fs.existsSync(path.join(ws, '.git'))) git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'add', '-A');
  git(ws, 'commit', '-q', '--allow-empty', '-m', message);
  return git(ws, 'rev-parse', 'HEAD');
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProp(s: string): string {
  return unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

export function parseCommands(stdout: string): Command[] {
  const out: Command[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = kv.indexOf('=');
      props[kv.slice(0, i)] = unescapeProp(kv.slice(i + 1));
    }
    out.push({ level: m[1] as Command['level'], props, message: unescapeData(m[3] ?? '') });
  }
  return out;
}

/** `name<<delimiter\nvalue\ndelimiter` records, as @actions/core writes GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j] !== m[2]) value.push(lines[j++]!);
    out[m[1]!] = value.join('\n');
    i = j;
  }
  return out;
}

export interface RunOptions {
  workspace: string;
  event: string;
  payload?: unknown;
  inputs?: Record<string, string>;
  apiUrl?: string;
  /** GITHUB_SHA */
  sha?: string;
  env?: Record<string, string>;
}

export const REPOSITORY = 'acme/ml-platform';

export async function runAction(opts: RunOptions): Promise<ActionRun> {
  assertBundle();
  const tmp = tempDir('mdg-runner-');
  const eventPath = path.join(tmp, 'event.json');
  const outputPath = path.join(tmp, 'output');
  const summaryPath = path.join(tmp, 'summary.md');
  fs.writeFileSync(eventPath, JSON.stringify(opts.payload ?? {}));
  fs.writeFileSync(outputPath, '');
  fs.writeFileSync(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: tmp,
    RUNNER_TEMP: tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_SHA: opts.sha ?? 'f'.repeat(40),
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_RUN_ID: '4242',
    GITHUB_API_URL: opts.apiUrl ?? 'http://127.0.0.1:9',
    // Retry/throttle waits in ms instead of s: tests stay fast.
    MODEL_DEPLOY_GATE_RETRY_BASE_MS: '1',
    ...opts.env,
  };
  for (const [name, value] of Object.entries(opts.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value;

  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BUNDLE], { cwd: opts.workspace, env, timeout: 45_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(fs.readFileSync(outputPath, 'utf8')),
    outputText: fs.readFileSync(outputPath, 'utf8'),
    summary: fs.readFileSync(summaryPath, 'utf8'),
    commands: parseCommands(stdout),
  };
}

/** A pull_request payload as GitHub sends it (the fields the action reads). */
export function prPayload(opts: { number: number; headSha: string; baseSha: string; fork?: boolean; changedFiles?: number }) {
  return {
    action: 'synchronize',
    number: opts.number,
    pull_request: {
      number: opts.number,
      changed_files: opts.changedFiles ?? 1,
      head: { sha: opts.headSha, ref: 'feature', repo: { full_name: opts.fork ? 'contributor/ml-platform' : REPOSITORY } },
      base: { sha: opts.baseSha, ref: 'main', repo: { full_name: REPOSITORY } },
    },
    repository: { full_name: REPOSITORY },
  };
}
