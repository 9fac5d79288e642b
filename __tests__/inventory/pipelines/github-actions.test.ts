// GitHub Actions conventions on small synthetic workflows (one feature per test).
import { describe, expect, test } from '@jest/globals';
import { stageFromPipelines } from '../../../src/inventory/pipelines/index.js';
import { synthetic } from './helpers.js';

const DEP = 'deploy/online-deployment.yml';
const files = (wf: string, more: Record<string, string> = {}): Record<string, string> => ({
  '.github/workflows/cd.yml': wf,
  [DEP]: 'name: blue\n',
  ...more,
});

describe('environment', () => {
  test('environment: production ⇒ production, with the short reason', () => {
    const [e] = synthetic(files('on: push\njobs:\n  deploy-prod:\n    environment: production\n    runs-on: x\n    steps:\n      - run: az ml online-deployment create -f deploy/online-deployment.yml\n'));
    expect(e).toMatchObject({
      manifest: DEP,
      command: 'online-deployment',
      pipeline: '.github/workflows/cd.yml',
      platform: 'github-actions',
      line: 7,
      jobName: 'deploy-prod',
      environment: 'production',
      stage: 'production',
      reason: 'deployed by .github/workflows/cd.yml job deploy-prod (environment: production)',
      variableFiles: [],
      overrides: {},
    });
  });

  test('environment: { name: … } from inputs (dispatch choices, caller with:); the environment beats a production word in the job name', () => {
    const wf = [
      'on:',
      '  workflow_dispatch:',
      '    inputs:',
      '      target: { default: dev }',
      'jobs:',
      '  apply-production-tag:',
      '    environment:',
      '      name: ${{ inputs.target }}',
      '    steps:',
      '      - run: az ml online-deployment create -f deploy/online-deployment.yml',
    ].join('\n');
    // A manual run may pick any choice of a workflow_dispatch input: its default and options count.
    expect(synthetic(files(wf))[0]).toMatchObject({ environment: '${{ inputs.target }}', stage: 'nonproduction' });
    const choice = wf.replace('{ default: dev }', '{ default: dev, type: choice, options: [dev, prod] }');
    expect(synthetic(files(choice))[0]).toMatchObject({ stage: 'production', reason: expect.stringContaining('may be prod') });
    const called = wf.replace('workflow_dispatch', 'workflow_call');
    const caller = 'on: push\njobs:\n  go:\n    uses: ./.github/workflows/reusable.yml\n    with:\n      target: dev\n';
    const [e] = synthetic({ '.github/workflows/cd.yml': caller, '.github/workflows/reusable.yml': called, [DEP]: '' });
    expect(e).toMatchObject({ pipeline: '.github/workflows/cd.yml', line: 4, jobName: 'go', environment: 'dev', stage: 'nonproduction' });
  });

  test('an expression that may be prod ⇒ production (fail closed); matrix values too', () => {
    const ternary = synthetic(files("on: push\njobs:\n  d:\n    environment: ${{ github.ref == 'refs/heads/main' && 'prod' || 'dev' }}\n    steps:\n      - run: az ml online-deployment create -f deploy/online-deployment.yml\n"))[0];
    expect(ternary).toMatchObject({ stage: 'production' });
    expect(ternary.reason).toContain('may be prod');
    const matrix = synthetic(files('on: push\njobs:\n  d:\n    strategy:\n      matrix:\n        env: [dev, prd]\n    environment: ${{ matrix.env }}\n    steps:\n      - run: az ml online-deployment create -f deploy/online-deployment.yml\n'))[0];
    expect(matrix).toMatchObject({ environment: '${{ matrix.env }}', stage: 'production' });
    const single = synthetic(files('on: push\njobs:\n  d:\n    strategy:\n      matrix:\n        env: [staging]\n    environment: ${{ matrix.env }}\n    steps:\n      - run: az ml online-deployment create -f deploy/online-deployment.yml\n'))[0];
    expect(single).toMatchObject({ environment: 'staging', stage: 'nonproduction' });
  });

  test('no environment: variable files before names; names are fail-closed (any prod word wins)', () => {
    const wf = 'name: CI\non: push\njobs:\n  dev-and-prod:\n    steps:\n      - name: read config-infra-dev.yml\n        run: az ml online-deployment create -f deploy/online-deployment.yml\n';
    expect(synthetic(files(wf))[0]).toMatchObject({ variableFiles: ['config-infra-dev.yml'], stage: 'nonproduction', reason: 'deployed by .github/workflows/cd.yml job dev-and-prod (variable file config-infra-dev.yml)' });
    const names = wf.replace('read config-infra-dev.yml', 'deploy');
    expect(synthetic(files(names))[0]).toMatchObject({ stage: 'production', reason: 'deployed by .github/workflows/cd.yml job dev-and-prod (job name "dev-and-prod")' });
  });
});

