/**
 * The fuzzer's runs of the whole engine on a temporary repository: hostile file and folder names,
 * references that try to leave the workspace (paths, links), the report surfaces a runner would
 * read (no workflow command from repository text), and a trace of the file system calls made while
 * `evaluate()` runs (nothing outside the workspace is opened or listed).
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { evaluate } from '../../src/engine.js';
import { walk } from '../../src/load/files.js';
import { classifyWords } from '../../src/inventory/stage.js';
import { BUILTIN_EXCLUDES } from '../../src/config/parse.js';
import { render, REPORT_FORMATS } from '../../src/report/index.js';
import { ALL_RULES } from '../../src/policy/rules/index.js';
import { inertLines } from '../../src/github/log.js';
import type { Config } from '../../src/config/types.js';
import type { Result } from '../../src/core/types.js';
import { runnerCommands, type RunnerCommand } from '../action/run-action.js';
import { main } from '../../src/cli/main.js';
import { resultOf } from '../helpers.js';

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

/** A fixed clock: waiver expiry and v1 deprecation wording do not move between runs. */
export const FUZZ_NOW = new Date('2026-12-01T00:00:00Z');

export interface DiskFile {
  rel: string;
  bytes: Buffer;
}

export interface Violation2 {
  invariant: string;
  detail: string;
}

// ------------------------------------------------------------------ file system trace

const nodeRequire = createRequire(import.meta.url);
const fsMod = nodeRequire('node:fs') as Record<string, unknown>;
/** Calls that read content, list a folder or look at metadata (followed links included). */
const TRACED = ['openSync', 'readFileSync', 'readdirSync', 'opendirSync', 'statSync', 'lstatSync', 'existsSync', 'accessSync'];
let recording: Array<{ call: string; target: string }> | null = null;
let installed = false;

function asPath(p: unknown): string | undefined {
  if (typeof p === 'string') return p;
  if (Buffer.isBuffer(p)) return p.toString('utf8');
  if (p instanceof URL) return p.pathname;
  return undefined; // a file descriptor
}

/** Wraps the fs calls the gate uses (the ESM bindings follow through syncBuiltinESMExports). */
function install(): void {
  if (installed) return;
  installed = true;
  for (const name of TRACED) {
    const orig = fsMod[name] as (...a: unknown[]) => unknown;
    if (typeof orig !== 'function') continue;
    fsMod[name] = function traced(this: unknown, p: unknown, ...rest: unknown[]) {
      const target = asPath(p);
      if (recording && target !== undefined) recording.push({ call: name, target });
      return orig.call(this, p, ...rest);
    };
  }
  syncBuiltinESMExports();
}

