// The pure harness: the real pipeline (parse → recognise → normalise → inventory → registry →
// suppressions → scope) over in-memory files. No temp folder, no disk: a test is a string in and a
// Result out. It selects and parses the files as the walk and the loader do, then hands them to the
// engine's own `judge`; __tests__/harness.test.ts checks that both give the same Result.
//
// What it cannot see (use `gate()` from ./helpers.ts): facts read from the disk — model size from
// the files under a model's path, a PEM key file named by `sslKey` — and the file-size cap.
//
// Below `check`, the same steps one at a time for unit tests: `load` (text → LoadedFile as the
// loader parses it), `manifestsOf`/`only` (recognition), `runRule` (one rule over manifests) and
// `spanOf` (where a finding lands).
import * as path from 'node:path';
import picomatch from 'picomatch';
import { BUILTIN_EXCLUDES, defaultConfig } from '../src/config/parse.js';
import { CONFIG_FILES, configFrom } from '../src/config/load.js';
import type { Config } from '../src/config/types.js';
import { pointerSplit } from '../src/core/pointer.js';
import type { Anchor, Inventory, LoadedFile, Manifest, Result, Span } from '../src/core/types.js';
import { judge, RULE_IDS } from '../src/engine.js';
import { PipelineCollector } from '../src/engine/deployed.js';
import { looksLikeManifest } from '../src/formats/prefilter.js';
import { recognise } from '../src/formats/recognise.js';
import { DEFAULT_MAX_FILE_BYTES, parseBuffer } from '../src/load/read.js';
import type { Rule, RuleContext } from '../src/policy/rule.js';
import { resultOf, type GateOptions } from './helpers.js';

/** The options of `gate()` that need no disk. */
export type CheckOptions = Omit<GateOptions, 'sizedFiles'>;

/**
 * The repository root the files live under. The NUL byte makes it a path the operating system
 * refuses: every disk look-up the engine makes (model size, key files) fails as "nothing there",
 * so a pure run can never read the machine's files, whatever it is given.
 */
export const VIRTUAL_ROOT = path.resolve('/\u0000model-deploy-gate-virtual-repo');

/** The files a walk with the config's include/exclude lists would yield, sorted as the walk sorts. */
function selected(files: Record<string, string>, config: Config): string[] {
  const isIncluded = picomatch([...config.include], { dot: true, flags: 'si' });
  const isExcluded = picomatch([...config.exclude], { dot: true, flags: 's' });
  const prune = config.exclude.filter((g) => g.endsWith('/**')).map((g) => picomatch(g.slice(0, -3), { dot: true, flags: 's' }));
  const pruned = (rel: string) => {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) if (prune.some((m) => m(parts.slice(0, i).join('/')))) return true;
    return false;
  };
  return Object.keys(files)
    .filter((rel) => !pruned(rel) && isIncluded(rel) && !isExcluded(rel))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The config the engine would find among the files (`.github/model-deploy-gate.yml`, then `.model-deploy-gate.yml`). */
function configOf(files: Record<string, string>) {
  const found = CONFIG_FILES.find((p) => files[p] !== undefined);
  return configFrom(found === undefined ? null : { path: found, text: files[found] }, RULE_IDS);
}

/**
 * Runs the real pipeline over `files` (repo-relative path → text). `opts.config` is written to
 * `.github/model-deploy-gate.yml` as `gate()` does. Throws, as `gate()` does, when the config has problems.
 */
