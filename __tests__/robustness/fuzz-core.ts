/**
 * Deterministic fuzzer over real manifests (the shared corpus and examples/).
 *
 * Each input is fully defined by (seed, index) and is one of four kinds:
 * - damage (45 %): a seed file with 1–3 mutations (byte flips, truncation, key deletion, value type
 *   swaps, line duplication, indentation shifts, `{{X}}` templates, `&a`/`*a` anchors, junk tags,
 *   escapes and aliases, workflow-command text, CRLF/BOM), run with its unmutated neighbours through
 *   the real pipeline: parseBuffer → recognise → normalise → buildInventory → rules (and, for a
 *   sample, the whole engine on a temp repository);
 * - equivalent (35 %): a rewrite Azure's loaders decode to the same data (fuzz-equivalent.ts): the
 *   gate must decode it the same and give the same findings and inventory as the plain file;
 * - file-name (12 %): the file (or its folder) renamed to a hostile name, on disk: same findings and
 *   inventory as under its own name, and no report surface a runner would execute;
 * - outside (8 %): references that try to leave the workspace (paths, links), on disk: nothing
 *   outside is opened or listed (fs trace), nothing from there shows in the result.
 *
 * Used by scripts/fuzz.mjs (through tsx, in worker threads) and by test/robustness/fuzz.test.ts.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseBuffer } from '../../src/load/read.js';
import { LineIndex } from '../../src/parse/lines.js';
import { pointerJoin, pointerSplit } from '../../src/core/pointer.js';
import { recognise, normalise } from '../../src/formats/recognise.js';
import { detectKind, schemaBasename } from '../../src/formats/recognise.js';
import { buildInventory } from '../../src/inventory/build.js';
import { SkuCatalog } from '../../src/catalog/skus.js';
import { defaultConfig } from '../../src/config/index.js';
import { parseConfig } from '../config/throwing.js';
import { Registry } from '../../src/policy/registry.js';
import { looksLikeManifest } from '../../src/formats/prefilter.js';
import { ALL_RULES } from '../../src/policy/rules/index.js';
import { evaluate, judge } from '../../src/engine.js';
import { outOfScopeAsset } from '../../src/formats/prefilter.js';
import { resultOf } from '../helpers.js';
import type { Config } from '../../src/config/types.js';
import type { Finding, LoadedFile, ParsedDoc, Result } from '../../src/core/types.js';
import { plainDocs, rewriteEquivalent, type Rewrite } from './fuzz-equivalent.js';
import {
  checkSurfaces,
  extCase,
  FUZZ_NOW,
  HOSTILE_BYTE_NAMES,
  HOSTILE_NAMES,
  hostileComponent,
  outsideCanary,
  outsideRefs,
  PATH_KEYS,
  runOnDisk,
  sameGlobs,
  stageFree,
  canarySeen,
  cliFormatFor,
  traceViolations,
  type DiskFile,
  type DiskRun,
} from './fuzz-disk.js';

// The disk helpers the script needs, from this module's own instance (tsx loads each import apart).
export { removeCanary, traceActive } from './fuzz-disk.js';

// ------------------------------------------------------------------ PRNG

/** mulberry32: small, fast, good enough for choosing mutations; fully reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent stream per input, so an input can be replayed alone (`--only`). */
export function inputRng(seed: number, index: number): () => number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return prng(h ^ (h >>> 16));
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const int = (rnd: () => number, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

// ------------------------------------------------------------------ seeds

export interface SeedFile {
  /** Repo-relative path inside its group root. */
  rel: string;
  bytes: Buffer;
}

/** A violation planted in a seed: must be reported whatever happens to the other lines. */
export interface Plant {
  ruleId: string;
  /** JSON Pointer of the planted key. */
  ptr: string;
  value: number;
  /** 0-based lines that mutations must not touch (the key, its parents, the keys the rule depends on). */
  protectedLines: Set<number>;
  /** Whether the rest of the document still makes the planted value a violation (target etc.). */
  applies(data: Record<string, unknown>): boolean;
}

export interface Seed {
  id: string;
  /** Directory the group's paths are relative to (model paths on disk resolve against it). */
  root: string;
  file: SeedFile;
  neighbours: SeedFile[];
  config: Config;
  /** The config file of the seed's root, written with it on disk runs. */
  configFile?: SeedFile;
  /** Top-level detection key of the unmutated file, if it is a manifest. */
  detection?: { key: string; value: unknown; line: string };
  plant?: Plant;
}

const CANDIDATE = /\.(ya?ml|json)$|(^|\/)MLmodel$/i;
const GROUP_MAX_FILES = 40;

function listFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  const entries = readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      out.push(...listFiles(root, r));
    } else if (e.isFile() && CANDIDATE.test(r)) {
      out.push(r);
    }
  }
  return out;
}

