// End-to-end: the built bundle (dist/index.js, or MODEL_DEPLOY_GATE_BUNDLE) against a real HTTP
// server playing api.github.com. Assertions are on the API calls, the workflow commands on stdout,
// GITHUB_OUTPUT and the job summary — what a user of the action sees.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeGitHub, type FakePullFile } from './fake-github.js';
import { cleanTempDirs, commitAll, prPayload, runAction, workspace, writeFiles, type ActionRun, type Command } from './harness.js';

const MODEL = `$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json
name: fraud-detector
version: 3
path: model
type: custom_model
tags:
  memory_gb: 12
`;

// Standard_DS3_v2 has 14 GiB < 1.5 × 12 GiB: memory-headroom at `instance_type` (line 5).
const BLUE = `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
name: blue
endpoint_name: fraud-prod
model: azureml:fraud-detector:3
instance_type: Standard_DS3_v2
instance_count: 3
`;

// ACI in production: aci-not-for-production (error) + v1-deprecated (warning), both at `computeType` (1:1).
const ACI = `computeType: ACI
containerResourceRequirements:
  cpu: 1
  memoryInGB: 4
`;

const BASE_FILES: Record<string, string> = {
  'models/fraud/model.yml': MODEL,
  'models/fraud/model/model.pkl': 'weights',
  'deploy/prod/online/blue.yml': BLUE,
  'deploy/prod/legacy/deploymentconfig.yml': ACI,
  'README.md': '# ml platform\n',
};

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const MERGE = 'c'.repeat(40);

const findingAnnotations = (run: ActionRun, level?: Command['level']): Command[] =>
  run.commands.filter((c) => c.props['file'] !== undefined && (!level || c.level === level));
const at = (c: Command): string => `${c.props['title']} ${c.props['file']}:${c.props['line']}:${c.props['col']}`;
const byLevel = (run: ActionRun, level: Command['level']): Command[] => run.commands.filter((c) => c.level === level);

let gh: FakeGitHub;

beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});

afterEach(async () => {
  await gh.stop();
});

afterAll(() => cleanTempDirs());

