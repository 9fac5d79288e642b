import { _, Ajv, Name, type ErrorObject, type SchemaValidateFunction, type ValidateFunction } from 'ajv';
import { validators as precompiled } from './validators.generated.js';
import type { Manifest, SchemaIssue } from '../../core/types.js';
import { dotted, isMapping, pointerJoin, valueIn } from '../../core/pointer.js';
import { isPlaceholder } from './placeholder.js';
import { isQuantity, parseQuantity } from './quantity.js';
import { firstKeyPtr, isNumericString, toBool, toNumber } from './values.js';

/**
 * The toolkit for each family's JSON schema, checked with ajv. Unknown keys are allowed here (they are
 * `unknown-key`'s job). Checks are custom keywords so that each one tolerates what Azure's own
 * loaders accept — numeric strings where the v1 SDK calls float() and marshmallow parses text,
 * YAML-1.1 boolean words, enum casing the SDK normalises — and writes a message for a person.
 * Templates (`{{X}}`) and placeholders (`<your-name>`) are unknown values, never errors; so is null.
 */

export type Schema = { [key: string]: unknown };

export interface NumberSpec {
  integer?: boolean;
  min?: number;
  exclusiveMin?: number;
  max?: number;
  /** Accept numeric strings (v1 float(), marshmallow); the aml-actions validate JSON types strictly. */
  strings?: boolean;
  hint?: string;
}
interface EnumSpec {
  values: string[];
  /** exact (JSON Schema enum), ci (v1 lower-cases), snake (azure-ai-ml camel_to_snake + lower case). */
  match: 'exact' | 'ci' | 'snake';
  hint?: string;
  /** An empty value is an error (v1 `computeType`: "Need to specify computeType"). */
  notNull?: boolean;
}

// ---------------------------------------------------------------- messages

function describe(v: unknown): string {
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (Array.isArray(v)) return 'a list';
  if (isMapping(v)) return 'a mapping';
  return `\`${String(v)}\``;
}

function skip(v: unknown): boolean {
  return v === null || v === undefined || isPlaceholder(v);
}

function withHint(msg: string, hint?: string): string {
  return hint ? `${msg} ${hint}` : msg;
}

function fail(fn: SchemaValidateFunction, message: string, params: Record<string, unknown> = {}): false {
  fn.errors = [{ message, params }];
  return false;
}

const checkNumber: SchemaValidateFunction = function checkNumber(spec: NumberSpec, data: unknown): boolean {
  if (skip(data)) return true;
  if (typeof data === 'number' && !Number.isFinite(data)) {
    // YAML `.inf`/`.nan`, JSON `1e400`: no Azure loader turns these into a usable size.
    return fail(checkNumber, `must be a finite number; found ${Number.isNaN(data) ? 'NaN' : data > 0 ? 'infinity' : 'minus infinity'}.`);
  }
  const n = typeof data === 'number' ? data : spec.strings && isNumericString(data) ? toNumber(data) : undefined;
  if (n === undefined) {
    const what = spec.integer ? 'a whole number' : 'a number';
    const extra = typeof data === 'string' && !spec.strings && isNumericString(data) ? ' (write it without quotes: the action validates JSON types)' : '';
    // The hint speaks of ranges (e.g. "a zero or negative size…"): not for values of the wrong type.
    return fail(checkNumber, `must be ${what}; found ${describe(data)}${extra}.`);
  }
  if (spec.integer && !Number.isInteger(n)) return fail(checkNumber, withHint(`must be a whole number; found ${n}.`, spec.hint));
  if (spec.exclusiveMin !== undefined && !(n > spec.exclusiveMin)) {
    return fail(checkNumber, withHint(`must be greater than ${spec.exclusiveMin}; found ${n}.`, spec.hint));
  }
  if (spec.min !== undefined && n < spec.min) return fail(checkNumber, withHint(`must be at least ${spec.min}; found ${n}.`, spec.hint));
  if (spec.max !== undefined && n > spec.max) return fail(checkNumber, withHint(`must be at most ${spec.max}; found ${n}.`, spec.hint));
  return true;
};

const checkBool: SchemaValidateFunction = function checkBool(spec: { strings?: boolean }, data: unknown): boolean {
  if (skip(data) || typeof data === 'boolean') return true;
  if (spec.strings && toBool(data) !== undefined) return true;
  return fail(checkBool, `must be true or false; found ${describe(data)}.`);
};

