// pull_request_target: Actions sends it the pull_request webhook payload (the fork-derived
// `opened` example here), runs it on the BASE branch (GITHUB_SHA is the base tip, and
// actions/checkout checks that out by default) and gives it a write token even for forks.
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

describe('pull_request_target', () => {
  test.concurrent('with the PR head checked out (as data): gates the PR\'s files, check run on the head commit, every request valid', async () => {
    const current = await fresh('pull_request_target');
    const { ev, gh } = current;
    expect(ev.githubSha).toBe(ev.repo.base);
    ev.repo.checkout(ev.headSha); // actions/checkout with ref: github.event.pull_request.head.sha

    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'on-failure' } });

    expect(run.code).toBe(1);
    expect(findingCommands(run).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1`, `v1-deprecated ${ACI_FILE}:1`]);
    expect(gh.checkRuns).toEqual([expect.objectContaining({ name: CHECK_NAME, head_sha: ev.headSha, conclusion: 'failure' })]);
    expect(gh.comments).toHaveLength(1);
    expectValidTraffic(gh);
  });

  // DEFECT (false green on pull_request_target): with the default checkout the workspace holds
  // the base branch, not the PR. The action takes the PR's file list from the API, finds those
  // files missing or at their base version in the workspace, gates nothing, and reports
  // `success` on the PR HEAD commit — a green check for content it never read. Correct: notice
  // that the workspace is not at the head commit (git rev-parse HEAD, or read the changed files
  // at head_sha through the contents API, which the fake serves) and never conclude success.
  test.concurrent('with the default checkout (the base branch): never a green check on the PR head for content that was not read', async () => {
    const current = await fresh('pull_request_target');
    const { ev, gh } = current;
    expect(ev.checkedOut).toBe(ev.repo.base);

    const run = await runAction({ event: ev, apiUrl: gh.url });

    expectValidTraffic(gh);
    expect(gh.checkRuns.filter((r) => r.head_sha === ev.headSha && r.conclusion === 'success')).toEqual([]);
    expect(run.outputs['result']).not.toBe('pass');
  });
});
