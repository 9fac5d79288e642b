// The plain block-mapping reader (parse/plain-block.ts) answers only for texts whose value it gives
// exactly as parseYaml does, and leaves everything else to parseYaml. Compared with parseYaml on every
// YAML file of the fixtures and examples, on a generated monorepo, and on generated texts made of the
// lines a line reader gets wrong; then the texts it must refuse, and the quota it feeds.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { LoadedFile } from '../../src/core/types.js';
import { quotaOf } from '../../src/engine/quota-of.js';
import type { Family } from '../../src/formats/family.js';
import { normalise, recognise } from '../../src/formats/recognise.js';
import { parsedText } from '../../src/load/read.js';
import { plainBlockMapping } from '../../src/parse/plain-block.js';
import { quotaEntries } from '../../src/policy/kit/quota.js';
import { rng } from '../helpers.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Keys in order, all the way down (isDeepStrictEqual ignores the order of keys). */
function shape(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(shape);
  return Object.keys(v).map((k) => [k, shape((v as Record<string, unknown>)[k])]);
}

/** undefined when the reader refuses the text; else whether its value is parseYaml's, exactly. */
function agrees(text: string): boolean | undefined {
  const fast = plainBlockMapping(text);
  if (fast === undefined) return undefined;
  const full = parsedText(text, 'yaml');
  if (full.problems.length > 0 || full.docs.length !== 1) return false;
  const value = full.docs[0].value;
  return isDeepStrictEqual(fast, value) && isDeepStrictEqual(shape(fast), shape(value)) && Object.getPrototypeOf(fast) === Object.getPrototypeOf(value);
}

function yamlFiles(root: string, out: string[] = []): string[] {
  for (const e of readdirSync(root)) {
    const p = path.join(root, e);
    if (statSync(p).isDirectory()) {
      if (e !== 'node_modules' && e !== '.git') yamlFiles(p, out);
    } else if (/\.ya?ml$|^MLmodel$/.test(e)) out.push(p);
  }
  return out;
}

let synthetic: string;
beforeAll(() => {
  synthetic = mkdtempSync(path.join(os.tmpdir(), 'mdg-plain-'));
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'gen-monorepo.mjs'), '--manifests', '400', '--seed', '9', '--out', synthetic]);
});
afterAll(() => rmSync(synthetic, { recursive: true, force: true }));

