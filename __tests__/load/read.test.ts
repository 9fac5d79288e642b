import { describe, expect, test } from '@jest/globals';
import { parseYaml } from '../../src/parse/yaml.js';
import { parseJsonc } from '../../src/parse/jsonc.js';
import { LineIndex } from '../../src/parse/lines.js';
import { parseBuffer as parseWith } from '../../src/load/read.js';
import { looksLikeManifest } from '../../src/formats/prefilter.js';
import type { Candidate } from '../../src/load/files.js';

const parseBuffer = (c: Candidate, b: Buffer) => parseWith(c, b, looksLikeManifest);

const yaml = (t: string) => parseYaml(t, new LineIndex(t));
const json = (t: string) => parseJsonc(t, new LineIndex(t));

describe('YAML with positions', () => {
  test('values follow PyYAML safe_load: YAML 1.1 booleans, numbers, strings', () => {
    const r = yaml('computeType: AKS\nauthEnabled: True\nx: yes\ncpu: 0.5\nn: 3\nq: "3"\nd: 2027-01-31\ne:\n');
    expect(r.problems).toEqual([]);
    expect({ ...(r.docs[0].value as object) }).toEqual({
      computeType: 'AKS',
      authEnabled: true,
      x: true,
      cpu: 0.5,
      n: 3,
      q: '3',
      d: '2027-01-31',
      e: null,
    });
  });

  test('a lone y / n stays text (PyYAML resolves only yes/no/true/false/on/off)', () => {
    const r = yaml('a: y\nb: N\nc: on\nd: No\n');
    expect({ ...(r.docs[0].value as object) }).toEqual({ a: 'y', b: 'N', c: true, d: false });
  });

  test('key spans are 1-based line/column of the key', () => {
    const r = yaml('a: 1\nresources:\n  requests:\n    memory: "4Gi"\n');
    const d = r.docs[0];
    expect(d.keys.get('/resources/requests/memory')).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 11 });
    expect(d.values.get('/resources/requests/memory')?.line).toBe(4);
    expect(d.start.line).toBe(1);
  });

  test('multi-document: each document is its own, with its first key as start', () => {
    const r = yaml('# c\na: 1\n---\n# second\nb: 2\n---\n---\nc: 3\n');
    expect(r.docs.map((d) => d.start.line)).toEqual([2, 5, 8]);
    expect(r.docs.map((d) => d.index)).toEqual([0, 1, 3]);
    expect(r.docs[1].keys.get('/b')?.line).toBe(5);
  });

  test('CRLF line endings keep lines and columns', () => {
    const r = yaml('a: 1\r\nb:\r\n  c: 2\r\n');
    expect(r.docs[0].keys.get('/b/c')).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 4 });
  });

  test('keys with / and ~ are escaped in pointers (nvidia.com/gpu)', () => {
    const r = yaml('limits:\n  nvidia.com/gpu: "1"\n  a~b: 2\n');
    expect(r.docs[0].keys.get('/limits/nvidia.com~1gpu')?.line).toBe(2);
    expect(r.docs[0].keys.get('/limits/a~0b')?.line).toBe(3);
  });

  test('merge keys are applied; merged keys point at the << key', () => {
    const r = yaml('base: &b\n  cpu: 1\n  memory: 2\nthis:\n  <<: *b\n  memory: 4\n');
    const v = r.docs[0].value as Record<string, Record<string, number>>;
    expect(v.this.cpu).toBe(1);
    expect(v.this.memory).toBe(4);
    expect(r.docs[0].keys.get('/this/cpu')?.line).toBe(5);
  });

  test('__proto__ and constructor are plain data, no prototype pollution', () => {
    const r = yaml('__proto__:\n  polluted: yes\nconstructor: 1\n');
    const v = r.docs[0].value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('duplicate keys are reported with both lines', () => {
    const r = yaml('a: 1\nb: 2\na: 3\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 3, column: 1 });
    expect(r.problems[0].message).toContain('first at line 1');
  });

  test('syntax errors carry the line and column', () => {
    const r = yaml('a: 1\nb: "unclosed\nc: 3\n');
    expect(r.docs).toEqual([]);
    expect(r.problems[0].line).toBeGreaterThanOrEqual(2);
    expect(r.problems[0].message).toMatch(/^invalid YAML/);
  });

  test('unrendered templates point at the first {{ token', () => {
    const r = yaml('$schema: x\nname: blue\nendpoint_name: {{ENDPOINT_NAME}}\nimage: {{ACR}}.azurecr.io/x\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 3, column: 16, template: true });
    expect(r.problems[0].message).toContain('unrendered template');
  });

  test('a template inside a quoted value parses (value treated as text)', () => {
    const r = yaml('name: "{{NAME}}"\n');
    expect(r.problems).toEqual([]);
  });

  test('alias bombs are refused, not expanded', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(97 + i - 1);
      const n = String.fromCharCode(97 + i);
      lines.push(`${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const r = yaml(lines.join('\n') + '\n');
    expect(r.docs).toEqual([]);
    expect(r.problems[0].message).toContain('alias');
  });

  test('deep nesting is refused with a problem, not a stack overflow', () => {
    const r = yaml('['.repeat(5000) + ']'.repeat(5000));
    expect(r.docs).toEqual([]);
    expect(r.problems).toHaveLength(1);
  });
});

describe('JSONC', () => {
  test('comments and trailing commas; positions of keys', () => {
    const t = '{\n  // comment\n  "computeType": "aks",\n  "containerResourceRequirements": {"cpu": 1, "memoryInGB": 4},\n  "gpuCores": 1,\n}\n';
    const r = json(t);
    expect(r.problems).toEqual([]);
    expect(r.docs[0].keys.get('/gpuCores')?.line).toBe(5);
    expect(r.docs[0].keys.get('/containerResourceRequirements/memoryInGB')).toMatchObject({ line: 4, column: 47 });
    expect(r.docs[0].start.line).toBe(3);
  });

  test('malformed JSON gives the offending line', () => {
    const r = json('{\n  "a": 1\n  "b": 2\n}\n');
    expect(r.problems[0]).toMatchObject({ line: 3 });
    expect(r.problems[0].message).toMatch(/^invalid JSON/);
  });

  test('duplicate keys are reported', () => {
    const r = json('{"a": 1,\n "a": 2}');
    expect(r.problems[0]).toMatchObject({ line: 2, column: 2 });
  });
});

describe('pre-filter and bytes', () => {
  test('unrelated YAML/JSON is not a candidate', () => {
    expect(looksLikeManifest('.github/workflows/ci.yml', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n')).toBe(false);
    expect(looksLikeManifest('package.json', '{"name": "x", "version": "1.0.0"}')).toBe(false);
    expect(looksLikeManifest('deploy.yml', 'computeType: aci\n')).toBe(true);
    expect(looksLikeManifest('x/MLmodel', 'flavors: {}\n')).toBe(true);
    expect(looksLikeManifest('d.yml', '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n')).toBe(true);
  });

  test('BOM is stripped; NUL bytes and invalid UTF-8 are parse problems when the file looks like a manifest', () => {
    const c = { path: 'd.yml', abs: '/nonexistent/d.yml' };
    const bom = parseBuffer(c, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('computeType: aci\n')]));
    expect(bom?.problems).toEqual([]);
    expect(bom?.docs[0].keys.get('/computeType')).toMatchObject({ line: 1, column: 1 });
    const bin = parseBuffer(c, Buffer.concat([Buffer.from('computeType: aci\n'), Buffer.from([0, 1, 2])]));
    expect(bin?.problems[0].message).toContain('NUL');
    const latin = parseBuffer(c, Buffer.concat([Buffer.from('computeType: aci\nx: '), Buffer.from([0xff, 0xfe, 0x41])]));
    expect(latin?.problems[0].message).toContain('UTF-8');
    expect(parseBuffer({ path: 'x.yml', abs: '/x' }, Buffer.from([0xff, 0xfe, 0x00]))).toBeNull();
  });

  test('UTF-16 manifests are reported (Azure reads UTF-8), unrelated UTF-16 files ignored', () => {
    const c = { path: 'd.yml', abs: '/nonexistent/d.yml' };
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('computeType: aci\n', 'utf16le')]);
    expect(parseBuffer(c, le)?.problems[0].message).toContain('UTF-16');
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('computeType: aci\n', 'utf16le').swap16()]);
    expect(parseBuffer(c, be)?.problems[0].message).toContain('big-endian');
    expect(parseBuffer(c, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('on: push\n', 'utf16le')]))).toBeNull();
  });

  test('deeply nested JSON is refused before the parser can overflow', () => {
    const r = json('{"computeType": ' + '['.repeat(10000) + ']'.repeat(10000) + '}');
    expect(r.docs).toEqual([]);
    expect(r.problems[0].message).toContain('deeper');
  });

  test('an empty YAML key points at its own line', () => {
    const r = yaml('computeType: aci\n: oops\n');
    expect(r.docs[0].keys.get('/')?.line).toBe(2);
  });
});
