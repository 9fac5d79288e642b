/**
 * A short fuzz run (the long one is `node scripts/fuzz.mjs`), plus checks that the fuzzer is
 * deterministic and that each of its invariants does catch a broken outcome (a checker that cannot
 * fail proves nothing).
 */
import { describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { checkEquivalent, checkStages, defaultRoots, inputFor, kindOf, loadSeeds, mutate, inputRng, runInputs, type InputKind, type Seed } from './fuzz-core.js';
import { rewriteEquivalent } from './fuzz-equivalent.js';
import { canarySeen, CANARY_SIZE, checkSurfaces, runOnDisk, type DiskRun } from './fuzz-disk.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

describe('fuzz harness', () => {
  const seeds = loadSeeds(defaultRoots(repo));

  test('seeds come from examples/ (and the shared corpus when present), some with a planted violation', () => {
    expect(seeds.some((s) => s.id.startsWith('examples/'))).toBe(true);
    const planted = seeds.filter((s) => s.plant).map((s) => s.plant!.ruleId);
    expect(planted).toEqual(expect.arrayContaining(['aci-memory-limit', 'request-timeout-limit']));
  });

  test('unmutated planted seeds report their violation (the baseline the fuzzer relies on)', () => {
    const planted = seeds.filter((x) => x.plant);
    expect(planted.length).toBeGreaterThan(5);
    for (const s of planted) {
      const c = checkStages(s, s.file.bytes);
      expect({ seed: s.id, v: c.violations, plant: c.plant }).toEqual({ seed: s.id, v: [], plant: 'kept' });
    }
  });

  test('deterministic: the same (seed, index) gives the same input, another seed another one', () => {
    for (let i = 0; i < 50; i++) {
      const a = inputFor(seeds, 7, i);
      const b = inputFor(seeds, 7, i);
      expect([a.kind, a.s.id, a.m.ops]).toEqual([b.kind, b.s.id, b.m.ops]);
      expect(a.m.bytes.equals(b.m.bytes)).toBe(true);
    }
    const differ = Array.from({ length: 20 }, (_, i) => !inputFor(seeds, 7, i).m.bytes.equals(inputFor(seeds, 8, i).m.bytes));
    expect(differ.filter(Boolean).length).toBeGreaterThan(10);
  });

  test('every kind of input is drawn', () => {
    const kinds = new Map<InputKind, number>();
    for (let i = 0; i < 1000; i++) kinds.set(kindOf(1, i), (kinds.get(kindOf(1, i)) ?? 0) + 1);
    expect([...kinds.keys()].sort()).toEqual(['damage', 'equivalent', 'file-name', 'outside']);
    expect(Math.min(...kinds.values())).toBeGreaterThan(40);
  });

  test('mutations never touch the planted lines', () => {
    const planted = seeds.filter((s) => s.plant);
    let checked = 0;
    for (let i = 0; i < 200; i++) {
      const s = planted[i % planted.length];
      const m = mutate(s, inputRng(3, i));
      if (m.ops.some((o) => o.startsWith('utf16'))) continue;
      const text = m.bytes.toString('latin1').replace(/^\xef\xbb\xbf/, '').replace(/\r\n/g, '\n');
      const original = s.file.bytes.toString('latin1').split('\n');
      for (const l of s.plant!.protectedLines) {
        expect(text.split('\n')).toContain(original[l].replace(/\r$/, ''));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  test('the invariants catch a lost violation', () => {
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

  test('the equivalence invariant catches a rewrite the gate would read differently', () => {
    const s = seeds.find((x) => x.id === 'examples/deploy/prod/legacy-aci/deploymentconfig.json#planted:aci-memory-limit') ?? seeds.find((x) => x.plant?.ruleId === 'aci-memory-limit')!;
    const rw = rewriteEquivalent(s.file.rel, s.file.bytes, inputRng(1, 1))!;
    expect(checkEquivalent(s, rw)).toEqual([]);
    // The same "rewrite" with the key spelled so that neither Azure nor the gate decodes computeType.
    const broken = { ...rw, bytes: Buffer.from(s.file.bytes.toString('utf8').replace('"computeType"', '"compute\\u0074ype2"')) };
    expect(new Set(checkEquivalent(s, broken).map((v) => v.invariant))).toEqual(new Set(['equivalent-decoded', 'equivalent-findings', 'equivalent-inventory']));
  });

  test('the surface invariants catch a forged command, a foreign annotation and the canary', async () => {
    const base = { trace: { reads: [] }, traceOn: true };
    const { result } = await runOnDisk([]);
    expect(result.findings).toEqual([]);
    const forged: DiskRun = { ...base, result, cli: { format: 'text', code: 0, out: 'x\n  ::error file=a::forged\nok ##[add-mask]y\n', err: '' } };
    expect(checkSurfaces(forged).map((v) => v.invariant)).toEqual(['workflow-command']);
    const inert: DiskRun = { ...base, result, cli: { format: 'text', code: 0, out: '::stop-commands::t1\n::error::x\n::t1::\n', err: '' } };
    expect(checkSurfaces(inert)).toEqual([]);
    const foreign: DiskRun = { ...base, result, cli: { format: 'github', code: 0, out: '::error file=README.md::not a finding\n', err: '' } };
    expect(checkSurfaces(foreign).map((v) => v.invariant)).toEqual(['workflow-command']);
    const sized = { ...result, inventory: [{ ...(result.inventory[0] ?? {}), file: 'a.yml', line: 1, modelSizeBytes: CANARY_SIZE }] } as DiskRun['result'];
    expect(canarySeen(sized, 'a.yml', new Set())).toMatch(/outside model size/);
  });

  test('a disk run sees what the CLI prints and the gate reads, nothing from outside', async () => {
    const r = await runOnDisk([{ rel: 'deploy/prod/aci.yml', bytes: Buffer.from('computeType: ACI\n') }], [], { cliFormat: 'github' });
    expect(r.result.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['aci-not-for-production']));
    expect(r.cli?.out).toMatch(/^::error file=deploy\/prod\/aci\.yml,/m);
    expect(checkSurfaces(r)).toEqual([]);
    expect(r.trace.reads).toEqual([]);
  });

  test('300 inputs of every kind: no exception, every invariant holds', async () => {
    const results = await runInputs({ seeds, seed: 20261127, indexes: Array.from({ length: 300 }, (_, i) => i), engineEvery: 30 });
    expect(results).toHaveLength(300);
    const violations = results.flatMap((r) => r.violations).map((v) => `${v.invariant} @${v.index} ${v.seed} [${v.ops.join(',')}]: ${v.detail.split('\n')[0]}`);
    expect(violations).toEqual([]);
    // The mix exercises every outcome: files that still parse, files that become parse errors,
    // equivalent rewrites, renames that apply, references out of the workspace.
    const of = (k: InputKind) => results.filter((r) => r.kind === k);
    expect(results.filter((r) => r.problems > 0).length).toBeGreaterThan(30);
    expect(results.filter((r) => r.kind === 'damage' && r.problems === 0 && r.manifests > 0).length).toBeGreaterThan(30);
    expect(of('equivalent').length).toBeGreaterThan(60);
    expect(of('file-name').filter((r) => !r.ops[0].includes('none applies')).length).toBeGreaterThan(15);
    expect(of('outside').length).toBeGreaterThan(10);
  }, 120_000);

  // Under jest the gate's `node:fs` bindings are a snapshot, so the fs trace only works in the
  // script (tsx, real ESM): run it for the disk kinds and require the trace to be on.
  test('the script: disk kinds with the fs trace on, no violation', async () => {
    const { stdout } = await run(process.execPath, ['scripts/fuzz.mjs', '--count', '120', '--seed', '3', '--kinds', 'outside,file-name', '--jobs', '1'], { cwd: repo });
    expect(stdout).toMatch(/^fuzz: fs trace on/m);
    expect(stdout).toMatch(/^fuzz: \d+ inputs, 0 violations/m);
    expect(Number(/^fuzz: (\d+) inputs/m.exec(stdout)![1])).toBeGreaterThan(15);
  }, 120_000);
});