function load(root: string, rel: string, bytes: Buffer): LoadedFile | null {
  return parseBuffer({ path: rel, abs: path.join(root, rel) }, bytes, looksLikeManifest);
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function valueAt(root: unknown, ptr: string): unknown {
  let cur = root;
  for (const seg of pointerSplit(ptr)) {
    if (!isMap(cur) || !(seg in cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

const KNOWN_RULES = (): string[] => ALL_RULES.map((r) => r.id);

/**
 * Seeds from each root: every YAML/JSON/MLmodel file. A root with few files is one repository
 * (all files are neighbours, so references resolve); a big one is grouped by folder.
 * Roots that do not exist are skipped (a fresh clone has no shared corpus).
 */
export function loadSeeds(roots: string[]): Seed[] {
  const seeds: Seed[] = [];
  for (const root of roots) {
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) continue;
    const all = listFiles(root);
    const configRel = all.find((r) => r === '.github/model-deploy-gate.yml' || r === '.model-deploy-gate.yml');
    const config = configRel ? parseConfig(readFileSync(path.join(root, configRel), 'utf8'), configRel, KNOWN_RULES()) : defaultConfig();
    const configFile = configRel ? { rel: configRel, bytes: readFileSync(path.join(root, configRel)) } : undefined;
    const files = all.filter((r) => r !== configRel).map((rel) => ({ rel, bytes: readFileSync(path.join(root, rel)) }));
    const dirOf = (r: string) => (r.includes('/') ? r.slice(0, r.lastIndexOf('/')) : '');
    for (const f of files) {
      const group = files.length <= GROUP_MAX_FILES ? files : files.filter((g) => dirOf(g.rel) === dirOf(f.rel));
      const seed: Seed = {
        id: `${path.basename(root)}/${f.rel}`,
        root,
        file: f,
        neighbours: group.filter((g) => g !== f),
        config,
        configFile,
      };
      seed.detection = detectionOf(root, f);
      seeds.push(seed);
      const planted = plantIn(seed);
      if (planted) seeds.push(planted);
    }
  }
  return seeds;
}

/**
 * The first top-level key that decides the manifest's kind on its own (`$schema`, `computeType`,
 * aml-action keys, MLmodel `flavors`). Shape-based v2 detection needs several keys together, so
 * such files get no detection invariant.
 */
function detectionOf(root: string, f: SeedFile): Seed['detection'] {
  const lf = load(root, f.rel, f.bytes);
  if (!lf || lf.problems.length > 0) return undefined;
  const [m] = recognise(lf);
  if (!m) return undefined;
  const lines = lf.text.split('\n');
  for (const key of Object.keys(m.data)) {
    const span = m.doc.keys.get(pointerJoin('', key));
    if (!span || span.line !== span.endLine) continue;
    const alone = Object.assign(Object.create(null) as Record<string, unknown>, { [key]: m.data[key] });
    if (detectKind(lf.path, alone) === m.kind) return { key, value: m.data[key], line: lines[span.line - 1].replace(/\r$/, '') };
  }
  return undefined;
}

/** Lines of a key and of every parent key (0-based). */
function keyLines(doc: ParsedDoc, ptr: string): number[] {
  const segs = pointerSplit(ptr);
  const out: number[] = [];
  for (let i = 1; i <= segs.length; i++) {
    const p = segs.slice(0, i).reduce((acc, s) => pointerJoin(acc, s), '');
    const s = doc.keys.get(p);
    if (s) for (let l = s.line; l <= s.endLine; l++) out.push(l - 1);
  }
  return out;
}

function replaceValue(text: string, doc: ParsedDoc, ptr: string, replacement: string): string | undefined {
  const v = doc.values.get(ptr);
  if (!v || v.line !== v.endLine) return undefined;
  const lines = text.split('\n');
  const line = lines[v.line - 1];
  lines[v.line - 1] = line.slice(0, v.column - 1) + replacement + line.slice(v.endColumn - 1);
  return lines.join('\n');
}

/**
 * Plants a violation in a copy of a seed: an ACI config/aml-deploy file asking for 64 GB
 * (`aci-memory-limit`), or a managed online deployment with `request_timeout_ms: 999999`
 * (`request-timeout-limit`).
 */
function plantIn(seed: Seed): Seed | undefined {
  const lf = load(seed.root, seed.file.rel, seed.file.bytes);
  if (!lf || lf.problems.length > 0 || lf.docs.length !== 1) return undefined;
  const [m] = recognise(lf);
  if (!m) return undefined;
  const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : undefined);
  let text: string | undefined;
  let plant: Omit<Plant, 'protectedLines'> | undefined;
  let guards: string[];
  if (m.kind === 'v1DeploymentConfig' && lower(m.data.computeType) === 'aci') {
    const ptr = '/containerResourceRequirements/memoryInGB';
    if (!m.doc.values.has(ptr)) return undefined;
    text = replaceValue(lf.text, m.doc, ptr, '64');
    guards = ['/computeType'];
    plant = { ruleId: 'aci-memory-limit', ptr, value: 64, applies: (d) => lower(d.computeType) === 'aci' && !('$schema' in d) };
  } else if (m.kind === 'amlDeployAction' && m.doc.values.has('/memory_gb') && !m.data.deployment_compute_target) {
    const ptr = '/memory_gb';
    text = replaceValue(lf.text, m.doc, ptr, '64');
    guards = ['/skip_deployment', '/deployment_compute_target'];
    plant = {
      ruleId: 'aci-memory-limit',
      ptr,
      value: 64,
      applies: (d) => !('computeType' in d) && !('$schema' in d) && !d.deployment_compute_target && d.skip_deployment !== true,
    };
  } else if (m.kind === 'managedOnlineDeployment' && lf.syntax === 'yaml' && typeof m.data.$schema === 'string') {
    const ptr = '/request_settings/request_timeout_ms';
    if (m.doc.values.has(ptr)) text = replaceValue(lf.text, m.doc, ptr, '999999');
    else if (!('request_settings' in m.data)) text = lf.text.replace(/\n*$/, '\n') + 'request_settings:\n  request_timeout_ms: 999999\n';
    guards = ['/$schema'];
    plant = {
      ruleId: 'request-timeout-limit',
      ptr,
      value: 999999,
      applies: (d) => typeof d.$schema === 'string' && schemaBasename(d.$schema) === 'managedonlinedeployment',
    };
  } else {
    return undefined;
  }
  if (text === undefined || !plant) return undefined;
  const bytes = Buffer.from(text);
  const planted = load(seed.root, seed.file.rel, bytes);
  const doc = planted?.docs[0];
  if (!planted || !doc || planted.problems.length > 0 || !isMap(doc.value) || !plant.applies(doc.value) || valueAt(doc.value, plant.ptr) !== plant.value) {
    return undefined;
  }
  const protectedLines = new Set([...keyLines(doc, plant.ptr), ...guards.flatMap((g) => keyLines(doc, g))]);
  return { ...seed, id: `${seed.id}#planted:${plant.ruleId}`, file: { rel: seed.file.rel, bytes }, plant: { ...plant, protectedLines } };
}

// ------------------------------------------------------------------ mutations

const FLIP_BYTES = [...':"\'{}[],#&*!|>-%@`\t\n\\ ?'].map((c) => c.charCodeAt(0)).concat([0x00, 0xff, 0xc3, 0x80, 0xfe]);
const SWAPS = ['42', '-1', '0', '0.5', '1e400', '99999999999999999999', '"42"', 'text', "'x'", '[1, 2]', '[]', '{}', 'null', '~', '', 'True', 'no', '.nan', '-.inf'];
const JSON_SWAPS = ['42', '-1', '0', '1e400', '99999999999999999999', '"42"', '"text"', '[1, 2]', '[]', '{}', 'null', 'true'];
const KEY_LINE = /^(\s*-?\s*"?[A-Za-z_$][\w$.\/-]*"?\s*:)(\s*)(.*?)(,?)\s*$/;

interface Mutator {
  name: string;
  /** Returns the mutated lines, or undefined when it does not apply. `free` lists mutable line indexes. */
  apply(lines: string[], free: number[], rnd: () => number, json: boolean): string[] | undefined;
}

function keyLinesOf(lines: string[], free: number[]): number[] {
  return free.filter((i) => KEY_LINE.test(lines[i]));
}

const MUTATORS: Mutator[] = [
  {
    name: 'byte-flip',
    apply(lines, free, rnd) {
      const candidates = free.filter((i) => lines[i].length > 0);
      if (candidates.length === 0) return undefined;
      const i = pick(rnd, candidates);
      const buf = Buffer.from(lines[i]);
      const at = int(rnd, 0, buf.length - 1);
      buf[at] = rnd() < 0.5 ? buf[at] ^ (1 << int(rnd, 0, 7)) : pick(rnd, FLIP_BYTES);
      const out: RawLines = [...lines];
      // Latin-1 keeps every byte as one char; mutate() writes such lines back as raw bytes.
      out[i] = buf.toString('latin1');
      out.raw = new Set([...((lines as RawLines).raw ?? []), i]);
      return out;
    },
  },
  {
    name: 'truncate',
    apply(lines, free, rnd) {
      // Only after the last protected line, so planted keys survive.
      const firstFree = lastProtected(lines.length, free) + 1;
      if (firstFree >= lines.length) return undefined;
      const i = int(rnd, firstFree, lines.length - 1);
      const out = lines.slice(0, i + 1);
      out[i] = out[i].slice(0, int(rnd, 0, out[i].length));
      return keepRaw(lines, out);
    },
  },
  {
    name: 'delete-key',
    apply(lines, free, rnd) {
      const c = keyLinesOf(lines, free);
      if (c.length === 0) return undefined;
      const i = pick(rnd, c);
      return keepRaw(lines, lines.filter((_, j) => j !== i), i, -1);
    },
  },
  {
    name: 'type-swap',
    apply(lines, free, rnd, json) {
      const c = keyLinesOf(lines, free);
      if (c.length === 0) return undefined;
      const i = pick(rnd, c);
      const m = KEY_LINE.exec(lines[i])!;
      const out = [...lines];
      out[i] = `${m[1]} ${pick(rnd, json ? JSON_SWAPS : SWAPS)}${m[4]}`;
      return keepRaw(lines, out);
    },
  },
  {
    name: 'duplicate-line',
    apply(lines, free, rnd) {
      if (free.length === 0) return undefined;
      const i = pick(rnd, free);
      return keepRaw(lines, [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)], i, 1);
    },
  },
  {
    name: 'indent-shift',
    apply(lines, free, rnd) {
      const c = free.filter((i) => lines[i].trim() !== '');
      if (c.length === 0) return undefined;
      const i = pick(rnd, c);
      const out = [...lines];
      const r = rnd();
      if (r < 0.4) out[i] = ' '.repeat(int(rnd, 1, 4)) + out[i];
      else if (r < 0.7) out[i] = out[i].replace(/^ {1,2}/, '');
      else out[i] = '\t' + out[i].replace(/^ +/, '');
      return keepRaw(lines, out);
    },
  },
  {
    name: 'template',
    apply(lines, free, rnd) {
      if (free.length === 0) return undefined;
      const i = pick(rnd, free);
      const out = [...lines];
      const m = KEY_LINE.exec(out[i]);
      const token = pick(rnd, ['{{X}}', '{{ env }}', '{{ .Values.size }}', '"{{X}}"']);
      if (m && rnd() < 0.7) out[i] = `${m[1]} ${token}${m[4]}`;
      else {
        const at = int(rnd, 0, out[i].length);
        out[i] = out[i].slice(0, at) + token + out[i].slice(at);
      }
      return keepRaw(lines, out);
    },
  },
  {
    name: 'anchor-alias',
    apply(lines, free, rnd) {
      const c = keyLinesOf(lines, free);
      if (c.length === 0) return undefined;
      const i = pick(rnd, c);
      const m = KEY_LINE.exec(lines[i])!;
      const out = [...lines];
      out[i] = rnd() < 0.5 ? `${m[1]} &a ${m[3]}${m[4]}` : `${m[1]} *a${m[4]}`;
      return keepRaw(lines, out);
    },
  },
  // Tags Azure's safe_load refuses or decodes otherwise (`!!binary`, `!!map` on a scalar, custom and
  // Python tags), on a key or a value, and `%TAG` directives: the gate never constructs them.
  keyLineMutator('junk-tag', true, ({ m, lines, out, i }, rnd) => {
    const tag = pick(rnd, JUNK_TAGS);
    const r = rnd();
    if (r < 0.45) out[i] = `${m[1]} ${tag} ${m[3]}${m[4]}`;
    else if (r < 0.8) out[i] = m[1].replace(/^(\s*-?\s*)/, `$1${tag} `) + ` ${m[3]}${m[4]}`;
    else return keepRaw(lines, [`%TAG ${pick(rnd, ['!', '!!', '!e!'])} ${pick(rnd, ['tag:yaml.org,2002:', 'tag:evil,2026:', '!'])}`, '---', ...lines], -1, 2);
  }),
  // Odd and invalid escapes in double quotes: `\xZZ`, lone surrogates, NUL, `\U00110000`, …
  keyLineMutator('junk-escape', false, ({ m, out, i }, rnd, json) => {
    const esc = pick(rnd, json ? JSON_JUNK_ESCAPES : YAML_JUNK_ESCAPES);
    if (rnd() < 0.6) out[i] = `${m[1]} "${esc}"${m[4]}`;
    else out[i] = m[1].replace(/"?([A-Za-z_$][\w$./-]*)"?(\s*:)$/, `"${esc}$1"$2`) + ` ${m[3]}${m[4]}`;
  }),
  // Aliases that cannot be keys or do not exist, anchors redefined, complex explicit keys.
  keyLineMutator('junk-alias', true, ({ m, lines, out, i, ind }, rnd) => {
    const r = rnd();
    if (r < 0.25) out[i] = `${ind}*nowhere : ${m[3]}`;
    else if (r < 0.5) return keepRaw(lines, [...lines.slice(0, i), `${ind}mdgmap: &m {a: 1}`, `${ind}*m : x`, ...lines.slice(i + 1)], i, 1);
    else if (r < 0.7) out[i] = `${ind}? [${m[3] || 'a'}, b]`;
    else if (r < 0.85) out[i] = `${m[1]} &a [*a]`;
    else out[i] = `${ind}? ${pick(rnd, ['{a: 1}', '|\n' + ind + '  x', '', '!!map {}'])}`;
  }),
  // Repository text that a runner would take for a workflow command, or markdown for HTML.
  keyLineMutator('hostile-text', false, ({ m, out, i }, rnd) => {
    const text = pick(rnd, HOSTILE_TEXT);
    if (rnd() < 0.65) out[i] = `${m[1]} ${JSON.stringify(text)}${m[4]}`; // valid as a YAML double-quoted scalar and as JSON
    else out[i] = m[1].replace(/"?([A-Za-z_$][\w$./-]*)"?(\s*:)$/, (_, k: string, colon: string) => `${JSON.stringify(k + text)}${colon}`) + ` ${m[3]}${m[4]}`;
  }),
];

/**
 * A mutation of one free `key: value` line: `edit` rewrites `out[i]` (the line's match `m`, its
 * indentation `ind`), or returns whole new lines.
 */
function keyLineMutator(
  name: string,
  yamlOnly: boolean,
  edit: (at: { m: RegExpExecArray; i: number; ind: string; lines: string[]; out: string[] }, rnd: () => number, json: boolean) => string[] | void,
): Mutator {
  return {
    name,
    apply(lines, free, rnd, json) {
      if (yamlOnly && json) return undefined;
      const c = keyLinesOf(lines, free);
      if (c.length === 0) return undefined;
      const i = pick(rnd, c);
      const out = [...lines];
      const whole = edit({ m: KEY_LINE.exec(lines[i])!, i, ind: /^\s*/.exec(lines[i])![0], lines, out }, rnd, json);
      return whole ?? keepRaw(lines, out);
    },
  };
}

const JUNK_TAGS = ['!!binary', '!!map', '!!seq', '!!set', '!!omap', '!!int', '!!float', '!!bool', '!!null', '!!timestamp', '!foo', '!<!>', '!e!str', '!!python/object/apply:os.system', '!<tag:yaml.org,2002:python/name:os.system>', '!!str'];
const YAML_JUNK_ESCAPES = ['\\xZZ', '\\uD800', '\\uDFFF\\uD800', '\\U00110000', '\\x00', '\\0', '\\N\\_\\L\\P', '\\e\\a\\v', '\\q', '\\u00', '\\U0001F680', '\\u202e', '\\ufeff'];
const JSON_JUNK_ESCAPES = ['\\x41', '\\uD800', '\\uDFFF', '\\u00', '\\u0000', '\\uFFFF', '\\q', '\\u202e', '\\uD83D\\uDE80', '\\/'];
/** Workflow commands (both forms), masks, stops, HTML, mentions and references. */
export const HOSTILE_TEXT = [
  'blue\n::error file=README.md,line=1::forged',
  'x\r::warning::forged',
  'y\n  ::notice::forged',
  '::stop-commands::zzz',
  'z ##[add-mask]secret',
  '##[error]forged',
  'a\n::add-mask::b',
  '%0A::error::x',
  '<img src=x onerror=alert(1)>',
  '`x`<a href=https://evil.example>Approved by @org/security-team</a>',
  '![i](https://evil.example/i.png) [l](javascript:alert(1)) #1 www.evil.example',
  'cell | break \\| more\nnext',
  '\u202eright-to-left\u200b',
];

/** Semantic edits (type swaps, deletions) weigh more: syntax breakers end most inputs in a parse-error. */
const WEIGHT: Record<string, number> = { 'type-swap': 4, 'delete-key': 2, 'duplicate-line': 2 };
const WEIGHTED: Mutator[] = MUTATORS.flatMap((m) => Array<Mutator>(WEIGHT[m.name] ?? 1).fill(m));

type RawLines = string[] & { raw?: Set<number> };

/** Carries the set of byte-flipped (Latin-1) lines through a line edit that inserts/removes at `at`. */
function keepRaw(before: string[], after: string[], at = -1, delta = 0): string[] {
  const raw = (before as RawLines).raw;
  if (!raw) return after;
  const moved = new Set<number>();
  for (const r of raw) {
    if (delta < 0 && r === at) continue;
    moved.add(r > at ? r + delta : r);
  }
  (after as RawLines).raw = moved;
  return after;
}

function lastProtected(count: number, free: number[]): number {
  const f = new Set(free);
  let last = -1;
  for (let i = 0; i < count; i++) if (!f.has(i)) last = i;
  return last;
}

export interface Mutated {
  bytes: Buffer;
  ops: string[];
}

/**
 * Applies 1–3 mutations to a seed, never touching its protected lines. Line-level edits keep
 * track of protected lines as lines move. CRLF/BOM conversion applies to the whole file.
 */
export function mutate(seed: Seed, rnd: () => number): Mutated {
  const json = /\.json$/i.test(seed.file.rel);
  let lines: string[] = seed.file.bytes.toString('utf8').split('\n');
  let prot = new Set(seed.plant?.protectedLines ?? []);
  const ops: string[] = [];
  const n = int(rnd, 1, 3);
  let crlf = false;
  let bom = false;
  let utf16: 'le' | 'be' | undefined;
  for (let k = 0; k < n; k++) {
    if (rnd() < 0.08) {
      const r = rnd();
      if (r < 0.6) crlf = true;
      else if (r < 0.85) bom = true;
      else utf16 = r < 0.93 ? 'le' : 'be';
      ops.push(r < 0.6 ? 'crlf' : r < 0.85 ? 'bom' : `utf16-${utf16}`);
      continue;
    }
    const free = lines.map((_, i) => i).filter((i) => !prot.has(i));
    for (let tries = 0; tries < 4; tries++) {
      const mut = pick(rnd, WEIGHTED);
      const before = lines.length;
      const out = mut.apply(lines, free, rnd, json);
      if (!out) continue;
      // Re-locate protected lines after an insertion/deletion (they are never the edited line).
      if (out.length !== before && prot.size > 0) prot = shiftProtected(lines, out, prot);
      lines = out;
      ops.push(mut.name);
      break;
    }
  }
  const raw = (lines as RawLines).raw ?? new Set<number>();
  const eol = crlf ? '\r\n' : '\n';
  const parts = lines.map((l, i) => (raw.has(i) ? Buffer.from(l, 'latin1') : Buffer.from(crlf ? l.replace(/\r$/, '') : l, 'utf8')));
  const chunks: Buffer[] = bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
  parts.forEach((p, i) => {
    chunks.push(p);
    if (i < parts.length - 1) chunks.push(Buffer.from(eol));
  });
  const bytes = Buffer.concat(chunks);
  if (utf16) {
    // The text as UTF-16 with its byte order mark (raw bytes from byte flips are read as Latin-1).
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8').replace(/^\ufeff/, ''), 'utf16le')]);
    return { bytes: utf16 === 'le' ? le : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le.subarray(2)).swap16()]), ops };
  }
  return { bytes, ops };
}

