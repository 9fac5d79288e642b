// Review suggestions: fixable findings on lines the PR changed become GitHub suggested changes in
// one review (POST /pulls/{n}/reviews, validated against GitHub's REST description by the fake);
// the next push replaces that review's suggestions instead of adding a second set; fixes on lines
// the PR did not change, and every fix on a fork PR, go to the job summary as a diff.
import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changedLines } from '../../src/github/patch.js';
import { GITHUB_ACTIONS_BOT, READ_ONLY, type FakeGitHubOptions } from './fake-github-api.js';
import { cleanTempDirs, diffFiles, git, type FixtureRepo } from './git-fixture.js';
import { eventFixture } from './payloads.js';
import { runAction, TOKEN } from './run-action.js';
import { expectValidTraffic, setup, type Setup } from './suite.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json';
const MARKER = '<!-- model-deploy-gate:suggestions -->';
const GREEN = 'deploy/prod/online/green.yml';
const RED = 'deploy/prod/online/red.yml';

// Added by the PR: three fixable findings, each on an added line.
const green = (count: number) =>
  [
    `$schema: ${SCHEMA}`,
    'name: green',
    'endpoint_name: fraud-prod',
    'model: azureml:fraud-detector:3',
    'instance_type: Standard_DS4_v2',
    `instance_count: ${count}  # canary first`,
    'request_settings:',
    '  request_timeout_ms: 300000',
    '',
  ].join('\n');
// On the base branch; the PR changes only its description: its finding is on an unchanged line.
const red = (description: string) =>
  [`$schema: ${SCHEMA}`, 'name: red', `description: ${description}`, 'endpoint_name: fraud-prod', 'instance_type: Standard_DS4_v2', 'instance_count: 3', 'request_settings:', '  request_timeout_ms: 200000', ''].join('\n');

let current: Setup | undefined;
afterEach(async () => {
  await current?.gh.stop();
  current = undefined;
});
afterAll(() => cleanTempDirs());

async function start(kind: 'opened' | 'fork' = 'opened', api?: Partial<FakeGitHubOptions>): Promise<Setup> {
  current = await setup(kind, { extra: { base: { [RED]: red('old') }, head: { [GREEN]: green(1), [RED]: red('new') } }, api });
  return current;
}

/** A new push to the PR branch: a commit on `feature`, GitHub's new test merge, the new diff. */
function push(repo: FixtureRepo, files: Record<string, string>): FixtureRepo {
  git(repo.dir, 'checkout', '-q', '--detach', repo.head);
  for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(repo.dir, rel), text);
  git(repo.dir, 'add', '-A');
  git(repo.dir, 'commit', '-q', '-m', 'Address review');
  const head = git(repo.dir, 'rev-parse', 'HEAD');
  git(repo.dir, 'checkout', '-q', '--detach', repo.base);
  git(repo.dir, 'merge', '-q', '--no-ff', '--no-edit', '-m', `Merge ${head} into ${repo.base}`, head);
  const merge = git(repo.dir, 'rev-parse', 'HEAD');
  return { ...repo, head, merge, previousHead: repo.head, changed: diffFiles(repo.dir, repo.base, head) };
}