describe('run: scripts', () => {
  test('working-directory (job defaults, step), ${{ github.workspace }}, ${{ env.X }}, $X and ${X} from env blocks', () => {
    const wf = [
      'on: push',
      'env:',
      '  ROOT: deploy',
      'jobs:',
      '  d:',
      '    defaults:',
      '      run:',
      '        working-directory: deploy',
      '    env:',
      '      FILE: online-deployment.yml',
      '    steps:',
      '      - run: az ml online-deployment create -f $FILE',
      '      - run: az ml online-deployment create -f ${{ github.workspace }}/${ROOT}/${FILE}',
      '        working-directory: elsewhere',
      '      - env:',
      '          DIR: ${{ env.ROOT }}',
      '        run: |',
      '          echo start',
      '          az ml online-deployment create \\',
      '            --name blue \\',
      '            -f "$DIR/$FILE"',
    ].join('\n');
    const ev = synthetic(files(wf));
    expect(ev.map((e) => [e.manifest, e.line, e.overrides])).toEqual([
      [DEP, 12, {}],
      [DEP, 13, {}],
      [DEP, 19, { name: 'blue' }],
    ]);
  });

  test('every deploy command and its overrides; list/show/job commands are not deployments', () => {
    const script = [
      'az ml compute create --file c.yml --size Standard_DS3_v2 --min-instances 0 --max-instances 4 --tier dedicated',
      'az ml model create -f m.yml --name mymodel',
      'az ml batch-endpoint update --file=be.yml -n be1',
      'az ml batch-deployment create -f bd.yml --endpoint-name be1 --set resources.instance_count=2 tags.x=y',
      'az ml online-endpoint show -f oe.yml',
      'az ml job create -f job.yml',
      'az ml model deploy -n svc --ic inf.json -dc v1.json -f ignored-model-metadata.json',
      'az ml service update -n svc --deploy-config-file v1b.json',
      'cd sub && az ml online-endpoint create -f oe.yml',
    ].join('\n');
    const wf = `on: push\njobs:\n  d:\n    steps:\n      - run: |\n${script.replace(/^/gm, '          ')}\n`;
    const more = Object.fromEntries(['c.yml', 'm.yml', 'be.yml', 'bd.yml', 'oe.yml', 'job.yml', 'v1.json', 'v1b.json', 'sub/oe.yml'].map((f) => [f, '']));
    const ev = synthetic(files(wf, more));
    expect(ev.map((e) => [e.manifest, e.command, e.line, e.overrides])).toEqual([
      ['c.yml', 'compute', 6, { size: 'Standard_DS3_v2', tier: 'dedicated', min_instances: '0', max_instances: '4' }],
      ['m.yml', 'model', 7, { name: 'mymodel' }],
      ['be.yml', 'batch-endpoint', 8, { name: 'be1' }],
      ['bd.yml', 'batch-deployment', 9, { endpoint_name: 'be1', 'resources.instance_count': '2', 'tags.x': 'y' }],
      ['v1.json', 'v1-model-deploy', 12, { name: 'svc' }],
      ['v1b.json', 'v1-model-deploy', 13, { name: 'svc' }],
      ['sub/oe.yml', 'online-endpoint', 14, {}],
    ]);
  });

  test('bash scripts/deploy.sh: the script the step runs is read too (line of the step)', () => {
    const wf = 'on: push\njobs:\n  prod:\n    steps:\n      - run: bash scripts/deploy.sh\n';
    const ev = synthetic(files(wf, { 'scripts/deploy.sh': 'set -e\naz ml online-deployment create -f deploy/online-deployment.yml\n' }));
    expect(ev).toMatchObject([{ manifest: DEP, line: 5, jobName: 'prod', stage: 'production' }]);
  });

  test('shell: pwsh with backtick continuations', () => {
    const wf = 'on: push\njobs:\n  d:\n    steps:\n      - shell: pwsh\n        run: |\n          az ml online-deployment create `\n            -f deploy/online-deployment.yml\n';
    expect(synthetic(files(wf))).toMatchObject([{ manifest: DEP, line: 7 }]);
  });
});