/** Protected lines are matched by content after an edit that changed the line count. */
function shiftProtected(before: string[], after: string[], prot: Set<number>): Set<number> {
  const out = new Set<number>();
  let j = 0;
  for (const i of [...prot].sort((a, b) => a - b)) {
    while (j < after.length && after[j] !== before[i]) j++;
    if (j < after.length) out.add(j++);
  }
  return out;
}

// ------------------------------------------------------------------ invariants

export interface Violation {
  seed: string;
  index: number;
  ops: string[];
  invariant: string;
  detail: string;
  /** The mutated bytes (base64) so the input can be saved and replayed. */
  input: string;
}

export interface CheckOutcome {
  violations: Array<{ invariant: string; detail: string }>;
  ms: number;
  /** The mutated file was a candidate that the loader could not read (parse-error expected). */
  problems: number;
  manifests: number;
  /** Detection line intact but swallowed by a multi-line string etc.: not a bug, counted. */
  swallowed: boolean;
  /** Planted seeds: violation kept in place, moved by a legitimate structural edit, or file unparseable. */
  plant?: 'kept' | 'moved' | 'broken';
}

/** Internal values leaking into messages. NaN only counts when the file holds no `.nan`. */
const BAD_TEXT = /\bundefined\b|\[object Object\]/;
const NAN_TEXT = /\bNaN\b/;

