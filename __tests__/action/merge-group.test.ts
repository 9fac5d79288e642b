// merge_group (checks_requested), from GitHub's real webhook example: the merge queue asks for
// checks on its own commit (the PR merged onto the base). No pull request, so no file list and
// no comment: the changed files come from git diff base_sha...head_sha.
import { afterAll, describe, expect, test } from '@jest/globals';
import { cleanTempDirs } from './git-fixture.js';
import { findingCommands, runAction } from './run-action.js';
import { CHECK_NAME, expectValidTraffic, setup, type Setup } from './suite.js';
import { fresh, stopAll, track } from './suite.js';

const ACI_FILE = 'deploy/prod/legacy/deploymentconfig.yml';

afterAll(async () => {
  await stopAll();
  cleanTempDirs();
});

describe('merge_group', () => {
  test.concurrent('gates git diff base_sha...head_sha and reports the check run on the queue\'s head commit', async () => {
    const current = await fresh('merge_group');
    const { ev, gh } = current;
    const mg = ev.payload['merge_group'] as { head_sha: string; base_sha: string };
    expect(mg.head_sha).toBe(ev.repo.merge);
    expect(mg.base_sha).toBe(ev.repo.base);

    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'always', 'report-file': 'out/report.json' } });

    expect(run.code).toBe(1);
    expect(findingCommands(run).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1`, `v1-deprecated ${ACI_FILE}:1`]);
    expect(gh.requests.map((r) => r.operationId)).toEqual(['checks/create']);
    expect(gh.checkRuns).toEqual([expect.objectContaining({ name: CHECK_NAME, head_sha: mg.head_sha, status: 'completed', conclusion: 'failure' })]);
    expect(run.stdout).toContain(`Changed files taken from git diff ${mg.base_sha.slice(0, 12)}...${mg.head_sha.slice(0, 12)}`);
    expect(run.stdout).toMatch(/No PR comment: the merge_group event has no pull request/);
    expectValidTraffic(gh);
  });
});
