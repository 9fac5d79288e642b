// End-to-end: the built bundle against the validating fake API (every request checked against
// GitHub's REST description), with real event payloads and a real git repository per test.
// Assertions are on the API calls, the workflow commands on stdout, GITHUB_OUTPUT, the reports and
// the job summary — what a user of the action sees.
import { afterAll, describe, expect, test } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GITHUB_ACTIONS_BOT, READ_ONLY, type FakePullFile, type Identity } from './fake-github-api.js';
import { cleanTempDirs, FIXTURES } from './git-fixture.js';
import { runAction, type ActionRun, type Command } from './run-action.js';
import { ACI, CHECK_NAME, MARKER, expectValidTraffic, plainSummary, setup, syncChangedFiles, withoutHistory, type Setup } from './suite.js';

const ACI_FILE = 'deploy/prod/legacy/deploymentconfig.yml';
const BLUE_FILE = 'deploy/prod/online/blue.yml';
// Standard_DS3_v2 has 14 GiB < 1.5 × 12 GiB: memory-headroom at `instance_type` (line 5).
const BLUE_DS3 = `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
name: blue
endpoint_name: fraud-prod
model: azureml:fraud-detector:3
instance_type: Standard_DS3_v2
instance_count: 3
`;
const SECRET = 'ghs_secret_test_token';
const MAINTAINER: Identity = { login: 'Codertocat', id: 21031067, type: 'User' };

const findingAnnotations = (run: ActionRun, level?: Command['level']): Command[] =>
  run.commands.filter((c) => c.props['file'] !== undefined && (!level || c.level === level));
const at = (c: Command): string => `${c.props['title']} ${c.props['file']}:${c.props['line']}:${c.props['col']}`;
const byLevel = (run: ActionRun, level: Command['level']): Command[] => run.commands.filter((c) => c.level === level);
const opWarnings = (run: ActionRun): string[] => byLevel(run, 'warning').filter((c) => c.props['file'] === undefined).map((c) => c.message);

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

describe('workflow_dispatch audit', () => {
  test.concurrent('gates the whole workspace, annotates, writes the reports, creates a completed check run on GITHUB_SHA; the token is only ever masked', async () => {
    const cur = await fresh('workflow_dispatch', {
      extra: { head: { [BLUE_FILE]: BLUE_DS3 } },
      api: { tokens: { [SECRET]: { identity: GITHUB_ACTIONS_BOT, kind: 'installation' } } },
    });
    const { ev, gh } = cur;
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { token: SECRET, 'report-file': 'out/report.json', 'sarif-file': 'out/report.sarif' } });

    expect(run.code).toBe(1);
    expect(findingAnnotations(run).map(at).sort()).toEqual([
      `aci-not-for-production ${ACI_FILE}:1:1`,
      `memory-headroom ${BLUE_FILE}:5:1`,
      `v1-deprecated ${ACI_FILE}:1:1`,
    ]);
    expect(run.stdout).toMatch(/^::error title=memory-headroom,file=deploy\/prod\/online\/blue\.yml,line=5,col=1::Deployment "blue"/m);
    const errors = byLevel(run, 'error');
    expect(errors.at(-1)!.message).toMatch(/^model-deploy-gate: 2 errors, 1 warning, 0 notices \(fail-on: error\)/);

    expect(run.outputs).toMatchObject({ result: 'fail', errors: '2', warnings: '1', notices: '0', suppressed: '0', deployments: '2' });
    expect(run.outputs['report-file']).toBe(path.join(ev.repo.dir, 'out/report.json'));
    expect(run.outputs['sarif-file']).toBe(path.join(ev.repo.dir, 'out/report.sarif'));
    const report = JSON.parse(fs.readFileSync(path.join(ev.repo.dir, 'out/report.json'), 'utf8'));
    expect(report.scope).toMatchObject({ mode: 'all', reason: 'workflow_dispatch event' });
    expect(report.findings).toHaveLength(3);
    expect(report.policy).toMatchObject({ from: 'checkout', file: null, off: [], lowered: [] });
    const sarif = JSON.parse(fs.readFileSync(path.join(ev.repo.dir, 'out/report.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(3);

    expect(gh.calls()).toEqual([`POST /repos/${ev.repository}/check-runs`]);
    expect(gh.requests[0]!.headers['authorization']).toBe(`token ${SECRET}`);
    expect(gh.checkRuns).toEqual([expect.objectContaining({ name: CHECK_NAME, head_sha: ev.githubSha, status: 'completed', conclusion: 'failure' })]);
    expect(gh.checkRuns[0]!.annotations).toHaveLength(3);
    expect(gh.checkRuns[0]!.output.summary).toContain('memory-headroom');

    expect(run.summary).toContain('aci-not-for-production');
    expect(plainSummary(run)).toContain('workflow_dispatch');
    const leaks = (run.stdout + run.stderr).split('\n').filter((l) => l.includes(SECRET));
    expect(leaks).toEqual([`::add-mask::${SECRET}`]);
    expectValidTraffic(gh);
  });

  test.concurrent('passes with fail-on: never, still annotating and reporting every finding', async () => {
    const cur = await fresh('workflow_dispatch');
    const { ev, gh } = cur;
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'pass', errors: '1', warnings: '1' });
    expect(findingAnnotations(run, 'error')).toHaveLength(1);
    expect(byLevel(run, 'error').every((c) => c.props['file'] !== undefined)).toBe(true); // no failure message
    expect(gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    expectValidTraffic(gh);
  });
});

