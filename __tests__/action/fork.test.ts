// pull_request from a fork. @octokit/webhooks-examples has no fork example, so the payload is the
// real `opened` example with only `head.repo` changed to a fork (payloads.ts). On a fork PR,
// GITHUB_TOKEN is read-only whatever the workflow asks for: the fake answers every write 403
// "Resource not accessible by integration", as api.github.com does, so the action does not ask.
import { afterAll, describe, expect, test } from '@jest/globals';
import { GITHUB_ACTIONS_BOT, READ_ONLY } from './fake-github-api.js';
import { cleanTempDirs } from './git-fixture.js';
import { findingCommands, operationalWarnings, runAction, TOKEN } from './run-action.js';
import { expectValidTraffic, setup, type Setup } from './suite.js';
import { fresh, stopAll, track } from './suite.js';

const ACI_FILE = 'deploy/prod/legacy/deploymentconfig.yml';

afterAll(async () => {
  await stopAll();
  cleanTempDirs();
});

describe('pull_request from a fork (read-only token)', () => {
  test.concurrent('reads the file list, does not call the APIs that would answer 403 (check run, comment), says so once, still fails on the error', async () => {
    const current = await fresh('fork', { api: { tokens: { [TOKEN]: { identity: GITHUB_ACTIONS_BOT, kind: 'installation', permissions: READ_ONLY } } } });
    const { ev, gh } = current;
    const pr = ev.payload['pull_request'] as { head: { repo: { full_name: string } }; base: { repo: { full_name: string } } };
    expect(pr.head.repo.full_name).not.toBe(pr.base.repo.full_name);

    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'on-failure' } });

    // Reads only, every one on the base repository (GITHUB_REPOSITORY), none refused.
    expect(gh.requests.map((r) => [r.method, r.operationId, r.status])).toEqual([['GET', 'pulls/list-files', 200]]);
    expect(operationalWarnings(run)).toEqual([]);
    const said = run.commands.filter((c) => c.props['file'] === undefined && /comes from a fork/.test(c.message));
    expect(said).toHaveLength(1);
    expect(said[0]!.message).toMatch(/^Pull request #\d+ comes from a fork \(contributor\/Hello-World\): its token is read-only, so no check run or PR comment/);
    expect(findingCommands(run).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1`, `v1-deprecated ${ACI_FILE}:1`]);
    expect(run.summary).toContain('aci-not-for-production');
    expect(run.summary).toContain('comes from a fork');
    expect(run.outputs['result']).toBe('fail');
    expect(run.code).toBe(1);
    expect(gh.checkRuns).toEqual([]);
    expect(gh.comments).toEqual([]);
    expectValidTraffic(gh);
  });

  test.concurrent('check-run: on with a read-only token fails the step, naming the permission', async () => {
    const current = await fresh('fork', { api: { tokens: { [TOKEN]: { identity: GITHUB_ACTIONS_BOT, kind: 'installation', permissions: READ_ONLY } } } });
    const { ev, gh } = current;
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { 'check-run': 'on', 'fail-on': 'never' } });

    expect(run.code).toBe(1);
    expect(run.commands.filter((c) => c.level === 'error').at(-1)!.message).toMatch(/^model-deploy-gate: check-run: on, but No check run .*`checks: write`/);
    expectValidTraffic(gh);
  });
});