export function check(files: Record<string, string>, opts: CheckOptions = {}): Result {
  const all = { ...files };
  if (opts.config !== undefined) all['.github/model-deploy-gate.yml'] = opts.config;
  const loaded = configOf(all);
  if (!loaded.ok) return resultOf(loaded);
  let config = loaded.config;
  if (opts.defaultStage) config = { ...config, defaultStage: opts.defaultStage };

  // load: what the walk and the loader give for these files.
  const selection = selected(all, config);
  const loadedFiles: LoadedFile[] = [];
  for (const rel of selection) {
    const buf = Buffer.from(all[rel], 'utf8');
    if (buf.length > DEFAULT_MAX_FILE_BYTES) throw new Error(`check(): ${rel} is over the file-size cap; use gate() for the cap`);
    const f = parseBuffer({ path: rel, abs: path.join(VIRTUAL_ROOT, rel) }, buf, looksLikeManifest);
    if (f) loadedFiles.push(f);
  }

  // The engine counts the files the config's own excludes kept out (Result.policy.excluded).
  const builtinOnly = selected(all, { ...config, exclude: config.exclude.filter((g) => BUILTIN_EXCLUDES.includes(g)) });

  // Pipelines: every file the walk visits (outside the built-in excludes), their texts handed over
  // as the loader does; the files they deploy are read whatever their names.
  const pipelines = new PipelineCollector();
  const visited = selected(all, { ...config, include: ['**'], exclude: [...BUILTIN_EXCLUDES] });
  for (const rel of visited) pipelines.onFile(rel, path.join(VIRTUAL_ROOT, rel));
  for (const rel of visited) pipelines.onText(rel, all[rel]);
  const deployed = pipelines.deployed();
  const isExcluded = picomatch(config.exclude, { dot: true, flags: 's' });
  const have = new Set(loadedFiles.map((f) => f.path));
  for (const rel of deployed.keys()) {
    if (have.has(rel) || isExcluded(rel)) continue;
    const f = parseBuffer({ path: rel, abs: path.join(VIRTUAL_ROOT, rel) }, Buffer.from(all[rel], 'utf8'), () => true);
    if (f) loadedFiles.push(f);
  }

  // From here on, the engine's own steps.
  const engineOpts = { root: VIRTUAL_ROOT, failOn: opts.failOn ?? ('error' as const), changed: opts.changed, scopeReason: 'test', now: opts.now };
  const input = {
    candidates: selection.length,
    files: loadedFiles,
    excludedFiles: builtinOnly.length - selection.length,
    deployed,
    pipelines: pipelines.sources.map((s) => s.path),
  };
  return judge(VIRTUAL_ROOT, input, config, engineOpts);
}

/** Parses a string as the loader would parse a file at `rel` (the extension picks YAML or JSONC). */
export function load(rel: string, text: string): LoadedFile {
  const f = parseBuffer({ path: rel, abs: path.join(VIRTUAL_ROOT, rel) }, Buffer.from(text, 'utf8'), looksLikeManifest);
  if (!f) throw new Error(`pre-filter rejected ${rel}`);
  return f;
}

export function manifestsOf(rel: string, text: string): Manifest[] {
  return recognise(load(rel, text));
}

export function only(rel: string, text: string): Manifest {
  const ms = manifestsOf(rel, text);
  if (ms.length !== 1) throw new Error(`expected one manifest in ${rel}, got ${ms.length}`);
  return ms[0];
}

/** Where a finding lands, as the engine maps an anchor: key span, else value span, else nearest ancestor, else doc start. */
export function spanOf(a: Anchor): Span {
  const { keys, values, start } = a.manifest.doc;
  let segs = pointerSplit(a.ptr);
  for (;;) {
    const ptr = segs.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
    const s = keys.get(ptr) ?? values.get(ptr);
    if (s && ptr !== '') return s;
    if (segs.length === 0) return start;
    segs = segs.slice(0, -1);
  }
}

export interface Reported {
  file: string;
  line: number;
  column: number;
  ptr: string;
  message: string;
}

/** Runs one rule over manifests with a minimal context that records report() calls. */
export function runRule(rule: Rule, manifests: Manifest[]): Reported[] {
  const out: Reported[] = [];
  const inventory: Inventory = { files: [], manifests, deployments: [], endpoints: [], models: [], computes: [] };
  const ctx = {
    inventory,
    limits: defaultConfig().limits,
    report(at: Anchor, message: string) {
      const s = spanOf(at);
      out.push({ file: at.manifest.file.path, line: s.line, column: s.column, ptr: at.ptr, message });
    },
    skip() {},
  } as unknown as RuleContext;
  if (rule.scope === 'manifest') for (const m of manifests) rule.check(m, ctx);
  else if (rule.scope === 'inventory') rule.check(ctx);
  else throw new Error(`runRule runs manifest and inventory rules; ${rule.id} is a ${rule.scope} rule`);
  return out;
}
