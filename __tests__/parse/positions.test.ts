// Positions on demand: the compact table behind `doc.keys` / `doc.values` answers exactly as the
// JSON-Pointer → span Maps the parsers used to fill for every node (reference-*.ts): same values (key
// order included), problems, starts, and the same span for every pointer, by `get`, `has` and iteration.
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedDoc, Span } from '../../src/core/types.js';
import { isMapping, pointerJoin } from '../../src/core/pointer.js';
import { parseJsonc } from '../../src/parse/jsonc.js';
import { LineIndex } from '../../src/parse/lines.js';
import { parseYaml } from '../../src/parse/yaml.js';
import { referenceJsonc } from './reference-jsonc.js';
import { referenceYaml, type RefDoc } from './reference-yaml.js';
import { rng } from '../helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ya?ml|json)$|^MLmodel$/.test(e)) out.push(p);
  }
  return out;
}

/** The value with every mapping's key order made visible (prototypes differ on purpose: see doc.ts). */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (isMapping(v)) return { mapping: Object.keys(v).map((k) => [k, shape(v[k])]) };
  if (typeof v === 'number' && (Number.isNaN(v) || Object.is(v, -0))) return `number:${Object.is(v, -0) ? '-0' : 'NaN'}`;
  return v;
}

/** Pointers worth asking: every pointer the reference knows, its parents and children, and non-canonical spellings. */
function probes(ref: RefDoc): string[] {
  const out = new Set<string>(['', '/', '/missing', '/0', '/~', '/~2', '/a~', '//']);
  for (const p of [...ref.keys.keys(), ...ref.values.keys()]) {
    out.add(p);
    out.add(p.slice(0, Math.max(0, p.lastIndexOf('/'))));
    out.add(`${p}/0`);
    out.add(`${p}/x`);
    out.add(p.replace(/~1/g, '/'));
    out.add(p.replace(/~0/g, '~'));
    out.add(`${p}~`);
  }
  return [...out];
}

