// pull_request (opened), from GitHub's real webhook example: the built bundle against the
// validating fake API. The PR adds a v1 ACI config under deploy/prod/ (one error, one warning).
import { afterAll, describe, expect, test } from '@jest/globals';
import { FakeGitHubApi, GITHUB_ACTIONS_BOT } from './fake-github-api.js';
import { cleanTempDirs } from './git-fixture.js';
import { ANNOTATION_TEXT_MAX_BYTES, COMMENT_BODY_MAX_CHARS } from './limits.js';
import { findingCommands, runAction, TOKEN } from './run-action.js';
import { ACI, CHECK_NAME, MARKER, expectValidTraffic, setup, type Setup } from './suite.js';
import { fresh, stopAll, track } from './suite.js';

const ACI_FILE = 'deploy/prod/legacy/deploymentconfig.yml';

async function start(opts: Parameters<typeof setup>[1] = {}): Promise<Setup> {
  return fresh('opened', opts);
}

afterAll(async () => {
  await stopAll();
  cleanTempDirs();
});

type Annotation = Record<string, unknown>;
const annotationsOf = (body: unknown): Annotation[] => ((body as { output?: { annotations?: Annotation[] } }).output?.annotations ?? []);

describe('pull_request opened', () => {
  test.concurrent('a manifest violation: a completed check run on the PR head with every finding annotated, a sticky comment, and every request valid', async () => {
    const { ev, gh } = await start();
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'on-failure' } });

    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '1', warnings: '1' });
    expect(findingCommands(run).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1`, `v1-deprecated ${ACI_FILE}:1`]);

    expect(gh.calls()).toEqual([
      `GET /repos/${ev.repository}/pulls/${ev.pullNumber}/files?per_page=100`,
      `POST /repos/${ev.repository}/check-runs`,
      `GET /repos/${ev.repository}/issues/${ev.pullNumber}/comments?per_page=100`,
      `POST /repos/${ev.repository}/issues/${ev.pullNumber}/comments`,
    ]);
    for (const r of gh.requests) expect(r.headers['authorization']).toBe(`token ${TOKEN}`);

    // The check run belongs to the PR head, not to GITHUB_SHA (the test merge commit).
    expect(ev.githubSha).not.toBe(ev.headSha);
    expect(gh.checkRuns).toHaveLength(1);
    const check = gh.checkRuns[0]!;
    expect(check).toMatchObject({ name: CHECK_NAME, head_sha: ev.headSha, status: 'completed', conclusion: 'failure' });
    expect(check.output.title).toBe('Failed: 1 error, 1 warning, 0 notices');
    expect(check.annotations.map((a) => [a['path'], a['start_line'], a['annotation_level'], a['title']])).toEqual([
      [ACI_FILE, 1, 'failure', 'aci-not-for-production'],
      [ACI_FILE, 1, 'warning', 'v1-deprecated'],
    ]);
    // The message is what + fix; the rule's why and source are folded under it (raw_details), through the real API schema.
    const aci = check.annotations[0]!;
    expect(String(aci['message'])).not.toContain('compute target table');
    expect(String(aci['raw_details'])).toMatch(/^The compute target table lists ACI for \*testing or development\*/);
    expect(String(aci['raw_details'])).toContain('\n\nSource: Azure ML *compute target for model deployment* table');

    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.user).toEqual(GITHUB_ACTIONS_BOT);
    expect(gh.comments[0]!.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(gh.comments[0]!.body).toContain('aci-not-for-production');
    expectValidTraffic(gh);
  });

  test.concurrent('more than 50 findings: created with 50 annotations, the rest appended by PATCH, completed by the last request', async () => {
    const head: Record<string, string> = {};
    for (let i = 0; i < 30; i++) head[`deploy/prod/svc${String(i).padStart(2, '0')}/deploymentconfig.yml`] = ACI;
    const { ev, gh } = await start({ extra: { head } });
    const run = await runAction({ event: ev, apiUrl: gh.url });

    expect(run.code).toBe(1);
    const checkRequests = gh.requests.filter((r) => r.operationId?.startsWith('checks/'));
    expect(checkRequests.map((r) => [r.operationId, annotationsOf(r.body).length])).toEqual([
      ['checks/create', 50],
      ['checks/update', 12],
    ]);
    expect((checkRequests[0]!.body as { status?: string }).status).toBe('in_progress');
    expect(gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(gh.checkRuns[0]!.annotations).toHaveLength(62); // 31 ACI files × 2 findings
    expectValidTraffic(gh);
  });

  // DEFECT (annotation message > 64 KB): the unknown-key finding quotes the key in full, and the
  // check-run annotation carries the finding's message uncut. GitHub documents "The maximum size
  // is 64 KB" for `message` and rejects the request (422), so the whole check run is lost — every
  // finding, not just the long one. Correct: cut annotation text to 64 KB (and title to 255).
  test.concurrent('a 70,000-character key: every annotation fits GitHub\'s 64 KB message limit and the check run is created', async () => {
    const key = 'k'.repeat(70_000);
    const { ev, gh } = await start({ extra: { head: { [ACI_FILE]: `${ACI}${key}: 1\n` } } });
    const run = await runAction({ event: ev, apiUrl: gh.url });

    expect(run.code).toBe(1);
    expectValidTraffic(gh);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(gh.checkRuns[0]!.annotations.map((a) => a['title']).sort()).toEqual(['aci-not-for-production', 'unknown-key', 'v1-deprecated']);
    for (const a of gh.checkRuns[0]!.annotations) expect(Buffer.byteLength(String(a['message']))).toBeLessThanOrEqual(ANNOTATION_TEXT_MAX_BYTES);
  });

  // DEFECT (check run left in progress): when a PATCH that appends annotations fails for good, the
  // action gives up on the check run, which was created `in_progress` and never gets a
  // conclusion: the PR shows a spinning check forever (and a required check blocks merging).
  // Correct: still complete the run (a final PATCH with the conclusion and no annotations).
  test.concurrent('the PATCH carrying the last annotations fails: the check run is still completed with a conclusion', async () => {
    const head: Record<string, string> = {};
    for (let i = 0; i < 26; i++) head[`deploy/prod/svc${String(i).padStart(2, '0')}/deploymentconfig.yml`] = ACI;
    const { ev, gh } = await start({ extra: { head } });
    gh.failAlways(
      { operationId: 'checks/update', when: (r) => annotationsOf(r.body).length > 0 },
      { status: 502, body: { message: 'Bad Gateway' } },
    );
    const run = await runAction({ event: ev, apiUrl: gh.url });

    expect(run.code).toBe(1);
    expectValidTraffic(gh);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]!.status).toBe('completed');
    expect(gh.checkRuns[0]!.conclusion).toBe('failure');
  });

  // DEFECT (token sent to another host): octokit's paginate follows the `Link: rel="next"` URL
  // verbatim, whatever its host, and the auth hook adds the token to it. A proxy, a GHES
  // misconfiguration or a tampered response that points `next` elsewhere gets the token, and the
  // action trusts the file list that host returns. Correct: follow only links on GITHUB_API_URL's
  // origin; otherwise treat the listing as failed (fall back to git diff).
  test.concurrent('a Link rel="next" to another host: the token is never sent there and its list is not trusted', async () => {
    const benign: Record<string, string> = {};
    for (let i = 0; i < 100; i++) benign[`src/module_${String(i).padStart(3, '0')}.py`] = `x = ${i}\n`;
    const { ev, gh } = await start({ extra: { head: benign } });
    const pull = gh.pulls.get(ev.pullNumber!)!;
    // Page 1: the 100 unrelated files; the manifest and README would be on page 2.
    pull.files.sort((a, b) => Number(a.filename.startsWith('src/') ? 0 : 1) - Number(b.filename.startsWith('src/') ? 0 : 1));
    const evil = new FakeGitHubApi({ repository: ev.repository, tokens: gh.tokens });
    track(evil);
    await evil.start('127.0.0.2').catch(() => evil.start('localhost'));
    evil.setPull({ ...pull, files: [...pull.files.slice(0, 100), { filename: 'README.md', status: 'modified' }, { filename: 'docs/notes.md', status: 'added' }] });
    gh.fail(
      { operationId: 'pulls/list-files' },
      { headers: { link: `<${evil.url}/repos/${ev.repository}/pulls/${ev.pullNumber}/files?per_page=100&page=2>; rel="next", <${evil.url}/repos/${ev.repository}/pulls/${ev.pullNumber}/files?per_page=100&page=2>; rel="last"` } },
    );
    const run = await runAction({ event: ev, apiUrl: gh.url });

    expect(evil.requests.filter((r) => r.headers['authorization'] !== undefined).map((r) => `${r.method} ${r.host}${r.url}`)).toEqual([]);
    // The manifest the other host left out is still gated (from git diff): the step fails.
    expect(findingCommands(run)).toContain(`aci-not-for-production ${ACI_FILE}:1`);
    expect(run.code).toBe(1);
  });

  // DEFECT (duplicates hide a missing file): the completeness check compares the number of
  // entries listed with the payload's `changed_files`, so a list where one file appears twice
  // and another not at all (pages shifting under a push between two page requests) passes as
  // complete, and the missing manifest is never gated. Correct: count distinct file names.
  test.concurrent('a file list with a duplicate in place of the manifest: detected as incomplete, the manifest is still gated', async () => {
    const { ev, gh } = await start();
    const pull = gh.pulls.get(ev.pullNumber!)!;
    const readme = pull.files.find((f) => f.filename === 'README.md')!;
    pull.files = pull.files.map((f) => (f.filename === ACI_FILE ? { ...readme } : f));
    expect(pull.files).toHaveLength(Number((ev.payload['pull_request'] as { changed_files: number }).changed_files));
    const run = await runAction({ event: ev, apiUrl: gh.url });

    expectValidTraffic(gh);
    expect(findingCommands(run)).toContain(`aci-not-for-production ${ACI_FILE}:1`);
    expect(run.outputs['result']).toBe('fail');
  });

  // DEFECT (a timed-out POST is retried blindly): a create-comment request that reached GitHub but
  // whose answer came too late is retried like a 5xx, so the PR gets two "sticky" comments; the
  // next run edits the first and the second lingers. Correct: after a failed POST, list the
  // comments again (the marker finds the one that was created) before creating another.
  test.concurrent('a comment POST whose answer times out: one sticky comment, not two', async () => {
    const { ev, gh } = await start();
    gh.fail({ operationId: 'issues/create-comment' }, { delayMs: 4000 });
    // The client gives up after 2 s, the server answers after 4 s: on a loaded machine the POST must
    // still reach the server before the client looks (the retry unit, 1 ms here, is no pause).
    await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'on-failure' }, env: { MODEL_DEPLOY_GATE_REQUEST_TIMEOUT_MS: '2000' } });

    expectValidTraffic(gh);
    expect(gh.comments.filter((c) => c.body.includes(MARKER))).toHaveLength(1);
  });

  // DEFECT (same, for check runs): a timed-out check-run POST is retried and creates a second run
  // of the same name on the same commit.
  test.concurrent('a check-run POST whose answer times out: one check run, not two', async () => {
    const { ev, gh } = await start();
    gh.fail({ operationId: 'checks/create' }, { delayMs: 4000 });
    await runAction({ event: ev, apiUrl: gh.url, env: { MODEL_DEPLOY_GATE_REQUEST_TIMEOUT_MS: '2000' } });

    expectValidTraffic(gh);
    expect(gh.checkRuns.filter((r) => r.name === CHECK_NAME && r.head_sha === ev.headSha)).toHaveLength(1);
  });

  test.concurrent('the sticky comment stays within the 65,536-character body limit when the report is huge', async () => {
    const head: Record<string, string> = {};
    for (let i = 0; i < 60; i++) head[`deploy/prod/svc${String(i).padStart(3, '0')}/deploymentconfig.yml`] = ACI;
    const { ev, gh } = await start({ extra: { head } });
    await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'always' } });

    expectValidTraffic(gh);
    expect(gh.comments).toHaveLength(1);
    const body = gh.comments[0]!.body;
    expect([...body].length).toBeLessThanOrEqual(COMMENT_BODY_MAX_CHARS);
    // The report did not fit: the table was cut, with a note, rather than the request refused.
    expect(body).toMatch(/more finding/);
    expect(gh.checkRuns[0]!.annotations).toHaveLength(122);
    expect(gh.checkRuns[0]!.status).toBe('completed');
  });
});
