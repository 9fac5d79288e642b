import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../schema/config.schema.json' with { type: 'json' };
import type { Accelerator, ComputeType, ParsedDoc, SeverityOrOff, Span, Stage } from '../types.js';
import { BUILTIN_EXCLUDES, DEFAULT_INCLUDES } from '../load/files.js';
import { LineIndex, dict, pointerJoin, pointerSplit } from '../load/source.js';
import { parseYaml } from '../load/yaml.js';
import { DEFAULT_LIMITS, type Config, type ConfigCompute, type ConfigModel, type ConfigSku, type Limits, type Waiver } from './types.js';

/** Looked up in this order when no explicit path is given (repo-relative). */
export const CONFIG_FILES = ['.github/model-deploy-gate.yml', '.model-deploy-gate.yml'] as const;

/** A config file is small; anything bigger is a mistake (or an attack on the parser). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * An invalid or unreadable config file. `line`/`column` are 1-based; 0 when the problem concerns
 * the file as a whole (missing, unreadable). The message starts with `file:line:column:`.
 */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(line > 0 ? `${file}:${line}:${column}: ${message}` : `${file}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** The configuration used when no config file exists. */
export function defaultConfig(): Config {
  return {
    defaultStage: 'unknown',
    stages: { production: [], nonproduction: [] },
    include: [...DEFAULT_INCLUDES],
    exclude: [...BUILTIN_EXCLUDES],
    // Null-prototype records: names come from the file, and `__proto__` must stay a plain key.
    rules: dict() as Config['rules'],
    limits: { ...DEFAULT_LIMITS },
    skus: dict() as Config['skus'],
    models: dict() as Config['models'],
    computes: dict() as Config['computes'],
    waivers: [],
  };
}

/**
 * Finds, reads and validates the configuration (SPEC §5): `explicitPath` (relative to root or
 * absolute; must exist), else `.github/model-deploy-gate.yml`, else `.model-deploy-gate.yml`,
 * else defaults. `knownRules`, when given, is the list of valid rule ids for `rules:` and waivers.
 * Throws ConfigError.
 */
export async function loadConfig(root: string, explicitPath?: string, knownRules?: string[]): Promise<Config> {
  const absRoot = path.resolve(root);
  const candidates = explicitPath !== undefined ? [path.resolve(absRoot, explicitPath)] : CONFIG_FILES.map((f) => path.join(absRoot, f));
  for (const abs of candidates) {
    const shown = displayPath(absRoot, abs);
    let buf: Buffer;
    try {
      const st = await fsp.stat(abs);
      if (!st.isFile()) throw new ConfigError('config path is not a file', shown, 0, 0);
      if (st.size > MAX_CONFIG_BYTES) {
        throw new ConfigError(`config file is ${st.size} bytes, over the ${MAX_CONFIG_BYTES}-byte cap`, shown, 0, 0);
      }
      buf = await fsp.readFile(abs);
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && explicitPath === undefined) continue;
      throw new ConfigError(
        code === 'ENOENT' ? 'config file not found (given explicitly, so it must exist)' : `cannot read config file: ${code ?? (err as Error).message}`,
        shown,
        0,
        0,
      );
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      throw new ConfigError('config file is not valid UTF-8 text', shown, 0, 0);
    }
    return parseConfig(text, shown, knownRules);
  }
  return defaultConfig();
}

/** Repo-relative with `/` when inside root, else the absolute path. */
function displayPath(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return abs.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

/** Parses and validates config text; `file` is the path used in messages and `Config.source`. Throws ConfigError. */
export function parseConfig(text: string, file: string, knownRules?: string[]): Config {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = new LineIndex(text);
  const parsed = parseYaml(text, lines);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    throw new ConfigError(p.message, file, p.line, p.column);
  }
  if (parsed.docs.length > 1) {
    const d = parsed.docs[1];
    throw new ConfigError('the config file must hold a single YAML document (found a second one)', file, d.start.line, d.start.column);
  }
  const doc: ParsedDoc = parsed.docs[0] ?? {
    value: Object.create(null) as Record<string, unknown>,
    keys: new Map(),
    values: new Map(),
    start: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    index: 0,
  };
  const raw = doc.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError('the config must be a mapping of settings (default-stage, stages, rules, limits, …)', file, doc.start.line, doc.start.column);
  }
  const data = raw as Record<string, unknown>;
  normaliseOff(data);

  const validate = validator();
  if (!validate(data)) {
    // Reported top to bottom, as the reader goes through the file.
    const errors = pickErrors(validate.errors ?? [])
      .map((e) => ({ ...e, span: locate(doc, e.ptr) }))
      .sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
    const first = errors[0];
    const more = errors.slice(1, 5).map((e) => `\n  also ${file}:${e.span.line}:${e.span.column}: ${e.text}`);
    throw new ConfigError(first.text + more.join(''), file, first.span.line, first.span.column);
  }
  const cfg = build(data);
  cfg.source = { path: file, doc };
  checkSemantics(cfg, doc, file, knownRules);
  return cfg;
}

// ------------------------------------------------------------------ validation

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use (no work at import time). */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, code: { optimize: false } });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/**
 * YAML 1.1 reads an unquoted `off` as false; users mean the severity. The published schema is for
 * YAML 1.2 editors (where `off` is a string), so the value is mapped before validation.
 */
function normaliseOff(data: Record<string, unknown>): void {
  const rules = data['rules'];
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return;
  const r = rules as Record<string, unknown>;
  for (const id of Object.keys(r)) {
    const v = r[id];
    if (v === false) r[id] = 'off';
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (o['severity'] === false) o['severity'] = 'off';
    }
  }
}

interface Problem {
  ptr: string;
  text: string;
}

/** Turns ajv errors into one message per offending key. */
function pickErrors(errors: ErrorObject[]): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  // A rule value is a severity or `{ severity }` (a oneOf): a mismatch of one alternative is noise
  // unless the value is a mapping with its own mistake (`severity: bad`, an extra key).
  const isAlternativeMismatch = (e: ErrorObject) => /\/oneOf\/(0\/(enum|type)|1\/type)$/.test(e.schemaPath);
  const specificInside = (base: string) =>
    errors.some((x) => x.keyword !== 'oneOf' && !isAlternativeMismatch(x) && x.schemaPath.includes('/oneOf/1/') && (x.instancePath === base || x.instancePath.startsWith(base + '/')));
  for (const e of errors) {
    if (isAlternativeMismatch(e)) continue;
    let ptr = e.instancePath;
    let text: string;
    if (e.keyword === 'oneOf') {
      if (specificInside(ptr)) continue;
      text = `${keyName(ptr)} must be one of error, warning, notice, off (or { severity: … })`;
    } else if (e.keyword === 'additionalProperties') {
      ptr = pointerJoin(ptr, String((e.params as { additionalProperty: string }).additionalProperty));
      text = describe(e, ptr);
    } else {
      text = describe(e, ptr);
    }
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ ptr, text });
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

function describe(e: ErrorObject, ptr: string): string {
  const key = keyName(ptr);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': {
      const t = String(p['type']);
      return `${key} must be ${TYPE_WORDS[t] ?? t}`;
    }
    case 'enum':
      return `${key} must be one of ${(p['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'required':
      return `${key === '(root)' ? 'the config' : key} is missing the required key "${String(p['missingProperty'])}"`;
    case 'additionalProperties': {
      const parent = keyName(pointerSplit(ptr).slice(0, -1).reduce((acc, s) => pointerJoin(acc, s), ''));
      const allowed = allowedKeys(ptr);
      return `${key} is not a known setting${parent === '(root)' ? '' : ` of ${parent}`}${allowed.length ? `; expected one of ${allowed.join(', ')}` : ''}`;
    }
    case 'exclusiveMinimum':
      return `${key} must be a number greater than ${String(p['limit'])}`;
    case 'minimum':
      return `${key} must be ${String(p['limit'])} or more`;
    case 'minLength':
    case 'pattern':
      if (pointerSplit(ptr).at(-1) === 'expires') return `${key} must be a date written YYYY-MM-DD`;
      return `${key} must not be empty`;
    default:
      return `${key} ${e.message ?? 'is invalid'}`;
  }
}

/** `limits.aci-max-memory-gb`, `waivers[0].expires`, `skus["Standard.X"]` for a JSON Pointer. */
export function keyName(ptr: string): string {
  const segs = pointerSplit(ptr);
  if (segs.length === 0) return '(root)';
  let out = '';
  for (const s of segs) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z0-9_$-]+$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
}

/** The schema node describing a pointer (walking properties / additionalProperties / items). */
function schemaAt(ptr: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema as SchemaNode;
  for (const s of pointerSplit(ptr)) {
    if (!node) return undefined;
    if (node.type === 'array') node = node.items;
    else if (node.properties && s in node.properties) node = node.properties[s];
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') node = node.additionalProperties;
    else return undefined;
  }
  return node;
}

function allowedKeys(ptr: string): string[] {
  const parent = schemaAt(pointerSplit(ptr).slice(0, -1).reduce((acc, s) => pointerJoin(acc, s), ''));
  return parent?.properties ? Object.keys(parent.properties).filter((k) => k !== '$schema') : [];
}

/** Span of a pointer's key, else its value, else the nearest ancestor's, else the document start. */
function locate(doc: ParsedDoc, ptr: string): Span {
  let segs = pointerSplit(ptr);
  for (;;) {
    const p = segs.reduce((acc, s) => pointerJoin(acc, s), '');
    const s = doc.keys.get(p) ?? (p !== '' ? doc.values.get(p) : undefined);
    if (s) return s;
    if (segs.length === 0) return doc.start;
    segs = segs.slice(0, -1);
  }
}

// ------------------------------------------------------------------ mapping (kebab-case file → Config)

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : (Object.create(null) as Obj);
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.map(String) : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** Builds the Config from a document the schema accepted. */
function build(data: Obj): Config {
  const cfg = defaultConfig();
  if (typeof data['default-stage'] === 'string') cfg.defaultStage = data['default-stage'] as Stage;
  const stages = obj(data['stages']);
  cfg.stages.production = strings(stages['production']) ?? [];
  cfg.stages.nonproduction = strings(stages['nonproduction']) ?? [];
  cfg.include = strings(data['include']) ?? cfg.include;
  // `exclude` adds to the built-in excludes, never replaces them.
  cfg.exclude = [...new Set([...BUILTIN_EXCLUDES, ...(strings(data['exclude']) ?? [])])];

  const rules = obj(data['rules']);
  for (const id of Object.keys(rules)) {
    const v = rules[id];
    cfg.rules[id] = (typeof v === 'string' ? v : obj(v)['severity']) as SeverityOrOff;
  }

  const limits = obj(data['limits']);
  for (const k of Object.keys(DEFAULT_LIMITS) as Array<keyof Limits>) {
    const v = num(limits[k]);
    if (v !== undefined) cfg.limits[k] = v;
  }

  const skus = obj(data['skus']);
  for (const name of Object.keys(skus)) {
    const s = obj(skus[name]);
    const sku: ConfigSku = {
      vcpus: num(s['vcpus']) ?? 0,
      memoryGb: num(s['memory-gb']) ?? 0,
      gpus: num(s['gpus']) ?? 0,
      managedOnline: s['managed-online'] === true,
    };
    if (typeof s['fpga'] === 'boolean') sku.fpga = s['fpga'];
    cfg.skus[name] = sku;
  }

  const models = obj(data['models']);
  for (const name of Object.keys(models)) {
    const m = obj(models[name]);
    const model: ConfigModel = {};
    if (num(m['memory-gb']) !== undefined) model.memoryGb = num(m['memory-gb']);
    if (num(m['size-bytes']) !== undefined) model.sizeBytes = num(m['size-bytes']);
    if (typeof m['accelerator'] === 'string') model.accelerator = m['accelerator'] as Accelerator;
    cfg.models[name] = model;
  }

  const computes = obj(data['computes']);
  for (const name of Object.keys(computes)) {
    const c = obj(computes[name]);
    const compute: ConfigCompute = { type: c['type'] as ComputeType };
    if (typeof c['vm-size'] === 'string') compute.vmSize = c['vm-size'];
    if (num(c['nodes']) !== undefined) compute.nodes = num(c['nodes']);
    if (num(c['min-nodes']) !== undefined) compute.minNodes = num(c['min-nodes']);
    if (num(c['max-nodes']) !== undefined) compute.maxNodes = num(c['max-nodes']);
    // v2 spells it `low_priority`, v1 `lowpriority`: one value inside.
    if (typeof c['tier'] === 'string') compute.tier = c['tier'] === 'dedicated' ? 'dedicated' : 'lowpriority';
    if (typeof c['purpose'] === 'string') compute.purpose = c['purpose'];
    cfg.computes[name] = compute;
  }

  const waivers = Array.isArray(data['waivers']) ? data['waivers'] : [];
  cfg.waivers = waivers.map((w, index): Waiver => {
    const o = obj(w);
    return {
      rule: String(o['rule']),
      path: String(o['path']),
      reason: String(o['reason']).trim(),
      owner: String(o['owner']).trim(),
      expires: String(o['expires']),
      index,
    };
  });
  return cfg;
}

// ------------------------------------------------------------------ checks the schema cannot express

function checkSemantics(cfg: Config, doc: ParsedDoc, file: string, knownRules: string[] | undefined): void {
  const fail = (ptr: string, message: string): never => {
    const s = locate(doc, ptr);
    throw new ConfigError(message, file, s.line, s.column);
  };
  if (knownRules) {
    const known = new Set(knownRules);
    for (const id of Object.keys(cfg.rules)) {
      if (!known.has(id)) fail(pointerJoin('/rules', id), unknownRule(`rules.${id}`, id, knownRules));
    }
    for (const w of cfg.waivers) {
      if (!known.has(w.rule)) fail(`/waivers/${w.index}/rule`, unknownRule(`waivers[${w.index}].rule`, w.rule, knownRules));
    }
  }
  for (const w of cfg.waivers) {
    if (!isCalendarDate(w.expires)) {
      fail(`/waivers/${w.index}/expires`, `waivers[${w.index}].expires: ${w.expires} is not a calendar date (YYYY-MM-DD)`);
    }
  }
  for (const name of Object.keys(cfg.computes)) {
    const c = cfg.computes[name];
    if (c.minNodes !== undefined && c.maxNodes !== undefined && c.minNodes > c.maxNodes) {
      fail(pointerJoin(pointerJoin('/computes', name), 'min-nodes'), `${keyName(pointerJoin('/computes', name))}: min-nodes (${c.minNodes}) is greater than max-nodes (${c.maxNodes})`);
    }
  }
}

function unknownRule(where: string, id: string, knownRules: string[]): string {
  const near = nearest(id, knownRules);
  return `${where}: unknown rule id "${id}"${near ? ` (did you mean "${near}"?)` : ''}; valid ids: ${[...knownRules].sort().join(', ')}`;
}

/** A real day of the Gregorian calendar (rejects 2027-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The closest candidate by edit distance, if close enough to be a likely typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  // A truncated id (`aci-not-for-prod`) is a likelier slip than an edit-distance neighbour.
  if (w.length >= 4) {
    const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(w));
    if (prefixed.length === 1) return prefixed[0];
  }
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
