// GitHub's own REST description (the `api.github.com` OpenAPI 3.0.3 document shipped by
// @octokit/openapi) turned into request validators and response samples, so that the fake API
// judges the action's requests the way api.github.com would instead of the way we think it does.
//
// Dialect fixes needed to feed OpenAPI 3.0 Schema Objects to Ajv (draft-07):
// - `nullable: true` is not JSON Schema: it becomes `type: [T, 'null']` (plus `null` in `enum`), or
//   `anyOf: [{type: 'null'}, …]` for the 135 nullable schemas that have no `type` of their own
//   (`oneOf`/`allOf`/`anyOf` wrappers; Ajv's own `nullable` support throws on those).
// - `example`, `discriminator` and `x-*` keys are not keywords: dropped (strict mode would reject them).
// - `$ref: '#/components/schemas/X'` points into the OpenAPI document, not a schema: rewritten to one
//   Ajv document holding every component schema under `definitions`.
// - OpenAPI formats (`int32`, `int64`, `double`, `timestamp`, `binary`, `repo.nwo`) are declared as
//   no-ops; `uri`, `uri-template`, `date-time`, `date` and `email` are checked by ajv-formats.
// - Parameters (`in: path|query`) are strings on the wire: coerced by their schema type before validation.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** An OpenAPI Schema Object (or a JSON Schema after conversion): a JSON object or a boolean. */
export type SchemaNode = { [k: string]: unknown } | boolean;

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaNode;
  'x-multi-segment'?: boolean;
}

interface MediaType {
  schema?: SchemaNode;
}

interface ResponseObject {
  description?: string;
  content?: Record<string, MediaType>;
}

interface OperationObject {
  operationId: string;
  parameters?: Array<ParameterObject | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, MediaType> };
  responses: Record<string, ResponseObject | { $ref: string }>;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, SchemaNode>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, ResponseObject>;
  };
}

export interface Operation {
  operationId: string;
  method: string;
  /** The path template as the description writes it, e.g. `/repos/{owner}/{repo}/check-runs`. */
  template: string;
  parameters: ParameterObject[];
  requestBody?: { required: boolean; schema?: SchemaNode; contentTypes: string[] };
  responses: Record<string, ResponseObject>;
}

export interface MatchedOperation {
  operation: Operation;
  /** Path parameters, decoded. */
  params: Record<string, string>;
}

/** One problem with a request, named by where it is (`path`, `query`, `body`) and a JSON pointer. */
export interface SchemaIssue {
  where: 'path' | 'query' | 'header' | 'body';
  pointer: string;
  message: string;
}

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = ((addFormatsImport as unknown as { default?: typeof addFormatsImport }).default ?? addFormatsImport) as unknown as (ajv: Ajv) => Ajv;

/** The file inside @octokit/openapi: the plain (non-dereferenced) api.github.com description. */
export const DESCRIPTION_FILE = require.resolve('@octokit/openapi/generated/api.github.com.json');

const DEFS_ID = 'https://api.github.com/openapi-components';
const NO_OP_FORMATS = ['int32', 'int64', 'double', 'float', 'timestamp', 'binary', 'repo.nwo'];

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** An OpenAPI 3.0 Schema Object → a JSON Schema draft-07 schema Ajv compiles in strict mode. */
export function toJsonSchema(node: SchemaNode): SchemaNode {
  if (typeof node === 'boolean') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('x-') || k === 'example' || k === 'discriminator' || k === 'externalDocs' || k === 'xml' || k === 'nullable') continue;
    switch (k) {
      case '$ref': {
        const m = /^#\/components\/schemas\/(.+)$/.exec(String(v));
        if (!m) throw new Error(`unsupported $ref ${String(v)}`);
        out['$ref'] = `${DEFS_ID}#/definitions/${escapePointer(m[1]!)}`;
        break;
      }
      case 'properties':
      case 'patternProperties':
        out[k] = Object.fromEntries(Object.entries(v as Record<string, SchemaNode>).map(([p, s]) => [p, toJsonSchema(s)]));
        break;
      case 'items':
      case 'additionalProperties':
      case 'not':
        out[k] = typeof v === 'boolean' ? v : toJsonSchema(v as SchemaNode);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[k] = (v as SchemaNode[]).map(toJsonSchema);
        break;
      default:
        out[k] = v;
    }
  }
  if (node['nullable'] !== true) return out;
  if (typeof out['type'] === 'string') {
    out['type'] = [out['type'], 'null'];
    if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
    return out;
  }
  if ('allOf' in out || 'anyOf' in out || 'oneOf' in out || '$ref' in out) {
    const { description, ...rest } = out;
    return { ...(description === undefined ? {} : { description }), anyOf: [{ type: 'null' }, rest] };
  }
  // Nullable with no type at all: any value, null included.
  return out;
}