describe('plainBlockMapping gives what parseYaml gives, or nothing', () => {
  test('every YAML file of the fixtures, the examples and a generated monorepo', () => {
    const files = [...yamlFiles(path.join(REPO, '__tests__', '__fixtures__')), ...yamlFiles(path.join(REPO, 'examples')), ...yamlFiles(synthetic)];
    let read = 0;
    const wrong: string[] = [];
    for (const f of files) {
      const r = agrees(readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
      if (r === undefined) continue;
      read++;
      if (!r) wrong.push(path.relative(REPO, f));
    }
    expect(wrong).toEqual([]);
    expect(files.length).toBeGreaterThan(500);
    // Most deployment files are plain; many others are not (sequences, comments after values).
    expect(read).toBeGreaterThan(files.length / 4);
    expect(read).toBeLessThan(files.length);
  });

  test('generated texts built from the lines a line reader gets wrong', () => {
    const keys = ['name', 'instance_type', 'instance_count', '$schema', 'a.b', 'x-y', 'k/v', 'yes', 'on', 'null', '__proto__', 'constructor', 'toString', 'k1', 'a:b', 'my key', '"q"', '<<', '? k', '-k', 'k '];
    const values = [
      '', 'blue', '1', '2.5', '0x1F', '1_000', '1:30', '190:20:30', '.inf', '-.inf', '.nan', '~', 'null', 'Null', 'yes', 'No', 'on', 'Off', 'y', 'n', 'true', 'TRUE',
      '2026-01-01', '2026-01-01 10:00:00', "'quoted'", '"dq"', "'it''s'", '"a\\"b"', '"a\\nb"', "'  sp  '", '""', "''", 'a #c', 'a#b', 'x: y', 'x:', 'http://x:8080/a', 'azureml:m:1',
      '{a: 1}', '[1, 2]', 'a]', '&a x', '*a', '!!str 1', '!tag x', '|', '>-', '-1', '- x', '-x', '?x', ':x', 'a,b', '@x', '`x`', '%x', '<<', '=', 'Standard_DS3_v2   ', "it's",
      'é', 'a\tb', '0o17', '017', '+1', '1e3', '1.0e+3', 'NaN', 'Infinity', '0b101', '12e03', '0.', '.5', "'x' # c", '"x" y', 'a  b',
    ];
    const rnd = rng(20261203);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    let read = 0;
    let refused = 0;
    const wrong: string[] = [];
    for (let n = 0; n < 4000; n++) {
      const lines: string[] = [];
      let depth = 0;
      const step = pick([2, 2, 4, 3]);
      const count = 1 + Math.floor(rnd() * 12);
      for (let i = 0; i < count; i++) {
        const r = rnd();
        const pad = ' '.repeat(depth * step + (rnd() < 0.05 ? 1 : 0));
        if (r < 0.06) lines.push(`${' '.repeat(Math.floor(rnd() * 8))}# comment: x`);
        else if (r < 0.09) lines.push('');
        else if (r < 0.1) lines.push(pick(['---', '...', '- item', `${pad}- x`, `${pad}  continued`, '\t# tab', 'key: v\r', 'k: v  # trailing']));
        else {
          const key = rnd() < 0.85 ? pick(keys.slice(0, 10)) + (rnd() < 0.5 ? String(i) : '') : pick(keys);
          const value = rnd() < 0.25 ? '' : pick(values);
          lines.push(`${pad}${key}:${value === '' ? (rnd() < 0.5 ? '' : '   ') : ' '.repeat(1 + Math.floor(rnd() * 2)) + value}`);
          if (value === '' && rnd() < 0.6) depth++;
          else if (depth > 0 && rnd() < 0.3) depth -= 1 + Math.floor(rnd() * depth);
        }
      }
      const text = lines.join('\n') + (rnd() < 0.8 ? '\n' : '');
      const r = agrees(text);
      if (r === undefined) refused++;
      else {
        read++;
        if (!r) wrong.push(text);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // Both answers are common: the comparison covers what it reads and what it refuses.
    expect(read).toBeGreaterThan(400);
    expect(refused).toBeGreaterThan(400);
  });

  test.each([
    ['a flow mapping', 'name: {{NAME}}\n'],
    ['a flow sequence', 'tags: [a, b]\n'],
    ['a sequence', 'models:\n  - a\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'instance_count: !!str 3\n'],
    ['a block scalar', 'description: |\n  text\n'],
    ['a comment after a value', 'instance_count: 3 # three\n'],
    ['a duplicate key', 'instance_count: 1\ninstance_count: 9\n'],
    ['a merge key', 'base:\n  a: 1\nd:\n  <<: 1\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['a carriage return', 'a: 1\r\nb: 2\r\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a document start', '---\na: 1\n'],
    ['a plain value continued on the next line', 'instance_type: Standard_DS3_v2\n  Standard_F72s_v2\n'],
    ['a more indented key under a value', 'instance_count: 1\n  instance_count: 9\n'],
    ['a key between two levels', 'a:\n    b: 1\n  c: 2\n'],
    ['a root indented', '  a: 1\n'],
    ['a quoted key', '"instance_count": 3\n'],
    ['a space before the colon', 'instance_count : 3\n'],
    ['an escape', 'name: "blue\\u0021"\n'],
    ['a non-ASCII character', 'name: blé\n'],
    ['a mapping value in a value', 'name: a: b\n'],
    ['no key at all', '# only a comment\n'],
    ['an empty text', ''],
  ])('refuses %s', (_, text) => {
    expect(plainBlockMapping(text)).toBeUndefined();
  });

  test('reads nesting, nulls, quotes and YAML 1.1 scalars as parseYaml does', () => {
    const text = [
      '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json',
      'name: blue',
      'model: azureml:fraud:3',
      'environment:',
      '  # the image',
      '  image: mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest',
      'instance_type: "Standard_DS3_v2"',
      'instance_count: 0x3',
      'app_insights_enabled: yes',
      'liveness_probe:',
      '',
      '    period: 1:30',
      '    timeout:',
      'tags: ~',
      'description: it\'s fine, really',
    ].join('\n');
    const v = plainBlockMapping(text) as Record<string, unknown>;
    expect(agrees(text)).toBe(true);
    expect(v.instance_count).toBe(3);
    expect(v.app_insights_enabled).toBe(true);
    expect(v.liveness_probe).toEqual({ period: 90, timeout: null });
    expect(v.tags).toBeNull();
    expect(Object.keys(v)[0]).toBe('$schema');
  });
});

describe('quotaOf: the quota a file adds, read for its values alone', () => {
  test('equals the quota of the file parsed with its positions, on every file that may add to it', () => {
    const files = [...yamlFiles(path.join(REPO, '__tests__', '__fixtures__')), ...yamlFiles(path.join(REPO, 'examples')), ...yamlFiles(synthetic)];
    let counted = 0;
    let plain = 0;
    for (const abs of files) {
      const text = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
      if (!text.includes('instance_type')) continue;
      const rel = path.relative(REPO, abs);
      const file: LoadedFile = { path: rel, abs, text, syntax: 'yaml', size: text.length, ...parsedText(text, 'yaml') };
      const full = quotaEntries(normalise(recognise(file)).deployments);
      expect({ rel, quota: quotaOf(rel, text, 'yaml') }).toEqual({ rel, quota: full });
      counted += full.length;
      if (plainBlockMapping(text) !== undefined) plain++;
    }
    expect(counted).toBeGreaterThan(50);
    expect(plain).toBeGreaterThan(50);
  });

  test('a family without `quota` never gives a deployment the quota counts (every fixture and example manifest)', () => {
    const files = [...yamlFiles(path.join(REPO, '__tests__', '__fixtures__')), ...yamlFiles(path.join(REPO, 'examples')), ...yamlFiles(synthetic)];
    const counted = new Map<string, number>();
    for (const abs of files) {
      const text = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
      const file: LoadedFile = { path: abs, abs, text, syntax: 'yaml', size: text.length, ...parsedText(text, 'yaml') };
      for (const m of recognise(file)) {
        const n = quotaEntries(normalise([m]).deployments).length;
        const family = m.family as Family;
        if (family.quota === undefined) expect({ family: family.id, n }).toEqual({ family: family.id, n: 0 });
        counted.set(family.id, (counted.get(family.id) ?? 0) + n);
      }
    }
    expect(counted.get('online-deployment')).toBeGreaterThan(50);
  });

  test('a count a line reader would misread is the parse\'s', () => {
    const dep = (tail: string) =>
      `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\nmodel: azureml:m:1\ninstance_type: Standard_DS3_v2\n${tail}`;
    for (const tail of ['instance_count: 3 # was 30\n', 'instance_count: 1\ninstance_count: 40\n', 'instance_count: &n 12\n', 'instance_count: "0x10"\n', 'instance_count: 0x10\n', 'instance_count:\n  20\n']) {
      const text = dep(tail);
      const file: LoadedFile = { path: 'd.yml', abs: '', text, syntax: 'yaml', size: 0, ...parsedText(text, 'yaml') };
      expect({ tail, q: quotaOf('d.yml', text, 'yaml') }).toEqual({ tail, q: quotaEntries(normalise(recognise(file)).deployments) });
    }
    expect(quotaOf('d.yml', dep('instance_count: 0x10\n'), 'yaml')).toEqual([{ file: 'd.yml', name: 'blue', instanceType: 'Standard_DS3_v2', instances: 16 }]);
  });
});
