// The fake API itself: an empty `violations` in the end-to-end suites means something only if the
// fake does reject what GitHub rejects. Each case sends one request GitHub's description or
// documentation forbids and checks it is recorded (and answered 422/404/401 like GitHub does).
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { FakeGitHubApi, GITHUB_ACTIONS_BOT, READ_ONLY, type Violation } from './fake-github-api.js';
import { cleanTempDirs, fixtureRepo, type FixtureRepo } from './git-fixture.js';
import { restDescription, toJsonSchema } from './openapi.js';

const REPO = 'Codertocat/Hello-World';
const TOKEN = 'ghs_test_token';
const PAT = 'github_pat_test';
const SHA = 'a'.repeat(40);

let gh: FakeGitHubApi;
let fixture: FixtureRepo;

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(gh.url + path, {
    method,
    headers: { authorization: `token ${TOKEN}`, accept: 'application/vnd.github+json', ...(body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Raw content or an empty body.
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

const kinds = (): Array<[Violation['kind'], string]> => gh.violations.map((v) => [v.kind, `${v.where ?? ''}${v.pointer ?? ''}`]);
const annotation = (extra: Record<string, unknown> = {}) => ({ path: 'a.yml', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'm', ...extra });
const check = (output: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  name: 'model-deploy-gate',
  head_sha: fixture.head,
  status: 'completed',
  conclusion: 'failure',
  output: { title: 't', summary: 's', ...output },
  ...extra,
});

beforeEach(async () => {
  fixture ??= fixtureRepo('fraud-platform');
  gh = new FakeGitHubApi({
    repository: REPO,
    gitDir: fixture.dir,
    tokens: {
      [TOKEN]: { identity: GITHUB_ACTIONS_BOT, kind: 'installation' },
      [PAT]: { identity: { login: 'Codertocat', id: 21031067, type: 'User' }, kind: 'user' },
      ghs_read_only: { identity: GITHUB_ACTIONS_BOT, kind: 'installation', permissions: READ_ONLY },
    },
  });
  await gh.start();
  gh.setPull({ number: 2, headSha: fixture.head, baseSha: fixture.base, files: fixture.changed });
});

afterEach(async () => {
  // Whatever a case sent, the fake's own answers must match the description.
  expect(gh.responseErrors).toEqual([]);
  await gh.stop();
});

afterAll(() => cleanTempDirs());

describe('the description', () => {
  test('is the OpenAPI 3.0 api.github.com document, and every operation the action may use is in it', () => {
    const d = restDescription();
    expect(d.doc.openapi).toMatch(/^3\.0\./);
    for (const id of ['pulls/list-files', 'checks/create', 'checks/update', 'issues/list-comments', 'issues/create-comment', 'issues/update-comment', 'repos/get-content', 'users/get-authenticated', 'apps/get-authenticated', 'pulls/create-review', 'pulls/list-reviews', 'pulls/update-review', 'pulls/delete-pending-review', 'pulls/update-review-comment', 'pulls/delete-review-comment']) {
      expect(d.byId.has(id)).toBe(true);
    }
    expect(d.match('PATCH', '/repos/o/r/issues/comments/12')?.operation.operationId).toBe('issues/update-comment');
    expect(d.match('GET', '/repos/o/r/contents/deploy/prod/a.yml')).toMatchObject({ operation: { operationId: 'repos/get-content' }, params: { path: 'deploy/prod/a.yml' } });
  });

  test('nullable (OpenAPI 3.0) becomes JSON Schema null', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, example: 'x' })).toEqual({ type: ['string', 'null'] });
    expect(toJsonSchema({ type: 'string', enum: ['a'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(toJsonSchema({ nullable: true, description: 'd', allOf: [{ $ref: '#/components/schemas/simple-user' }] })).toEqual({
      description: 'd',
      anyOf: [{ type: 'null' }, { allOf: [{ $ref: 'https://api.github.com/openapi-components#/definitions/simple-user' }] }],
    });
  });
});

describe('check runs', () => {
  test('a valid create is answered 201 with a check-run the description accepts; no violation', async () => {
    const r = await api('POST', `/repos/${REPO}/check-runs`, check({ annotations: [annotation({ start_column: 1, end_column: 4, title: 'rule' })] }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: expect.any(Number), html_url: expect.stringContaining('/runs/'), status: 'completed', conclusion: 'failure', app: { slug: 'github-actions' } });
    expect(gh.violations).toEqual([]);
  });

  test.each([
    ['51 annotations in one request', () => check({ annotations: Array.from({ length: 51 }, () => annotation()) }), 'body/output/annotations'],
    ['a message over 64 KB', () => check({ annotations: [annotation({ message: 'é'.repeat(32_769) })] }), 'body/output/annotations/0/message'],
    ['raw_details over 64 KB', () => check({ annotations: [annotation({ raw_details: 'x'.repeat(65_537) })] }), 'body/output/annotations/0/raw_details'],
    ['a title over 255 characters', () => check({ annotations: [annotation({ title: 't'.repeat(256) })] }), 'body/output/annotations/0/title'],
    ['columns across lines', () => check({ annotations: [annotation({ end_line: 2, start_column: 1, end_column: 2 })] }), 'body/output/annotations/0/start_column'],
    ['a summary over 65,535 characters', () => check({ summary: 's'.repeat(65_536) }), 'body/output/summary'],
    ['a text over 65,535 characters', () => check({ text: 's'.repeat(65_536) }), 'body/output/text'],
    ['an empty name', () => check({}, { name: '' }), 'body/name'],
    ['status completed without a conclusion', () => check({}, { conclusion: undefined }), 'body/conclusion'],
  ])('%s: a documented limit, answered 422', async (_what, body, pointer) => {
    // `body` is built per case: the fixture's head commit exists only once the suite has started.
    const r = await api('POST', `/repos/${REPO}/check-runs`, body());
    expect(r.status).toBe(422);
    expect(kinds()).toContainEqual(['limit', pointer]);
    expect(gh.checkRuns).toEqual([]);
  });

  test('a level the schema does not know, or a missing required field: schema violations, 422', async () => {
    const r = await api('POST', `/repos/${REPO}/check-runs`, check({ annotations: [{ path: 'a.yml', start_line: 1, end_line: 1, annotation_level: 'error' }] }));
    expect(r.status).toBe(422);
    expect(kinds()).toEqual(expect.arrayContaining([
      ['schema', 'body/output/annotations/0/annotation_level'],
      ['schema', 'body/output/annotations/0'],
    ]));
  });

  test('a misspelt key GitHub would ignore is recorded, and the request is served', async () => {
    const r = await api('POST', `/repos/${REPO}/check-runs`, check({ annotation: [annotation()] }));
    expect(r.status).toBe(201);
    expect(kinds()).toEqual([['ignored', 'body/output/annotation']]);
  });

  test('a head_sha that is no commit of the repository: 422 "No commit found for SHA"', async () => {
    const r = await api('POST', `/repos/${REPO}/check-runs`, check({}, { head_sha: SHA }));
    expect(r.status).toBe(422);
    expect((r.body as { message: string }).message).toBe(`No commit found for SHA: ${SHA}`);
    expect(kinds()).toEqual([['state', 'body/head_sha']]);
  });

  test('updates append annotations and a conclusion completes the run', async () => {
    const created = await api('POST', `/repos/${REPO}/check-runs`, check({ annotations: [annotation()] }, { status: 'in_progress', conclusion: undefined }));
    const id = (created.body as { id: number }).id;
    expect(gh.checkRuns[0]).toMatchObject({ status: 'in_progress', conclusion: null });
    const r = await api('PATCH', `/repos/${REPO}/check-runs/${id}`, { status: 'completed', conclusion: 'success', output: { title: 't', summary: 's2', annotations: [annotation(), annotation()] } });
    expect(r.status).toBe(200);
    expect(gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success', output: { summary: 's2' } });
    expect(gh.checkRuns[0]!.annotations).toHaveLength(3);
    expect(gh.violations).toEqual([]);
  });
});

describe('routes, auth and parameters', () => {
  test('an operation the description does not have: 404 and a route violation', async () => {
    expect((await api('GET', `/repos/${REPO}/check-runz`)).status).toBe(404);
    expect((await api('DELETE', `/repos/${REPO}/check-runs/1`)).status).toBe(404);
    expect(gh.violations.map((v) => v.kind)).toEqual(['route', 'route']);
  });

  test('another repository: 404 and a repository violation', async () => {
    expect((await api('GET', '/repos/contributor/Hello-World/pulls/2/files')).status).toBe(404);
    expect(kinds()).toEqual([['repository', '']]);
  });

  test('no token: 401; an unknown token: 401 Bad credentials', async () => {
    expect((await api('GET', `/repos/${REPO}/pulls/2/files`, undefined, { authorization: '' })).status).toBe(401);
    const bad = await api('GET', `/repos/${REPO}/pulls/2/files`, undefined, { authorization: 'token nope' });
    expect(bad.status).toBe(401);
    expect((bad.body as { message: string }).message).toBe('Bad credentials');
    expect(gh.violations.map((v) => v.kind)).toEqual(['auth', 'auth']);
  });

  test('a path parameter of the wrong type, an unknown query parameter', async () => {
    expect((await api('GET', `/repos/${REPO}/pulls/two/files`)).status).toBe(422);
    expect((await api('GET', `/repos/${REPO}/pulls/2/files?perpage=100`)).status).toBe(200);
    expect(kinds()).toEqual([['schema', 'path/pull_number'], ['ignored', 'query/perpage']]);
  });

  test('a read-only token (fork PR): reads work, writes are 403 "Resource not accessible by integration" and not violations', async () => {
    const h = { authorization: 'token ghs_read_only' };
    expect((await api('GET', `/repos/${REPO}/pulls/2/files`, undefined, h)).status).toBe(200);
    const w = await api('POST', `/repos/${REPO}/check-runs`, check(), h);
    expect(w.status).toBe(403);
    expect((w.body as { message: string }).message).toBe('Resource not accessible by integration');
    expect((await api('POST', `/repos/${REPO}/issues/2/comments`, { body: 'x' }, h)).status).toBe(403);
    expect(gh.violations).toEqual([]);
  });

  test('any other operation is validated and answered with the description\'s own sample', async () => {
    const repo = await api('GET', `/repos/${REPO}`);
    expect(repo.status).toBe(200);
    expect(repo.body).toMatchObject({ id: expect.any(Number), full_name: expect.any(String) });
    expect((await api('POST', `/repos/${REPO}/statuses/${fixture.head}`, { state: 'green' })).status).toBe(422);
    expect(kinds()).toEqual([['schema', 'body/state']]);
  });
});

describe('pull request files', () => {
  test('100 per page with Link headers; at most 3,000 files whatever the page', async () => {
    gh.setPull({ number: 9, headSha: fixture.head, baseSha: fixture.base, files: Array.from({ length: 3200 }, (_, i) => ({ filename: `data/${i}.csv`, status: 'added' as const })) });
    const first = await api('GET', `/repos/${REPO}/pulls/9/files?per_page=100`);
    expect((first.body as unknown[]).length).toBe(100);
    expect(first.headers.get('link')).toBe(
      `<${gh.url}/repos/${REPO}/pulls/9/files?per_page=100&page=2>; rel="next", <${gh.url}/repos/${REPO}/pulls/9/files?per_page=100&page=30>; rel="last"`,
    );
    const last = await api('GET', `/repos/${REPO}/pulls/9/files?per_page=100&page=30`);
    expect((last.body as Array<{ filename: string }>).at(-1)!.filename).toBe('data/2999.csv');
    expect(last.headers.get('link')).not.toContain('rel="next"');
    expect((await api('GET', `/repos/${REPO}/pulls/9/files?per_page=100&page=31`)).body).toEqual([]);
    const big = await api('GET', `/repos/${REPO}/pulls/9/files?per_page=500`);
    expect((big.body as unknown[]).length).toBe(100); // GitHub caps per_page at 100
  });

  test('the fixture PR lists its real diff: status, counts, patch', async () => {
    const r = await api('GET', `/repos/${REPO}/pulls/2/files?per_page=100`);
    expect(r.body).toEqual([
      expect.objectContaining({ filename: 'README.md', status: 'modified', additions: 1, deletions: 1, patch: expect.stringMatching(/^@@ -1,3 \+1,3 @@/) }),
      expect.objectContaining({ filename: 'deploy/prod/legacy/deploymentconfig.yml', status: 'added', additions: 4, deletions: 0 }),
    ]);
  });
});

describe('contents', () => {
  test('a file at a commit is its base64 content; a file absent there is 404', async () => {
    const at = await api('GET', `/repos/${REPO}/contents/deploy/prod/legacy/deploymentconfig.yml?ref=${fixture.head}`);
    expect(at.status).toBe(200);
    const b = at.body as { type: string; encoding: string; content: string };
    expect(b).toMatchObject({ type: 'file', encoding: 'base64' });
    expect(Buffer.from(b.content, 'base64').toString('utf8')).toMatch(/^computeType: ACI\n/);
    expect((await api('GET', `/repos/${REPO}/contents/deploy/prod/legacy/deploymentconfig.yml?ref=${fixture.base}`)).status).toBe(404);
    const raw = await api('GET', `/repos/${REPO}/contents/README.md?ref=${fixture.base}`, undefined, { accept: 'application/vnd.github.raw+json' });
    expect(raw.text).toBe('# fraud platform\n\nDeployment manifests for the fraud detector.\n');
    const dir = await api('GET', `/repos/${REPO}/contents/deploy?ref=${fixture.head}`);
    expect(dir.body).toEqual([expect.objectContaining({ type: 'dir', name: 'prod', path: 'deploy/prod' })]);
    expect(gh.violations).toEqual([]);
  });
});

describe('identity', () => {
  test('GITHUB_TOKEN: GET /user is 403 and GET /app 401; the app and its bot user are public', async () => {
    expect((await api('GET', '/user')).status).toBe(403);
    expect((await api('GET', '/app')).status).toBe(401);
    expect((await api('GET', '/apps/github-actions')).body).toMatchObject({ slug: 'github-actions', id: 15368 });
    expect((await api('GET', '/users/github-actions%5Bbot%5D')).body).toMatchObject({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' });
    expect((await api('GET', '/installation/repositories')).body).toMatchObject({ total_count: 1 });
  });

  test('a personal token: GET /user names its user', async () => {
    expect((await api('GET', '/user', undefined, { authorization: `token ${PAT}` })).body).toMatchObject({ login: 'Codertocat', type: 'User' });
  });

  test('comments carry their author, and a created comment is the token\'s identity', async () => {
    gh.addComment(2, 'LGTM', { login: 'Codertocat', id: 21031067, type: 'User' });
    await api('POST', `/repos/${REPO}/issues/2/comments`, { body: 'report' });
    const list = await api('GET', `/repos/${REPO}/issues/2/comments?per_page=100`);
    expect((list.body as Array<{ body: string; user: { login: string; type: string } }>).map((c) => [c.body, c.user.login, c.user.type])).toEqual([
      ['LGTM', 'Codertocat', 'User'],
      ['report', 'github-actions[bot]', 'Bot'],
    ]);
    expect((await api('POST', `/repos/${REPO}/issues/2/comments`, { body: 'x'.repeat(65_537) })).status).toBe(422);
    expect(kinds()).toEqual([['limit', 'body/body']]);
  });
});

describe('reviews (review suggestions)', () => {
  test('a review with a suggestion on a changed line; list, update, delete; review comments edited and deleted', async () => {
    const suggestion = '```suggestion\ncomputeType: AKS\n```';
    const created = await api('POST', `/repos/${REPO}/pulls/2/reviews`, {
      commit_id: fixture.head,
      event: 'COMMENT',
      body: 'model-deploy-gate suggestions',
      comments: [{ path: 'deploy/prod/legacy/deploymentconfig.yml', line: 1, side: 'RIGHT', body: suggestion }],
    });
    expect(created.status).toBe(200);
    const review = created.body as { id: number; state: string; user: { login: string } };
    expect(review).toMatchObject({ state: 'COMMENTED', user: { login: 'github-actions[bot]' } });
    expect(gh.reviewComments).toEqual([expect.objectContaining({ review_id: review.id, line: 1, body: suggestion })]);

    const list = await api('GET', `/repos/${REPO}/pulls/2/reviews?per_page=100`);
    expect((list.body as unknown[]).length).toBe(1);
    expect((await api('PUT', `/repos/${REPO}/pulls/2/reviews/${review.id}`, { body: 'updated' })).status).toBe(200);
    expect((await api('DELETE', `/repos/${REPO}/pulls/2/reviews/${review.id}`)).status).toBe(422); // not pending

    const commentId = gh.reviewComments[0]!.id;
    expect((await api('PATCH', `/repos/${REPO}/pulls/comments/${commentId}`, { body: 'edited' })).status).toBe(200);
    expect(gh.reviewComments[0]!.body).toBe('edited');
    expect((await api('DELETE', `/repos/${REPO}/pulls/comments/${commentId}`)).status).toBe(204);
    expect(gh.reviewComments).toEqual([]);

    const pending = await api('POST', `/repos/${REPO}/pulls/2/reviews`, { commit_id: fixture.head });
    expect(pending.body).toMatchObject({ state: 'PENDING' });
    expect((await api('DELETE', `/repos/${REPO}/pulls/2/reviews/${(pending.body as { id: number }).id}`)).status).toBe(200);
    expect(gh.violations).toEqual([]);
  });

  test('a review comment on a line outside the diff is refused as GitHub does ("Line could not be resolved")', async () => {
    const r = await api('POST', `/repos/${REPO}/pulls/2/reviews`, {
      event: 'COMMENT',
      body: 'x',
      comments: [{ path: 'deploy/prod/online/blue.yml', line: 5, body: 'not in the diff' }],
    });
    expect(r.status).toBe(422);
    const r2 = await api('POST', `/repos/${REPO}/pulls/2/reviews`, { event: 'COMMENT', body: 'x', comments: [{ path: 'README.md', line: 40, body: 'beyond the hunk' }] });
    expect(r2.status).toBe(422);
    const r3 = await api('POST', `/repos/${REPO}/pulls/2/reviews`, { event: 'COMMENT', comments: [{ path: 'README.md', line: 3, side: 'MIDDLE', body: 'x' }] });
    expect(r3.status).toBe(422);
    expect(kinds()).toEqual([['state', 'body/comments/0'], ['state', 'body/comments/0'], ['limit', 'body/comments/0/side']]);
  });
});

describe('faults', () => {
  test('a scripted status, then normal service; malformed bodies; a reset; a delay after the work is done', async () => {
    gh.fail({ operationId: 'pulls/list-files' }, { status: 502, body: { message: 'Bad Gateway' } }, { status: 200, rawBody: '[{"filename": ' });
    expect((await api('GET', `/repos/${REPO}/pulls/2/files`)).status).toBe(502);
    expect((await api('GET', `/repos/${REPO}/pulls/2/files`)).text).toBe('[{"filename": ');
    expect((await api('GET', `/repos/${REPO}/pulls/2/files`)).status).toBe(200);

    gh.fail({ operationId: 'issues/create-comment' }, { reset: true });
    await expect(api('POST', `/repos/${REPO}/issues/2/comments`, { body: 'lost answer' })).rejects.toThrow();
    expect(gh.comments.map((c) => c.body)).toEqual(['lost answer']); // created, though the client never heard

    gh.fail({ operationId: 'issues/create-comment' }, { delayMs: 300 });
    const slow = api('POST', `/repos/${REPO}/issues/2/comments`, { body: 'slow answer' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gh.comments.map((c) => c.body)).toContain('slow answer'); // done before the answer is sent
    expect((await slow).status).toBe(201);

    gh.fail({ operationId: 'checks/create' }, { status: 403, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit.' } });
    const limited = await api('POST', `/repos/${REPO}/check-runs`, check());
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([403, '1']);
    expect(gh.violations).toEqual([]);
  });
});