describe('pull_request', () => {
  test.concurrent('reads the changed files across pages and gates only those: a rename by its new name, a removed file dropped, an escaping path rejected', async () => {
    const head: Record<string, string | null> = { [BLUE_FILE]: null };
    for (let i = 0; i < 230; i++) head[`src/module_${String(i).padStart(3, '0')}.py`] = `x = ${i}\n`;
    for (let i = 0; i < 20; i++) head[`docs/page_${i}.md`] = `# page ${i}\n`;
    // The ACI config moves from deploy/old/ (base) to deploy/prod/legacy/ (the fixture's head): a rename.
    const cur = await fresh('opened', { extra: { base: { 'deploy/old/deploymentconfig.yml': ACI }, head: { ...head, 'deploy/old/deploymentconfig.yml': null } } });
    const { ev, gh } = cur;
    const pull = gh.pulls.get(ev.pullNumber!)!;
    expect(pull.files.find((f) => f.filename === ACI_FILE)).toMatchObject({ status: 'renamed', previous_filename: 'deploy/old/deploymentconfig.yml' });
    expect(pull.files.find((f) => f.filename === BLUE_FILE)).toMatchObject({ status: 'removed' });
    pull.files.push({ filename: '../outside/deploymentconfig.yml', status: 'added' });
    syncChangedFiles(ev, gh);

    const run = await runAction({ event: ev, apiUrl: gh.url });

    expect(gh.requestsOf('pulls/list-files').map((r) => r.url)).toEqual([
      `/repos/${ev.repository}/pulls/${ev.pullNumber}/files?per_page=100`,
      `/repos/${ev.repository}/pulls/${ev.pullNumber}/files?per_page=100&page=2`,
      `/repos/${ev.repository}/pulls/${ev.pullNumber}/files?per_page=100&page=3`,
    ]);
    expect(findingAnnotations(run).map(at).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1:1`, `v1-deprecated ${ACI_FILE}:1:1`]);
    expect(opWarnings(run)).toContainEqual(expect.stringContaining('Ignored changed-file path "../outside/deploymentconfig.yml"'));
    expect(run.outputs['result']).toBe('fail');
    expect(run.code).toBe(1);
    expect(gh.checkRuns[0]).toMatchObject({ head_sha: ev.headSha, conclusion: 'failure' });
    expect(plainSummary(run)).toMatch(/pull request #2, GitHub API/);
    expectValidTraffic(gh);
  });

  test.concurrent('gates the deployments that use a model when the PR changes only the model, and edits the bot\'s sticky comment in place', async () => {
    const cur = await fresh('synchronize', {
      extra: { head: { [ACI_FILE]: null, 'models/fraud/model.yml': fs.readFileSync(path.join(FIXTURES, 'fraud-platform/base/models/fraud/model.yml'), 'utf8').replace('memory_gb: 12', 'memory_gb: 20') } },
    });
    const { ev, gh } = cur;
    const sticky = gh.addComment(ev.pullNumber!, `${MARKER}\nold report`, GITHUB_ACTIONS_BOT);
    const lgtm = gh.addComment(ev.pullNumber!, 'LGTM', MAINTAINER);

    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'always' } });

    // blue.yml did not change, but its model did (Standard_DS4_v2: 28 GiB < 1.5 × 20 GiB): it is gated.
    expect(findingAnnotations(run).map(at)).toEqual([`memory-headroom ${BLUE_FILE}:5:1`]);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '1', warnings: '0' });
    expect(gh.calls()).toContain(`PATCH /repos/${ev.repository}/issues/comments/${sticky.id}`);
    expect(gh.requestsOf('issues/create-comment')).toEqual([]);
    expect(sticky.body).toMatch(new RegExp(`^${MARKER}\\n[\\s\\S]*memory-headroom`));
    expect(lgtm.body).toBe('LGTM');
    expectValidTraffic(gh);
  });

  test.concurrent('every finding goes to the check run in batches of 50, while workflow commands stay within what GitHub shows', async () => {
    const head: Record<string, string> = {};
    for (let i = 0; i < 39; i++) head[`deploy/prod/svc${String(i).padStart(2, '0')}/deploymentconfig.yml`] = ACI;
    const cur = await fresh('opened', { extra: { head } });
    const { ev, gh } = cur;
    const run = await runAction({ event: ev, apiUrl: gh.url });

    const total = Number(run.outputs['errors']) + Number(run.outputs['warnings']) + Number(run.outputs['notices']);
    expect(total).toBe(80); // 40 × (aci-not-for-production + v1-deprecated)
    expect(gh.requests.filter((r) => r.operationId?.startsWith('checks/')).map((r) => [r.operationId, ((r.body as { output: { annotations?: unknown[] } }).output.annotations ?? []).length])).toEqual([
      ['checks/create', 50],
      ['checks/update', 30],
    ]);
    expect(gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(gh.checkRuns[0]!.annotations).toHaveLength(80);
    expect(gh.checkRuns[0]!.annotations[0]).toMatchObject({ start_line: 1, end_line: 1, start_column: 1 });

    // Workflow commands: 9 finding errors + the failure message = 10; 10 warnings; one closing notice.
    expect(findingAnnotations(run, 'error')).toHaveLength(9);
    expect(byLevel(run, 'error')).toHaveLength(10);
    expect(byLevel(run, 'warning')).toHaveLength(10);
    const notices = byLevel(run, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/^61 more findings not shown as annotations/);
    expect(notices[0]!.message).toContain(gh.checkRuns[0]!.id.toString());
    expect(run.code).toBe(1);
    expectValidTraffic(gh);
  });

  test.concurrent('a same-repository PR whose token lacks checks: write and pull-requests: write: one try each (403), warnings name the permissions, the step still fails', async () => {
    const cur = await fresh('opened', { api: { tokens: { ghs_test_token: { identity: GITHUB_ACTIONS_BOT, kind: 'installation', permissions: READ_ONLY } } } });
    const { ev, gh } = cur;
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'on-failure' } });

    expect(gh.requests.map((r) => [r.operationId, r.status])).toEqual([
      ['pulls/list-files', 200],
      ['checks/create', 403],
      ['issues/list-comments', 200],
      ['issues/create-comment', 403],
    ]);
    expect(opWarnings(run)).toEqual([
      expect.stringMatching(/^No check run "model-deploy-gate" \(HTTP 403: Resource not accessible by integration.*`checks: write`/),
      expect.stringMatching(/^No PR comment \(HTTP 403.*`pull-requests: write`/),
    ]);
    expect(findingAnnotations(run, 'error').map(at)).toEqual([`aci-not-for-production ${ACI_FILE}:1:1`]);
    expect(run.summary).toContain('checks: write');
    const failure = byLevel(run, 'error').at(-1)!;
    expect(failure.props['file']).toBeUndefined();
    expect(failure.message).toMatch(/^model-deploy-gate: 1 error/);
    expect(run.code).toBe(1);
    expectValidTraffic(gh);
  });

  test.concurrent('retries 5xx answers and secondary rate limits, then succeeds; a check-run POST that failed is re-sent only after looking for it', async () => {
    const cur = await fresh('opened');
    const { ev, gh } = cur;
    gh.fail({ operationId: 'pulls/list-files' }, { status: 502, body: { message: 'Bad Gateway' } }, { status: 503, body: { message: 'Unavailable' } });
    gh.fail({ operationId: 'checks/create' }, { status: 500, body: { message: 'Server Error' } });
    gh.fail(
      { operationId: 'issues/create-comment' },
      { status: 403, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } },
    );
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'always' } });

    const statuses = (op: string): number[] => gh.requestsOf(op).map((r) => r.status);
    expect(statuses('pulls/list-files')).toEqual([502, 503, 200]);
    expect(statuses('checks/create')).toEqual([500, 201]);
    expect(statuses('checks/list-for-ref')).toEqual([200]);
    expect(statuses('issues/create-comment')).toEqual([403, 201]);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.comments).toHaveLength(1);
    expect(opWarnings(run)).toEqual([]);
    expect(plainSummary(run)).toMatch(/pull request #2, GitHub API/);
    expect(findingAnnotations(run, 'error').map(at)).toEqual([`aci-not-for-production ${ACI_FILE}:1:1`]);
    expectValidTraffic(gh);
  });

  test.concurrent('over 3,000 files: stops at the API cap and uses git diff BASE...HEAD when the history is there', async () => {
    const cur = await fresh('opened');
    const { ev, gh } = cur;
    const pull = gh.pulls.get(ev.pullNumber!)!;
    pull.files = Array.from({ length: 3200 }, (_, i): FakePullFile => ({ filename: `data/shard_${i}.csv`, status: 'added' }));
    syncChangedFiles(ev, gh);
    const run = await runAction({ event: ev, apiUrl: gh.url });

    expect(gh.requestsOf('pulls/list-files')).toHaveLength(30);
    const range = `${ev.repo.base.slice(0, 12)}...${ev.repo.head.slice(0, 12)}`;
    expect(run.stdout).toContain(`Changed files taken from git diff ${range}`);
    expect(plainSummary(run)).toContain(`git diff ${range}, because pull request #2 changes 3000 or more files`);
    expect(findingAnnotations(run).map(at).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1:1`, `v1-deprecated ${ACI_FILE}:1:1`]);
    expectValidTraffic(gh);
  });

  test.concurrent('over 3,000 files without git history: gates every file and says why; the base policy comes from the contents API', async () => {
    const cur = await fresh('opened', { extra: { base: { 'deploy/prod/other/deploymentconfig.yml': ACI } } });
    const { ev, gh } = cur;
    const pull = gh.pulls.get(ev.pullNumber!)!;
    pull.files = Array.from({ length: 3001 }, (_, i): FakePullFile => ({ filename: `data/shard_${i}.csv`, status: 'added' }));
    syncChangedFiles(ev, gh);
    const ws = withoutHistory(ev);
    const run = await runAction({ event: ev, apiUrl: gh.url, workspace: ws, inputs: { 'report-file': 'report.json' } });

    expect(gh.requestsOf('repos/get-content').map((r) => [r.params['path'], r.query.get('ref'), r.status])).toEqual([
      ['.github/model-deploy-gate.yml', ev.repo.base, 404],
      ['.model-deploy-gate.yml', ev.repo.base, 404],
    ]);
    expect(run.stdout).toMatch(/Gating every file: pull request #2 changes 3000 or more files.*git diff .* failed/);
    expect(findingAnnotations(run, 'error')).toHaveLength(2); // both ACI configs, though the other one is not in the PR
    const report = JSON.parse(fs.readFileSync(run.outputs['report-file']!, 'utf8'));
    expect(report.scope.mode).toBe('all');
    expect(report.scope.reason).toMatch(/3000 or more files, the most the GitHub API lists; git diff .* failed/);
    expect(report.policy).toMatchObject({ from: 'base', file: null, commit: ev.repo.base });
    expectValidTraffic(gh);
  });

  test.concurrent('with working-directory, gates that folder and reports repo-relative paths', async () => {
    const cur = await fresh('opened', { extra: { head: { [`ml/${ACI_FILE}`]: ACI, 'other/deploy/prod/deploymentconfig.yml': ACI } } });
    const { ev, gh } = cur;
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { 'working-directory': 'ml' } });

    expect(findingAnnotations(run).map(at).sort()).toEqual([`aci-not-for-production ml/${ACI_FILE}:1:1`, `v1-deprecated ml/${ACI_FILE}:1:1`]);
    expect(gh.checkRuns[0]!.annotations.map((a) => a['path'])).toEqual([`ml/${ACI_FILE}`, `ml/${ACI_FILE}`]);
    expect(plainSummary(run)).toContain('3 outside the scanned folder ignored');
    expectValidTraffic(gh);
  });
});

describe('failures never look green', () => {
  test.concurrent('an invalid config fails the step with the file and line', async () => {
    const cur = await fresh('workflow_dispatch', { extra: { head: { '.github/model-deploy-gate.yml': 'limits:\n  aci-max-memory-gb: lots\n' } } });
    const { ev, gh } = cur;
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { 'check-run': 'off' } });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    const errors = byLevel(run, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^model-deploy-gate: invalid configuration: \.github\/model-deploy-gate\.yml:2:/);
    expect(gh.requests).toEqual([]);
  });

  test.concurrent('invalid inputs fail the step listing every problem', async () => {
    const cur = await fresh('workflow_dispatch');
    const { ev, gh } = cur;
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { 'fail-on': 'sometimes', 'working-directory': '../elsewhere', 'policy-from': 'pr' } });
    expect(run.code).toBe(1);
    const [error] = byLevel(run, 'error');
    expect(error!.message).toContain('`fail-on` is "sometimes"; expected one of: error, warning, notice, never.');
    expect(error!.message).toContain('`working-directory` "../elsewhere" is outside the workspace');
    expect(error!.message).toContain('`policy-from` is "pr"; expected one of: base, head.');
    expect(run.outputs['result']).toBe('fail');
  });

  test.concurrent('check-run: on makes a check run required: a 403 fails the step even when the policy passes', async () => {
    const cur = await fresh('workflow_dispatch');
    const { ev, gh } = cur;
    gh.fail({ operationId: 'checks/create' }, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { 'check-run': 'on', 'fail-on': 'never' } });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(byLevel(run, 'error').at(-1)!.message).toMatch(/^model-deploy-gate: check-run: on, but No check run .*`checks: write`/);
    expectValidTraffic(gh);
  });

  test.concurrent('an internal error (the report file path is a folder) fails the step with a message', async () => {
    const cur = await fresh('workflow_dispatch', { extra: { head: { 'out/.keep': '' } } });
    const { ev, gh } = cur;
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { 'report-file': 'out', 'fail-on': 'never', 'check-run': 'off' } });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(byLevel(run, 'error').at(-1)!.message).toMatch(/^model-deploy-gate: internal error, the manifests were not gated: EISDIR/);
  });
});
