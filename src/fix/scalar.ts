// Writing one scalar the way the file already writes its values: the same quotes, the same type.
import { YAML11_SCHEMA } from 'js-yaml';

export type Scalar = string | number | boolean;
export type Quote = '"' | "'" | '';

/** What a plain (unquoted) YAML 1.1 scalar would load as, as the Azure ML CLIs load it. */
function plainType(raw: string): 'string' | 'number' | 'boolean' | 'null' | 'other' {
  if (raw === '') return 'null';
  const { value, tag } = YAML11_SCHEMA.resolveImplicitScalarTag(raw);
  if (tag.tagName.endsWith(':timestamp') || tag.tagName.endsWith(':binary')) return 'other';
  if (value === null) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return typeof value === 'string' ? 'string' : 'other';
}

/**
 * A string that YAML reads back unchanged without quotes: no blanks (so no `: ` or ` #`), no
 * indicator first, no `:` last, and not a word YAML 1.1 reads as a number, boolean or null.
 */
function plainSafe(s: string): boolean {
  return /^[$A-Za-z0-9_./][A-Za-z0-9_./@+:$-]*$/.test(s) && !s.endsWith(':') && plainType(s) === 'string';
}

function text(v: Scalar): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? numberText(v) : v ? 'true' : 'false';
}

/** Decimal text of a number (no exponent for the sizes a fix writes). */
function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e9) / 1e9);
}

function yamlDouble(s: string): string {
  return JSON.stringify(s);
}

function yamlSingle(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * The source text of `value` for a YAML or JSON file. `quote` is the quoting of the value it
 * replaces (or of the value it should look like): a quoted value stays quoted the same way, a plain
 * one stays plain unless the new text would load as another type (then double quotes).
 * `plainBoolean` keeps a file's `True`/`False` spelling.
 */
export function renderScalar(value: Scalar, syntax: 'yaml' | 'json', quote: Quote, plainBoolean?: string): string {
  const t = text(value);
  if (syntax === 'json') {
    if (quote === '"' || typeof value === 'string') return JSON.stringify(t);
    return t;
  }
  if (quote === '"') return yamlDouble(t);
  if (quote === "'") return yamlSingle(t);
  if (typeof value === 'boolean') {
    if (plainBoolean && /^[A-Z]/.test(plainBoolean)) return value ? (plainBoolean === plainBoolean.toUpperCase() ? 'TRUE' : 'True') : plainBoolean === plainBoolean.toUpperCase() ? 'FALSE' : 'False';
    return t;
  }
  if (typeof value === 'number') return t;
  return plainSafe(t) ? t : yamlDouble(t);
}

/** A mapping key as source text (plain when YAML reads it back as the same string). */
export function renderKey(key: string, syntax: 'yaml' | 'json', quote: Quote): string {
  if (syntax === 'json') return JSON.stringify(key);
  if (quote === '"') return yamlDouble(key);
  if (quote === "'") return yamlSingle(key);
  return plainSafe(key) ? key : yamlDouble(key);
}

/** The content between the quotes of a quoted key, escaped for that quote (JSON: `"` style). */
export function quotedContent(s: string, quote: '"' | "'"): string {
  return quote === '"' ? JSON.stringify(s).slice(1, -1) : s.replace(/'/g, "''");
}