function same(kind: string, text: string, mine: { docs: ParsedDoc[]; problems: unknown[] }, ref: { docs: RefDoc[]; problems: unknown[] }): void {
  const label = `${kind} ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
  expect({ label, problems: mine.problems }).toEqual({ label, problems: ref.problems });
  expect({ label, n: mine.docs.length }).toEqual({ label, n: ref.docs.length });
  mine.docs.forEach((d, i) => {
    const r = ref.docs[i];
    expect({ label, value: shape(d.value), start: d.start, index: d.index }).toEqual({ label, value: shape(r.value), start: r.start, index: r.index });
    // Lookups first (the table answers them without building a Map), then iteration.
    const ps = probes(r);
    const got = (m: ReadonlyMap<string, Span>) => ps.map((p) => [p, m.get(p) ?? null, m.has(p)]);
    expect({ label, keys: got(d.keys) }).toEqual({ label, keys: got(r.keys) });
    expect({ label, values: got(d.values) }).toEqual({ label, values: got(r.values) });
    expect({ label, keys: [...d.keys], n: d.keys.size }).toEqual({ label, keys: [...r.keys], n: r.keys.size });
    expect({ label, values: [...d.values.entries()], n: d.values.size }).toEqual({ label, values: [...r.values.entries()], n: r.values.size });
    expect([...d.values.values()]).toEqual([...r.values.values()]);
    expect([...d.keys.keys()]).toEqual([...r.keys.keys()]);
  });
}

const yamlBoth = (t: string) => same('yaml', t, parseYaml(t, new LineIndex(t)), referenceYaml(t, new LineIndex(t)));
const jsonBoth = (t: string) => same('json', t, parseJsonc(t, new LineIndex(t)), referenceJsonc(t, new LineIndex(t)));

/** Seeded variants of a text: lines dropped, doubled, indented, swapped (errors and odd shapes included). */
function variants(text: string, seed: number, n: number): string[] {
  const rnd = rng(seed);
  const lines = text.split('\n');
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const l = [...lines];
    const i = Math.floor(rnd() * l.length);
    const j = Math.floor(rnd() * l.length);
    const r = rnd();
    if (r < 0.25) l.splice(i, 1);
    else if (r < 0.5) l.splice(i, 0, l[j]);
    else if (r < 0.7) l[i] = `  ${l[i]}`;
    else if (r < 0.85) [l[i], l[j]] = [l[j], l[i]];
    else l[i] = l[i].replace(/:\s*(.*)$/, ': *x');
    out.push(l.join('\n'));
  }
  return out;
}

describe('positions on demand equal the Maps they replace', () => {
  const all = [...files(path.join(ROOT, '__tests__', '__fixtures__')), ...files(path.join(ROOT, 'examples'))];

  test(`every fixture and example file (${all.length})`, () => {
    for (const f of all) {
      const t = readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
      if (f.endsWith('.json')) jsonBoth(t);
      else yamlBoth(t);
    }
  });

  test('seeded variants of the fixtures (errors, duplicates, odd indentation)', () => {
    let seed = 1;
    for (const f of all.filter((_, i) => i % 3 === 0)) {
      const t = readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
      for (const v of variants(t, seed++, 4)) {
        if (f.endsWith('.json')) jsonBoth(v);
        else yamlBoth(v);
      }
    }
  });

  const YAML_CASES = [
    'a: 1\nb:\n  c: 2\n  d: [1, 2, {e: 3}]\n',
    'a: {x: 1}\na: {y: 2}\n',
    'a: [x]\na: {"0": y}\n',
    'a: 1\nb: 2\na: 3\na: 4\n',
    'base: &b\n  cpu: 1\n  memory: 2\nthis:\n  <<: *b\n  memory: 4\n',
    'base: &b {x: 1, y: 2}\nother: &o {y: 3, z: 4}\nm:\n  <<: [*b, *o]\n  x: 0\n',
    'b: &b {x: 1}\nm: {x: 1}\nm:\n  <<: *b\n',
    'b: &b {x: 1}\nm:\n  <<: *b\nm:\n  x: 2\n',
    'b: &b {x: 1}\nm:\n  <<: *b\n  <<: {x: 5, q: 6}\n',
    'b: &b {x: 1}\nm:\n  "<<": *b\n  <<: *b\n',
    'b: &b {x: {deep: 1}}\nm:\n  <<: *b\n  n:\n    <<: *b\n',
    'l:\n  - &a {k: 1}\n  - <<: *a\n    j: 2\n',
    '&k computeType: ACI\n*k : AKS\n',
    ': v\n',
    '? complex\n: value\n',
    'a: &x [1, 2]\nb: *x\nc: [*x, *x]\n',
    '__proto__:\n  polluted: yes\nconstructor: 1\ntoString: 2\n',
    'limits:\n  nvidia.com/gpu: "1"\n  a~b: 2\n  "": 3\n  "~1": 4\n',
    '# c\na: 1\n---\n# second\nb: 2\n---\n---\nc: 3\n',
    '--- 5\n--- [1, 2]\n--- {a: b}\n---\n',
    'a: 1\r\nb:\r\n  c: 2\r\n',
    'emoji: "😀😀"\nafter: 😀 x\nkey😀: 1\n',
    'text: |\n  line 1\n  line 2\nfolded: >-\n  a\n  b\nnext: 1\n',
    'a: !!str 1\nb: !custom {x: 1}\nc: !!int "3"\n',
    'a: 1\nb: "unclosed\nc: 3\n',
    'a: *nope\n',
    'x: &a 1\ny: &a 2\nz: *a\n',
    '[1, 2, [3, [4]]]\n',
    'plain scalar document\n',
    '- a: 1\n  a: 2\n- b: 3\n',
    `${'a:\n'.repeat(1)}${Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`,
    'a: &a [*a]\n',
    "a: 'it''s'\nb: \"q\\u0041\"\n",
    'seq:\n- 1\n- 2\nmap: {}\nempty:\nlist: []\n',
  ];
  test.each(YAML_CASES.map((c, i) => [i, c]))('YAML case %i', (_, c) => yamlBoth(c as string));

  const JSON_CASES = [
    '{"a": 1, "b": {"c": [1, 2, {"d": null}]}}',
    '{"a": 1, "a": {"x": 1}, "a": 3}',
    '{"a": {"x": 1}, "a": {"y": 2}}',
    '// comment\n{\n  "a": 1, /* c */ "b": [true, false,],\n}\n',
    '[1, [2, [3]]]',
    '"just a string"',
    '',
    '{"a": }',
    '{"a" 1}',
    '{"__proto__": {"polluted": 1}, "constructor": 2}',
    '{"nvidia.com/gpu": 1, "a~b": 2, "": 3}',
    '{"emoji": "😀", "k😀": [1]}',
    `${'['.repeat(70)}${']'.repeat(70)}`,
    '{"a": 1}\n{"b": 2}',
    '{"a": [{"b": 1}, {"b": 2, "b": 3}]}',
  ];
  test.each(JSON_CASES.map((c, i) => [i, c]))('JSON case %i', (_, c) => jsonBoth(c as string));

  test('a large document (many nodes, lookups by pointer)', () => {
    const items = Array.from({ length: 1500 }, (_, i) => `  k${i}:\n    v: ${i}\n    l: [${i}, ${i + 1}]`).join('\n');
    yamlBoth(`root:\n${items}\n`);
    const obj = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, { v: i, l: [i] }]));
    jsonBoth(JSON.stringify(obj, null, 1));
    expect(pointerJoin('', 'a/b')).toBe('/a~1b');
  });
});

describe('positions on demand: lookups without a Map', () => {
  test('a document under the index threshold answers by walking the table', () => {
    const items = Array.from({ length: 300 }, (_, i) => `  k${i}: {v: ${i}}`).join('\n');
    yamlBoth(`root:\n${items}\nroot:\n  k1: {w: 1}\n`);
  });
});