function meaningful(text: string): boolean {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .some((l) => l !== '' && l !== '---' && l !== '...' && l !== '~' && l !== 'null' && l !== '---\t');
}

/** Runs the mutated file and its neighbours through the pipeline stages and checks the invariants. */
export function checkStages(seed: Seed, bytes: Buffer): CheckOutcome {
  const t0 = performance.now();
  const violations: CheckOutcome['violations'] = [];
  const v = (invariant: string, detail: string) => violations.push({ invariant, detail });
  let problems = 0;
  let manifestCount = 0;
  let swallowed = false;
  let plant: CheckOutcome['plant'];
  try {
    const target = load(seed.root, seed.file.rel, bytes);
    const files: LoadedFile[] = [];
    if (target) files.push(target);
    for (const n of seed.neighbours) {
      const lf = load(seed.root, n.rel, n.bytes);
      if (lf) files.push(lf);
    }
    const findings: Finding[] = [];
    const manifests = files.flatMap((f) => recognise(f));
    const norm = normalise(manifests);
    const inventory = buildInventory(seed.root, files, manifests, norm, seed.config);
    const run = new Registry(ALL_RULES, seed.config).run(inventory, new SkuCatalog(seed.config.skus));
    findings.push(...run.findings);

    if (target) {
      problems = target.problems.length;
      const mine = manifests.filter((m) => m.file === target);
      manifestCount = mine.length;
      for (const p of target.problems) {
        if (!(p.line >= 1 && p.column >= 1)) v('problem-position', `parse problem at ${p.line}:${p.column}: ${p.message}`);
      }
      if (problems === 0 && target.docs.length === 0 && meaningful(target.text)) {
        v('silently-unread', 'candidate file with content produced neither documents nor a parse problem');
      }
      // Detection key still in place as the loader sees it ⇒ the file must be recognised.
      const det = seed.detection;
      if (det && problems === 0 && mine.length === 0) {
        const lines = target.text.split('\n').map((l) => l.replace(/\r$/, ''));
        if (lines.includes(det.line)) {
          const top = target.docs.find((d) => isMap(d.value) && det.key in d.value && sameValue(d.value[det.key], det.value));
          if (top) v('not-recognised', `document still has ${det.key}: ${JSON.stringify(det.value)} but was not recognised`);
          else swallowed = true;
        }
      }
      const lineCount = new LineIndex(target.text).lineCount;
      for (const f of findings.filter((f) => f.file === target.path)) {
        if (!(f.line >= 1 && f.column >= 1 && f.line <= lineCount)) v('finding-position', `${f.ruleId} at ${f.line}:${f.column} (file has ${lineCount} lines)`);
        if (BAD_TEXT.test(f.message) || (NAN_TEXT.test(f.message) && !/\.nan\b/i.test(target.text))) v('message-text', `${f.ruleId}: ${f.message}`);
      }
      if (seed.plant) plant = checkPlant(seed.plant, target, findings, v);
    } else if (seed.detection && /^(\xff\xfe|\xfe\xff)/.test(bytes.subarray(0, 2).toString('latin1'))) {
      // UTF-16: the deciding line, decoded, must keep the file (a parse-error, never a silent skip).
      const le = bytes[0] === 0xff ? bytes.subarray(2) : Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16();
      const lines = le.toString('utf16le').split('\n').map((l) => l.replace(/\r$/, ''));
      if (lines.includes(seed.detection.line)) v('silently-skipped', `the UTF-16 file still has the line "${seed.detection.line}" but was not read at all (no finding, no parse-error)`);
    } else if (seed.detection) {
      // Dropped by the pre-filter: only acceptable when the deciding key's line is gone.
      const lines = bytes.toString('latin1').replace(/^\xef\xbb\xbf/, '').split('\n').map((l) => l.replace(/\r$/, ''));
      if (lines.includes(seed.detection.line)) v('silently-skipped', `the file still has the line "${seed.detection.line}" but was not read at all (no finding, no parse-error)`);
    }
  } catch (err) {
    v('exception', err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
  return { violations, ms: performance.now() - t0, problems, manifests: manifestCount, swallowed, plant };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The planted violation, as the loader sees it: value at its place and the rest of the document
 * still making it a violation ⇒ the rule must report it at the key's line. The planted lines are
 * protected, so a different value there is a fault. A mutation elsewhere may still legitimately
 * move the key (a parent turned into a list, a sibling re-indented above it): counted, not a fault.
 */
function checkPlant(plant: Plant, target: LoadedFile, findings: Finding[], v: (i: string, d: string) => void): 'kept' | 'moved' | 'broken' {
  if (target.problems.length > 0 && target.docs.length === 0) return 'broken';
  const doc = target.docs.find((d) => valueAt(d.value, plant.ptr) !== undefined);
  const value = doc ? valueAt(doc.value, plant.ptr) : undefined;
  if (!doc || !isMap(doc.value) || !plant.applies(doc.value)) return 'moved';
  const span = doc.values.get(plant.ptr);
  // A more-indented line after the key continues its plain scalar (`64` + `  {{X}}` reads "64 {{X}}"):
  // the value now spans an unprotected line, so the edit is legitimate.
  if (value !== plant.value && span && span.endLine > (doc.keys.get(plant.ptr)?.line ?? span.line)) return 'moved';
  if (value !== plant.value) {
    v('planted-lost', `${plant.ptr} reads ${JSON.stringify(value)} instead of the planted ${plant.value}, on a line no mutation touched`);
    return 'kept';
  }
  const hits = findings.filter((f) => f.file === target.path && f.ruleId === plant.ruleId);
  const key = doc.keys.get(plant.ptr);
  if (hits.length === 0) v('planted-missed', `${plant.ruleId} not reported although ${plant.ptr} = ${plant.value} is still in the document`);
  else if (key && !hits.some((h) => h.line === key.line)) v('planted-misplaced', `${plant.ruleId} at line ${hits.map((h) => h.line).join(',')}, key is on line ${key.line}`);
  return 'kept';
}

// ------------------------------------------------------------------ the whole engine

/** The seed's group as files on disk (its config too), with the target's bytes and name replaced. */
function groupFiles(seed: Seed, bytes: Buffer, rel = seed.file.rel): DiskFile[] {
  return [...seed.neighbours, ...(seed.configFile ? [seed.configFile] : []), { rel, bytes }];
}

/** A parse-error the engine lowers on purpose: a syntax error in an Azure ML asset it does not gate (SPEC: jobs, components). */
function lowered(f: Finding, target: LoadedFile): boolean {
  return f.ruleId === 'parse-error' && f.severity === 'notice' && target.problems.every((p) => p.syntax) && outOfScopeAsset(target.text) !== undefined;
}

/**
 * Whole engine on a temp repository: no exception, parse problems fail the run (unless the file is
 * an out-of-scope Azure ML asset with a syntax error: a notice), plant reported, nothing outside
 * read, no report surface a runner would execute.
 */
export async function checkEngine(seed: Seed, bytes: Buffer, cliFormat = 'text'): Promise<CheckOutcome['violations']> {
  const out: CheckOutcome['violations'] = [];
  try {
    const run = await runOnDisk(groupFiles(seed, bytes), [], { cliFormat });
    const r = run.result;
    const target = load(seed.root, seed.file.rel, bytes);
    if (target && target.problems.length > 0) {
      const pe = r.findings.filter((f) => f.file === seed.file.rel && f.ruleId === 'parse-error');
      if (pe.length === 0) out.push({ invariant: 'engine-parse-error', detail: 'loader problem not reported as parse-error' });
      const excused = pe.length > 0 && pe.every((f) => lowered(f, target));
      if (r.summary.result !== 'fail' && !excused) out.push({ invariant: 'engine-passes-blind', detail: 'run passed although a manifest-looking file could not be read' });
    }
    if (seed.plant && target) {
      const doc = target.docs.find((d) => isMap(d.value) && seed.plant!.applies(d.value) && valueAt(d.value, seed.plant!.ptr) === seed.plant!.value);
      if (doc && !r.findings.some((f) => f.file === seed.file.rel && f.ruleId === seed.plant!.ruleId)) {
        out.push({ invariant: 'engine-planted-missed', detail: `${seed.plant.ruleId} not reported by evaluate()` });
      }
    }
    out.push(...traceViolations(run), ...checkSurfaces(run, HOSTILE_TEXT));
  } catch (err) {
    out.push({ invariant: 'engine-exception', detail: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
  return out;
}

/** The engine after loading, over in-memory files (no disk): what `evaluate()` makes of them. */
export function judgeInMemory(seed: Seed, bytes: Buffer | null): Result {
  const files: LoadedFile[] = [];
  const target = bytes ? load(seed.root, seed.file.rel, bytes) : null;
  if (target) files.push(target);
  for (const n of seed.neighbours) {
    const lf = load(seed.root, n.rel, n.bytes);
    if (lf) files.push(lf);
  }
  return judge(seed.root, { candidates: files.length, files }, seed.config, { root: seed.root, failOn: 'error', scopeReason: 'fuzz', now: FUZZ_NOW });
}

// ------------------------------------------------------------------ comparing results

interface Compare {
  /** Compare line numbers (`same`), after subtracting a shift in the target file, or not at all. */
  lines: 'same' | 'shift' | 'changed';
  shift: number;
  caseFold: boolean;
  /** Strings of the compared result mapped back to the plain run's (a renamed file). */
  rename?: (s: string) => string;
  target: string;
}

function deepStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => deepStrings(x, f));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepStrings(x, f)]));
  return v;
}

function withoutLines(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutLines);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !/^(line|endLine|column|endColumn)$/.test(k)).map(([k, x]) => [k, withoutLines(x)]));
  return v;
}

