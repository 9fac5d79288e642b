/**
 * The stage from the pipeline that deploys a file, through the whole engine (issue #11), and the
 * attacks on it (issue #10): a PR author who hides a deployed manifest behind an odd file name, a
 * lying `$schema` or a "dev" workflow, or points a pipeline outside the workspace.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { evaluate } from '../../src/engine.js';
import { byRule, gate, resultOf, tempRepos } from '../helpers.js';
import { check } from '../harness.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

/** A GitHub workflow with one job that runs `run` in the environment `env` (none when undefined). */
function workflow(run: string, env?: string, job = 'deploy'): string {
  return [
    'name: cd',
    'on: push',
    'jobs:',
    `  ${job}:`,
    '    runs-on: ubuntu-latest',
    ...(env ? [`    environment: ${env}`] : []),
    '    steps:',
    '      - uses: actions/checkout@v4',
    `      - run: ${run}`,
    '',
  ].join('\n');
}

const ONLINE = (count = 1) =>
  `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: fraud\nmodel: azureml:fraud:1\ninstance_type: Standard_DS3_v2\ninstance_count: ${count}\n`;
const ACI = 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 2\n';

describe('the stage comes from the deploying pipeline', () => {
  test('a job with environment: production makes a path without stage words production, and says so', async () => {
    const r = await gate({ 'ml/blue.yml': ONLINE(), '.github/workflows/cd.yml': workflow('az ml online-deployment create -f ml/blue.yml', 'production') });
    const row = r.inventory.find((x) => x.file === 'ml/blue.yml')!;
    expect([row.stage, row.stageSource]).toEqual(['production', 'deployed by .github/workflows/cd.yml job deploy (environment: production)']);
    expect(row.deployedBy).toEqual([
      expect.objectContaining({ pipeline: '.github/workflows/cd.yml', line: 9, command: 'online-deployment', stage: 'production' }),
    ]);
    expect(byRule(r, 'managed-instance-count-ha').map((f) => f.file)).toEqual(['ml/blue.yml']);
  });

  test('the same in-memory through check(): the harness reads pipelines as the engine does', () => {
    const files = { 'ml/blue.yml': ONLINE(), '.github/workflows/cd.yml': workflow('az ml online-deployment create -f ml/blue.yml', 'prod') };
    expect(check(files).inventory.map((x) => [x.file, x.stage])).toEqual([['ml/blue.yml', 'production']]);
  });

  test('an Azure DevOps deployment job deploying a v1 ACI config to production fails aci-not-for-production', async () => {
    const pipeline = [
      'trigger: none',
      'stages:',
      '  - stage: Release',
      '    jobs:',
      '      - deployment: DeployService',
      "        environment: 'fraud-production'",
      '        strategy:',
      '          runOnce:',
      '            deploy:',
      '              steps:',
      '                - script: az ml model deploy -n fraud -m fraud:1 --ic inference.yml --dc deployment/aci.yml',
      '',
    ].join('\n');
    const r = await gate({ 'deployment/aci.yml': ACI, 'azure-pipelines.yml': pipeline });
    expect(byRule(r, 'aci-not-for-production').map((f) => [f.file, f.severity])).toEqual([['deployment/aci.yml', 'error']]);
    expect(r.inventory[0].stageSource).toMatch(/^deployed by azure-pipelines\.yml stage Release job DeployService \(environment: fraud-production\)/);
  });

  test('deployed by a production and a nonproduction job: production (fail closed)', async () => {
    const wf = [
      'on: push',
      'jobs:',
      '  staging:',
      '    runs-on: ubuntu-latest',
      '    environment: staging',
      '    steps:',
      '      - run: az ml online-deployment create -f ml/blue.yml',
      '  live:',
      '    runs-on: ubuntu-latest',
      '    environment: live',
      '    steps:',
      '      - run: az ml online-deployment update -f ml/blue.yml',
      '',
    ].join('\n');
    const r = await gate({ 'ml/blue.yml': ONLINE(), '.github/workflows/cd.yml': wf });
    expect(r.inventory[0].stage).toBe('production');
    expect(r.inventory[0].deployedBy.map((e) => e.stage).sort()).toEqual(['nonproduction', 'production']);
  });

  test('tags and config globs still come first', async () => {
    const tagged = ONLINE().replace('name: blue\n', 'name: blue\ntags:\n  stage: dev\n');
    const r = await gate({ 'ml/blue.yml': tagged, '.github/workflows/cd.yml': workflow('az ml online-deployment create -f ml/blue.yml', 'production') });
    expect([r.inventory[0].stage, r.inventory[0].stageSource]).toEqual(['nonproduction', 'tags.stage: dev']);
  });

  test('a pipeline that names no stage leaves the path words to decide, and the reason says both', async () => {
    const r = await gate({ 'deploy/dev/blue.yml': ONLINE(), '.github/workflows/cd.yml': workflow('az ml online-deployment create -f deploy/dev/blue.yml', undefined, 'ship') });
    expect(r.inventory[0].stage).toBe('nonproduction');
    expect(r.inventory[0].stageSource).toMatch(/^word "dev" in the path or name; deployed by \.github\/workflows\/cd\.yml job ship/);
  });
});

