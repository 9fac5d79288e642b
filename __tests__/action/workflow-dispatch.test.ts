// workflow_dispatch, from GitHub's real webhook example: a manual audit of the whole workspace.
import { afterAll, describe, expect, test } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanTempDirs } from './git-fixture.js';
import { findingCommands, runAction } from './run-action.js';
import { CHECK_NAME, expectValidTraffic, setup, type Setup } from './suite.js';
import { fresh, stopAll, track } from './suite.js';

const ACI_FILE = 'deploy/prod/legacy/deploymentconfig.yml';

afterAll(async () => {
  await stopAll();
  cleanTempDirs();
});

describe('workflow_dispatch audit', () => {
  test.concurrent('audits every file, one check run on GITHUB_SHA, no file listing, every request valid', async () => {
    const current = await fresh('workflow_dispatch');
    const { ev, gh } = current;
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'always', 'report-file': 'out/report.json' } });

    expect(run.code).toBe(1);
    expect(findingCommands(run).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1`, `v1-deprecated ${ACI_FILE}:1`]);
    expect(gh.requests.map((r) => r.operationId)).toEqual(['checks/create']);
    expect(gh.checkRuns).toEqual([expect.objectContaining({ name: CHECK_NAME, head_sha: ev.githubSha, status: 'completed', conclusion: 'failure' })]);
    const report = JSON.parse(fs.readFileSync(path.join(ev.repo.dir, 'out/report.json'), 'utf8')) as { scope: { mode: string; reason: string } };
    expect(report.scope).toMatchObject({ mode: 'all', reason: 'workflow_dispatch event' });
    expect(run.summary).toContain('aci-not-for-production');
    expectValidTraffic(gh);
  });

  test.concurrent('a clean workspace passes with a successful check run', async () => {
    const current = await fresh('workflow_dispatch', { extra: { head: { [ACI_FILE]: null } } });
    const { ev, gh } = current;
    const run = await runAction({ event: ev, apiUrl: gh.url });

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'pass', errors: '0' });
    expect(gh.checkRuns).toEqual([expect.objectContaining({ head_sha: ev.githubSha, status: 'completed', conclusion: 'success' })]);
    expectValidTraffic(gh);
  });
});