/** The parts of a result an equivalent input must reproduce: findings, inventory and asset rows, verdict. */
function signature(r: Result, c: Compare, mutated: boolean): { findings: string[]; rows: string[]; verdict: string } {
  const fold = (s: string) => {
    let t = mutated && c.rename ? c.rename(s) : s;
    if (c.lines !== 'same') t = t.replace(/\b(lines?) \d+/g, '$1 N');
    return c.caseFold ? t.toLowerCase() : t;
  };
  const findings = r.findings.map((f) => {
    const file = mutated && c.rename ? c.rename(f.file) : f.file;
    let line: string | number = f.line;
    if (c.lines === 'changed') line = '-';
    else if (c.lines === 'shift' && mutated && file === c.target) line = f.line - c.shift;
    return `${fold(file)} ${line} ${f.ruleId} ${f.severity}${f.suppressed ? ' suppressed' : ''}: ${fold(f.message)}`;
  });
  // Names are mapped back before the rows are written as JSON (which escapes quotes and line breaks).
  const rowsOf = (rows: unknown[]) => rows.map((x) => JSON.stringify(deepStrings(withoutLines(x), fold)));
  const rows = [...rowsOf(r.inventory), ...rowsOf(r.models), ...rowsOf(r.computes), ...rowsOf(r.endpoints), ...rowsOf(r.skipped)];
  return { findings: findings.sort(), rows: rows.sort(), verdict: r.summary.result };
}