/** Whether the gate's own modules see the wrapped calls (not under jest's module registry). */
export function traceActive(): boolean {
  install();
  const dir = mkdtempSync(path.join(tmpdir(), 'mdg-fuzz-trace-'));
  try {
    const seen = traced(() => walk({ root: dir, include: ['**'], exclude: [] }));
    return seen.calls.some((c) => c.call === 'readdirSync');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function traced<T>(fn: () => T): { value: T; calls: Array<{ call: string; target: string }> } {
  install();
  const calls: Array<{ call: string; target: string }> = [];
  recording = calls;
  try {
    return { value: fn(), calls };
  } finally {
    recording = null;
  }
}

/** Where a traced path really is: links followed (the last one not, for lstat). */
function realOf(call: string, p: string): string {
  const abs = path.resolve(p);
  try {
    if (call === 'lstatSync') return path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    return realpathSync(abs);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

export interface TraceReport {
  /** Opened, listed or stat'ed outside the workspace: not even a link's target's type is looked at. */
  reads: string[];
}

function outside(root: string, calls: Array<{ call: string; target: string }>): TraceReport {
  const realRoot = realpathSync(root);
  const inside = (r: string) => r === realRoot || r.startsWith(realRoot + path.sep);
  const out: TraceReport = { reads: [] };
  for (const c of calls) {
    const r = realOf(c.call, c.target);
    if (inside(r)) continue;
    out.reads.push(`${c.call}(${JSON.stringify(c.target)}) → ${r}`);
  }
  return out;
}

// ------------------------------------------------------------------ repositories on disk

export function writeTree(root: string, files: readonly DiskFile[], links: ReadonlyArray<{ rel: string; target: string }> = []): void {
  for (const f of files) {
    const abs = path.join(root, f.rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, f.bytes);
  }
  for (const l of links) {
    const abs = path.join(root, l.rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    rmSync(abs, { recursive: true, force: true });
    symlinkSync(l.target, abs);
  }
}

export interface DiskRun {
  result: Result;
  trace: TraceReport;
  traceOn: boolean;
  /** What the CLI printed for the same repository (`--format cliFormat`), when asked for. */
  cli?: { format: string; code: number; out: string; err: string };
}

/**
 * `evaluate()` over files written to a fresh temporary repository, with the fs trace on; then, when
 * `cliFormat` is given, the real CLI (`main()`) on the same repository with that format.
 */
export async function runOnDisk(
  files: readonly DiskFile[],
  links: ReadonlyArray<{ rel: string; target: string }> = [],
  opts: {
    /** Writes more into the repository before the run (names that are not UTF-8, texts that name the root). */
    extra?: (root: string) => void;
    cliFormat?: string;
  } = {},
): Promise<DiskRun> {
  const root = mkdtempSync(path.join(tmpdir(), 'mdg-fuzz-'));
  try {
    opts.extra?.(root);
    writeTree(root, files, links);
    const { value, calls } = traced(() => evaluate({ root, failOn: 'error', scopeReason: 'fuzz', now: FUZZ_NOW }));
    const run: DiskRun = { result: resultOf(value), trace: outside(root, calls), traceOn: calls.length > 0 };
    if (opts.cliFormat) {
      let out = '';
      let err = '';
      const code = await main(['--root', root, '--format', opts.cliFormat], { out: (t) => (out += t), err: (t) => (err += t), cwd: root });
      run.cli = { format: opts.cliFormat, code, out, err };
    }
    return run;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** One CLI format per disk run, in turn. */
export function cliFormatFor(rnd: Rnd): string {
  return pick(rnd, REPORT_FORMATS);
}

// ------------------------------------------------------------------ report surfaces

const RAW_HTML = /<(?:img|script|iframe|svg|a)\s/i;

/**
 * What a runner or a markdown renderer would make of a run: what the CLI printed (stdout and stderr,
 * the way `npx model-deploy-gate` in a workflow step prints them) holds no workflow command but the
 * gate's own (`--format github`: one annotation per finding, on the finding's file; stop-commands
 * blocks around repository text); the action prints the text report through `inertLines`; the
 * markdown report renders no HTML from the repository outside code spans.
 */
export function checkSurfaces(run: DiskRun, hostileText: readonly string[] = []): Violation2[] {
  const out: Violation2[] = [];
  const result = run.result;
  const files = new Set(result.findings.map((f) => f.file));
  const show = (cmds: RunnerCommand[]) => cmds.map((c) => `${c.form} ::${c.name}:: ${JSON.stringify(c.data.slice(0, 80))}`).join(' | ');
  if (run.cli) {
    const { format, out: stdout, err } = run.cli;
    const cmds = runnerCommands(stdout).filter((c) => c.name !== 'stop-commands');
    if (format === 'github') {
      const own = cmds.filter((c) => c.form === 'v2' && ['error', 'warning', 'notice'].includes(c.name) && files.has(c.props['file'] ?? '\0'));
      const active = result.findings.filter((f) => !f.suppressed).length;
      if (own.length !== cmds.length || own.length !== active) {
        out.push({ invariant: 'workflow-command', detail: `CLI --format github: ${own.length} own annotations for ${active} findings; other commands: ${show(cmds.filter((c) => !own.includes(c))) || '-'}` });
      }
    } else if (cmds.length > 0) {
      out.push({ invariant: 'workflow-command', detail: `CLI --format ${format} stdout: ${show(cmds)}` });
    }
    const errCmds = runnerCommands(err).filter((c) => c.name !== 'stop-commands');
    if (errCmds.length > 0) out.push({ invariant: 'workflow-command', detail: `CLI --format ${format} stderr: ${show(errCmds)}` });
  }
  const text = render('text', result, ALL_RULES);
  const wrapped = runnerCommands(inertLines(text).join('\n')).filter((c) => c.name !== 'stop-commands');
  if (wrapped.length > 0) out.push({ invariant: 'workflow-command', detail: `action log (inertLines of the text report): ${show(wrapped)}` });
  if (hostileText.some((h) => RAW_HTML.test(h))) {
    // Code spans render their text literally (CommonMark: a run of n backticks closes at the next run of n).
    const prose = render('markdown', result, ALL_RULES).replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, '');
    const m = RAW_HTML.exec(prose);
    if (m) out.push({ invariant: 'markdown-html', detail: `raw HTML in the markdown report: ${JSON.stringify(prose.slice(Math.max(0, m.index - 40), m.index + 60))}` });
  }
  return out;
}

// ------------------------------------------------------------------ hostile names

/**
 * File and folder names a pull request can choose. Each is used as a prefix of the original name
 * (`<hostile>-<name>`), so the original's words (the stage) stay; none holds a stage word.
 */
export const HOSTILE_NAMES: readonly string[] = [
  'a\n::error file=README.md,line=1::forged',
  'b\r::warning::forged',
  '  ::notice title=x::forged',
  '::stop-commands::zzz',
  '##[add-mask]x',
  '##[error]forged',
  'x\n##[set-output name=result]pass',
  '::add-mask::y',
  '%0A::error::x%25',
  '<img src=x onerror=alert(1)>',
  '`x`<b>y',
  '```',
  '@org-security-team',
  '#1 and GH-2',
  '[link](javascript:alert(1))',
  '![img](https:evil.example)',
  '| pipe | cell |',
  '\\| escaped pipe',
  'ünïcødé-名前-🚀',
  'e\u0301\u200b\u202eLTR',
  '\u2028line-separator\u2029',
  'x'.repeat(230),
  '*?[ab]{c,d}!(e)',
  '-rf',
  '.hidden',
  ' lead',
  '$schema',
  '{{X}}',
  '$(VAR)',
  '${{ github.token }}',
  '"quoted"',
  "'single'",
  'key: value, other: 1',
  '\t\ttab',
];

/** Names made of bytes that are not UTF-8 (Linux allows them). */
export const HOSTILE_BYTE_NAMES: readonly number[][] = [
  [0xff, 0xfe, 0x41],
  [0xc3, 0x28],
  [0xed, 0xa0, 0x80],
];

function bytesLen(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** `hostile-original`, cut so the component stays within 255 bytes. */
export function hostileComponent(hostile: string, original: string): string {
  let h = hostile;
  while (bytesLen(`${h}-${original}`) > 255) h = h.slice(0, -1);
  return `${h}-${original}`;
}

/** The extension in another case (`deploy.YML`): the include globs are case-insensitive, as Azure's CLIs are. */
export function extCase(name: string, rnd: Rnd): string {
  const m = /(\.[A-Za-z]+)$/.exec(name);
  if (!m || name === 'MLmodel') return name;
  const ext = m[1];
  const variant = pick(rnd, [ext, ext.toUpperCase(), ext[0] + ext[1].toUpperCase() + ext.slice(2)]);
  return name.slice(0, -ext.length) + variant;
}

/** Does every glob of the config (and the built-in excludes) say the same of both paths? */
export function sameGlobs(config: Config, a: string, b: string): boolean {
  const tests = [
    picomatch([...config.include], { dot: true, flags: 'si' }),
    ...[...config.exclude, ...BUILTIN_EXCLUDES].map((g) => picomatch(g, { dot: true, flags: 's' })),
    ...[...(config.stages?.production ?? []), ...(config.stages?.nonproduction ?? [])].map((g) => picomatch(g, { dot: true, flags: 's' })),
  ];
  return tests.every((t) => t(a) === t(b));
}

/** No stage word in the hostile part (it would change the stage, not test the name). */
export function stageFree(s: string): boolean {
  return classifyWords(s).stage === 'unknown';
}

// ------------------------------------------------------------------ outside the workspace

/** A folder next to (not inside) every temporary repository, with files the gate must never read. */
export interface Canary {
  dir: string;
  /** Size of its model files (sparse): any row or finding with this size was read from outside. */
  size: number;
}

let canary: Canary | undefined;
export const CANARY_SIZE = 3 * 2 ** 30 + 12345;
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n';

export function outsideCanary(): Canary {
  if (canary) return canary;
  const dir = mkdtempSync(path.join(tmpdir(), 'mdg-fuzz-outside-'));
  const sparse = (rel: string) => {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, '');
    truncateSync(abs, CANARY_SIZE);
  };
  sparse('weights.bin');
  sparse('model/big.bin');
  writeFileSync(path.join(dir, 'model/MLmodel'), `flavors:\n  python_function: {}\nmodel_size_bytes: ${CANARY_SIZE}\n`);
  writeFileSync(path.join(dir, 'tls.key'), PEM);
  writeFileSync(path.join(dir, 'tls.pem'), PEM);
  writeFileSync(path.join(dir, 'deploy.yml'), 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n');
  writeFileSync(path.join(dir, 'outside.json'), '{"computeType": "ACI", "containerResourceRequirements": {"memoryInGB": 64}}\n');
  canary = { dir, size: CANARY_SIZE };
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', cleanup);
  return canary;
}

export function removeCanary(): void {
  if (canary) rmSync(canary.dir, { recursive: true, force: true });
  canary = undefined;
}

/** Keys whose value names a file or folder. */
export const PATH_KEYS = ['path', 'sslKey', 'sslCertificate', 'conda_file', 'code', 'scoring_script', 'artifact_path', 'model_file_name', 'inference_source_directory', 'inference_entry_script', 'test_file_path', 'ssl_key_pem_file', 'ssl_cert_pem_file', 'model_path'];

/** References to the canary from a file at `rel` in a repository at `root`. */
export function outsideRefs(root: string, rel: string, c: Canary): string[] {
  const fromDir = path.dirname(path.join(root, rel));
  const up = path.relative(fromDir, c.dir);
  return [
    path.join(c.dir, 'weights.bin'),
    path.join(c.dir, 'model'),
    path.join(c.dir, 'tls.key'),
    `${up}/weights.bin`,
    `${up}/model`,
    `${up}/tls.key`,
    `./${up}/model/`,
    `file://${c.dir}/weights.bin`,
    'escape/weights.bin',
    'escape/model',
    'escape/tls.key',
    'escape',
    './escape/../escape/tls.key',
    `${'../'.repeat(40)}${c.dir.replace(/^\//, '')}/model`,
    `${up.replace(/\//g, '\\')}\\weights.bin`,
    `~/../../${c.dir}/tls.key`,
  ];
}

/** The canary seen in a result: a size only a file outside has, or its key file reported as a secret. */
export function canarySeen(r: Result, target: string, keyLines: ReadonlySet<number>): string | undefined {
  for (const row of r.inventory) if (row.modelSizeBytes === CANARY_SIZE) return `inventory row ${row.file}:${row.line} has the outside model size ${CANARY_SIZE}`;
  for (const m of r.models) if ((m as { sizeBytes?: number | null }).sizeBytes === CANARY_SIZE) return `model row has the outside size ${CANARY_SIZE}`;
  for (const f of r.findings) {
    if (f.ruleId === 'secret-in-manifest' && f.file === target && keyLines.has(f.line) && /key file|PEM|private key/i.test(f.message)) return `secret-in-manifest read the outside key file: ${f.message}`;
    if (f.message.includes(String(CANARY_SIZE)) || f.message.includes('3.0 GiB') && f.ruleId === 'aci-model-size') return `${f.ruleId} used the outside size: ${f.message}`;
  }
  return undefined;
}

export function traceViolations(run: DiskRun): Violation2[] {
  return run.trace.reads.map((r) => ({ invariant: 'outside-read', detail: r }));
}
