// Config text → Config, validated by the published JSON schema (the only source of defaults:
// ajv `useDefaults` fills them in). Problems are returned as values, never thrown.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../schema/config.schema.json' with { type: 'json' };
import type { Accelerator, ComputeType, ParsedDoc, SeverityOrOff, Stage } from '../core/types.js';
import { dict, pointerJoin, pointerSplit, spanAt } from '../core/pointer.js';
import { nearest } from '../core/text.js';
import { LineIndex } from '../parse/lines.js';
import { parseYaml } from '../parse/yaml.js';
import type { Config, ConfigCompute, ConfigModel, ConfigOutcome, ConfigProblem, ConfigSku, Limits, Waiver } from './types.js';

/** Excludes that always apply, whatever the config says (SPEC §5: `exclude` adds to them). */
export const BUILTIN_EXCLUDES: readonly string[] = ['node_modules/**', '.git/**', 'dist/**'];

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use (no work at import time). */
export function validator(): ValidateFunction {
  // Unoptimised code compiles ~40 % faster; a config is validated once per run. The schema is ours and
  // fixed (tests compile it strictly): no need to check it against the meta-schema on every run.
  compiled ??= new Ajv({ allErrors: true, strict: true, useDefaults: true, validateSchema: false, code: { optimize: false } }).compile(schema);
  return compiled;
}

/**
 * The configuration used when no config file exists: the schema's defaults, filled in as ajv's
 * `useDefaults` fills them into an empty config (a test checks the two agree), without compiling the
 * schema — that compile is most of the action's start-up on a repository without a config file.
 */
export function defaultConfig(): Config {
  const data = dict();
  fillDefaults(schema as unknown as SchemaNode, data);
  return build(data);
}

interface SchemaNode {
  default?: unknown;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
}

/** ajv `useDefaults` for `properties` (and object `additionalProperties`), the keywords the config schema uses. */
export function fillDefaults(node: SchemaNode, data: Record<string, unknown>): void {
  const props = node.properties ?? {};
  for (const [k, sub] of Object.entries(props)) {
    if (!Object.hasOwn(data, k) && sub.default !== undefined) data[k] = structuredClone(sub.default);
  }
  for (const [k, v] of Object.entries(data)) {
    const sub = Object.hasOwn(props, k) ? props[k] : typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    if (sub && v !== null && typeof v === 'object' && !Array.isArray(v)) fillDefaults(sub, v as Record<string, unknown>);
  }
}

/** Parses and validates config text; `file` is the path used in messages and `Config.source`. */
export function parseConfig(text: string, file: string, knownRules?: readonly string[]): ConfigOutcome {
  const fail = (line: number, column: number, message: string): ConfigOutcome => ({ ok: false, problems: [{ file, line, column, message }] });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = parseYaml(text, new LineIndex(text));
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    return fail(p.line, p.column, p.message);
  }
  if (parsed.docs.length > 1) {
    const d = parsed.docs[1];
    return fail(d.start.line, d.start.column, 'the config file must hold a single YAML document (found a second one)');
  }
  const doc: ParsedDoc = parsed.docs[0] ?? {
    value: dict(),
    keys: new Map(),
    values: new Map(),
    start: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    index: 0,
  };
  const raw = doc.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail(doc.start.line, doc.start.column, 'the config must be a mapping of settings (default-stage, stages, rules, limits, …)');
  }
  const data = raw as Record<string, unknown>;
  normaliseOff(data);

  const validate = validator();
  if (!validate(data)) {
    // Reported top to bottom, as the reader goes through the file.
    const problems = pickErrors(validate.errors ?? [])
      .map((e): ConfigProblem => {
        const s = spanAt(doc, e.ptr);
        return { file, line: s.line, column: s.column, message: e.text };
      })
      .sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, problems };
  }
  const cfg = build(data);
  cfg.source = { path: file, doc };
  const problems = checkSemantics(cfg, doc, file, knownRules);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: cfg };
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

// ------------------------------------------------------------------ schema errors → sentences

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
      const near = nearest(pointerSplit(ptr).at(-1) ?? '', allowed);
      return (
        `${key} is not a known setting${parent === '(root)' ? '' : ` of ${parent}`}` +
        `${near ? ` (did you mean "${near}"?)` : ''}${allowed.length ? `; expected one of ${allowed.join(', ')}` : ''}`
      );
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

// ------------------------------------------------------------------ mapping (kebab-case file → Config)

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : dict();
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** Builds the Config from a document the schema accepted (and filled with its defaults). */
function build(data: Obj): Config {
  const stages = obj(data['stages']);
  const cfg: Config = {
    defaultStage: data['default-stage'] as Stage,
    stages: { production: strings(stages['production']), nonproduction: strings(stages['nonproduction']) },
    include: strings(data['include']),
    // `exclude` adds to the built-in excludes, never replaces them.
    exclude: [...new Set([...BUILTIN_EXCLUDES, ...strings(data['exclude'])])],
    // Null-prototype records: names come from the file, and `__proto__` must stay a plain key.
    rules: dict(),
    limits: { ...(obj(data['limits']) as unknown as Limits) },
    skus: dict(),
    models: dict(),
    computes: dict(),
    waivers: [],
  };

  const rules = obj(data['rules']);
  for (const id of Object.keys(rules)) {
    const v = rules[id];
    cfg.rules[id] = (typeof v === 'string' ? v : obj(v)['severity']) as SeverityOrOff;
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
    if (s['fpga'] === true) sku.fpga = true;
    if (typeof s['family'] === 'string') sku.family = s['family'];
    if (typeof s['quota-exempt'] === 'boolean') sku.quotaExempt = s['quota-exempt'];
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

  const quota = obj(data['quota']);
  if (Object.keys(quota).length > 0) {
    cfg.quota = dict();
    for (const family of Object.keys(quota)) if (num(quota[family]) !== undefined) cfg.quota[family] = num(quota[family])!;
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

function checkSemantics(cfg: Config, doc: ParsedDoc, file: string, knownRules: readonly string[] | undefined): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const at = (ptr: string, message: string): void => {
    const s = spanAt(doc, ptr);
    problems.push({ file, line: s.line, column: s.column, message });
  };
  if (knownRules) {
    const known = new Set(knownRules);
    for (const id of Object.keys(cfg.rules)) {
      if (!known.has(id)) at(pointerJoin('/rules', id), unknownRule(`rules.${id}`, id, knownRules));
    }
    for (const w of cfg.waivers) {
      if (!known.has(w.rule)) at(`/waivers/${w.index}/rule`, unknownRule(`waivers[${w.index}].rule`, w.rule, knownRules));
    }
  }
  for (const w of cfg.waivers) {
    if (!isCalendarDate(w.expires)) at(`/waivers/${w.index}/expires`, `waivers[${w.index}].expires: ${w.expires} is not a calendar date (YYYY-MM-DD)`);
  }
  for (const name of Object.keys(cfg.computes)) {
    const c = cfg.computes[name];
    if (c.minNodes !== undefined && c.maxNodes !== undefined && c.minNodes > c.maxNodes) {
      const base = pointerJoin('/computes', name);
      at(pointerJoin(base, 'min-nodes'), `${keyName(base)}: min-nodes (${c.minNodes}) is greater than max-nodes (${c.maxNodes})`);
    }
  }
  return problems.slice(0, 1);
}

function unknownRule(where: string, id: string, knownRules: readonly string[]): string {
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
