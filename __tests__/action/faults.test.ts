// The fault matrix (SPEC §9): the built bundle against a local HTTP server that misbehaves the way
// api.github.com (or a proxy in front of it) can. Each row asserts the outcome — retried, degraded
// with a named warning, or failed closed — the exit code, and that the token never leaks.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import { FakeGitHub, type ScriptedResponse } from './fake-github.js';
import { cleanTempDirs, commitAll, prPayload, runAction, workspace, writeFiles, type ActionRun, type Command } from './harness.js';

const TOKEN = 'ghs_FAULTMATRIXSECRET123';

const MODEL = `$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json
name: fraud-detector
version: 3
path: model
type: custom_model
tags:
  memory_gb: 12
`;

// Standard_DS4_v2 (28 GiB) ≥ 1.5 × 12 GiB: no finding.
const BLUE = `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
name: blue
endpoint_name: fraud-prod
model: azureml:fraud-detector:3
instance_type: Standard_DS4_v2
instance_count: 3
`;

// ACI in production: aci-not-for-production (error) + v1-deprecated (warning).
const ACI = `computeType: ACI
containerResourceRequirements:
  cpu: 1
  memoryInGB: 4
`;

const CLEAN: Record<string, string> = {
  'models/fraud/model.yml': MODEL,
  'models/fraud/model/model.pkl': 'weights',
  'deploy/prod/online/blue.yml': BLUE,
};
/** The PR touches only blue.yml (clean); the error sits in a file the PR does not touch. */
const WITH_ERROR: Record<string, string> = { ...CLEAN, 'deploy/prod/legacy/deploymentconfig.yml': ACI };

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const PR = 21;
const FILES_PATH = /\/pulls\/21\/files$/;
const LEGACY_ERROR = 'aci-not-for-production deploy/prod/legacy/deploymentconfig.yml:1:1';

const at = (c: Command): string => `${c.props['title']} ${c.props['file']}:${c.props['line']}:${c.props['col']}`;
const findingErrors = (run: ActionRun): string[] => run.commands.filter((c) => c.level === 'error' && c.props['file'] !== undefined).map(at);
/** Warnings about the run itself (not findings). */
const opWarnings = (run: ActionRun): string[] => run.commands.filter((c) => c.level === 'warning' && c.props['file'] === undefined).map((c) => c.message);

let gh: FakeGitHub;

beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});

afterEach(async () => {
  await gh.stop();
});

afterAll(() => cleanTempDirs());

const statuses = (pattern: RegExp): number[] => gh.requests.filter((r) => pattern.test(r.path)).map((r) => r.status);

interface Run extends ActionRun {
  ws: string;
  report: { scope: { mode: string; reason: string }; summary: { result: string; errors: number } };
}

