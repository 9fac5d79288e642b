// The JSON report written in pieces is byte for byte the rendered one.
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeJsonFile } from '../../src/cli/write-json.js';
import { ReportList } from '../../src/report/json.js';
import { evaluate } from '../../src/engine.js';
import { renderJson, toJsonReport, toLazyJsonReport } from '../../src/report/index.js';
import { resultOf } from '../helpers.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__');

function written(report: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mdg-json-'));
  try {
    writeJsonFile(path.join(dir, 'r.json'), report);
    return readFileSync(path.join(dir, 'r.json'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('writeJsonFile', () => {
  test.each(['corpus', 'realworld/Azure+AML-Kubernetes', 'realworld/microsoft+MLOps'])('same bytes as renderJson: %s', (dir) => {
    const result = resultOf(evaluate({ root: path.join(FIX, dir), failOn: 'error', scopeReason: 'test' }));
    expect(result.findings.length).toBeGreaterThan(0);
    expect(written(toJsonReport(result))).toBe(renderJson(result));
    // What the CLI writes: the lists made a slice at a time.
    expect(written(toLazyJsonReport(result))).toBe(renderJson(result));
  });

  test('a lazy list of any length, empty lists among them, is written as the eager one', () => {
    const made: number[] = [];
    for (const n of [0, 1, 63, 64, 65, 200]) {
      const items = Array.from({ length: n }, (_, i) => i);
      const lazy = { before: 1, list: ReportList.of(items, (i: number) => (made.push(i), { i, s: 'é'.repeat(i % 7) })), after: [] };
      const eager = { before: 1, list: items.map((i) => ({ i, s: 'é'.repeat(i % 7) })), after: [] };
      made.length = 0;
      expect(written(lazy)).toBe(`${JSON.stringify(eager, null, 2)}\n`);
      // Each item made once, in order.
      expect(made).toEqual(items);
    }
  });

  test('empty lists, nested values, members JSON leaves out, unicode', () => {
    const odd = { a: [], b: {}, c: [{ x: [1, { y: 'é\n"' }] }, null], d: undefined, e: 'ü😀', f: [undefined, () => 1], g: 0 };
    expect(written(odd)).toBe(`${JSON.stringify(odd, null, 2)}\n`);
    expect(written({})).toBe('{}\n');
    const big = { items: Array.from({ length: 20000 }, (_, i) => ({ i, s: 'x'.repeat(i % 100) })) };
    expect(written(big)).toBe(`${JSON.stringify(big, null, 2)}\n`);
  });

  test('multi-byte text in pieces of every size: under the reused buffer, and one member larger than it', () => {
    const wide = {
      items: Array.from({ length: 5000 }, (_, i) => ({ i, s: 'é😀ü'.repeat(i % 60) })),
      huge: 'ß😀'.repeat(200_000),
      after: ['z'],
    };
    expect(written(wide)).toBe(`${JSON.stringify(wide, null, 2)}\n`);
  });
});