describe('attacks on the pipeline reading', () => {
  test('a "dev" workflow added for a production path does not switch its production rules off', async () => {
    const r = await gate({ 'deploy/prod/aci.yml': ACI, '.github/workflows/dev.yml': workflow('az ml model deploy -n x --dc deploy/prod/aci.yml', 'dev') });
    expect(r.inventory[0].stage).toBe('production');
    expect(r.inventory[0].stageSource).toMatch(/^word "prod" in the path or name \(production wins: deployed by \.github\/workflows\/dev\.yml/);
    expect(byRule(r, 'aci-not-for-production').map((f) => f.file)).toEqual(['deploy/prod/aci.yml']);
  });

  test('a deployed manifest with a name outside `include` (.txt) is gated all the same', async () => {
    const r = await gate({ 'cfg/service.txt': ACI, '.github/workflows/cd.yml': workflow('az ml model deploy -n svc --dc cfg/service.txt', 'production') });
    expect(byRule(r, 'aci-not-for-production').map((f) => [f.file, f.line])).toEqual([['cfg/service.txt', 1]]);
  });

  test('a deployed file the pre-filter passes over (no endpoint_name: the CLI takes it from the command line) is gated', async () => {
    const bare = 'name: blue\nmodel: azureml:fraud:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n';
    const r = await gate({ 'ml/blue.yml': bare, '.github/workflows/cd.yml': workflow('az ml online-deployment create -f ml/blue.yml --endpoint-name fraud', 'production') });
    expect(r.inventory.map((x) => [x.file, x.kind, x.stage])).toEqual([['ml/blue.yml', 'managedOnlineDeployment', 'production']]);
    expect(byRule(r, 'managed-instance-count-ha').map((f) => f.file)).toEqual(['ml/blue.yml']);
  });

  test('a lying $schema does not decide: the command loads the file as what it deploys', async () => {
    const lying = ONLINE().replace('managedOnlineDeployment.schema.json', 'batchEndpoint.schema.json');
    const r = await gate({ 'ml/blue.yml': lying, '.github/workflows/cd.yml': workflow('az ml online-deployment create -f ml/blue.yml', 'production') });
    expect(r.inventory.map((x) => [x.kind, x.stage])).toEqual([['managedOnlineDeployment', 'production']]);
    expect(byRule(r, 'managed-instance-count-ha')).toHaveLength(1);
  });

  test('a deployed file with a syntax error is an error even when it looks like a pipeline job', async () => {
    const broken = `$schema: ${SCHEMA}/pipelineJob.schema.json\ntype: pipeline\njobs:\n  a: [\n`;
    const r = await gate({ 'ml/blue.yml': broken, '.github/workflows/cd.yml': workflow('az ml online-deployment create -f ml/blue.yml', 'production') });
    const [f] = byRule(r, 'parse-error');
    expect([f.file, f.severity]).toEqual(['ml/blue.yml', 'error']);
    expect(f.message).toContain('.github/workflows/cd.yml:9 deploys it with `az ml online-deployment`');
    expect(r.summary.result).toBe('fail');
  });

  test('a deployed file with nothing Azure could load (a list, an empty file) is an error, never a pass', async () => {
    const r = await gate({ 'ml/blue.yml': '- a\n- b\n', 'ml/empty.yml': '', '.github/workflows/cd.yml': workflow('az ml online-deployment create -f ml/blue.yml && az ml online-deployment create -f ml/empty.yml', 'production') });
    expect(byRule(r, 'parse-error').map((f) => [f.file, f.severity])).toEqual([
      ['ml/blue.yml', 'error'],
      ['ml/empty.yml', 'error'],
    ]);
  });

  test('a config exclude still holds for a deployed file (the policy decides)', async () => {
    const r = await gate({ 'cfg/service.txt': ACI, '.github/workflows/cd.yml': workflow('az ml model deploy -n svc --dc cfg/service.txt', 'production') }, { config: 'exclude:\n  - "cfg/**"\n' });
    expect(byRule(r, 'aci-not-for-production')).toEqual([]);
  });

  describe('nothing outside the workspace', () => {
    const temp = tempRepos('mdg-pipe-');
    const repo = temp.repo;
    afterEach(temp.cleanup);

    test('absolute paths, `..` past the root and a link to a file outside are never read', () => {
      const outside = temp.dir();
      writeFileSync(path.join(outside, 'secret.yml'), ACI);
      const root = repo({
        '.github/workflows/cd.yml': workflow(
          `az ml model deploy --dc ${path.join(outside, 'secret.yml')} && az ml model deploy --dc ../${path.basename(outside)}/secret.yml && az ml model deploy --dc ml/link.yml`,
          'production',
        ),
      });
      mkdirSync(path.join(root, 'ml'));
      symlinkSync(path.join(outside, 'secret.yml'), path.join(root, 'ml/link.yml'));
      const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test' }));
      expect(r.inventory).toEqual([]);
      expect(byRule(r, 'aci-not-for-production')).toEqual([]);
      // The link itself is reported as a file the gate cannot read.
      expect(byRule(r, 'parse-error').map((f) => [f.file, /outside the workspace/.test(f.message)])).toEqual([['ml/link.yml', true]]);
    });
  });
});

describe('pull requests: a changed pipeline gates what it deploys', () => {
  const files = {
    'ml/blue.yml': ONLINE(),
    'ml/green.yml': ONLINE().replace('name: blue', 'name: green'),
    '.github/workflows/cd.yml': workflow('az ml online-deployment create -f ml/blue.yml', 'production'),
    '.github/workflows/other.yml': workflow('az ml online-deployment create -f ml/green.yml', 'production', 'other'),
  };

  test('only the workflow changed: the manifests it deploys are in scope, the others are not', async () => {
    const r = await gate(files, { changed: ['.github/workflows/cd.yml'] });
    expect(r.inventory.map((x) => x.file)).toEqual(['ml/blue.yml']);
    expect(byRule(r, 'managed-instance-count-ha').map((f) => f.file)).toEqual(['ml/blue.yml']);
  });

  test('a changed script or template the pipelines run: every deployed manifest is in scope', async () => {
    const withScript = {
      ...files,
      'scripts/deploy.sh': '#!/bin/sh\naz ml online-deployment create -f ml/blue.yml\n',
      '.github/workflows/cd.yml': workflow('bash scripts/deploy.sh', 'production'),
    };
    const r = await gate(withScript, { changed: ['scripts/deploy.sh'] });
    expect(r.inventory.map((x) => x.file).sort()).toEqual(['ml/blue.yml', 'ml/green.yml']);
  });
});