describe('review suggestions', () => {
  test('one review with a suggested change per fixable finding, each on lines the PR added; the rest in the summary as a diff', async () => {
    const { ev, gh } = await start();
    const run = await runAction({ event: ev, apiUrl: gh.url });
    expectValidTraffic(gh);
    expect(run.outputs['result']).toBe('fail');

    expect(gh.calls().filter((c) => /\/user$|reviews/.test(c))).toEqual([
      'GET /user',
      `GET /repos/${ev.repository}/pulls/${ev.pullNumber}/reviews?per_page=100`,
      `POST /repos/${ev.repository}/pulls/${ev.pullNumber}/reviews`,
    ]);
    expect(gh.reviews).toHaveLength(1);
    const review = gh.reviews[0]!;
    expect(review).toMatchObject({ state: 'COMMENTED', commit_id: ev.headSha, user: GITHUB_ACTIONS_BOT });
    expect(review.body.startsWith(`${MARKER}\n`)).toBe(true);
    const comments = gh.reviewComments.filter((c) => c.review_id === review.id);
    expect(comments.map((c) => [c.path, c.line, c.side, c.start_line])).toEqual([
      [GREEN, 6, 'RIGHT', undefined],
      [GREEN, 8, 'RIGHT', undefined],
    ]);
    expect(comments[0]!.body).toBe(
      '**model-deploy-gate** · `managed-instance-count-ha` (warning): Set `instance_count: 3`, the minimum for high availability\n\n```suggestion\ninstance_count: 3  # canary first\n```',
    );
    expect(comments[1]!.body).toContain('```suggestion\n  request_timeout_ms: 180000\n```');
    // Every line a suggestion replaces is one the PR added (the file list's patch says which).
    const added = changedLines(ev.repo.changed.find((f) => f.filename === GREEN)!.patch);
    for (const c of comments) for (let l = c.start_line ?? c.line!; l <= c.line!; l++) expect(added.has(l)).toBe(true);

    // red.yml's fix is on a line the PR did not change: in the job summary, as a diff git apply takes.
    expect(run.summary).toContain('### Fixes (1)');
    expect(run.summary).toContain(`--- a/${RED}\n+++ b/${RED}\n@@ -5,4 +5,4 @@\n instance_type: Standard_DS4_v2\n instance_count: 3\n request_settings:\n-  request_timeout_ms: 200000\n+  request_timeout_ms: 180000\n`);
  });

  test('a re-run on the same commit posts nothing new; the next push replaces the suggestions, never duplicates them', async () => {
    const { ev, gh } = await start();
    await runAction({ event: ev, apiUrl: gh.url });
    const first = gh.reviews[0]!;
    expect(gh.reviewComments).toHaveLength(2);

    // Re-run (same head): the same suggestions are already there.
    await runAction({ event: ev, apiUrl: gh.url });
    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviewComments).toHaveLength(2);
    expect(gh.requestsOf('pulls/create-review')).toHaveLength(1);

    // A new push fixes the instance count: one suggestion left, in a new review; the old one is emptied.
    const repo2 = push(ev.repo, { [GREEN]: green(3) });
    const ev2 = eventFixture('synchronize', repo2);
    gh.setPull({ number: ev.pullNumber!, headSha: repo2.head, baseSha: repo2.base, files: repo2.changed });
    await runAction({ event: ev2, apiUrl: gh.url });
    expectValidTraffic(gh);

    const mine = gh.reviews.filter((r) => r.body.includes(MARKER));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.commit_id).toBe(repo2.head);
    expect(first.body).not.toContain(MARKER);
    expect(first.body).toMatch(/superseded by a newer review/);
    expect(gh.reviewComments.map((c) => [c.review_id, c.path, c.line])).toEqual([[mine[0]!.id, GREEN, 8]]);
    expect(gh.requestsOf('pulls/delete-review-comment')).toHaveLength(2);
  });

  test('a review by someone else carrying the marker is left alone', async () => {
    const { ev, gh } = await start();
    const mallory = { login: 'mallory', id: 6666666, type: 'User' as const };
    gh.reviews.push({ id: 1, pull: ev.pullNumber!, body: `${MARKER}\nplanted`, state: 'COMMENTED', commit_id: ev.headSha, user: mallory });
    gh.reviewComments.push({ id: 2, pull: ev.pullNumber!, review_id: 1, path: GREEN, line: 6, side: 'RIGHT', body: 'mine', commit_id: ev.headSha, user: mallory });
    await runAction({ event: ev, apiUrl: gh.url });
    expectValidTraffic(gh);
    expect(gh.reviews.find((r) => r.id === 1)!.body).toBe(`${MARKER}\nplanted`);
    expect(gh.reviewComments.find((c) => c.id === 2)!.body).toBe('mine');
    expect(gh.requestsOf('pulls/delete-review-comment')).toEqual([]);
  });

  test('suggestions: off, and fork PRs (read-only token): no review request, every fix in the summary', async () => {
    const off = await start();
    const r1 = await runAction({ event: off.ev, apiUrl: off.gh.url, inputs: { suggestions: 'off' } });
    expect(off.gh.calls().filter((c) => /reviews|\/user$/.test(c))).toEqual([]);
    expect(r1.summary).toContain('### Fixes (3)');
    expect(r1.summary).toContain('`suggestions: off`');
    await off.gh.stop();

    const fork = await start('fork', { tokens: { [TOKEN]: { identity: GITHUB_ACTIONS_BOT, kind: 'installation', permissions: READ_ONLY } } });
    const r2 = await runAction({ event: fork.ev, apiUrl: fork.gh.url });
    expectValidTraffic(fork.gh);
    expect(fork.gh.calls().filter((c) => /reviews|\/user$/.test(c))).toEqual([]);
    expect(r2.summary).toContain('### Fixes (3)');
    expect(r2.summary).toContain('a pull request from a fork gets a read-only token');
    expect(r2.summary).toContain(`+++ b/${GREEN}`);
  });

  test('pull_request_target with the default checkout (the base branch): the step fails before any review, nothing stale is suggested', async () => {
    current = await setup('pull_request_target', { extra: { base: { [RED]: red('old') }, head: { [RED]: red('old').replace('200000', '200000  # keep') } } });
    const { ev, gh } = current;
    const run = await runAction({ event: ev, apiUrl: gh.url });
    expectValidTraffic(gh);
    // The checkout is verified first (src/github/checkout.ts): the base branch is not the PR head.
    expect(run.code).not.toBe(0);
    expect(gh.requestsOf('pulls/create-review')).toEqual([]);
    expect(gh.requestsOf('repos/get-content').filter((r) => r.url.includes('/contents/deploy'))).toEqual([]);
  });

  test('pull_request_target with the PR head checked out: suggestions compare the checkout with the head through the contents API', async () => {
    current = await setup('pull_request_target', { extra: { base: { [RED]: red('old') }, head: { [RED]: red('old').replace('200000', '200000  # keep') } } });
    const { ev, gh } = current;
    ev.repo.checkout(ev.headSha);
    const run = await runAction({ event: ev, apiUrl: gh.url });
    expectValidTraffic(gh);
    expect(gh.requestsOf('repos/get-content').map((r) => r.url)).toContainEqual(`/repos/${ev.repository}/contents/deploy%2Fprod%2Fonline%2Fred.yml?ref=${ev.headSha}`);
    expect(run.summary).not.toContain('the checkout is not its head');
  });

  test('the review request fails (403): a warning names the permission and the fixes go to the summary', async () => {
    const { ev, gh } = await start();
    gh.failAlways({ operationId: 'pulls/create-review' }, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const run = await runAction({ event: ev, apiUrl: gh.url });
    expect(run.commands.some((c) => c.level === 'warning' && /No review suggestions \(HTTP 403.*`pull-requests: write`/.test(c.message))).toBe(true);
    expect(run.summary).toContain('### Fixes (3)');
    expect(run.summary).toContain('posting the review failed');
  });
});
