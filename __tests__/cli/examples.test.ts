// The bundled example repository as the README runs it (issue #11 acceptance): `model-deploy-gate .`
// inside examples/ gives the report of `--root examples`, and the folder with no stage in its path
// is production because its workflow deploys it to the production environment.
import { describe, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type Io } from '../../src/cli/main.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { out: (s) => (out += s), err: () => undefined, cwd };
  return { code: await main(argv, io), out };
}

describe('examples/', () => {
  test('`model-deploy-gate .` in examples/ is the report of `--root examples`', async () => {
    const dot = await cli(['.', '--format', 'json'], EXAMPLES);
    const byRoot = await cli(['--root', 'examples', '--format', 'json'], path.dirname(EXAMPLES));
    expect(dot.code).toBe(1);
    expect(JSON.parse(dot.out)).toEqual(JSON.parse(byRoot.out));
  });

  test('services/recommender/ is production by its deploying workflow, and gated as production', async () => {
    const { out } = await cli(['.', '--format', 'json'], EXAMPLES);
    const r = JSON.parse(out) as {
      inventory: Array<{ file: string; stage: string; stageSource: string; deployedBy: Array<{ pipeline: string; command: string }> }>;
      findings: Array<{ ruleId: string; file: string; line: number }>;
    };
    const row = r.inventory.find((x) => x.file === 'services/recommender/deployment.yml')!;
    expect([row.stage, row.stageSource]).toEqual(['production', 'deployed by .github/workflows/deploy-recommender.yml job deploy (environment: production)']);
    expect(row.deployedBy.map((e) => [e.pipeline, e.command])).toEqual([['.github/workflows/deploy-recommender.yml', 'online-deployment']]);
    expect(r.findings.filter((f) => f.file.startsWith('services/')).map((f) => [f.ruleId, f.file, f.line])).toEqual([
      ['managed-instance-count-ha', 'services/recommender/deployment.yml', 6],
    ]);
  });
});