function diffLists(a: string[], b: string[]): string {
  const left = [...a];
  const extra: string[] = [];
  for (const x of b) {
    const i = left.indexOf(x);
    if (i >= 0) left.splice(i, 1);
    else extra.push(x);
  }
  return [...left.map((x) => `- ${x}`), ...extra.map((x) => `+ ${x}`)].slice(0, 8).join('\n');
}

function compareResults(plain: Result, mutated: Result, c: Compare, what: string): CheckOutcome['violations'] {
  const a = signature(plain, c, false);
  const b = signature(mutated, c, true);
  const out: CheckOutcome['violations'] = [];
  if (a.findings.join('\n') !== b.findings.join('\n')) out.push({ invariant: `${what}-findings`, detail: `findings differ from the plain file's (- plain, + ${what}):\n${diffLists(a.findings, b.findings)}` });
  if (a.rows.join('\n') !== b.rows.join('\n')) out.push({ invariant: `${what}-inventory`, detail: `inventory differs from the plain file's (- plain, + ${what}):\n${diffLists(a.rows, b.rows)}` });
  if (out.length === 0 && a.verdict !== b.verdict) out.push({ invariant: `${what}-verdict`, detail: `${a.verdict} became ${b.verdict}` });
  return out;
}

// ------------------------------------------------------------------ equivalent rewrites

const plainCache = new Map<string, Result>();

function canonical(v: unknown, fold: boolean): unknown {
  if (typeof v === 'string') return fold ? v.toLowerCase() : v;
  if (Array.isArray(v)) return v.map((x) => canonical(x, fold));
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k], fold)]),
    );
  }
  return v;
}

/**
 * An equivalent rewrite: the gate must read the file (the pre-filter too), decode the same data and
 * give the same findings, inventory and verdict as for the plain file.
 */
