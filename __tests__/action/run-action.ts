// Runs the BUILT action (`node dist/index.js`) as the runner does: a child process with INPUT_*
// and GITHUB_* variables, the event payload file, output and summary files, and GITHUB_API_URL
// pointing at the fake API. Nothing of the real environment's GITHUB_* leaks in.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './git-fixture.js';
import type { EventFixture } from './payloads.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The bundle under test: MODEL_DEPLOY_GATE_BUNDLE (e.g. a build in /tmp) or the committed dist/index.js. */
export const BUNDLE = path.resolve(REPO_ROOT, process.env['MODEL_DEPLOY_GATE_BUNDLE'] || 'dist/index.js');

/** The token the fake API knows by default (see FakeGitHubApi). */
export const TOKEN = 'ghs_test_token';

export interface Command {
  level: 'error' | 'warning' | 'notice';
  props: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number;
  /** GITHUB_OUTPUT as written. */
  outputText: string;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  commands: Command[];
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProp(s: string): string {
  return unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

/** `::error file=…,line=…::message` lines of stdout. */
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

/** `name<<delimiter\nvalue\ndelimiter` records, as the runner protocol (src/github/runner.ts) writes GITHUB_OUTPUT. */
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
  event: EventFixture;
  apiUrl: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** GITHUB_WORKSPACE other than the fixture repository (e.g. a copy without .git: no history). */
  workspace?: string;
}

export async function runAction(opts: RunOptions): Promise<ActionRun> {
  if (!fs.existsSync(BUNDLE)) throw new Error(`The action bundle ${BUNDLE} does not exist: run \`npm run bundle\` first (these tests run the built action).`);
  const tmp = tempDir('mdg-runner-');
  const outputPath = path.join(tmp, 'output');
  const summaryPath = path.join(tmp, 'summary.md');
  fs.writeFileSync(outputPath, '');
  fs.writeFileSync(summaryPath, '');
  const e = opts.event;
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: tmp,
    RUNNER_TEMP: tmp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: e.eventName,
    GITHUB_EVENT_PATH: e.path,
    GITHUB_REPOSITORY: e.repository,
    GITHUB_REPOSITORY_OWNER: e.repository.split('/')[0]!,
    GITHUB_SHA: e.githubSha,
    GITHUB_REF: e.githubRef,
    GITHUB_WORKSPACE: opts.workspace ?? e.repo.dir,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_GRAPHQL_URL: `${opts.apiUrl}/graphql`,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'Codertocat',
    GITHUB_JOB: 'gate',
    // Retry and throttle waits in ms instead of s: the suites stay fast.
    MODEL_DEPLOY_GATE_RETRY_BASE_MS: '1',
    ...opts.env,
  };
  const inputs = { token: TOKEN, ...opts.inputs };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BUNDLE], { cwd: opts.workspace ?? e.repo.dir, env, timeout: 45_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
  return {
    code,
    stdout,
    stderr,
    outputText: fs.readFileSync(outputPath, 'utf8'),
    outputs: parseOutputs(fs.readFileSync(outputPath, 'utf8')),
    summary: fs.readFileSync(summaryPath, 'utf8'),
    commands: parseCommands(stdout),
  };
}

/** Findings' workflow commands as "rule file:line". */
export function findingCommands(run: ActionRun): string[] {
  return run.commands.filter((c) => c.props['file'] !== undefined).map((c) => `${c.props['title']} ${c.props['file']}:${c.props['line']}`);
}

/** Warnings about the run itself (no file): what the action says went wrong with the API. */
export function operationalWarnings(run: ActionRun): string[] {
  return run.commands.filter((c) => c.level === 'warning' && c.props['file'] === undefined).map((c) => c.message);
}

/** A workflow command as the runner processes it (after unescaping). */
export interface RunnerCommand {
  name: string;
  props: Record<string, string>;
  data: string;
  /** `v2` (`::name::`) or the legacy `##[name]` form. */
  form: 'v2' | 'legacy';
}

/** Commands the runner knows (actions/runner ActionCommandManager and its extensions). */
const RUNNER_COMMANDS = new Set([
  'add-mask', 'add-path', 'debug', 'echo', 'endgroup', 'error', 'group', 'notice', 'save-state', 'set-env', 'set-output',
  'stop-commands', 'warning', 'add-matcher', 'remove-matcher', 'internal-set-repo-path', 'set-secret',
]);

/**
 * What the GitHub runner would execute from this output, as its ActionCommandManager reads it: lines
 * split at \n and \r; a `::name props::data` command after leading whitespace; a legacy
 * `##[name props]data` anywhere in the line; `::stop-commands::TOKEN` stops both until `::TOKEN::`.
 */
export function runnerCommands(output: string): RunnerCommand[] {
  const out: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const parsed = parseV2(raw.trimStart()) ?? parseLegacy(raw);
    if (!parsed) continue;
    if (stopToken !== undefined) {
      if (parsed.name === stopToken) stopToken = undefined;
      continue;
    }
    if (!RUNNER_COMMANDS.has(parsed.name)) continue;
    if (parsed.name === 'stop-commands') stopToken = parsed.data;
    out.push(parsed);
  }
  return out;
}

function parseProps(text: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const kv of text.split(',').filter(Boolean)) {
    const i = kv.indexOf('=');
    if (i > 0) props[kv.slice(0, i)] = unescapeProp(kv.slice(i + 1));
  }
  return props;
}

function parseV2(line: string): RunnerCommand | undefined {
  if (!line.startsWith('::')) return undefined;
  const end = line.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = line.slice(2, end);
  const sp = info.indexOf(' ');
  const name = sp < 0 ? info : info.slice(0, sp);
  return { name, props: sp < 0 ? {} : parseProps(info.slice(sp + 1)), data: unescapeData(line.slice(end + 2)), form: 'v2' };
}

function parseLegacy(line: string): RunnerCommand | undefined {
  const at = line.indexOf('##[');
  if (at < 0) return undefined;
  const close = line.indexOf(']', at);
  if (close < 0) return undefined;
  const info = line.slice(at + 3, close);
  const sp = info.indexOf(' ');
  const name = sp < 0 ? info : info.slice(0, sp);
  const props: Record<string, string> = {};
  for (const kv of (sp < 0 ? '' : info.slice(sp + 1)).split(';').filter(Boolean)) {
    const i = kv.indexOf('=');
    if (i > 0) props[kv.slice(0, i).trim()] = kv.slice(i + 1);
  }
  return { name, props, data: line.slice(close + 1), form: 'legacy' };
}
