/**
 * A short fuzz run (the long one is `node scripts/fuzz.mjs`), plus checks that the fuzzer is
 * deterministic and that its invariants do catch a broken outcome.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStages, defaultRoots, inputFor, loadSeeds, mutate, inputRng, runInputs, type Seed } from './fuzz-core.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('fuzz harness', () => {
  const seeds = loadSeeds(defaultRoots(repo));

  test('seeds come from examples/ (and the shared corpus when present), some with a planted violation', () => {
    expect(seeds.some((s) => s.id.startsWith('examples/'))).toBe(true);
    const planted = seeds.filter((s) => s.plant).map((s) => s.plant!.ruleId);
    expect(planted).toEqual(expect.arrayContaining(['aci-memory-limit', 'request-timeout-limit']));
  });

  test('unmutated planted seeds report their violation (the baseline the fuzzer relies on)', () => {
    for (const s of seeds.filter((x) => x.plant)) {
      const c = checkStages(s, s.file.bytes);
      expect({ seed: s.id, v: c.violations }).toEqual({ seed: s.id, v: [] });
    }
  });

  test('deterministic: the same (seed, index) gives the same bytes', () => {
    for (let i = 0; i < 50; i++) {
      const a = inputFor(seeds, 7, i);
      const b = inputFor(seeds, 7, i);
      expect(a.s.id).toBe(b.s.id);
      expect(a.m.bytes.equals(b.m.bytes)).toBe(true);
    }
    expect(inputFor(seeds, 7, 1).m.bytes.equals(inputFor(seeds, 8, 1).m.bytes) && inputFor(seeds, 7, 2).m.bytes.equals(inputFor(seeds, 8, 2).m.bytes)).toBe(false);
  });

  test('mutations never touch the planted lines', () => {
    const planted = seeds.filter((s) => s.plant);
    for (let i = 0; i < 200; i++) {
      const s = planted[i % planted.length];
      const m = mutate(s, inputRng(3, i));
      const text = m.bytes.toString('latin1').replace(/^\xef\xbb\xbf/, '').replace(/\r\n/g, '\n');
      const original = s.file.bytes.toString('latin1').split('\n');
      for (const l of s.plant!.protectedLines) expect(text.split('\n')).toContain(original[l].replace(/\r$/, ''));
    }
  });

  test('the invariants catch a lost violation (a checker that cannot fail proves nothing)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mdg-fuzz-seed-'));
    try {
      writeFileSync(path.join(dir, 'aciDeploymentConfig.yml'), 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 2\n');
      const s = loadSeeds([dir]).find((x) => x.plant?.ruleId === 'aci-memory-limit') as Seed;
      expect(s.file.bytes.toString()).toContain('memoryInGB: 64');
      expect(checkStages(s, s.file.bytes).violations).toEqual([]);
      // The planted 64 GB back to 2 GB with no parse problem and no error: the violation vanished silently.
      const lost = Buffer.from(s.file.bytes.toString('utf8').replace('memoryInGB: 64', 'memoryInGB: 2'));
      expect(checkStages(s, lost).violations.map((v) => v.invariant)).toEqual(['planted-lost']);
      // And no false alarm on an ordinary manifest without the plant.
      const unread = checkStages({ ...s, plant: undefined }, Buffer.from('computeType: ACI\n'));
      expect(unread.violations).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('300 mutated inputs: no exception, every invariant holds', async () => {
    const results = await runInputs({ seeds, seed: 20261127, indexes: Array.from({ length: 300 }, (_, i) => i), engineEvery: 30 });
    expect(results).toHaveLength(300);
    const violations = results.flatMap((r) => r.violations).map((v) => `${v.invariant} @${v.index} ${v.seed} [${v.ops.join(',')}]: ${v.detail.split('\n')[0]}`);
    expect(violations).toEqual([]);
    // The mix exercises both outcomes: files that still parse and files that become parse errors.
    expect(results.filter((r) => r.problems > 0).length).toBeGreaterThan(30);
    expect(results.filter((r) => r.problems === 0 && r.manifests > 0).length).toBeGreaterThan(30);
  }, 60_000);
});
