// pull_request from a fork. @octokit/webhooks-examples has no fork example, so the payload is the
// real `opened` example with only `head.repo` changed to a fork (payloads.ts). On a fork PR,
// GITHUB_TOKEN is read-only whatever the workflow asks for: the fake answers every write 403
// "Resource not accessible by integration", as api.github.com does.
import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { GITHUB_ACTIONS_BOT, READ_ONLY } from './fake-github-api.js';
import { cleanTempDirs } from './git-fixture.js';
import { findingCommands, operationalWarnings, runAction, TOKEN } from './run-action.js';
import { expectValidTraffic, setup, type Setup } from './suite.js';

const ACI_FILE = 'deploy/prod/legacy/deploymentconfig.yml';
let current: Setup | undefined;

afterEach(async () => {
  await current?.gh.stop();
  current = undefined;
});
afterAll(() => cleanTempDirs());

describe('pull_request from a fork (read-only token)', () => {
  test('records what the action does: reads the file list, tries the check run and the comment once each (403), warns naming the permissions, still fails on the error', async () => {
    current = await setup('fork', { api: { tokens: { [TOKEN]: { identity: GITHUB_ACTIONS_BOT, kind: 'installation', permissions: READ_ONLY } } } });
    const { ev, gh } = current;
    const pr = ev.payload['pull_request'] as { head: { repo: { full_name: string } }; base: { repo: { full_name: string } } };
    expect(pr.head.repo.full_name).not.toBe(pr.base.repo.full_name);

    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'on-failure' } });

    // Every request addressed the base repository (GITHUB_REPOSITORY), none the fork.
    expect(gh.requests.map((r) => [r.method, r.operationId, r.status])).toEqual([
      ['GET', 'pulls/list-files', 200],
      ['POST', 'checks/create', 403],
      ['GET', 'issues/list-comments', 200],
      ['POST', 'issues/create-comment', 403],
    ]);
    expect(operationalWarnings(run)).toEqual([
      expect.stringMatching(/^No check run "model-deploy-gate" \(HTTP 403: Resource not accessible by integration.*`checks: write`.*forks always get a read-only token/),
      expect.stringMatching(/^No PR comment \(HTTP 403: Resource not accessible by integration.*`pull-requests: write`/),
    ]);
    expect(findingCommands(run).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1`, `v1-deprecated ${ACI_FILE}:1`]);
    expect(run.summary).toContain('aci-not-for-production');
    expect(run.summary).toContain('checks: write');
    expect(run.outputs['result']).toBe('fail');
    expect(run.code).toBe(1);
    expect(gh.checkRuns).toEqual([]);
    expect(gh.comments).toEqual([]);
    // A 403 is the environment, not a malformed request: nothing GitHub would reject as invalid.
    expectValidTraffic(gh);
  });

  test('check-run: on with a read-only token fails the step, naming the permission', async () => {
    current = await setup('fork', { api: { tokens: { [TOKEN]: { identity: GITHUB_ACTIONS_BOT, kind: 'installation', permissions: READ_ONLY } } } });
    const { ev, gh } = current;
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { 'check-run': 'on', 'fail-on': 'never' } });

    expect(run.code).toBe(1);
    expect(run.commands.filter((c) => c.level === 'error').at(-1)!.message).toMatch(/^model-deploy-gate: check-run: on, but No check run .*`checks: write`/);
    expectValidTraffic(gh);
  });
});