export function checkEquivalent(seed: Seed, rw: Rewrite): CheckOutcome['violations'] {
  const out: CheckOutcome['violations'] = [];
  try {
    const plainData = plainDocs(seed.file.rel, seed.file.bytes);
    const mutated = parseBuffer({ path: seed.file.rel, abs: path.join(seed.root, seed.file.rel) }, rw.bytes, () => true);
    if (!mutated || mutated.problems.length > 0) {
      out.push({ invariant: 'equivalent-parse-error', detail: `the rewrite does not parse: ${mutated?.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}` });
      return out;
    }
    const a = JSON.stringify(canonical(plainData, rw.caseFold));
    const b = JSON.stringify(canonical(mutated.docs.map((d) => d.value), rw.caseFold));
    if (a !== b) out.push({ invariant: 'equivalent-decoded', detail: `decoded differently:\n  plain ${a.slice(0, 300)}\n  now   ${b.slice(0, 300)}` });
    const plainKept = load(seed.root, seed.file.rel, seed.file.bytes) !== null;
    if (plainKept && load(seed.root, seed.file.rel, rw.bytes) === null) out.push({ invariant: 'equivalent-skipped', detail: 'the pre-filter drops the rewrite but reads the plain file' });
    let plain = plainCache.get(seed.id);
    if (!plain) {
      plain = judgeInMemory(seed, seed.file.bytes);
      plainCache.set(seed.id, plain);
    }
    out.push(...compareResults(plain, judgeInMemory(seed, rw.bytes), { lines: rw.lines, shift: rw.shift, caseFold: rw.caseFold, target: seed.file.rel }, 'equivalent'));
  } catch (err) {
    out.push({ invariant: 'exception', detail: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
  return out;
}

// ------------------------------------------------------------------ hostile file names

const diskPlainCache = new Map<string, Result>();

export interface NameChange {
  /** What was renamed: the file, or its folder (with everything in it). */
  what: 'file' | 'folder' | 'bytes';
  from: string;
  to: string;
  /** Old → new path of every file that moved. */
  moves: Map<string, string>;
  hostile: string;
}

/** A hostile name for the seed's file or folder, or undefined when none keeps every glob's answer. */
export function renameFor(seed: Seed, rnd: () => number): NameChange | undefined {
  const rel = seed.file.rel;
  const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
  const base = rel.slice(dir ? dir.length + 1 : 0);
  const all = [seed.file, ...seed.neighbours];
  const textOf = (f: SeedFile) => f.bytes.toString('latin1');
  // The config names paths too (stages, waivers, excludes).
  const config = seed.configFile ? textOf(seed.configFile) : '';
  for (let tries = 0; tries < 4; tries++) {
    const hostile = pick(rnd, HOSTILE_NAMES);
    if (!stageFree(hostile)) continue;
    const folder = dir !== '' && rnd() < 0.35;
    if (folder) {
      // The folder and everything in it; refused when a file outside it names the folder.
      const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/') + 1) : '';
      const leaf = dir.slice(parent.length);
      const nextDir = parent + hostileComponent(hostile, leaf);
      const moves = new Map<string, string>();
      for (const f of all) if (f.rel.startsWith(`${dir}/`)) moves.set(f.rel, nextDir + f.rel.slice(dir.length));
      if (all.some((f) => !f.rel.startsWith(`${dir}/`) && textOf(f).includes(leaf)) || config.includes(leaf)) continue;
      // `.github/workflows` is where GitHub looks for workflows: another folder holds none.
      if (dir === '.github' || dir.startsWith('.github/')) continue;
      if ([...moves].some(([a, b]) => !sameGlobs(seed.config, a, b))) continue;
      return { what: 'folder', from: dir, to: nextDir, moves, hostile };
    }
    if (base === 'MLmodel' || seed.neighbours.some((n) => textOf(n).includes(base)) || config.includes(base)) continue;
    const next = (dir ? `${dir}/` : '') + hostileComponent(hostile, extCase(base, rnd));
    if (!sameGlobs(seed.config, rel, next)) continue;
    return { what: 'file', from: rel, to: next, moves: new Map([[rel, next]]), hostile };
  }
  return undefined;
}

/**
 * The same repository with the seed's file (or folder) under a hostile name: the same findings and
 * inventory once the name is mapped back, nothing outside read, no report a runner would execute.
 * A name that is not UTF-8 cannot be read back under the name the walk decodes: it must then be a
 * `parse-error` that fails the run, never a silent skip.
 */
export async function checkFileName(seed: Seed, rnd: () => number): Promise<{ violations: CheckOutcome['violations']; renamed: string | undefined }> {
  const out: CheckOutcome['violations'] = [];
  const bytesName = rnd() < 0.06 && seed.file.rel.includes('/') && !seed.file.rel.endsWith('MLmodel');
  const change = bytesName ? undefined : renameFor(seed, rnd);
  if (!bytesName && !change) return { violations: out, renamed: undefined };
  try {
    let plain = diskPlainCache.get(seed.id);
    if (!plain) {
      plain = (await runOnDisk(groupFiles(seed, seed.file.bytes))).result;
      diskPlainCache.set(seed.id, plain);
    }
    if (bytesName) {
      const raw = Buffer.from(pick(rnd, HOSTILE_BYTE_NAMES));
      const run = await runWithByteName(seed, raw, cliFormatFor(rnd));
      out.push(...traceViolations(run));
      const target = load(seed.root, seed.file.rel, seed.file.bytes);
      const wasGated = plain.findings.some((f) => f.file === seed.file.rel) || plain.inventory.some((r) => r.file === seed.file.rel);
      if (target && wasGated && run.result.summary.result !== 'fail') {
        out.push({ invariant: 'file-name-unread', detail: `a manifest named with the bytes ${raw.toString('hex')} was neither read nor reported, and the run passed` });
      }
      return { violations: out, renamed: `bytes:${raw.toString('hex')}` };
    }
    const c = change!;
    const files = [...seed.neighbours, ...(seed.configFile ? [seed.configFile] : []), seed.file].map((f) => ({ rel: c.moves.get(f.rel) ?? f.rel, bytes: f.bytes }));
    const run = await runOnDisk(files, [], { cliFormat: cliFormatFor(rnd) });
    out.push(...traceViolations(run), ...checkSurfaces(run, [c.hostile]));
    // Map the new names back: whole paths first, then the renamed component wherever it is quoted.
    const fromComp = c.what === 'folder' ? c.from.slice(c.from.lastIndexOf('/') + 1) : c.from.slice(c.from.lastIndexOf('/') + 1);
    const toComp = c.to.slice(c.to.lastIndexOf('/') + 1);
    const back = (s: string) => s.split(c.to).join(c.from).split(toComp).join(fromComp);
    out.push(...compareResults(plain, run.result, { lines: 'same', shift: 0, caseFold: false, rename: back, target: c.to }, 'file-name'));
    return { violations: out, renamed: `${c.what}: ${JSON.stringify(c.to)}` };
  } catch (err) {
    out.push({ invariant: 'engine-exception', detail: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return { violations: out, renamed: change ? change.to : 'bytes' };
  }
}

/** The seed's group on disk with the target under a name made of raw bytes (not UTF-8). */
function runWithByteName(seed: Seed, raw: Buffer, cliFormat: string): Promise<DiskRun> {
  const rel = seed.file.rel;
  const dir = rel.slice(0, rel.lastIndexOf('/'));
  const ext = /\.[A-Za-z]+$/.exec(rel)?.[0] ?? '';
  // Written through a link: the repository holds a folder whose entry name is the raw bytes.
  const files = groupFiles(seed, seed.file.bytes).filter((f) => f.rel !== rel);
  return runOnDisk(files, [], { cliFormat, extra: (root) => {
    const abs = Buffer.concat([Buffer.from(`${root}/${dir}/`), raw, Buffer.from(ext)]);
    mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(abs, seed.file.bytes);
  } });
}

// ------------------------------------------------------------------ outside the workspace

/**
 * References out of the workspace: a path-like key set to a file or folder outside (absolute,
 * `../` climbing, `file://`, `~`, backslashes, through an in-repo link), a neighbour that is a link
 * to a manifest outside, a folder link to the outside. Nothing outside may be opened or listed, and
 * nothing from there may show in the result.
 */
export async function checkOutside(seed: Seed, rnd: () => number): Promise<{ violations: CheckOutcome['violations']; how: string }> {
  const out: CheckOutcome['violations'] = [];
  const canary = outsideCanary();
  const rel = seed.file.rel;
  const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
  const json = /\.json$/i.test(rel);
  const links: Array<{ rel: string; target: string }> = [{ rel: dir ? `${dir}/escape` : 'escape', target: canary.dir }];
  let bytes = seed.file.bytes;
  let how: string;
  const keyLines = new Set<number>();
  const r = rnd();
  // A placeholder root: the references are made relative to where the repository will be written.
  const refs = (root: string) => outsideRefs(root, rel, canary);
  let refIndex = Math.floor(rnd() * 16);
  if (r < 0.7) {
    const key = pick(rnd, PATH_KEYS);
    how = `${key} → ref #${refIndex}`;
    const text = bytes.toString('utf8');
    bytes = Buffer.from(text); // re-written per root below
    const edit = (root: string): Buffer => {
      const ref = refs(root)[refIndex % 16];
      const lines = text.split('\n');
      const at = lines.findIndex((l) => new RegExp(`^\\s*"?${key}"?\\s*:`).test(l));
      if (at >= 0) {
        const m = KEY_LINE.exec(lines[at]);
        if (m) lines[at] = `${m[1]} ${JSON.stringify(ref)}${m[4]}`;
        keyLines.add(at + 1);
        return Buffer.from(lines.join('\n'));
      }
      if (json) {
        const brace = text.indexOf('{');
        if (brace < 0) return Buffer.from(text);
        const before = text.slice(0, brace + 1);
        keyLines.add(before.split('\n').length);
        return Buffer.from(`${before}${JSON.stringify(key)}: ${JSON.stringify(ref)},${text.slice(brace + 1)}`);
      }
      keyLines.add(lines.length + (text.endsWith('\n') ? 0 : 1));
      return Buffer.from(text.replace(/\n*$/, '\n') + `${key}: ${JSON.stringify(ref)}\n`);
    };
    return runOutside(seed, edit, links, keyLines, how, out, cliFormatFor(rnd));
  }
  if (r < 0.85 && seed.neighbours.length > 0) {
    // A neighbour replaced by a link to a manifest outside.
    const n = pick(rnd, seed.neighbours);
    how = `link ${n.rel} → outside manifest`;
    links.push({ rel: n.rel, target: path.join(canary.dir, pick(rnd, ['deploy.yml', 'outside.json', 'model/MLmodel'])) });
    refIndex = 0;
    return runOutside(seed, () => bytes, links, keyLines, how, out, cliFormatFor(rnd));
  }
  how = 'folder link → outside';
  links.push({ rel: dir ? `${dir}/linked` : 'linked', target: canary.dir });
  return runOutside(seed, () => bytes, links, keyLines, how, out, cliFormatFor(rnd));
}

async function runOutside(
  seed: Seed,
  edit: (root: string) => Buffer,
  links: Array<{ rel: string; target: string }>,
  keyLines: Set<number>,
  how: string,
  out: CheckOutcome['violations'],
  cliFormat: string,
): Promise<{ violations: CheckOutcome['violations']; how: string }> {
  try {
    let target = seed.file.rel;
    const run = await runOnDisk([], links, { cliFormat, extra: (root) => {
      const files = groupFiles(seed, edit(root)).filter((f) => !links.some((l) => l.rel === f.rel));
      for (const f of files) {
        const abs = path.join(root, f.rel);
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, f.bytes);
      }
      target = seed.file.rel;
    } });
    out.push(...traceViolations(run), ...checkSurfaces(run));
    const seen = canarySeen(run.result, target, keyLines);
    if (seen) out.push({ invariant: 'outside-used', detail: seen });
  } catch (err) {
    out.push({ invariant: 'engine-exception', detail: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
  return { violations: out, how };
}

// ------------------------------------------------------------------ driver

export type InputKind = 'damage' | 'equivalent' | 'file-name' | 'outside';

export interface FuzzOptions {
  seeds: Seed[];
  seed: number;
  /** Input indexes to run (e.g. a worker's share). */
  indexes: Iterable<number>;
  /** Every Nth damage input also goes through the whole engine on a temp repo (0 = never). */
  engineEvery?: number;
  /** Per-input time bound in ms; exceeding it is a violation (the script), or only counted (jest). */
  timeBoundMs?: number;
  /** Stop starting new inputs after this many ms. */
  deadlineMs?: number;
  /** Only inputs of these kinds (the others are skipped, not counted). */
  kinds?: readonly InputKind[];
  onResult?(r: InputResult): void;
  /** Sees each equivalent rewrite with its plain file (the script's `--dump-equivalent`, for an outside oracle). */
  onEquivalent?(index: number, seed: Seed, rw: Rewrite): void;
}

export interface InputResult {
  index: number;
  kind: InputKind;
  seed: string;
  ops: string[];
  ms: number;
  problems: number;
  manifests: number;
  swallowed: boolean;
  plant?: CheckOutcome['plant'];
  /** Disk runs: whether the fs trace saw the gate's calls. */
  traced?: boolean;
  violations: Violation[];
}

/** The kind of input (seed, index): its own stream, so damage inputs stay what they were before kinds existed. */
export function kindOf(seed: number, index: number): InputKind {
  const r = inputRng(seed ^ 0x5bd1e995, index)();
  return r < 0.45 ? 'damage' : r < 0.8 ? 'equivalent' : r < 0.92 ? 'file-name' : 'outside';
}

export interface Input {
  kind: InputKind;
  s: Seed;
  /** Damage: the mutated bytes. */
  m: Mutated;
  /** Equivalent: the rewrite. */
  rw?: Rewrite;
  /** The rest of the input's stream (names, references). */
  rnd: () => number;
}

/** The input for (seed, index), for replaying one input. */
export function inputFor(seeds: Seed[], seed: number, index: number): Input {
  const kind = kindOf(seed, index);
  const rnd = inputRng(seed, index);
  // Planted seeds are drawn more often: they carry the strongest invariant.
  const planted = seeds.filter((s) => s.plant);
  const s = planted.length > 0 && rnd() < 0.3 ? pick(rnd, planted) : pick(rnd, seeds);
  if (kind === 'equivalent') {
    const rw = rewriteEquivalent(s.file.rel, s.file.bytes, rnd);
    if (rw) return { kind, s, m: { bytes: rw.bytes, ops: rw.ops }, rw, rnd };
    return { kind: 'damage', s, m: mutate(s, rnd), rnd };
  }
  if (kind === 'file-name' || kind === 'outside') return { kind, s, m: { bytes: s.file.bytes, ops: [] }, rnd };
  return { kind, s, m: mutate(s, rnd), rnd };
}

export async function runInputs(opts: FuzzOptions): Promise<InputResult[]> {
  const results: InputResult[] = [];
  const start = performance.now();
  for (const index of opts.indexes) {
    if (opts.deadlineMs !== undefined && performance.now() - start > opts.deadlineMs) break;
    if (opts.kinds && !opts.kinds.includes(kindOf(opts.seed, index))) continue;
    const input = inputFor(opts.seeds, opts.seed, index);
    const { s, m, kind } = input;
    const t0 = performance.now();
    let c: CheckOutcome = { violations: [], ms: 0, problems: 0, manifests: 0, swallowed: false };
    let ops = m.ops;
    if (kind === 'damage') {
      c = checkStages(s, m.bytes);
      if ((opts.engineEvery && index % opts.engineEvery === 0) || ops.includes('hostile-text')) c.violations.push(...(await checkEngine(s, m.bytes, cliFormatFor(input.rnd))));
    } else if (kind === 'equivalent') {
      c.violations.push(...checkEquivalent(s, input.rw!));
      opts.onEquivalent?.(index, s, input.rw!);
    } else if (kind === 'file-name') {
      const r = await checkFileName(s, input.rnd);
      c.violations.push(...r.violations);
      ops = [r.renamed ? `rename ${r.renamed}` : 'rename (none applies)'];
    } else {
      const r = await checkOutside(s, input.rnd);
      c.violations.push(...r.violations);
      ops = [`outside ${r.how}`];
    }
    const ms = performance.now() - t0;
    const vs = [...c.violations];
    if (opts.timeBoundMs !== undefined && ms > opts.timeBoundMs) vs.push({ invariant: 'time-bound', detail: `${ms.toFixed(0)} ms > ${opts.timeBoundMs} ms` });
    const r: InputResult = {
      index,
      kind,
      seed: s.id,
      ops,
      ms,
      problems: c.problems,
      manifests: c.manifests,
      swallowed: c.swallowed,
      plant: c.plant,
      violations: vs.map((x) => ({ ...x, seed: s.id, index, ops, input: m.bytes.toString('base64') })),
    };
    results.push(r);
    opts.onResult?.(r);
  }
  return results;
}

/** Default seed roots: examples/ and the corpus fixtures. */
export function defaultRoots(repoRoot: string): string[] {
  return [path.join(repoRoot, 'examples'), path.join(repoRoot, '__tests__', '__fixtures__', 'corpus')];
}