describe('workflow_dispatch audit', () => {
  it('gates the whole workspace, annotates, creates a completed check run on GITHUB_SHA and fails the step', async () => {
    const ws = workspace(BASE_FILES);
    const run = await runAction({
      workspace: ws,
      event: 'workflow_dispatch',
      sha: MERGE,
      apiUrl: gh.url,
      inputs: { token: 'ghs_secret_test_token', 'report-file': 'out/report.json', 'sarif-file': 'out/report.sarif' },
    });

    expect(run.code).toBe(1);
    expect(findingAnnotations(run).map(at).sort()).toEqual([
      'aci-not-for-production deploy/prod/legacy/deploymentconfig.yml:1:1',
      'memory-headroom deploy/prod/online/blue.yml:5:1',
      'v1-deprecated deploy/prod/legacy/deploymentconfig.yml:1:1',
    ]);
    expect(run.stdout).toMatch(/^::error title=memory-headroom,file=deploy\/prod\/online\/blue\.yml,line=5,col=1::Deployment \"blue\"/m);
    // The failure message is the last error command.
    const errors = byLevel(run, 'error');
    expect(errors[errors.length - 1]!.message).toMatch(/^model-deploy-gate: 2 errors, 1 warning, 0 notices \(fail-on: error\)/);

    expect(run.outputs).toMatchObject({ result: 'fail', errors: '2', warnings: '1', notices: '0', suppressed: '0', deployments: '2' });
    expect(Number(run.outputs['files-scanned'])).toBeGreaterThanOrEqual(3);
    expect(run.outputs['report-file']).toBe(path.join(ws, 'out/report.json'));
    expect(run.outputs['sarif-file']).toBe(path.join(ws, 'out/report.sarif'));
    const report = JSON.parse(fs.readFileSync(path.join(ws, 'out/report.json'), 'utf8'));
    expect(report.scope).toMatchObject({ mode: 'all', reason: 'workflow_dispatch event' });
    expect(report.findings).toHaveLength(3);
    const sarif = JSON.parse(fs.readFileSync(path.join(ws, 'out/report.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(3);

    // No file listing on an audit: one check-run request, on the commit the workflow ran on.
    expect(gh.calls()).toEqual(['POST /repos/acme/ml-platform/check-runs']);
    expect(gh.requests[0]!.headers['authorization']).toBe('token ghs_secret_test_token');
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({ name: 'model-deploy-gate', head_sha: MERGE, status: 'completed', conclusion: 'failure' });
    expect(gh.checkRuns[0]!.annotations).toHaveLength(3);
    expect(gh.checkRuns[0]!.summary).toContain('memory-headroom');

    expect(run.summary).toContain('aci-not-for-production');
    expect(run.summary).toContain('workflow_dispatch');
    // The token is only ever handed to the runner's masking command, never printed.
    const leaks = (run.stdout + run.stderr).split('\n').filter((l) => l.includes('ghs_secret_test_token'));
    expect(leaks).toEqual(['::add-mask::ghs_secret_test_token']);
  });

  it('passes with fail-on: never, still annotating and reporting every finding', async () => {
    const run = await runAction({
      workspace: workspace(BASE_FILES),
      event: 'workflow_dispatch',
      apiUrl: gh.url,
      inputs: { token: 't', 'fail-on': 'never' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'pass', errors: '2', warnings: '1' });
    expect(findingAnnotations(run, 'error')).toHaveLength(2);
    expect(byLevel(run, 'error').every((c) => c.props['file'] !== undefined)).toBe(true); // no failure message
    expect(gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
  });
});

describe('pull_request', () => {
  it('reads the changed files across several pages and gates only those (renames by new name, removed dropped, escaping paths rejected)', async () => {
    const ws = workspace(BASE_FILES);
    const files: FakePullFile[] = [];
    for (let i = 0; i < 230; i++) files.push({ filename: `src/module_${i}.py`, status: 'modified' });
    files.push({ filename: 'deploy/prod/legacy/deploymentconfig.yml', status: 'renamed', previous_filename: 'deploy/old/deploymentconfig.yml', patch: '@@ -0,0 +1,4 @@\n+computeType: ACI' });
    files.push({ filename: 'deploy/prod/online/blue.yml', status: 'removed' });
    files.push({ filename: '../outside/deploymentconfig.yml', status: 'added' });
    for (let i = 0; i < 20; i++) files.push({ filename: `docs/page_${i}.md`, status: 'added' });
    gh.pullFiles.set(7, files);

    const run = await runAction({
      workspace: ws,
      event: 'pull_request',
      sha: MERGE,
      payload: prPayload({ number: 7, headSha: HEAD, baseSha: BASE }),
      apiUrl: gh.url,
      inputs: { token: 't' },
    });

    const listCalls = gh.calls().filter((c) => c.includes('/pulls/7/files'));
    expect(listCalls).toEqual([
      'GET /repos/acme/ml-platform/pulls/7/files?per_page=100',
      'GET /repos/acme/ml-platform/pulls/7/files?per_page=100&page=2',
      'GET /repos/acme/ml-platform/pulls/7/files?per_page=100&page=3',
    ]);
    // Only the changed manifest is gated: blue.yml (listed as removed) is not.
    expect(findingAnnotations(run).map(at).sort()).toEqual([
      'aci-not-for-production deploy/prod/legacy/deploymentconfig.yml:1:1',
      'v1-deprecated deploy/prod/legacy/deploymentconfig.yml:1:1',
    ]);
    expect(byLevel(run, 'warning').some((c) => c.message.includes('Ignored changed-file path "../outside/deploymentconfig.yml"'))).toBe(true);
    expect(run.outputs['result']).toBe('fail');
    expect(run.code).toBe(1);
    // The check run goes on the PR head commit, not the merge commit GITHUB_SHA names.
    expect(gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: 'failure' });
    expect(run.summary).toMatch(/pull request #7, GitHub API/);
  });

  it('gates the deployments that use a model when the PR changes only the model, and edits its sticky comment in place', async () => {
    gh.pullFiles.set(12, [{ filename: 'models/fraud/model.yml', status: 'modified', patch: '@@ -7 +7 @@\n-  memory_gb: 4\n+  memory_gb: 12' }]);
    gh.comments.push({ id: 99, issue: 12, body: '<!-- model-deploy-gate -->\nold report' });
    gh.comments.push({ id: 98, issue: 12, body: 'LGTM' });

    const run = await runAction({
      workspace: workspace(BASE_FILES),
      event: 'pull_request',
      payload: prPayload({ number: 12, headSha: HEAD, baseSha: BASE }),
      apiUrl: gh.url,
      inputs: { token: 't', comment: 'always' },
    });

    // blue.yml did not change, but its model did: it is gated; the unrelated ACI file is not.
    expect(findingAnnotations(run).map(at)).toEqual(['memory-headroom deploy/prod/online/blue.yml:5:1']);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '1', warnings: '0' });
    expect(gh.calls()).toContain('PATCH /repos/acme/ml-platform/issues/comments/99');
    expect(gh.calls().filter((c) => c.startsWith('POST') && c.includes('/comments'))).toEqual([]);
    expect(gh.comments.find((c) => c.id === 99)!.body).toMatch(/^<!-- model-deploy-gate -->\n[\s\S]*memory-headroom/);
    expect(gh.comments.find((c) => c.id === 98)!.body).toBe('LGTM');
  });

  it('sends every finding to the check run in batches of 50 while workflow commands stay within what GitHub shows', async () => {
    const files: Record<string, string> = { ...BASE_FILES };
    const pr: FakePullFile[] = [];
    for (let i = 0; i < 40; i++) {
      files[`deploy/prod/svc${String(i).padStart(2, '0')}/deploymentconfig.yml`] = ACI;
      pr.push({ filename: `deploy/prod/svc${String(i).padStart(2, '0')}/deploymentconfig.yml`, status: 'added', patch: '@@ -0,0 +1,4 @@\n+computeType: ACI' });
    }
    gh.pullFiles.set(3, pr);

    const run = await runAction({
      workspace: workspace(files),
      event: 'pull_request',
      payload: prPayload({ number: 3, headSha: HEAD, baseSha: BASE }),
      apiUrl: gh.url,
      inputs: { token: 't' },
    });

    const total = Number(run.outputs['errors']) + Number(run.outputs['warnings']) + Number(run.outputs['notices']);
    expect(total).toBe(80); // 40 × (aci-not-for-production + v1-deprecated)

    // Check run: all 80, 50 per request (create + one update), completed by the last request.
    expect(gh.calls().filter((c) => c.includes('check-runs'))).toEqual([
      'POST /repos/acme/ml-platform/check-runs',
      `PATCH /repos/acme/ml-platform/check-runs/${gh.checkRuns[0]!.id}`,
    ]);
    const checkRequests = gh.requests.filter((r) => r.path.includes('check-runs'));
    const sizes = checkRequests.map((r) => ((r.body as { output: { annotations: unknown[] } }).output.annotations ?? []).length);
    expect(sizes).toEqual([50, 30]);
    expect((checkRequests[0]!.body as { status: string }).status).toBe('in_progress');
    expect(gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(gh.checkRuns[0]!.annotations).toHaveLength(80);
    expect(new Set(gh.checkRuns[0]!.annotations.map((a) => a['annotation_level']))).toEqual(new Set(['failure', 'warning']));
    const first = gh.checkRuns[0]!.annotations[0]!;
    expect(first).toMatchObject({ start_line: 1, end_line: 1, start_column: 1 });

    // Workflow commands: 9 finding errors + the failure message = 10; 10 warnings; one closing notice.
    expect(findingAnnotations(run, 'error')).toHaveLength(9);
    expect(byLevel(run, 'error')).toHaveLength(10);
    expect(byLevel(run, 'warning')).toHaveLength(10);
    const notices = byLevel(run, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/^61 more findings not shown as annotations/);
    expect(notices[0]!.message).toContain('https://github.test/checks/');
    expect(run.code).toBe(1);
  });

  it('falls back on a fork PR whose token may not create check runs or comments, naming the permissions, and still fails on errors', async () => {
    gh.pullFiles.set(5, [{ filename: 'deploy/prod/legacy/deploymentconfig.yml', status: 'modified' }]);
    const forbidden = { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } };
    gh.script('POST', /\/check-runs$/, forbidden);
    gh.script('POST', /\/issues\/5\/comments$/, forbidden);

    const run = await runAction({
      workspace: workspace(BASE_FILES),
      event: 'pull_request',
      payload: prPayload({ number: 5, headSha: HEAD, baseSha: BASE, fork: true }),
      apiUrl: gh.url,
      inputs: { token: 't', comment: 'on-failure' },
    });

    expect(run.code).toBe(1);
    const warnings = byLevel(run, 'warning').filter((c) => c.props['file'] === undefined).map((c) => c.message);
    expect(warnings).toEqual([
      expect.stringMatching(/No check run "model-deploy-gate" \(HTTP 403: Resource not accessible by integration.*`checks: write`/),
      expect.stringMatching(/No PR comment \(HTTP 403.*`pull-requests: write`/),
    ]);
    // The check-run creation was tried once: a plain 403 is not retried.
    expect(gh.calls().filter((c) => c.includes('check-runs'))).toEqual(['POST /repos/acme/ml-platform/check-runs']);
    expect(findingAnnotations(run, 'error').map(at)).toEqual(['aci-not-for-production deploy/prod/legacy/deploymentconfig.yml:1:1']);
    expect(run.outputs['result']).toBe('fail');
    expect(run.summary).toContain('checks: write');
    expect(run.summary).toContain('aci-not-for-production');
    const failure = byLevel(run, 'error').at(-1)!;
    expect(failure.props['file']).toBeUndefined();
    expect(failure.message).toMatch(/^model-deploy-gate: 1 error/);
  });

  it('retries 5xx answers and secondary rate limits, then succeeds', async () => {
    gh.pullFiles.set(9, [{ filename: 'deploy/prod/legacy/deploymentconfig.yml', status: 'modified' }]);
    gh.script('GET', /\/pulls\/9\/files$/, { status: 502, body: { message: 'Bad Gateway' } }, { status: 503, body: { message: 'Unavailable' } });
    gh.script('POST', /\/check-runs$/, { status: 500, body: { message: 'Server Error' } });
    gh.script('POST', /\/issues\/9\/comments$/, {
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    });

    const run = await runAction({
      workspace: workspace(BASE_FILES),
      event: 'pull_request',
      payload: prPayload({ number: 9, headSha: HEAD, baseSha: BASE }),
      apiUrl: gh.url,
      inputs: { token: 't', comment: 'always' },
    });

    const statuses = (pattern: RegExp): number[] => gh.requests.filter((r) => pattern.test(r.path)).map((r) => r.status);
    expect(statuses(/\/pulls\/9\/files$/)).toEqual([502, 503, 200]);
    expect(statuses(/\/check-runs$/)).toEqual([500, 201]);
    expect(statuses(/\/issues\/9\/comments$/)).toEqual([200, 403, 201]); // list, limited create, create
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.comments).toHaveLength(1);
    // No fallback happened: no operational warning, scope from the API.
    expect(byLevel(run, 'warning').filter((c) => c.props['file'] === undefined)).toEqual([]);
    expect(run.summary).toMatch(/pull request #9, GitHub API/);
    expect(findingAnnotations(run, 'error').map(at)).toEqual(['aci-not-for-production deploy/prod/legacy/deploymentconfig.yml:1:1']);
  });

  it('over 3,000 files: stops at the API cap and uses git diff BASE...HEAD when the history is there', async () => {
    const ws = workspace(BASE_FILES);
    const base = commitAll(ws, 'base');
    writeFiles(ws, { 'deploy/prod/legacy/deploymentconfig.yml': ACI + 'numReplicas: 1\n' });
    const head = commitAll(ws, 'head');
    gh.pullFiles.set(
      11,
      Array.from({ length: 3200 }, (_, i) => ({ filename: `data/shard_${i}.csv`, status: 'added' as const })),
    );

    const run = await runAction({
      workspace: ws,
      event: 'pull_request',
      payload: prPayload({ number: 11, headSha: head, baseSha: base, changedFiles: 3201 }),
      apiUrl: gh.url,
      inputs: { token: 't' },
    });

    expect(gh.calls().filter((c) => c.includes('/pulls/11/files'))).toHaveLength(30);
    expect(run.stdout).toContain(`Changed files taken from git diff ${base.slice(0, 12)}...${head.slice(0, 12)}`);
    expect(run.summary).toMatch(/git diff [0-9a-f]{12}\.\.\.[0-9a-f]{12}, because pull request #11 changes 3000 or more files/);
    expect(findingAnnotations(run).map(at).sort()).toEqual([
      'aci-not-for-production deploy/prod/legacy/deploymentconfig.yml:1:1',
      'v1-deprecated deploy/prod/legacy/deploymentconfig.yml:1:1',
    ]);
  });

  it('over 3,000 files without git history: gates every file and says why', async () => {
    gh.pullFiles.set(11, Array.from({ length: 3001 }, (_, i) => ({ filename: `data/shard_${i}.csv`, status: 'added' as const })));
    const run = await runAction({
      workspace: workspace(BASE_FILES),
      event: 'pull_request',
      payload: prPayload({ number: 11, headSha: HEAD, baseSha: BASE, changedFiles: 3001 }),
      apiUrl: gh.url,
      inputs: { token: 't', 'report-file': 'report.json' },
    });
    expect(run.stdout).toMatch(/Gating every file: pull request #11 changes 3000 or more files.*git diff .* failed/);
    expect(findingAnnotations(run, 'error')).toHaveLength(2); // both deployments gated
    const report = JSON.parse(fs.readFileSync(run.outputs['report-file']!, 'utf8'));
    expect(report.scope.mode).toBe('all');
    expect(report.scope.reason).toMatch(/3000 or more files, the most the GitHub API lists; git diff .* failed/);
  });

  it('with working-directory, gates that folder and reports repo-relative paths', async () => {
    const files: Record<string, string> = {};
    for (const [k, v] of Object.entries(BASE_FILES)) files[`ml/${k}`] = v;
    files['other/deploy/prod/deploymentconfig.yml'] = ACI; // outside the folder: never read
    gh.pullFiles.set(4, [
      { filename: 'ml/deploy/prod/legacy/deploymentconfig.yml', status: 'modified' },
      { filename: 'other/deploy/prod/deploymentconfig.yml', status: 'modified' },
    ]);
    const run = await runAction({
      workspace: workspace(files),
      event: 'pull_request',
      payload: prPayload({ number: 4, headSha: HEAD, baseSha: BASE }),
      apiUrl: gh.url,
      inputs: { token: 't', 'working-directory': 'ml' },
    });
    expect(findingAnnotations(run).map(at).sort()).toEqual([
      'aci-not-for-production ml/deploy/prod/legacy/deploymentconfig.yml:1:1',
      'v1-deprecated ml/deploy/prod/legacy/deploymentconfig.yml:1:1',
    ]);
    expect(gh.checkRuns[0]!.annotations.map((a) => a['path'])).toEqual([
      'ml/deploy/prod/legacy/deploymentconfig.yml',
      'ml/deploy/prod/legacy/deploymentconfig.yml',
    ]);
    expect(run.summary).toContain('1 outside the scanned folder ignored');
  });
});

describe('failures never look green', () => {
  it('an invalid config fails the step with the file and line', async () => {
    const run = await runAction({
      workspace: workspace({ ...BASE_FILES, '.github/model-deploy-gate.yml': 'limits:\n  aci-max-memory-gb: lots\n' }),
      event: 'workflow_dispatch',
      inputs: { 'check-run': 'off' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    const errors = byLevel(run, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^model-deploy-gate: invalid configuration: \.github\/model-deploy-gate\.yml:2:/);
  });

  it('invalid inputs fail the step listing every problem', async () => {
    const run = await runAction({
      workspace: workspace(BASE_FILES),
      event: 'workflow_dispatch',
      inputs: { 'fail-on': 'sometimes', 'working-directory': '../elsewhere' },
    });
    expect(run.code).toBe(1);
    const [error] = byLevel(run, 'error');
    expect(error!.message).toContain('`fail-on` is "sometimes"; expected one of: error, warning, notice, never.');
    expect(error!.message).toContain('`working-directory` "../elsewhere" is outside the workspace');
    expect(run.outputs['result']).toBe('fail');
  });

  it('check-run: on makes a check run required: a 403 fails the step even when the policy passes', async () => {
    gh.script('POST', /\/check-runs$/, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const run = await runAction({
      workspace: workspace(BASE_FILES),
      event: 'workflow_dispatch',
      apiUrl: gh.url,
      inputs: { token: 't', 'check-run': 'on', 'fail-on': 'never' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(byLevel(run, 'error').at(-1)!.message).toMatch(/^model-deploy-gate: check-run: on, but No check run .*`checks: write`/);
  });

  it('an internal error (report file path is a folder) fails the step with a message', async () => {
    const ws = workspace({ ...BASE_FILES, 'out/.keep': '' });
    const run = await runAction({
      workspace: ws,
      event: 'workflow_dispatch',
      inputs: { 'report-file': 'out', 'fail-on': 'never', 'check-run': 'off' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(byLevel(run, 'error').at(-1)!.message).toMatch(/^model-deploy-gate: internal error, the manifests were not gated: EISDIR/);
  });
});