/** Runs the action on a pull_request event with the token, the JSON and SARIF reports, then checks the token stayed secret. */
async function runPr(
  ws: string,
  opts: { inputs?: Record<string, string>; headSha?: string; baseSha?: string; changedFiles?: number; event?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  const run = await runAction({
    workspace: ws,
    event: opts.event ?? 'pull_request',
    payload: prPayload({ number: PR, headSha: opts.headSha ?? HEAD, baseSha: opts.baseSha ?? BASE, changedFiles: opts.changedFiles }),
    apiUrl: gh.url,
    env: opts.env,
    inputs: { token: TOKEN, 'check-run': 'off', 'report-file': 'out/report.json', 'sarif-file': 'out/report.sarif', ...opts.inputs },
  });
  expectTokenSecret(run, ws);
  const report = JSON.parse(fs.readFileSync(`${ws}/out/report.json`, 'utf8')) as Run['report'];
  return { ...run, ws, report };
}

/**
 * The token reaches the API (every request carries it) and the runner's masking command, and
 * nothing else: not the log, stderr, outputs, summary, reports, or anything sent to the API.
 */
function expectTokenSecret(run: ActionRun, ws: string): void {
  expect(gh.requests.length).toBeGreaterThan(0);
  for (const r of gh.requests) expect(r.headers['authorization']).toBe(`token ${TOKEN}`);
  expect(run.stdout.split('\n').filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
  expect(run.stderr).not.toContain(TOKEN);
  expect(run.outputText).not.toContain(TOKEN);
  expect(run.summary).not.toContain(TOKEN);
  for (const f of ['out/report.json', 'out/report.sarif']) {
    if (fs.existsSync(`${ws}/${f}`)) expect(fs.readFileSync(`${ws}/${f}`, 'utf8')).not.toContain(TOKEN);
  }
  expect(JSON.stringify(gh.requests.map((r) => r.body ?? null))).not.toContain(TOKEN);
}

/** The PR lists only the clean blue.yml. */
function listBlueOnly(): void {
  gh.pullFiles.set(PR, [{ filename: 'deploy/prod/online/blue.yml', status: 'modified', patch: '@@ -5 +5 @@\n-x\n+instance_type: Standard_DS4_v2' }]);
}

/** A workspace with git history whose BASE...HEAD diff is blue.yml alone. */
function workspaceWithHistory(files: Record<string, string>): { ws: string; base: string; head: string } {
  const ws = workspace(files);
  const base = commitAll(ws, 'base');
  writeFiles(ws, { 'deploy/prod/online/blue.yml': BLUE + '# tuned\n' });
  const head = commitAll(ws, 'head');
  return { ws, base, head };
}

/** Scope came from the API: only blue.yml gated, the untouched error not seen, no operational warning. */
function expectApiScope(run: Run): void {
  expect(run.report.scope.mode).toBe('changed');
  expect(run.report.scope.reason).toMatch(/pull request #21, GitHub API/);
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
  expect(run.summary).toMatch(why);
  expect(findingErrors(run)).toEqual([LEGACY_ERROR]);
  expect(run.outputs['result']).toBe('fail');
  expect(run.code).toBe(1);
}

const serverError = (status: number): ScriptedResponse => ({ status, body: { message: `HTTP ${status} from the fake API` } });

describe('pulls.listFiles faults', () => {
  it.each([500, 502, 503])('%i once: retried, then the API scope is used', async (status) => {
    listBlueOnly();
    gh.script('GET', FILES_PATH, serverError(status));
    const run = await runPr(workspace(WITH_ERROR));
    expect(statuses(FILES_PATH)).toEqual([status, 200]);
    expectApiScope(run);
  });

  it('persistent 5xx with git history: retries exhausted, falls back to git diff and says so', async () => {
    listBlueOnly();
    gh.script('GET', FILES_PATH, ...Array.from({ length: 10 }, () => serverError(502)));
    const { ws, base, head } = workspaceWithHistory(WITH_ERROR);
    const run = await runPr(ws, { headSha: head, baseSha: base });
    expect(statuses(FILES_PATH)).toEqual([502, 502, 502, 502]); // the first try + 3 retries
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^Could not list the pull request's changed files: HTTP 502 from the fake API\. Falling back to git\./)]);
    expect(run.stdout).toContain(`Changed files taken from git diff ${base.slice(0, 12)}...${head.slice(0, 12)} because listing the files of pull request #21 failed`);
    expect(run.report.scope).toMatchObject({ mode: 'changed' });
    expect(run.report.scope.reason).toMatch(/^1 changed file \(git diff [0-9a-f]{12}\.\.\.[0-9a-f]{12}, because listing the files of pull request #21 failed/);
    expect(run.summary).toMatch(/git diff [0-9a-f]{12}\.\.\.[0-9a-f]{12}, because listing the files/);
    // The git diff names blue.yml alone: the error elsewhere is out of scope, the step passes.
    expect(findingErrors(run)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('persistent 5xx without git history: audits everything, so an error outside the PR still fails the step', async () => {
    listBlueOnly();
    gh.script('GET', FILES_PATH, ...Array.from({ length: 10 }, () => serverError(500)));
    const run = await runPr(workspace(WITH_ERROR));
    expect(statuses(FILES_PATH)).toEqual([500, 500, 500, 500]);
    expectAuditAll(run, /listing the files of pull request #21 failed \(HTTP 500 from the fake API\)/);
  });

  it('persistent 5xx without git history on a clean workspace: the full audit passes (exit 0)', async () => {
    listBlueOnly();
    gh.script('GET', FILES_PATH, ...Array.from({ length: 10 }, () => serverError(503)));
    const run = await runPr(workspace(CLEAN));
    expect(run.report.scope.mode).toBe('all');
    expect(opWarnings(run)).toHaveLength(1);
    expect(run.outputs).toMatchObject({ result: 'pass', errors: '0', deployments: '1' });
    expect(run.code).toBe(0);
  });

  it('404 (PR not found): not retried, falls back', async () => {
    listBlueOnly();
    gh.script('GET', FILES_PATH, { status: 404, body: { message: 'Not Found' } });
    const run = await runPr(workspace(WITH_ERROR));
    expect(statuses(FILES_PATH)).toEqual([404]);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^Could not list the pull request's changed files: Not Found/)]);
    expectAuditAll(run, /listing the files of pull request #21 failed \(Not Found/);
  });

  it('403 missing permission: not retried, warns and falls back', async () => {
    listBlueOnly();
    gh.script('GET', FILES_PATH, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const run = await runPr(workspace(WITH_ERROR));
    expect(statuses(FILES_PATH)).toEqual([403]);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^Could not list the pull request's changed files: Resource not accessible by integration/)]);
    expectAuditAll(run, /Resource not accessible by integration/);
  });

  it('403 secondary rate limit with retry-after: retried, then the API scope is used', async () => {
    listBlueOnly();
    gh.script('GET', FILES_PATH, {
      status: 403,
      headers: { 'retry-after': '2' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    });
    const run = await runPr(workspace(WITH_ERROR));
    expect(statuses(FILES_PATH)).toEqual([403, 200]);
    expect(run.stdout).toMatch(/secondary rate limit on GET .*\/pulls\/21\/files.*retry after 2 s/);
    expectApiScope(run);
  });

  it('connection reset mid-response: retried, then the API scope is used', async () => {
    listBlueOnly();
    gh.script('GET', FILES_PATH, { status: 200, reset: true, body: [{ filename: 'deploy/prod/online/blue.yml', status: 'modified' }] });
    const run = await runPr(workspace(WITH_ERROR));
    expect(statuses(FILES_PATH)).toEqual([200, 200]);
    expectApiScope(run);
  });

  it('connection reset on every try: retries exhausted, falls back, never gates the empty body as "no files"', async () => {
    listBlueOnly();
    const reset: ScriptedResponse = { status: 200, reset: true, body: [{ filename: 'deploy/prod/online/blue.yml', status: 'modified' }] };
    gh.script('GET', FILES_PATH, ...Array.from({ length: 10 }, () => reset));
    const run = await runPr(workspace(WITH_ERROR));
    expect(statuses(FILES_PATH)).toEqual([200, 200, 200, 200]);
    expect(opWarnings(run)).toEqual([
      expect.stringMatching(/^Could not list the pull request's changed files: the GitHub API sent a malformed page 1 of the file list \(GET \/repos\/acme\/ml-platform\/pulls\/21\/files\?per_page=100 answered HTTP 200 with an empty or cut-off body\)\. Falling back to git\./),
    ]);
    expectAuditAll(run, /malformed page 1 of the file list/);
  });

  it('slow response (1.5 s): waited for, then the API scope is used', async () => {
    listBlueOnly();
    gh.script('GET', FILES_PATH, { status: 200, delayMs: 1500, body: [{ filename: 'deploy/prod/online/blue.yml', status: 'modified' }] });
    const run = await runPr(workspace(WITH_ERROR));
    expect(statuses(FILES_PATH)).toEqual([200]);
    expectApiScope(run);
  });

  it('an API that never answers in time: each try times out, is retried, then the action falls back', async () => {
    listBlueOnly();
    const slow: ScriptedResponse = { status: 200, delayMs: 1500, body: [{ filename: 'deploy/prod/online/blue.yml', status: 'modified' }] };
    gh.script('GET', FILES_PATH, ...Array.from({ length: 10 }, () => slow));
    const run = await runPr(workspace(WITH_ERROR), { env: { MODEL_DEPLOY_GATE_REQUEST_TIMEOUT_MS: '200' } });
    expect(statuses(FILES_PATH)).toHaveLength(4);
    expect(opWarnings(run)[0]).toMatch(/^Could not list the pull request's changed files: .*abort/i);
    expectAuditAll(run, /abort/i);
  });

  it('malformed JSON body on every try: falls back with a clear log line', async () => {
    listBlueOnly();
    const bad: ScriptedResponse = { status: 200, rawBody: '[{"filename": "deploy/prod/online/blue.yml", "status": "mod' };
    gh.script('GET', FILES_PATH, ...Array.from({ length: 10 }, () => bad));
    const run = await runPr(workspace(WITH_ERROR));
    expect(statuses(FILES_PATH)).toEqual([200, 200, 200, 200]);
    expect(opWarnings(run)).toEqual([
      expect.stringMatching(/^Could not list the pull request's changed files: the GitHub API sent a malformed page 1 of the file list \(GET \/repos\/acme\/ml-platform\/pulls\/21\/files\?per_page=100 answered HTTP 200 with a body that is not JSON\)\. Falling back to git\./),
    ]);
    expectAuditAll(run, /malformed page 1 of the file list/);
  });

  describe('truncated pagination: page 1 links to a page 2 that fails', () => {
    /** 100 unrelated files on page 1, and a Link to page 2; blue.yml (and the error) would be on later pages. */
    function pageOne(): void {
      gh.pullFiles.set(PR, [
        ...Array.from({ length: 100 }, (_, i) => ({ filename: `src/module_${i}.py`, status: 'modified' as const })),
        { filename: 'deploy/prod/legacy/deploymentconfig.yml', status: 'modified' as const },
      ]);
    }
    const page2 = (u: URL): boolean => u.searchParams.get('page') === '2';

    it('page 2 is 404: falls back instead of gating page 1 alone', async () => {
      pageOne();
      gh.scriptWhen('GET', FILES_PATH, page2, { status: 404, body: { message: 'Not Found' } });
      const run = await runPr(workspace(WITH_ERROR), { changedFiles: 101 });
      expect(statuses(FILES_PATH)).toEqual([200, 404]);
      expectAuditAll(run, /listing the files of pull request #21 failed \(Not Found/);
    });

    it('page 2 is an empty list: the count falls short of the PR\'s changed_files, so it falls back and says so', async () => {
      pageOne();
      gh.scriptWhen('GET', FILES_PATH, page2, { status: 200, body: [] });
      const run = await runPr(workspace(WITH_ERROR), { changedFiles: 101 });
      expect(statuses(FILES_PATH)).toEqual([200, 200]);
      expect(opWarnings(run)).toEqual(['The GitHub API listed 100 of the 101 changed files of pull request #21: the list is incomplete. Falling back to git.']);
      expectAuditAll(run, /the GitHub API listed 100 of the 101 files pull request #21 changes/);
    });

    it('page 2 is an HTML error page on every try: falls back and says so', async () => {
      pageOne();
      gh.scriptWhen('GET', FILES_PATH, page2, ...Array.from({ length: 10 }, () => ({ status: 200, rawBody: '<html>502 Bad Gateway</html>' })));
      const run = await runPr(workspace(WITH_ERROR), { changedFiles: 101 });
      expect(statuses(FILES_PATH)).toEqual([200, 200, 200, 200, 200]);
      expect(opWarnings(run)).toEqual([expect.stringMatching(/malformed page 2 of the file list \(GET .*page=2 answered HTTP 200 with a body that is not JSON\)/)]);
      expectAuditAll(run, /malformed page 2 of the file list/);
    });

    it('page 2 is JSON but not a list: falls back and says so', async () => {
      pageOne();
      gh.scriptWhen('GET', FILES_PATH, page2, { status: 200, body: { message: 'try later' } });
      const run = await runPr(workspace(WITH_ERROR), { changedFiles: 101 });
      expect(statuses(FILES_PATH)).toEqual([200, 200]);
      expect(opWarnings(run)).toEqual([expect.stringMatching(/malformed page 2 of the file list \(not a JSON array\)/)]);
      expectAuditAll(run, /malformed page 2 of the file list \(not a JSON array\)/);
    });
  });
});

describe('check run faults', () => {
  const CHECK_CREATE = /\/check-runs$/;

  it('403 missing permission: degrades to annotations + summary with a warning naming `checks: write` (clean: exit 0)', async () => {
    listBlueOnly();
    gh.script('POST', CHECK_CREATE, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const run = await runPr(workspace(CLEAN), { inputs: { 'check-run': 'auto' } });
    expect(statuses(CHECK_CREATE)).toEqual([403]);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^No check run "model-deploy-gate" \(HTTP 403: Resource not accessible by integration.*`checks: write`/)]);
    expect(run.summary).toContain('`checks: write`');
    expect(run.code).toBe(0);
  });

  it('500 then success: retried, one check run, no warning', async () => {
    gh.script('POST', CHECK_CREATE, serverError(500));
    const run = await runPr(workspace(WITH_ERROR), { event: 'workflow_dispatch', inputs: { 'check-run': 'auto' } });
    expect(statuses(CHECK_CREATE)).toEqual([500, 201]);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(opWarnings(run)).toEqual([]);
    expect(findingErrors(run)).toEqual([LEGACY_ERROR]);
    expect(run.code).toBe(1);
  });

  it('404 on create: degrades with a warning naming `checks: write`, still fails on the error', async () => {
    gh.script('POST', CHECK_CREATE, { status: 404, body: { message: 'Not Found' } });
    const run = await runPr(workspace(WITH_ERROR), { event: 'workflow_dispatch', inputs: { 'check-run': 'auto' } });
    expect(statuses(CHECK_CREATE)).toEqual([404]);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^No check run .*HTTP 404: Not Found.*`checks: write`/)]);
    expect(findingErrors(run)).toEqual([LEGACY_ERROR]);
    expect(run.summary).toContain('aci-not-for-production');
    expect(run.code).toBe(1);
  });

  it('persistent 5xx on the update after create: findings still reach annotations and summary, a warning says the check run is incomplete, the step fails', async () => {
    // 26 ACI files × 2 findings = 52 annotations: a create (50) and an update (2).
    const files: Record<string, string> = { ...CLEAN };
    for (let i = 0; i < 26; i++) files[`deploy/prod/svc${String(i).padStart(2, '0')}/deploymentconfig.yml`] = ACI;
    gh.script('PATCH', /\/check-runs\/\d+$/, ...Array.from({ length: 10 }, () => serverError(502)));
    const run = await runPr(workspace(files), { event: 'workflow_dispatch', inputs: { 'check-run': 'auto' } });
    expect(statuses(CHECK_CREATE)).toEqual([201]);
    expect(statuses(/\/check-runs\/\d+$/)).toEqual([502, 502, 502, 502]);
    expect(opWarnings(run)).toEqual([
      expect.stringMatching(/^Check run "model-deploy-gate" is incomplete: it was created \(https:\/\/github\.test\/checks\/\d+\) with 50 of 52 annotations, but updating it failed \(HTTP 502: HTTP 502 from the fake API\), so it may stay "in progress"\./),
    ]);
    expect(run.summary).toMatch(/Check run "model-deploy-gate" is incomplete/);
    expect(run.summary).toContain('aci-not-for-production');
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '26' });
    expect(findingErrors(run).length).toBeGreaterThan(0);
    expect(run.code).toBe(1);
  });

  it('check-run: on with persistent 5xx on a clean workspace: fails closed (exit 1)', async () => {
    gh.script('POST', CHECK_CREATE, ...Array.from({ length: 10 }, () => serverError(500)));
    const run = await runPr(workspace(CLEAN), { event: 'workflow_dispatch', inputs: { 'check-run': 'on' } });
    expect(statuses(CHECK_CREATE)).toEqual([500, 500, 500, 500]);
    expect(run.commands.filter((c) => c.level === 'error').at(-1)!.message).toMatch(/^model-deploy-gate: check-run: on, but No check run .*HTTP 500/);
    expect(run.outputs['result']).toBe('fail');
    expect(run.code).toBe(1);
  });
});

describe('PR comment faults', () => {
  const LIST = /\/issues\/21\/comments$/;

  it('403 on create: warning names `pull-requests: write`; clean workspace still exits 0', async () => {
    listBlueOnly();
    gh.script('POST', LIST, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const run = await runPr(workspace(CLEAN), { inputs: { comment: 'always' } });
    expect(statuses(LIST)).toEqual([200, 403]);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^No PR comment \(HTTP 403: Resource not accessible by integration.*`pull-requests: write`/)]);
    expect(run.summary).toContain('`pull-requests: write`');
    expect(run.code).toBe(0);
  });

  it('malformed JSON on list: no duplicate comment is posted, a warning says why, the verdict stands', async () => {
    listBlueOnly();
    gh.comments.push({ id: 77, issue: PR, body: '<!-- model-deploy-gate -->\nold report' });
    gh.script('GET', LIST, ...Array.from({ length: 10 }, () => ({ status: 200, rawBody: '[{"id": 77, "body": "<!-- model-dep' })));
    const run = await runPr(workspace(WITH_ERROR), { inputs: { comment: 'always', scope: 'all' } });
    expect(statuses(LIST)).toEqual([200, 200, 200, 200]);
    expect(gh.calls().filter((c) => c.includes('comments') && !c.startsWith('GET'))).toEqual([]);
    expect(gh.comments).toHaveLength(1);
    expect(opWarnings(run)).toEqual([expect.stringMatching(/^No PR comment \(HTTP error: the GitHub API sent a malformed page 1 of the comment list \(GET .*answered HTTP 200 with a body that is not JSON\)\): the GitHub API kept failing\./)]);
    expect(findingErrors(run)).toEqual([LEGACY_ERROR]);
    expect(run.code).toBe(1);
  });

  it('5xx on list and on update: retried, the sticky comment is updated in place', async () => {
    listBlueOnly();
    gh.comments.push({ id: 77, issue: PR, body: '<!-- model-deploy-gate -->\nold report' });
    gh.script('GET', LIST, serverError(502));
    gh.script('PATCH', /\/issues\/comments\/77$/, serverError(503));
    const run = await runPr(workspace(CLEAN), { inputs: { comment: 'always' } });
    expect(statuses(LIST)).toEqual([502, 200]);
    expect(statuses(/\/issues\/comments\/77$/)).toEqual([503, 200]);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toMatch(/^<!-- model-deploy-gate -->\n/);
    expect(gh.comments[0]!.body).not.toContain('old report');
    expect(opWarnings(run)).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('the token in API error messages', () => {
  it('a proxy that echoes the Authorization header in its error: the warning and summary show it redacted', async () => {
    listBlueOnly();
    gh.script('GET', FILES_PATH, { status: 403, body: { message: `Forbidden for Authorization: token ${TOKEN}` } });
    gh.script('POST', /\/check-runs$/, { status: 403, body: { message: `Forbidden for Authorization: token ${TOKEN}` } });
    const run = await runPr(workspace(CLEAN), { inputs: { 'check-run': 'auto' } });
    // expectTokenSecret (in runPr) already checked stdout, the summary and the reports.
    expect(opWarnings(run)).toEqual([
      expect.stringContaining('Forbidden for Authorization: token ***'),
      expect.stringContaining('Forbidden for Authorization: token ***'),
    ]);
    expect(run.code).toBe(0);
  });
});
