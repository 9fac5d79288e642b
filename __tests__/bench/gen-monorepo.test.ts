import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { walk } from '../../src/load/files.js';
import { loadAll } from '../../src/load/read.js';
import { looksLikeManifest } from '../../src/formats/prefilter.js';
import { DEFAULT_INCLUDES } from '../config/throwing.js';
import { recognise } from '../../src/formats/recognise.js';

// The benchmark's synthetic monorepo must be reproducible (same seed ⇒ same bytes) and must really
// contain what it claims: N manifests the gate's own loader recognises, from every family of SPEC §2.
const GEN = path.resolve('scripts/gen-monorepo.mjs');
const N = 600;
let tmp: string;

interface GenStats {
  manifests: number;
  noiseFiles: number;
  templates: number;
  families: Record<string, number>;
}

function gen(seed: string, out: string): GenStats {
  return JSON.parse(execFileSync(process.execPath, [GEN, '--manifests', String(N), '--seed', seed, '--out', out, '--json'], { encoding: 'utf8' })) as GenStats;
}

async function treeHash(root: string): Promise<string> {
  const h = createHash('sha256');
  for (const c of await walk({ root, include: ['**'], exclude: [] })) h.update(c.path).update('\0').update(readFileSync(c.abs)).update('\0');
  return h.digest('hex');
}

let first: GenStats;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mdg-gen-test-'));
  first = gen('1', path.join(tmp, 'a'));
  gen('1', path.join(tmp, 'b'));
  gen('2', path.join(tmp, 'c'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('gen-monorepo', () => {
  test('same seed gives a byte-identical tree; another seed does not', async () => {
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((d) => treeHash(path.join(tmp, d))));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  test('the gate loader recognises exactly N manifests, from every family, plus about one unrelated file each', async () => {
    const root = path.join(tmp, 'a');
    const stats = first;
    expect(stats.manifests).toBe(N);
    expect(stats.noiseFiles).toBeGreaterThanOrEqual(N);

    const files = loadAll(walk({ root, include: DEFAULT_INCLUDES, exclude: [] }), { prefilter: looksLikeManifest });
    const kinds: Record<string, number> = {};
    for (const f of files) for (const m of recognise(f)) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
    expect(kinds).toEqual(stats.families);
    expect(Object.keys(kinds).sort()).toEqual(
      [
        'v1DeploymentConfig',
        'amlDeployAction',
        'amlComputeAction',
        'amlRegisterModelAction',
        'managedOnlineDeployment',
        'kubernetesOnlineDeployment',
        'managedOnlineEndpoint',
        'kubernetesOnlineEndpoint',
        'batchEndpoint',
        'batchDeployment',
        'modelBatchDeployment',
        'pipelineComponentBatchDeployment',
        'amlCompute',
        'kubernetesCompute',
        'computeInstance',
        'model',
        'mlflowModel',
      ].sort(),
    );
    // Only the unrendered templates fail to parse; JSONC comments in .json files are fine.
    expect(files.filter((f) => f.problems.length > 0)).toHaveLength(stats.templates);
  });
});