describe('reusable workflows and actions', () => {
  test('a local reusable workflow: evidence belongs to the caller (its job and uses: line), inputs flow in', () => {
    const callee = 'on:\n  workflow_call:\n    inputs:\n      file: { type: string }\n      dir: { default: deploy }\njobs:\n  inner:\n    environment: prod\n    steps:\n      - run: az ml online-deployment create -f ${{ inputs.dir }}/${{ inputs.file }}\n';
    const caller = 'on: push\njobs:\n  release:\n    uses: ./.github/workflows/deploy.yml\n    with:\n      file: online-deployment.yml\n';
    const ev = synthetic({ '.github/workflows/cd.yml': caller, '.github/workflows/deploy.yml': callee, [DEP]: '' });
    expect(ev).toEqual([
      expect.objectContaining({ pipeline: '.github/workflows/cd.yml', line: 4, jobName: 'release', environment: 'prod', stage: 'production' }),
    ]);
  });

  test('Azure/mlops-templates create-deployment with endpoint_type batch ⇒ batch deployment', () => {
    const wf = 'on: push\njobs:\n  d:\n    uses: Azure/mlops-templates/.github/workflows/create-deployment.yml@main\n    with:\n      endpoint_file: deploy/online-deployment.yml\n      endpoint_type: batch\n      endpoint_name: ep\n      deployment_name: dp\n';
    expect(synthetic(files(wf))).toMatchObject([{ command: 'batch-deployment', line: 4, overrides: { name: 'dp', endpoint_name: 'ep' } }]);
  });

  test('Azure/aml-deploy default parameters file deploy.json in .cloud/.azure of the project', () => {
    const wf = 'on: push\njobs:\n  d:\n    steps:\n      - uses: Azure/aml-deploy@v1\n        with: { azure_credentials: x }\n';
    expect(synthetic(files(wf, { '.cloud/.azure/deploy.json': '{}' }))).toMatchObject([{ manifest: '.cloud/.azure/deploy.json', command: 'aml-deploy', line: 5 }]);
  });
});

describe('stageFromPipelines', () => {
  test('deployed by a production and a non-production job ⇒ production, saying so', () => {
    const wf = 'on: push\njobs:\n  staging:\n    environment: staging\n    steps:\n      - run: az ml online-deployment create -f deploy/online-deployment.yml\n  live:\n    environment: live\n    steps:\n      - run: az ml online-deployment create -f deploy/online-deployment.yml\n';
    const ev = synthetic(files(wf));
    expect(ev.map((e) => e.stage)).toEqual(['nonproduction', 'production']);
    expect(stageFromPipelines(ev)).toEqual({
      stage: 'production',
      reason: 'deployed by .github/workflows/cd.yml job live (environment: live); also deployed as nonproduction by .github/workflows/cd.yml job staging',
    });
    expect(stageFromPipelines([ev[0]])).toEqual({ stage: 'nonproduction', reason: ev[0].reason });
    expect(stageFromPipelines([])).toBeUndefined();
  });
});
