// push, from GitHub's real webhook example (a push creating a branch: `before` is all zeros).
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

describe('push', () => {
  test.concurrent('audits every file and reports the check run on `after`, every request valid', async () => {
    const current = await fresh('push');
    const { ev, gh } = current;
    expect(ev.payload['after']).toBe(ev.githubSha);
    expect(ev.payload['before']).toBe('0'.repeat(40));

    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'always' } });

    expect(run.code).toBe(1);
    expect(findingCommands(run).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1`, `v1-deprecated ${ACI_FILE}:1`]);
    expect(gh.requests.map((r) => r.operationId)).toEqual(['checks/create']);
    expect(gh.checkRuns).toEqual([expect.objectContaining({ name: CHECK_NAME, head_sha: ev.payload['after'], status: 'completed', conclusion: 'failure' })]);
    expect(run.stdout).toMatch(/No PR comment: the push event has no pull request/);
    expectValidTraffic(gh);
  });
});
