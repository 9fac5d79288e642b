// The fault matrix (SPEC §9): the built bundle against the validating fake API misbehaving the way
// api.github.com (or a proxy in front of it) can. Each row asserts the outcome — retried, degraded
// with a named warning, or failed closed — the exit code, and that the token never leaks. Every
// request the action sends is still checked against GitHub's REST description.
import { afterAll, describe, expect, test } from '@jest/globals';
import * as fs from 'node:fs';
import { GITHUB_ACTIONS_BOT, type Fault, type FakePullFile } from './fake-github-api.js';
import { cleanTempDirs } from './git-fixture.js';
import { runAction, type ActionRun, type Command } from './run-action.js';
import { ACI, MARKER, expectValidTraffic, plainSummary, setup, syncChangedFiles, withoutHistory, type Setup } from './suite.js';

const TOKEN = 'ghs_FAULTMATRIXSECRET123';
const ACI_FILE = 'deploy/prod/legacy/deploymentconfig.yml';
const BLUE_FILE = 'deploy/prod/online/blue.yml';
const BLUE = `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
name: blue
endpoint_name: fraud-prod
model: azureml:fraud-detector:3
instance_type: Standard_DS4_v2
instance_count: 3
`;
const LEGACY_ERROR = `aci-not-for-production ${ACI_FILE}:1:1`;

const at = (c: Command): string => `${c.props['title']} ${c.props['file']}:${c.props['line']}:${c.props['col']}`;
const findingErrors = (run: ActionRun): string[] => run.commands.filter((c) => c.level === 'error' && c.props['file'] !== undefined).map(at);
/** Warnings about the run itself (not findings). */
const opWarnings = (run: ActionRun): string[] => run.commands.filter((c) => c.level === 'warning' && c.props['file'] === undefined).map((c) => c.message);

// Independent tests (each has its own repository and fake API) run concurrently: most of their time
// is spent waiting for the child process and the fake's scripted delays.
const started: Setup[] = [];
async function fresh(...args: Parameters<typeof setup>): Promise<Setup> {
  const s = await setup(...args);
  started.push(s);
  return s;
}
afterAll(async () => {
  for (const s of started.splice(0)) await s.gh.stop();
  cleanTempDirs();
});

/**
 * The pull request changes only blue.yml (clean) and README.md. *error*: the base branch already has
 * an ACI production config the PR does not touch (a fallback that gates every file fails on it);
 * *clean*: no such file.
 */
async function start(kind: 'error' | 'clean', opts: { event?: 'opened' | 'workflow_dispatch' } = {}): Promise<Setup> {
  const base: Record<string, string> = kind === 'error' ? { [ACI_FILE]: ACI } : {};
  const head = { [ACI_FILE]: kind === 'error' ? ACI : null, [BLUE_FILE]: `${BLUE}# tuned\n` };
  return fresh(opts.event ?? 'opened', { extra: { base, head }, api: { tokens: { [TOKEN]: { identity: GITHUB_ACTIONS_BOT, kind: 'installation' } } } });
}

interface Run extends ActionRun {
  report: { scope: { mode: string; reason: string }; summary: { result: string; errors: number } };
}

/** Runs the action with the token, the JSON and SARIF reports (check run off unless asked), then checks the token stayed secret. */
async function runGate(s: Setup, opts: { inputs?: Record<string, string>; env?: Record<string, string>; noHistory?: boolean } = {}): Promise<Run> {
  const workspace = opts.noHistory ? withoutHistory(s.ev) : s.ev.repo.dir;
  const run = await runAction({
    event: s.ev,
    apiUrl: s.gh.url,
    workspace,
    env: opts.env,
    inputs: { token: TOKEN, 'check-run': 'off', 'report-file': 'out/report.json', 'sarif-file': 'out/report.sarif', ...opts.inputs },
  });
  expectTokenSecret(s, run, workspace);
  const report = JSON.parse(fs.readFileSync(`${workspace}/out/report.json`, 'utf8')) as Run['report'];
  return { ...run, report };
}

