// pull_request (synchronize), from GitHub's real webhook example: a new push to an open PR. The
// sticky comment from the previous run is edited in place; comments by people are left alone.
import { afterAll, describe, expect, test } from '@jest/globals';
import { GITHUB_ACTIONS_BOT, type Identity } from './fake-github-api.js';
import { cleanTempDirs } from './git-fixture.js';
import { findingCommands, runAction } from './run-action.js';
import { CHECK_NAME, MARKER, expectValidTraffic, setup, type Setup } from './suite.js';
import { fresh, stopAll, track } from './suite.js';

const ACI_FILE = 'deploy/prod/legacy/deploymentconfig.yml';
const MAINTAINER: Identity = { login: 'Codertocat', id: 21031067, type: 'User' };
const MALLORY: Identity = { login: 'mallory', id: 6666666, type: 'User' };

afterAll(async () => {
  await stopAll();
  cleanTempDirs();
});

describe('pull_request synchronize', () => {
  test.concurrent('the payload names the new head and the previous one; the check run goes on the new head; the bot\'s sticky comment is edited in place', async () => {
    const current = await fresh('synchronize');
    const { ev, gh } = current;
    expect(ev.payload['after']).toBe(ev.headSha);
    expect(ev.payload['before']).toBe(ev.repo.previousHead);
    const lgtm = gh.addComment(ev.pullNumber!, 'LGTM once the ACI config is gone', MAINTAINER);
    const sticky = gh.addComment(ev.pullNumber!, `${MARKER}\nold report`, GITHUB_ACTIONS_BOT);

    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'on-failure' } });

    expect(run.code).toBe(1);
    expect(findingCommands(run).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1`, `v1-deprecated ${ACI_FILE}:1`]);
    expect(gh.checkRuns).toEqual([expect.objectContaining({ name: CHECK_NAME, head_sha: ev.headSha, status: 'completed', conclusion: 'failure' })]);
    expect(gh.calls().filter((c) => c.includes('/comments'))).toEqual([
      `GET /repos/${ev.repository}/issues/${ev.pullNumber}/comments?per_page=100`,
      `PATCH /repos/${ev.repository}/issues/comments/${sticky.id}`,
    ]);
    expect(sticky.body).toMatch(new RegExp(`^${MARKER}\\n[\\s\\S]*aci-not-for-production`));
    expect(lgtm.body).toBe('LGTM once the ACI config is gone');
    expectValidTraffic(gh);
  });

  test.concurrent('comments listed across pages (101 comments): the sticky comment on page 2 is found, not duplicated', async () => {
    const current = await fresh('synchronize');
    const { ev, gh } = current;
    for (let i = 0; i < 100; i++) gh.addComment(ev.pullNumber!, `review note ${i}`, MAINTAINER);
    const sticky = gh.addComment(ev.pullNumber!, `${MARKER}\nold report`, GITHUB_ACTIONS_BOT);

    await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'always' } });

    expect(gh.requestsOf('issues/list-comments').map((r) => r.url)).toEqual([
      `/repos/${ev.repository}/issues/${ev.pullNumber}/comments?per_page=100`,
      `/repos/${ev.repository}/issues/${ev.pullNumber}/comments?per_page=100&page=2`,
    ]);
    expect(gh.requestsOf('issues/create-comment')).toEqual([]);
    expect(sticky.body).toContain('aci-not-for-production');
    expectValidTraffic(gh);
  });

  // DEFECT (sticky comment matched by marker alone): the comment to edit is the first whose body
  // contains `<!-- model-deploy-gate -->`, whoever wrote it. Anyone who can comment on the PR can
  // plant the marker (a hidden HTML comment) and the action then overwrites their comment — or,
  // worse, a maintainer's comment that quotes the marker. Correct: match only comments written by
  // the token's own identity (github-actions[bot] for GITHUB_TOKEN; comment.user.login/type).
  test.concurrent('a comment by another user that contains the marker is not edited; the bot posts its own', async () => {
    const current = await fresh('synchronize');
    const { ev, gh } = current;
    const planted = gh.addComment(ev.pullNumber!, `${MARKER}\nI am not the bot`, MALLORY);

    await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'on-failure' } });

    expectValidTraffic(gh);
    expect(planted.body).toBe(`${MARKER}\nI am not the bot`);
    expect(gh.requestsOf('issues/update-comment')).toEqual([]);
    const mine = gh.comments.filter((c) => c.user.login === GITHUB_ACTIONS_BOT.login);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toContain('aci-not-for-production');
  });
});
