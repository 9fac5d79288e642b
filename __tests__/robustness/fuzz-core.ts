/**
 * Deterministic fuzzer over real manifests (the shared corpus and examples/).
 *
 * Each input is fully defined by (seed, index): a seed file is picked, 1–3 mutations are applied
 * (byte flips, truncation, key deletion, value type swaps, line duplication, indentation shifts,
 * `{{X}}` templates, `&a`/`*a` anchors, CRLF/BOM), and the mutated file is run, with its
 * unmutated neighbours, through the real pipeline: parseBuffer → recognise → normalise →
 * buildInventory → rules (and, for a sample, the whole engine on a temp repository).
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
import { evaluate } from '../../src/engine.js';
import { resultOf } from '../helpers.js';
import type { Config } from '../../src/config/types.js';
import type { Finding, LoadedFile, ParsedDoc } from '../../src/core/types.js';

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
    moved.add(at >= 0 && r > at ? r + delta : r);
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
  for (let k = 0; k < n; k++) {
    if (rnd() < 0.08) {
      const toCrlf = rnd() < 0.75;
      if (toCrlf) crlf = true;
      else bom = true;
      ops.push(toCrlf ? 'crlf' : 'bom');
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
  return { bytes: Buffer.concat(chunks), ops };
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

/** Whole engine on a temp repository: no exception, parse problems fail the run, plant reported. */
export async function checkEngine(seed: Seed, bytes: Buffer): Promise<CheckOutcome['violations']> {
  const out: CheckOutcome['violations'] = [];
  const root = mkdtempSync(path.join(tmpdir(), 'mdg-fuzz-'));
  try {
    for (const f of [...seed.neighbours, { rel: seed.file.rel, bytes }]) {
      const abs = path.join(root, f.rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, f.bytes);
    }
    const target = load(root, seed.file.rel, bytes);
    const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'fuzz' }));
    if (target && target.problems.length > 0) {
      if (!r.findings.some((f) => f.file === seed.file.rel && f.ruleId === 'parse-error')) out.push({ invariant: 'engine-parse-error', detail: 'loader problem not reported as parse-error' });
      if (r.summary.result !== 'fail') out.push({ invariant: 'engine-passes-blind', detail: 'run passed although a manifest-looking file could not be read' });
    }
    if (seed.plant && target) {
      const doc = target.docs.find((d) => isMap(d.value) && seed.plant!.applies(d.value) && valueAt(d.value, seed.plant!.ptr) === seed.plant!.value);
      if (doc && !r.findings.some((f) => f.file === seed.file.rel && f.ruleId === seed.plant!.ruleId)) {
        out.push({ invariant: 'engine-planted-missed', detail: `${seed.plant.ruleId} not reported by evaluate()` });
      }
    }
  } catch (err) {
    out.push({ invariant: 'engine-exception', detail: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return out;
}

// ------------------------------------------------------------------ driver

export interface FuzzOptions {
  seeds: Seed[];
  seed: number;
  /** Input indexes to run (e.g. a worker's share). */
  indexes: Iterable<number>;
  /** Every Nth input also goes through the whole engine on a temp repo (0 = never). */
  engineEvery?: number;
  /** Per-input time bound in ms; exceeding it is a violation (the script), or only counted (jest). */
  timeBoundMs?: number;
  /** Stop starting new inputs after this many ms. */
  deadlineMs?: number;
  onResult?(r: InputResult): void;
}

export interface InputResult {
  index: number;
  seed: string;
  ops: string[];
  ms: number;
  problems: number;
  manifests: number;
  swallowed: boolean;
  plant?: CheckOutcome['plant'];
  violations: Violation[];
}

/** The mutated input for (seed, index), for replaying one input. */
export function inputFor(seeds: Seed[], seed: number, index: number): { s: Seed; m: Mutated } {
  const rnd = inputRng(seed, index);
  // Planted seeds are drawn more often: they carry the strongest invariant.
  const planted = seeds.filter((s) => s.plant);
  const s = planted.length > 0 && rnd() < 0.3 ? pick(rnd, planted) : pick(rnd, seeds);
  return { s, m: mutate(s, rnd) };
}

export async function runInputs(opts: FuzzOptions): Promise<InputResult[]> {
  const results: InputResult[] = [];
  const start = performance.now();
  for (const index of opts.indexes) {
    if (opts.deadlineMs !== undefined && performance.now() - start > opts.deadlineMs) break;
    const { s, m } = inputFor(opts.seeds, opts.seed, index);
    const c = checkStages(s, m.bytes);
    const vs = [...c.violations];
    if (opts.timeBoundMs !== undefined && c.ms > opts.timeBoundMs) vs.push({ invariant: 'time-bound', detail: `${c.ms.toFixed(0)} ms > ${opts.timeBoundMs} ms` });
    if (opts.engineEvery && index % opts.engineEvery === 0) vs.push(...(await checkEngine(s, m.bytes)));
    const r: InputResult = {
      index,
      seed: s.id,
      ops: m.ops,
      ms: c.ms,
      problems: c.problems,
      manifests: c.manifests,
      swallowed: c.swallowed,
      plant: c.plant,
      violations: vs.map((x) => ({ ...x, seed: s.id, index, ops: m.ops, input: m.bytes.toString('base64') })),
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