/**
 * The token reaches the API (every request carries it) and the runner's masking command, and
 * nothing else: not the log, stderr, outputs, summary, reports, or anything sent to the API.
 */
function expectTokenSecret(s: Setup, run: ActionRun, ws: string): void {
  expect(s.gh.requests.length).toBeGreaterThan(0);
  for (const r of s.gh.requests) expect(r.headers['authorization']).toBe(`token ${TOKEN}`);
  expect(run.stdout.split('\n').filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
  expect(run.stderr).not.toContain(TOKEN);
  expect(run.outputText).not.toContain(TOKEN);
  expect(run.summary).not.toContain(TOKEN);
  // Both reports are asked for on every run: each must be there to be checked.
  for (const f of ['out/report.json', 'out/report.sarif']) {
    // When one is missing, the action's own last words say why.
    const there = fs.existsSync(`${ws}/${f}`);
    expect([f, there, there ? '' : `${run.stdout.slice(-3000)}\n--- stderr ---\n${run.stderr.slice(-3000)}`]).toEqual([f, true, '']);
    expect(fs.readFileSync(`${ws}/${f}`, 'utf8')).not.toContain(TOKEN);
  }
  expect(JSON.stringify(s.gh.requests.map((r) => r.body ?? null))).not.toContain(TOKEN);
}

const statuses = (s: Setup, op: string): number[] => s.gh.requestsOf(op).map((r) => r.status);

/** Scope came from the API: the untouched error is not seen, no operational warning, the step passes. */
function expectApiScope(run: Run): void {
  expect(run.report.scope.mode).toBe('changed');
  expect(run.report.scope.reason).toMatch(/pull request #2, GitHub API/);
  expect(findingErrors(run)).toEqual([]);
  expect(opWarnings(run)).toEqual([]);
  expect(run.outputs['result']).toBe('pass');
  expect(run.code).toBe(0);
}

/** No git history: everything was gated, the untouched error fails the step, and the log and summary say why. */
function expectAuditAll(run: Run, why: RegExp): void {
  expect(run.report.scope.mode).toBe('all');
  expect(run.report.scope.reason).toMatch(why);
  expect(run.stdout).toMatch(/^Gating every file: .*git diff .* failed/m);
  expect(plainSummary(run)).toMatch(why);
  expect(findingErrors(run)).toEqual([LEGACY_ERROR]);
  expect(run.outputs['result']).toBe('fail');
  expect(run.code).toBe(1);
}

const serverError = (status: number): Fault => ({ status, body: { message: `HTTP ${status} from the fake API` } });
const times = (n: number, f: Fault): Fault[] => Array.from({ length: n }, () => ({ ...f }));
const LIST = { operationId: 'pulls/list-files' };

describe('pulls.listFiles faults', () => {
  test.concurrent.each([500, 502, 503])('%i once: retried, then the API scope is used', async (status) => {
    const s = await start('error');
    s.gh.fail(LIST, serverError(status));
    const run = await runGate(s);
    expect(statuses(s, 'pulls/list-files')).toEqual([status, 200]);
    expectApiScope(run);
    expectValidTraffic(s.gh);
  });

  test.concurrent('persistent 5xx with git history: retries exhausted, falls back to git diff and says so', async () => {
    const s = await start('error');
    s.gh.fail(LIST, ...times(10, serverError(502)));
    const run = await runGate(s);
    expect(statuses(s, 'pulls/list-files')).toEqual([502, 502, 502, 502]); // the first try + 3 retries
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^Could not list the pull request's changed files: HTTP 502 from the fake API\. Falling back to git\./)]);
    const range = `${s.ev.repo.base.slice(0, 12)}...${s.ev.repo.head.slice(0, 12)}`;
    expect(run.stdout).toContain(`Changed files taken from git diff ${range} because listing the files of pull request #2 failed`);
    expect(run.report.scope.mode).toBe('changed');
    expect(run.report.scope.reason).toMatch(/^2 changed files \(git diff [0-9a-f]{12}\.\.\.[0-9a-f]{12}, because listing the files of pull request #2 failed/);
    expect(plainSummary(run)).toMatch(/git diff [0-9a-f]{12}\.\.\.[0-9a-f]{12}, because listing the files/);
    // The git diff names blue.yml and README.md: the error elsewhere is out of scope, the step passes.
    expect(findingErrors(run)).toEqual([]);
    expect(run.code).toBe(0);
  });

  test.concurrent('persistent 5xx without git history: audits everything, so an error outside the PR still fails the step', async () => {
    const s = await start('error');
    s.gh.fail(LIST, ...times(10, serverError(500)));
    const run = await runGate(s, { noHistory: true });
    expect(statuses(s, 'pulls/list-files')).toEqual([500, 500, 500, 500]);
    expectAuditAll(run, /listing the files of pull request #2 failed \(HTTP 500 from the fake API\)/);
  });

  test.concurrent('persistent 5xx without git history on a clean workspace: the full audit passes (exit 0)', async () => {
    const s = await start('clean');
    s.gh.fail(LIST, ...times(10, serverError(503)));
    const run = await runGate(s, { noHistory: true });
    expect(run.report.scope.mode).toBe('all');
    expect(opWarnings(run)).toHaveLength(1);
    expect(run.outputs).toMatchObject({ result: 'pass', errors: '0', deployments: '1' });
    expect(run.code).toBe(0);
  });

  test.concurrent('404 (PR not found): not retried, falls back', async () => {
    const s = await start('error');
    s.gh.fail(LIST, { status: 404, body: { message: 'Not Found' } });
    const run = await runGate(s, { noHistory: true });
    expect(statuses(s, 'pulls/list-files')).toEqual([404]);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^Could not list the pull request's changed files: Not Found/)]);
    expectAuditAll(run, /listing the files of pull request #2 failed \(Not Found/);
  });

  test.concurrent('403 missing permission: not retried, warns and falls back', async () => {
    const s = await start('error');
    s.gh.fail(LIST, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const run = await runGate(s, { noHistory: true });
    expect(statuses(s, 'pulls/list-files')).toEqual([403]);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^Could not list the pull request's changed files: Resource not accessible by integration/)]);
    expectAuditAll(run, /Resource not accessible by integration/);
  });

  test.concurrent('403 secondary rate limit with retry-after: retried, then the API scope is used', async () => {
    const s = await start('error');
    s.gh.fail(LIST, {
      status: 403,
      headers: { 'retry-after': '2' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    });
    const run = await runGate(s);
    expect(statuses(s, 'pulls/list-files')).toEqual([403, 200]);
    expect(run.stdout).toMatch(/secondary rate limit on GET .*\/pulls\/2\/files.*retry after 2 s/);
    expectApiScope(run);
  });

  test.concurrent('connection reset mid-response: retried, then the API scope is used', async () => {
    const s = await start('error');
    s.gh.fail(LIST, { reset: true });
    const run = await runGate(s);
    expect(statuses(s, 'pulls/list-files')).toEqual([200, 200]);
    expectApiScope(run);
  });

  test.concurrent('connection reset on every try: retries exhausted, falls back, never gates the empty body as "no files"', async () => {
    const s = await start('error');
    s.gh.fail(LIST, ...times(10, { reset: true }));
    const run = await runGate(s, { noHistory: true });
    expect(statuses(s, 'pulls/list-files')).toEqual([200, 200, 200, 200]);
    expect(opWarnings(run)).toEqual([
      expect.stringMatching(/^Could not list the pull request's changed files: the GitHub API sent a malformed page 1 of the file list \(GET \/repos\/Codertocat\/Hello-World\/pulls\/2\/files\?per_page=100 answered HTTP 200 with (an empty or cut-off body|a body that is not JSON)\)\. Falling back to git\./),
    ]);
    expectAuditAll(run, /malformed page 1 of the file list/);
  });

  test.concurrent('slow response (1.5 s): waited for, then the API scope is used', async () => {
    const s = await start('error');
    s.gh.fail(LIST, { delayMs: 1500 });
    const run = await runGate(s);
    expect(statuses(s, 'pulls/list-files')).toEqual([200]);
    expectApiScope(run);
  });

  test.concurrent('an API that never answers in time: each try times out, is retried, then the action falls back', async () => {
    const s = await start('error');
    s.gh.fail(LIST, ...times(10, { delayMs: 1500 }));
    const run = await runGate(s, { noHistory: true, env: { MODEL_DEPLOY_GATE_REQUEST_TIMEOUT_MS: '200' } });
    expect(statuses(s, 'pulls/list-files')).toHaveLength(4);
    expect(opWarnings(run)[0]).toMatch(/^Could not list the pull request's changed files: .*abort/i);
    expectAuditAll(run, /abort/i);
  });

  test.concurrent('malformed JSON body on every try: falls back with a clear log line', async () => {
    const s = await start('error');
    s.gh.fail(LIST, ...times(10, { status: 200, rawBody: '[{"filename": "deploy/prod/online/blue.yml", "status": "mod' }));
    const run = await runGate(s, { noHistory: true });
    expect(statuses(s, 'pulls/list-files')).toEqual([200, 200, 200, 200]);
    expect(opWarnings(run)).toEqual([
      expect.stringMatching(/^Could not list the pull request's changed files: the GitHub API sent a malformed page 1 of the file list \(GET \/repos\/Codertocat\/Hello-World\/pulls\/2\/files\?per_page=100 answered HTTP 200 with a body that is not JSON\)\. Falling back to git\./),
    ]);
    expectAuditAll(run, /malformed page 1 of the file list/);
  });

  describe('truncated pagination: page 1 links to a page 2 that fails', () => {
    /** 100 unrelated files on page 1; blue.yml and README.md on page 2. */
    async function pageOne(): Promise<Setup> {
      const s = await start('error');
      const pull = s.gh.pulls.get(s.ev.pullNumber!)!;
      pull.files = [...Array.from({ length: 100 }, (_, i): FakePullFile => ({ filename: `src/module_${i}.py`, status: 'modified' })), ...pull.files];
      syncChangedFiles(s.ev, s.gh);
      return s;
    }
    const page2 = { operationId: 'pulls/list-files', when: (r: { query: URLSearchParams }) => r.query.get('page') === '2' };

    test.concurrent('page 2 is 404: falls back instead of gating page 1 alone', async () => {
      const s = await pageOne();
      s.gh.fail(page2, { status: 404, body: { message: 'Not Found' } });
      const run = await runGate(s, { noHistory: true });
      expect(statuses(s, 'pulls/list-files')).toEqual([200, 404]);
      expectAuditAll(run, /listing the files of pull request #2 failed \(Not Found/);
    });

    test.concurrent('page 2 is an empty list: the count falls short of the PR\'s changed_files, so it falls back and says so', async () => {
      const s = await pageOne();
      s.gh.fail(page2, { status: 200, body: [] });
      const run = await runGate(s, { noHistory: true });
      expect(statuses(s, 'pulls/list-files')).toEqual([200, 200]);
      expect(opWarnings(run)).toEqual(['The GitHub API listed 100 of the 102 changed files of pull request #2: the list is incomplete. Falling back to git.']);
      expectAuditAll(run, /the GitHub API listed 100 of the 102 files pull request #2 changes/);
    });

    test.concurrent('page 2 is an HTML error page on every try: falls back and says so', async () => {
      const s = await pageOne();
      s.gh.fail(page2, ...times(10, { status: 200, rawBody: '<html>502 Bad Gateway</html>', headers: { 'content-type': 'text/html' } }));
      const run = await runGate(s, { noHistory: true });
      expect(statuses(s, 'pulls/list-files')).toEqual([200, 200, 200, 200, 200]);
      expect(opWarnings(run)).toEqual([expect.stringMatching(/malformed page 2 of the file list \(GET .*page=2 answered HTTP 200 with a body that is not JSON\)/)]);
      expectAuditAll(run, /malformed page 2 of the file list/);
    });

    test.concurrent('page 2 is JSON but not a list: falls back and says so', async () => {
      const s = await pageOne();
      s.gh.fail(page2, { status: 200, body: { message: 'try later' } });
      const run = await runGate(s, { noHistory: true });
      expect(statuses(s, 'pulls/list-files')).toEqual([200, 200]);
      expect(opWarnings(run)).toEqual([expect.stringMatching(/malformed page 2 of the file list \(not a JSON array\)/)]);
      expectAuditAll(run, /malformed page 2 of the file list \(not a JSON array\)/);
    });
  });
});

describe('check run faults', () => {
  test.concurrent('403 missing permission: degrades to annotations + summary with a warning naming `checks: write` (clean: exit 0)', async () => {
    const s = await start('clean');
    s.gh.fail({ operationId: 'checks/create' }, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const run = await runGate(s, { inputs: { 'check-run': 'auto' } });
    expect(statuses(s, 'checks/create')).toEqual([403]);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^No check run "model-deploy-gate" \(HTTP 403: Resource not accessible by integration.*`checks: write`/)]);
    expect(run.summary).toContain('`checks: write`');
    expect(run.code).toBe(0);
    expectValidTraffic(s.gh);
  });

  test.concurrent('500 then success: looked for (none), re-created once, no warning', async () => {
    const s = await start('error', { event: 'workflow_dispatch' });
    s.gh.fail({ operationId: 'checks/create' }, serverError(500));
    const run = await runGate(s, { inputs: { 'check-run': 'auto' } });
    expect(statuses(s, 'checks/create')).toEqual([500, 201]);
    expect(statuses(s, 'checks/list-for-ref')).toEqual([200]);
    expect(s.gh.checkRuns).toHaveLength(1);
    expect(s.gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(opWarnings(run)).toEqual([]);
    expect(findingErrors(run)).toEqual([LEGACY_ERROR]);
    expect(run.code).toBe(1);
    expectValidTraffic(s.gh);
  });

  test.concurrent('422 on create: not retried; the warning says GitHub refused the request, not that the API kept failing', async () => {
    const s = await start('error', { event: 'workflow_dispatch' });
    s.gh.fail({ operationId: 'checks/create' }, { status: 422, body: { message: 'Validation Failed' } });
    const run = await runGate(s, { inputs: { 'check-run': 'auto' } });
    expect(statuses(s, 'checks/create')).toEqual([422]);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^No check run .*HTTP 422: Validation Failed.*GitHub refused the request as invalid/)]);
    expect(run.code).toBe(1);
  });

  test.concurrent('404 on create: degrades with a warning naming `checks: write`, still fails on the error', async () => {
    const s = await start('error', { event: 'workflow_dispatch' });
    s.gh.fail({ operationId: 'checks/create' }, { status: 404, body: { message: 'Not Found' } });
    const run = await runGate(s, { inputs: { 'check-run': 'auto' } });
    expect(statuses(s, 'checks/create')).toEqual([404]);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^No check run .*HTTP 404: Not Found.*`checks: write`/)]);
    expect(findingErrors(run)).toEqual([LEGACY_ERROR]);
    expect(run.summary).toContain('aci-not-for-production');
    expect(run.code).toBe(1);
  });

  test.concurrent('persistent 5xx on every update after create: the check run is still completed, a warning says which annotations are missing', async () => {
    // 26 ACI files × 2 findings = 52 annotations: a create (50) and an update (2).
    const files: Record<string, string> = {};
    for (let i = 0; i < 25; i++) files[`deploy/prod/svc${String(i).padStart(2, '0')}/deploymentconfig.yml`] = ACI;
    const t = await fresh('workflow_dispatch', { extra: { head: files }, api: { tokens: { [TOKEN]: { identity: GITHUB_ACTIONS_BOT, kind: 'installation' } } } });
    t.gh.fail({ operationId: 'checks/update', when: (r) => ((r.body as { output?: { annotations?: unknown[] } }).output?.annotations?.length ?? 0) > 0 }, ...times(10, serverError(502)));
    const run = await runGate(t, { inputs: { 'check-run': 'auto' } });
    expect(statuses(t, 'checks/create')).toEqual([201]);
    expect(statuses(t, 'checks/update')).toEqual([502, 502, 502, 502, 200]);
    expect(t.gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(t.gh.checkRuns[0]!.output.summary).toContain('2 of 52 annotations are missing from this check run');
    expect(opWarnings(run)).toEqual([
      expect.stringMatching(/^Check run "model-deploy-gate" is incomplete: it was created \(https:\/\/github\.test\/.*\/runs\/\d+\) with 50 of 52 annotations, but updating it failed \(HTTP 502: HTTP 502 from the fake API\); it was completed without the rest\./),
    ]);
    expect(run.summary).toMatch(/Check run "model-deploy-gate" is incomplete/);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '26' });
    expect(run.code).toBe(1);
    expectValidTraffic(t.gh);
  });

  test.concurrent('the final update fails too: the step fails, naming the check run left in progress', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 25; i++) files[`deploy/prod/svc${String(i).padStart(2, '0')}/deploymentconfig.yml`] = ACI;
    const s = await fresh('workflow_dispatch', { extra: { head: files }, api: { tokens: { [TOKEN]: { identity: GITHUB_ACTIONS_BOT, kind: 'installation' } } } });
    s.gh.fail({ operationId: 'checks/update' }, ...times(10, serverError(502)));
    const run = await runGate(s, { inputs: { 'check-run': 'auto', 'fail-on': 'never' } });
    expect(s.gh.checkRuns[0]!.status).toBe('in_progress');
    const failure = run.commands.filter((c) => c.level === 'error').at(-1)!;
    expect(failure.message).toMatch(new RegExp(`^model-deploy-gate: check run "model-deploy-gate" https://github\\.test/\\S+/runs/${s.gh.checkRuns[0]!.id} is left "in progress"`));
    expect(run.outputs['result']).toBe('fail');
    expect(run.code).toBe(1);
  });

  test.concurrent('check-run: on with persistent 5xx on a clean workspace: fails closed (exit 1)', async () => {
    const s = await start('clean', { event: 'workflow_dispatch' });
    s.gh.fail({ operationId: 'checks/create' }, ...times(10, serverError(500)));
    const run = await runGate(s, { inputs: { 'check-run': 'on' } });
    // Each failed POST is followed by a look for the run before the next POST (3 POSTs in all).
    expect(statuses(s, 'checks/create')).toEqual([500, 500, 500]);
    expect(statuses(s, 'checks/list-for-ref')).toEqual([200, 200, 200]);
    expect(s.gh.checkRuns).toEqual([]);
    expect(run.commands.filter((c) => c.level === 'error').at(-1)!.message).toMatch(/^model-deploy-gate: check-run: on, but No check run .*HTTP 500/);
    expect(run.outputs['result']).toBe('fail');
    expect(run.code).toBe(1);
  });
});

describe('PR comment faults', () => {
  test.concurrent('403 on create: warning names `pull-requests: write`; clean workspace still exits 0', async () => {
    const s = await start('clean');
    s.gh.fail({ operationId: 'issues/create-comment' }, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const run = await runGate(s, { inputs: { comment: 'always' } });
    expect(statuses(s, 'issues/list-comments')).toEqual([200]);
    expect(statuses(s, 'issues/create-comment')).toEqual([403]);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^No PR comment \(HTTP 403: Resource not accessible by integration.*`pull-requests: write`/)]);
    expect(run.summary).toContain('`pull-requests: write`');
    expect(run.code).toBe(0);
  });

  test.concurrent('malformed JSON on list: no duplicate comment is posted, a warning says why, the verdict stands', async () => {
    const s = await start('error');
    s.gh.addComment(s.ev.pullNumber!, `${MARKER}\nold report`, GITHUB_ACTIONS_BOT);
    s.gh.fail({ operationId: 'issues/list-comments' }, ...times(10, { status: 200, rawBody: `[{"id": 77, "body": "${MARKER.slice(0, 10)}` }));
    const run = await runGate(s, { inputs: { comment: 'always', scope: 'all' } });
    expect(statuses(s, 'issues/list-comments')).toEqual([200, 200, 200, 200]);
    expect(s.gh.requests.filter((r) => r.operationId?.startsWith('issues/') && r.method !== 'GET')).toEqual([]);
    expect(s.gh.comments).toHaveLength(1);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^No PR comment \(HTTP error: the GitHub API sent a malformed page 1 of the comment list \(GET .*answered HTTP 200 with a body that is not JSON\)\): the GitHub API kept failing\./)]);
    expect(findingErrors(run)).toEqual([LEGACY_ERROR]);
    expect(run.code).toBe(1);
  });

  test.concurrent('5xx on list and on update: retried, the sticky comment is updated in place', async () => {
    const s = await start('clean');
    const sticky = s.gh.addComment(s.ev.pullNumber!, `${MARKER}\nold report`, GITHUB_ACTIONS_BOT);
    s.gh.fail({ operationId: 'issues/list-comments' }, serverError(502));
    s.gh.fail({ operationId: 'issues/update-comment' }, serverError(503));
    const run = await runGate(s, { inputs: { comment: 'always' } });
    expect(statuses(s, 'issues/list-comments')).toEqual([502, 200]);
    expect(statuses(s, 'issues/update-comment')).toEqual([503, 200]);
    expect(s.gh.comments).toHaveLength(1);
    expect(sticky.body).toMatch(new RegExp(`^${MARKER}\\n`));
    expect(sticky.body).not.toContain('old report');
    expect(opWarnings(run)).toEqual([]);
    expect(run.code).toBe(0);
    expectValidTraffic(s.gh);
  });

  test.concurrent('a comment POST that created the comment but whose answer was cut off: found on the next look, not posted twice', async () => {
    const s = await start('error');
    // The comment is created (the request is served), but the connection drops in the middle of the answer.
    s.gh.fail({ operationId: 'issues/create-comment' }, { reset: true });
    const run = await runGate(s, { inputs: { comment: 'always' } });
    expect(statuses(s, 'issues/create-comment')).toEqual([201]);
    expect(s.gh.comments.filter((c) => c.body.includes(MARKER))).toHaveLength(1);
    expect(opWarnings(run)).toEqual([]);
    expectValidTraffic(s.gh);
  });
});

describe('the token in API error messages', () => {
  test.concurrent('a proxy that echoes the Authorization header in its error: the warning and summary show it redacted', async () => {
    const s = await start('clean');
    s.gh.fail(LIST, { status: 403, body: { message: `Forbidden for Authorization: token ${TOKEN}` } });
    s.gh.fail({ operationId: 'checks/create' }, { status: 403, body: { message: `Forbidden for Authorization: token ${TOKEN}` } });
    const run = await runGate(s, { inputs: { 'check-run': 'auto' } });
    // expectTokenSecret (in runGate) already checked stdout, the summary and the reports.
    expect(opWarnings(run)).toEqual([
      expect.stringContaining('Forbidden for Authorization: token ***'),
      expect.stringContaining('Forbidden for Authorization: token ***'),
    ]);
    expect(run.code).toBe(0);
  });
});