function snake(s: string): string {
  return s.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

const checkEnum: SchemaValidateFunction = function checkEnum(spec: EnumSpec, data: unknown): boolean {
  if (data === null && spec.notNull) return fail(checkEnum, withHint(`is empty; allowed values: ${spec.values.join(', ')}.`, spec.hint));
  if (skip(data)) return true;
  if (typeof data === 'string') {
    const norm = spec.match === 'exact' ? data : spec.match === 'ci' ? data.trim().toLowerCase() : snake(data);
    const allowed = spec.values.map((v) => (spec.match === 'exact' ? v : v.toLowerCase()));
    if (allowed.includes(norm)) return true;
  }
  return fail(checkEnum, withHint(`is ${describe(data)}; allowed values: ${spec.values.join(', ')}.`, spec.hint));
};

const checkString: SchemaValidateFunction = function checkString(_spec: unknown, data: unknown): boolean {
  if (skip(data) || typeof data === 'string') return true;
  return fail(checkString, `must be text; found ${describe(data)}.`);
};

const checkTextOrNumber: SchemaValidateFunction = function checkTextOrNumber(_spec: unknown, data: unknown): boolean {
  if (skip(data) || typeof data === 'string' || typeof data === 'number') return true;
  return fail(checkTextOrNumber, `must be text or a number; found ${describe(data)}.`);
};

const checkQuantity: SchemaValidateFunction = function checkQuantity(spec: { kind: 'cpu' | 'memory' }, data: unknown): boolean {
  if (skip(data)) return true;
  const example = spec.kind === 'cpu' ? '"500m" or "2"' : '"512Mi" or "4Gi"';
  if (!(typeof data === 'number' || (typeof data === 'string' && isQuantity(data)))) {
    return fail(checkQuantity, `must be a Kubernetes quantity such as ${example}; found ${describe(data)}.`);
  }
  const n = parseQuantity(data);
  if (!(n !== undefined && n > 0)) return fail(checkQuantity, `must be greater than 0; found ${describe(data)}: a container cannot run with no ${spec.kind}.`);
  return true;
};

/**
 * A check over pairs of numeric keys of one mapping: `wrong(a, b)` says the first key's value is
 * off against the second's; the finding names the first key.
 */
function pairCheck(wrong: (a: number, b: number) => boolean, say: (first: string, second: string, a: number, b: number) => string): SchemaValidateFunction {
  const check: SchemaValidateFunction = function check(pairs: Array<[string, string]>, data: unknown): boolean {
    if (!isMapping(data)) return true;
    for (const [first, second] of pairs) {
      const a = toNumber(data[first]);
      const b = toNumber(data[second]);
      if (a !== undefined && b !== undefined && wrong(a, b)) return fail(check, say(first, second, a, b), { key: first });
    }
    return true;
  };
  return check;
}

/** On a mapping: each `[minKey, maxKey]` pair must have min ≤ max (reported at the min key). */
const checkMinMax = pairCheck(
  (a, b) => a > b,
  (lo, hi, a, b) => `is ${a}, above \`${hi}\` (${b}): lower \`${lo}\` or raise \`${hi}\`.`,
);

/** On a mapping: each `[limitKey, requestKey]` pair must have limit ≥ request (reported at the limit key). */
const checkNotBelow = pairCheck(
  (a, b) => a < b,
  (limit, request, a, b) => `is ${a}, below \`${request}\` (${b}), which the SDK rejects: raise \`${limit}\` or lower \`${request}\`.`,
);

// ---------------------------------------------------------------- schema builders

export function obj(properties: Record<string, Schema>, extra: Schema = {}): Schema {
  return { type: 'object', properties, ...extra };
}
export const map: Schema = { type: 'object' };
export const text: Schema = { mdgString: {} };
export const textOrNumber: Schema = { mdgTextOrNumber: {} };
export const SIZE_HINT = 'A zero or negative size cannot be deployed.';

/** Schema builders with one family's value conventions (numeric strings accepted or not, enum matching). */
export interface Vocabulary {
  num(spec?: NumberSpec): Schema;
  int(min: number, spec?: NumberSpec): Schema;
  pos(hint?: string): Schema;
  flag: Schema;
  oneOf(values: string[], hint?: string, notNull?: boolean): Schema;
}

export function vocabulary(strings: boolean, match: EnumSpec['match']): Vocabulary {
  return {
    num: (spec = {}) => ({ mdgNumber: { strings, ...spec } }),
    int: (min, spec = {}) => ({ mdgNumber: { strings, integer: true, min, ...spec } }),
    pos: (hint) => ({ mdgNumber: { strings, exclusiveMin: 0, ...(hint ? { hint } : {}) } }),
    flag: { mdgBool: { strings } },
    oneOf: (values, hint, notNull) => ({ mdgEnum: { values, match, ...(hint ? { hint } : {}), ...(notNull ? { notNull } : {}) } }),
  };
}

// ---------------------------------------------------------------- validation

/** The vocabulary of CLI v2 YAML (marshmallow: numeric strings, camelCase enums turned snake_case). */
export const V2 = vocabulary(true, 'snake');

/** The identity-type enum every v2 compute and endpoint shares. */
export function identitySchema(): Schema {
  return obj({ type: V2.oneOf(['system_assigned', 'user_assigned', 'system_assigned,user_assigned', 'none']) });
}

/** The custom keywords, by name: what `Ajv.addKeyword` gets, and what precompiled validators call. */
export const KEYWORDS: Readonly<Record<string, { schemaType: 'object' | 'array'; validate: SchemaValidateFunction }>> = {
  mdgNumber: { schemaType: 'object', validate: checkNumber },
  mdgBool: { schemaType: 'object', validate: checkBool },
  mdgEnum: { schemaType: 'object', validate: checkEnum },
  mdgString: { schemaType: 'object', validate: checkString },
  mdgTextOrNumber: { schemaType: 'object', validate: checkTextOrNumber },
  mdgQuantity: { schemaType: 'object', validate: checkQuantity },
  mdgMinMax: { schemaType: 'array', validate: checkMinMax },
  mdgNotBelow: { schemaType: 'array', validate: checkNotBelow },
};

/**
 * An Ajv with the gate's keywords. The schemas are ours (strict mode still rejects unknown keywords):
 * not checked against the meta-schema. `source` keeps the generated code (scripts/gen-validators.ts),
 * with each keyword named `keywords.<name>` in it; at run time unoptimised code compiles ~40 % faster.
 */
export function newAjv(source = false): Ajv {
  const a = new Ajv({ allErrors: true, strict: true, validateSchema: false, code: source ? { source: true, optimize: true } : { optimize: false } });
  for (const [keyword, def] of Object.entries(KEYWORDS)) {
    // Registered first, the keyword's function has code a standalone module can print (ajv reuses the name).
    if (source) a.scope.value('keyword', { ref: def.validate, code: _`keywords.${new Name(keyword)}` });
    a.addKeyword({ keyword, schemaType: def.schemaType, errors: true, validate: def.validate });
  }
  return a;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();
let built: Readonly<Record<string, ValidateFunction>> | undefined;

/**
 * A validator per schema key (the kind): precompiled at build time (validators.generated.ts, kept
 * equal to the schemas by a test), else compiled once, on first use.
 */
function validator(key: string, schema: () => Schema): ValidateFunction {
  built ??= precompiled(KEYWORDS);
  const pre = built[key];
  if (pre) return pre;
  let v = compiled.get(key);
  if (v) return v;
  ajv ??= newAjv();
  v = ajv.compile(schema());
  compiled.set(key, v);
  return v;
}

/** How to add a required key, where there is more to say than its name. */
const REQUIRED_HINTS: Record<string, string> = {
  instance_type: 'add the VM SKU, e.g. `instance_type: Standard_DS3_v2` (one allowed on managed online endpoints)',
  instance_count: 'add `instance_count:` (3 or more for production)',
  type: 'add `type: kubernetes` (without it the Azure ML CLI v2 loads the file as a managed online deployment)',
};

function requiredIssue(m: Manifest, parent: string, missing: string[]): SchemaIssue {
  const top = parent === '';
  const names = missing.map((k) => `\`${top ? k : `${dotted(parent)}.${k}`}\``);
  const hints = missing.map((k, i) => REQUIRED_HINTS[k] ?? `add ${names[i]}`);
  return {
    // A top-level field has no key of its own: the document's first key (SPEC §4).
    ptr: top ? firstKeyPtr(m) : parent,
    message: `${m.kind} requires ${names.join(' and ')}, which this file does not set: ${hints.join('; ')}.`,
  };
}

function issueOf(m: Manifest, e: ErrorObject): SchemaIssue | undefined {
  const data = valueIn(m.data, e.instancePath);
  if (e.keyword === 'type') {
    if (skip(data)) return undefined;
    return { ptr: e.instancePath, message: `\`${dotted(e.instancePath)}\` must be a mapping of keys; found ${describe(data)}.` };
  }
  const key = (e.params as { key?: unknown }).key;
  const ptr = typeof key === 'string' ? pointerJoin(e.instancePath, key) : e.instancePath;
  return { ptr, message: `\`${dotted(ptr)}\` ${e.message ?? 'is invalid.'}` };
}

function position(m: Manifest, ptr: string): number {
  const s = m.doc.keys.get(ptr) ?? m.doc.values.get(ptr) ?? m.doc.start;
  return s.line * 1e6 + s.column;
}

/**
 * Validates a manifest against a schema (`key` names it in the compile cache: the kind); one issue
 * per key at most, in document order.
 */
export function validateWith(m: Manifest, key: string, schema: () => Schema): SchemaIssue[] {
  const v = validator(key, schema);
  if (v(m.data)) return [];
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  const missing = new Map<string, string[]>();
  const issues: SchemaIssue[] = [];
  for (const e of v.errors ?? []) {
    if (e.keyword === 'required') {
      const list = missing.get(e.instancePath) ?? [];
      list.push(String((e.params as { missingProperty?: unknown }).missingProperty ?? ''));
      missing.set(e.instancePath, list);
    } else {
      const issue = issueOf(m, e);
      if (issue) issues.push(issue);
    }
  }
  for (const [parent, keys] of missing) issues.unshift(requiredIssue(m, parent, keys));
  for (const issue of issues) {
    if (seen.has(issue.ptr)) continue;
    seen.add(issue.ptr);
    out.push(issue);
  }
  return out.sort((a, b) => position(m, a.ptr) - position(m, b.ptr));
}