function templateRegex(template: string, params: ParameterObject[]): { re: RegExp; names: string[]; literalChars: number } {
  const names: string[] = [];
  let literalChars = 0;
  const src = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (!m) {
        literalChars += part.length;
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      names.push(m[1]!);
      const multi = params.find((p) => p.in === 'path' && p.name === m[1])?.['x-multi-segment'];
      return multi ? '(.+)' : '([^/]+)';
    })
    .join('');
  return { re: new RegExp(`^${src}$`), names, literalChars };
}

/** Parameters are strings on the wire: the value their schema type means, or the string when it does not parse. */
function coerce(raw: string, schema: SchemaNode | undefined): unknown {
  const type = isObject(schema) ? schema['type'] : undefined;
  if (type === 'integer' && /^-?\d+$/.test(raw)) return Number(raw);
  if (type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (type === 'array') {
    const items = isObject(schema) ? (schema['items'] as SchemaNode | undefined) : undefined;
    return raw.split(',').map((s) => coerce(s, items));
  }
  return raw;
}

function ajvPointerMessage(e: ErrorObject): string {
  const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
  const allowed = e.keyword === 'enum' ? `: ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}` : '';
  return `${e.message ?? e.keyword}${extra}${allowed}`;
}

export class RestDescription {
  readonly doc: OpenApiDocument;
  readonly operations: Operation[] = [];
  readonly byId = new Map<string, Operation>();
  private readonly matchers: Array<{ op: Operation; re: RegExp; names: string[]; literalChars: number }> = [];
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly converted: Record<string, SchemaNode>;

  constructor(file = DESCRIPTION_FILE) {
    this.doc = JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApiDocument;
    if (!/^3\.0\./.test(this.doc.openapi)) {
      // The fixes above are for 3.0 (`nullable`); 3.1 documents use JSON Schema 2020-12 and need ajv/dist/2020 instead.
      throw new Error(`${file} is OpenAPI ${this.doc.openapi}; this validator converts OpenAPI 3.0 schemas`);
    }
    this.converted = Object.fromEntries(Object.entries(this.doc.components.schemas).map(([k, v]) => [k, toJsonSchema(v)]));
    this.ajv = new Ajv({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      // Compiles each operation's schema once per test file; optimising the generated code costs more than it saves here.
      code: { optimize: false },
    });
    addFormats(this.ajv);
    for (const f of NO_OP_FORMATS) this.ajv.addFormat(f, true);
    this.ajv.addSchema({ $id: DEFS_ID, definitions: this.converted });

    for (const [template, item] of Object.entries(this.doc.paths)) {
      for (const [method, raw] of Object.entries(item)) {
        if (!isObject(raw) || typeof raw.operationId !== 'string') continue;
        const parameters = (raw.parameters ?? []).map((p) => this.resolveParameter(p));
        const content = raw.requestBody?.content ?? {};
        const json = content['application/json'];
        const op: Operation = {
          operationId: raw.operationId,
          method: method.toUpperCase(),
          template,
          parameters,
          requestBody: raw.requestBody ? { required: raw.requestBody.required === true, schema: json?.schema, contentTypes: Object.keys(content) } : undefined,
          responses: Object.fromEntries(Object.entries(raw.responses).map(([code, r]) => [code, this.resolveResponse(r)])),
        };
        this.operations.push(op);
        this.byId.set(op.operationId, op);
        this.matchers.push({ op, ...templateRegex(template, parameters) });
      }
    }
    // Most literal characters first: `/issues/comments/{id}` beats `/issues/{issue_number}/{x}`-like shapes.
    this.matchers.sort((a, b) => b.literalChars - a.literalChars || a.names.length - b.names.length);
  }

  private resolveParameter(p: ParameterObject | { $ref: string }): ParameterObject {
    if ('$ref' in p) {
      const m = /^#\/components\/parameters\/(.+)$/.exec(p.$ref);
      const found = m ? this.doc.components.parameters[m[1]!] : undefined;
      if (!found) throw new Error(`unresolved parameter ${p.$ref}`);
      return found;
    }
    return p;
  }

  private resolveResponse(r: ResponseObject | { $ref: string }): ResponseObject {
    if ('$ref' in r) {
      const m = /^#\/components\/responses\/(.+)$/.exec(r.$ref);
      const found = m ? this.doc.components.responses[m[1]!] : undefined;
      if (!found) throw new Error(`unresolved response ${r.$ref}`);
      return found;
    }
    return r;
  }

  /** The operation for `method` and a request path (no query), if the description has one. */
  match(method: string, pathname: string): MatchedOperation | undefined {
    const upper = method.toUpperCase();
    for (const m of this.matchers) {
      if (m.op.method !== upper) continue;
      const hit = m.re.exec(pathname);
      if (!hit) continue;
      const params: Record<string, string> = {};
      m.names.forEach((n, i) => {
        params[n] = decodeURIComponent(hit[i + 1]!);
      });
      return { operation: m.op, params };
    }
    return undefined;
  }

  /** Whether any operation exists for the path under another method (405 rather than 404). */
  pathKnown(pathname: string): boolean {
    return this.matchers.some((m) => m.re.test(pathname));
  }

  private validator(key: string, schema: SchemaNode): ValidateFunction {
    let v = this.compiled.get(key);
    if (!v) {
      v = this.ajv.compile(typeof schema === 'boolean' ? schema : { ...(toJsonSchema(schema) as object) });
      this.compiled.set(key, v);
    }
    return v;
  }

  /** Path and query parameters against the operation's parameter schemas; unknown query parameters are problems too. */
  validateParameters(match: MatchedOperation, query: URLSearchParams): SchemaIssue[] {
    const issues: SchemaIssue[] = [];
    const op = match.operation;
    for (const where of ['path', 'query'] as const) {
      const declared = op.parameters.filter((p) => p.in === where);
      const given: Record<string, unknown> = {};
      const source: Array<[string, string]> = where === 'path' ? Object.entries(match.params) : [...query.entries()];
      for (const [name, raw] of source) {
        const p = declared.find((d) => d.name === name);
        if (!p) {
          // GitHub ignores unknown query parameters; a caller that sends one almost always misspelt a real one.
          issues.push({ where, pointer: `/${name}`, message: `is not a parameter of ${op.operationId}` });
          continue;
        }
        given[name] = coerce(raw, p.schema);
      }
      const schema = {
        type: 'object',
        properties: Object.fromEntries(declared.map((p) => [p.name, p.schema ?? {}])),
        required: declared.filter((p) => p.required).map((p) => p.name),
      };
      const v = this.validator(`${op.operationId} ${where}`, schema);
      if (!v(given)) {
        for (const e of v.errors ?? []) issues.push({ where, pointer: e.instancePath || `/${String((e.params as { missingProperty?: string }).missingProperty ?? '')}`, message: ajvPointerMessage(e) });
      }
    }
    return issues;
  }

  /**
   * The JSON body against `requestBody.content['application/json'].schema`, plus keys the schema
   * does not name: GitHub silently ignores those, which is how a misspelt key goes unnoticed.
   */
  validateBody(op: Operation, body: unknown, present: boolean): SchemaIssue[] {
    if (!op.requestBody) {
      return present ? [{ where: 'body', pointer: '', message: `${op.operationId} takes no request body` }] : [];
    }
    if (!present) {
      return op.requestBody.required ? [{ where: 'body', pointer: '', message: 'a request body is required' }] : [];
    }
    const schema = op.requestBody.schema;
    if (!schema) return [];
    const v = this.validator(`${op.operationId} body`, schema);
    const issues: SchemaIssue[] = [];
    if (!v(body)) for (const e of v.errors ?? []) issues.push({ where: 'body', pointer: e.instancePath, message: ajvPointerMessage(e) });
    this.unknownKeys(schema, body, '', issues, 0);
    return issues;
  }

  private deref(schema: SchemaNode): SchemaNode {
    let s = schema;
    for (let i = 0; i < 20 && isObject(s) && typeof s['$ref'] === 'string'; i++) {
      const m = /^#\/components\/schemas\/(.+)$/.exec(s['$ref']);
      s = m ? (this.doc.components.schemas[m[1]!] ?? true) : true;
    }
    return s;
  }

  private unknownKeys(schema: SchemaNode, value: unknown, pointer: string, issues: SchemaIssue[], depth: number): void {
    const s = this.deref(schema);
    if (!isObject(s) || depth > 20) return;
    if (Array.isArray(value) && s['items'] !== undefined && typeof s['items'] !== 'boolean') {
      value.forEach((item, i) => this.unknownKeys(s['items'] as SchemaNode, item, `${pointer}/${i}`, issues, depth + 1));
      return;
    }
    if (!isObject(value) || !isObject(s['properties'])) return;
    // Composition or an explicit additionalProperties: the schema says what else is allowed; leave it to Ajv.
    const open = 'allOf' in s || 'anyOf' in s || 'oneOf' in s || 'additionalProperties' in s;
    const props = s['properties'] as Record<string, SchemaNode>;
    for (const [k, v] of Object.entries(value)) {
      const child = `${pointer}/${escapePointer(k)}`;
      if (k in props) this.unknownKeys(props[k]!, v, child, issues, depth + 1);
      else if (!open) issues.push({ where: 'body', pointer: child, message: 'is not a property this operation reads (GitHub ignores it silently)' });
    }
  }

  /** The response schema the description gives for `status` (or the first 2xx), JSON content preferred. */
  responseSchema(op: Operation, status: number): SchemaNode | undefined {
    const r = op.responses[String(status)];
    const content = r?.content;
    if (!content) return undefined;
    return (content['application/json'] ?? Object.values(content)[0])?.schema;
  }

  /** Problems of a response body the fake built, against the operation's response schema: the fake's own bugs. */
  validateResponse(op: Operation, status: number, body: unknown): string[] {
    const schema = this.responseSchema(op, status);
    if (!schema) return [];
    const v = this.validator(`${op.operationId} response ${status}`, schema);
    if (v(body)) return [];
    return (v.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '(root)'} ${ajvPointerMessage(e)}`);
  }

  /** A successful status the operation documents: 201 for creations, 204 for bodiless ones, else 200. */
  successStatus(op: Operation): number {
    const codes = Object.keys(op.responses).filter((c) => /^2\d\d$/.test(c)).map(Number).sort();
    return codes[0] ?? 200;
  }

  /**
   * A value that satisfies `schema`, built from the description itself: every required property,
   * leaf `example` values where the description has them (realistic logins, URLs, ids), and
   * defaults otherwise. Optional properties are left out; `overrides` fills in what a test needs.
   */
  sample(schema: SchemaNode | undefined, depth = 0, seen: string[] = []): Json {
    if (schema === undefined || typeof schema === 'boolean') return {};
    if (typeof schema['$ref'] === 'string') {
      const name = String(schema['$ref']).replace('#/components/schemas/', '');
      if (seen.includes(name) || depth > 12) return null;
      return this.sample(this.doc.components.schemas[name], depth + 1, [...seen, name]);
    }
    // Deep optional structure (a repository's owner's …): nullable values stop here.
    if (schema['nullable'] === true && depth > 6) return null;
    if (Array.isArray(schema['allOf'])) {
      const parts = (schema['allOf'] as SchemaNode[]).map((s) => this.sample(s, depth + 1, seen));
      return parts.every(isObject) ? Object.assign({}, ...(parts as object[])) : (parts[0] ?? null);
    }
    for (const k of ['oneOf', 'anyOf'] as const) {
      const alts = schema[k];
      if (Array.isArray(alts)) {
        const first = (alts as SchemaNode[]).find((a) => !(isObject(a) && a['type'] === 'null')) ?? alts[0];
        return this.sample(first as SchemaNode, depth + 1, seen);
      }
    }
    const type = schema['type'] ?? (schema['properties'] ? 'object' : undefined);
    if (Array.isArray(schema['enum'])) {
      const e = (schema['enum'] as Json[]).find((x) => x !== null);
      return e === undefined ? null : e;
    }
    const example = schema['example'] as Json | undefined;
    const exampleFits =
      example !== undefined &&
      ((type === 'string' && typeof example === 'string') ||
        ((type === 'integer' || type === 'number') && typeof example === 'number') ||
        (type === 'boolean' && typeof example === 'boolean'));
    if (exampleFits) return example;
    switch (type) {
      case 'string':
        switch (schema['format']) {
          case 'date-time':
            return '2026-01-02T03:04:05Z';
          case 'date':
            return '2026-01-02';
          case 'uri':
            return 'https://github.test/';
          case 'uri-template':
            return 'https://api.github.test/{x}';
          case 'email':
            return 'octocat@github.test';
          default:
            return typeof schema['minLength'] === 'number' ? 'x'.repeat(schema['minLength']) : 'string';
        }
      case 'integer':
      case 'number':
        return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
      case 'boolean':
        return false;
      case 'array': {
        const n = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
        return Array.from({ length: n }, () => this.sample(schema['items'] as SchemaNode, depth + 1, seen));
      }
      case 'object': {
        const props = (schema['properties'] ?? {}) as Record<string, SchemaNode>;
        const out: Record<string, Json> = {};
        for (const name of (schema['required'] as string[] | undefined) ?? []) out[name] = this.sample(props[name] ?? {}, depth + 1, seen);
        return out;
      }
      default:
        return null;
    }
  }
}

let shared: RestDescription | undefined;

/** One parsed description per test file (13 MB of JSON: parse it once). */
export function restDescription(): RestDescription {
  return (shared ??= new RestDescription());
}
