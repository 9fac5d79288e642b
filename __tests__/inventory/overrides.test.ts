// What Azure gets when a pipeline deploys a file with values on the command line (inventory/overrides.ts):
// `--set`, `--name`, `--endpoint-name` replace the file's values, and the gate judges those.
import { afterAll, describe, expect, test } from '@jest/globals';
import { evaluate } from '../../src/engine.js';
import { isLiteral } from '../../src/inventory/overrides.js';
import { renderJson } from '../../src/report/index.js';
import { byRule, gate, resultOf, tempRepos } from '../helpers.js';

const MOD = '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json';
const BLUE = [MOD, 'name: blue', 'endpoint_name: ep', 'model: azureml:m:1', 'instance_type: Standard_DS3_v2', 'instance_count: 3', ''].join('\n');
const CONFIG = 'models:\n  m:\n    memory-gb: 1\n    size-bytes: 1000\n';

function workflow(jobs: Record<string, { env: string; run: string }>): string {
  const lines = ['name: cd', 'on: push', 'jobs:'];
  for (const [name, j] of Object.entries(jobs)) lines.push(`  ${name}:`, '    runs-on: ubuntu-latest', `    environment: ${j.env}`, '    steps:', `      - run: ${j.run}`);
  return `${lines.join('\n')}\n`;
}

describe('command-line values over the file', () => {
  test('attack: the production step deploys one instance with --set, the file says 3 — the gate judges 1, at the file line, and says where it comes from', async () => {
    const r = await gate(
      { 'deploy/blue.yml': BLUE, '.github/workflows/cd.yml': workflow({ prod: { env: 'production', run: 'az ml online-deployment create -f deploy/blue.yml --set instance_count=1' } }) },
      { config: CONFIG },
    );
    const [f] = byRule(r, 'managed-instance-count-ha');
    expect(f).toMatchObject({ file: 'deploy/blue.yml', line: 6, severity: 'warning' });
    expect(f.message).toBe(
      'Production deployment "blue" runs `instance_count: 1`: set `instance_count: 3` or more (the value Azure gets comes from the command line: .github/workflows/cd.yml:8 deploys this file with `--set instance_count=1`).',
    );
    // The rule's fix edits the file, which is not where the value comes from: none is offered.
    expect(f.fix).toBeUndefined();
    expect(r.inventory.map((d) => [d.name, d.instances, d.stage])).toEqual([['blue', 1, 'production']]);
  });

  test('no fix for a value the command line sets: an edit of the file would change nothing Azure gets', async () => {
    const steps = (run: string) => ({ 'deploy/blue.yml': BLUE.replace('instance_count: 3', 'instance_count: 2'), '.github/workflows/cd.yml': workflow({ prod: { env: 'production', run } }) });
    const fromFile = byRule(await gate(steps('az ml online-deployment create -f deploy/blue.yml'), { config: CONFIG }), 'managed-instance-count-ha');
    expect(fromFile.map((f) => [f.line, f.fix !== undefined])).toEqual([[6, true]]);
    const fromLine = byRule(await gate(steps('az ml online-deployment create -f deploy/blue.yml --set instance_count=1'), { config: CONFIG }), 'managed-instance-count-ha');
    expect(fromLine.map((f) => [f.line, f.fix !== undefined])).toEqual([[6, false]]);
  });

  test('the same file without the command-line value: the file is judged (3 instances pass), and the fix stays for a file value', async () => {
    const ok = await gate(
      { 'deploy/blue.yml': BLUE, '.github/workflows/cd.yml': workflow({ prod: { env: 'production', run: 'az ml online-deployment create -f deploy/blue.yml' } }) },
      { config: CONFIG },
    );
    expect(byRule(ok, 'managed-instance-count-ha')).toEqual([]);
    const one = await gate(
      { 'deploy/blue.yml': BLUE.replace('instance_count: 3', 'instance_count: 1'), '.github/workflows/cd.yml': workflow({ prod: { env: 'production', run: 'az ml online-deployment create -f deploy/blue.yml' } }) },
      { config: CONFIG },
    );
    expect(byRule(one, 'managed-instance-count-ha')[0].fix).toBeDefined();
  });

  test('steps that deploy different values deploy different things: each is judged with its own stage', async () => {
    const both = workflow({
      dev: { env: 'dev', run: 'az ml online-deployment create -f deploy/blue.yml --set instance_count=1 --name blue-dev' },
      prod: { env: 'production', run: 'az ml online-deployment create -f deploy/blue.yml' },
    });
    const r = await gate({ 'deploy/blue.yml': BLUE, '.github/workflows/cd.yml': both }, { config: CONFIG });
    // One instance in dev is fine; production gets the file's three.
    expect(byRule(r, 'managed-instance-count-ha')).toEqual([]);
    expect(r.inventory.map((d) => [d.name, d.instances, d.stage, d.deployedBy.map((e) => e.line)])).toEqual([
      ['blue-dev', 1, 'nonproduction', [8]],
      ['blue', 3, 'production', [13]],
    ]);
    // One file, one document: still one manifest.
    expect(r.scope.manifests).toBe(1);
    const swapped = workflow({
      dev: { env: 'dev', run: 'az ml online-deployment create -f deploy/blue.yml' },
      prod: { env: 'production', run: 'az ml online-deployment create -f deploy/blue.yml --set instance_count=1' },
    });
    const s = await gate({ 'deploy/blue.yml': BLUE, '.github/workflows/cd.yml': swapped }, { config: CONFIG });
    expect(byRule(s, 'managed-instance-count-ha').map((f) => [f.file, f.line])).toEqual([['deploy/blue.yml', 6]]);
  });

  test('a SKU and a nested key set on the command line are what the rules read', async () => {
    const r = await gate(
      {
        'deploy/blue.yml': BLUE,
        '.github/workflows/cd.yml': workflow({
          prod: { env: 'production', run: 'az ml online-deployment create -f deploy/blue.yml --set instance_type=Standard_NC6 request_settings.request_timeout_ms=999999' },
        }),
      },
      { config: CONFIG },
    );
    expect(r.inventory.map((d) => d.instanceType)).toEqual(['Standard_NC6']);
    const timeout = byRule(r, 'request-timeout-limit');
    expect(timeout).toHaveLength(1);
    // The key is not in the file: the finding points at the document's start and names the step.
    expect(timeout[0].message).toContain('.github/workflows/cd.yml:8 deploys this file with `--set request_settings.request_timeout_ms=999999`');
    expect(byRule(r, 'managed-sku-unsupported').map((f) => f.line)).toEqual([5]);
  });

  test('a misspelled --set key is an unknown key: the CLI v2 rejects it', async () => {
    const r = await gate({
      'deploy/blue.yml': BLUE,
      '.github/workflows/cd.yml': workflow({ prod: { env: 'production', run: 'az ml online-deployment create -f deploy/blue.yml --set instance_cout=1' } }),
    });
    const [u] = byRule(r, 'unknown-key');
    expect(u.message).toMatch(/^Unknown key `instance_cout` in a managedOnlineDeployment, rejected by the Azure ML CLI v2 \(the command fails\): did you mean `instance_count`\? \(the value Azure gets comes from the command line: \.github\/workflows\/cd\.yml:8 deploys this file with `--set instance_cout=1`\)\.$/);
  });

  test('a value the pipeline reader could not resolve is not applied: the file is judged, the value is in the report as written', async () => {
    for (const v of ['$COUNT', '${COUNT}', '$(count)', '${{ inputs.count }}', '#{COUNT}#', '%COUNT%', '`echo 1`']) {
      expect([v, isLiteral(v)]).toEqual([v, false]);
    }
    for (const v of ['1', 'Standard_DS3_v2', 'azureml:m:1', 'blue-dev']) expect([v, isLiteral(v)]).toEqual([v, true]);
    const r = await gate(
      { 'deploy/blue.yml': BLUE, '.github/workflows/cd.yml': workflow({ prod: { env: 'production', run: 'az ml online-deployment create -f deploy/blue.yml --set instance_count=$(count)' } }) },
      { config: CONFIG },
    );
    expect(r.inventory.map((d) => [d.instances, d.deployedBy.map((e) => e.overrides)])).toEqual([[3, [{ instance_count: '$(count)' }]]]);
  });

  test('CLI v1 --name and --ct name the service and the target: a v1 deployment config gets no keys from them', async () => {
    const r = await gate({
      'deploy/aks.json': '{"computeType": "aks", "autoScaler": {"autoscaleEnabled": false}, "numReplicas": 3, "containerResourceRequirements": {"cpu": 1, "memoryInGB": 2}}\n',
      '.github/workflows/cd.yml': workflow({ prod: { env: 'production', run: 'az ml model deploy -n svc --ct aks-prod --dc deploy/aks.json -m m:1 --ic inference.json' } }),
    });
    expect(r.inventory.map((d) => d.deployedBy.map((e) => e.overrides))).toEqual([[{ name: 'svc', computeTargetName: 'aks-prod' }]]);
    expect(byRule(r, 'unknown-key')).toEqual([]);
  });
});

describe('pull-request runs with command-line values', () => {
  const repos = tempRepos('mdg-overrides-');
  afterAll(() => repos.cleanup());

  test('attack: a pull request that only adds --set instance_count=1 to the production step fails on the file it deploys', () => {
    const root = repos.repo({
      'deploy/blue.yml': BLUE,
      '.github/workflows/cd.yml': workflow({ prod: { env: 'production', run: 'az ml online-deployment create -f deploy/blue.yml --set instance_count=1' } }),
      '.github/model-deploy-gate.yml': CONFIG,
    });
    for (const exhaustive of [false, true]) {
      const r = resultOf(evaluate({ root, changed: ['.github/workflows/cd.yml'], exhaustive, failOn: 'warning', scopeReason: 'test' }));
      expect(byRule(r, 'managed-instance-count-ha').map((f) => [f.file, f.line])).toEqual([['deploy/blue.yml', 6]]);
      expect(r.summary.result).toBe('fail');
    }
  });

  test('an endpoint named only on the command line is found for a changed deployment (as when the whole checkout is parsed)', () => {
    const K8S_EP = ['$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineEndpoint.schema.json', 'name: template-endpoint', 'compute: azureml:gpu-cluster', 'auth_mode: key', ''].join('\n');
    const K8S_DEP = ['$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineDeployment.schema.json', 'name: blue', 'type: kubernetes', 'endpoint_name: fraud-ep', 'model: azureml:m:1', 'instance_count: 1', ''].join('\n');
    const root = repos.repo({
      // Another folder: the deployment cannot be linked to it by folder, only by the command line's name.
      'endpoints/endpoint.yml': K8S_EP,
      'deploy/deployment.yml': K8S_DEP,
      'infra/compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu-cluster\ntype: amlcompute\nsize: Standard_NC6s_v3\n',
      '.github/workflows/cd.yml': workflow({
        prod: { env: 'production', run: 'az ml online-endpoint create -f endpoints/endpoint.yml --name fraud-ep && az ml online-deployment create -f deploy/deployment.yml' },
      }),
      '.github/model-deploy-gate.yml': CONFIG,
    });
    const run = (exhaustive: boolean) => {
      const parsed = new Set<string>();
      const r = resultOf(evaluate({ root, changed: ['deploy/deployment.yml'], exhaustive, failOn: 'notice', scopeReason: 'test', now: new Date('2026-12-01T00:00:00Z'), onParse: (p) => parsed.add(p) }));
      return { report: renderJson(r), r, parsed };
    };
    const partial = run(false);
    const whole = run(true);
    expect(partial.report).toBe(whole.report);
    // The command line's name links the deployment to the endpoint, and through it to the GPU cluster.
    expect(whole.r.inventory.map((d) => [d.name, d.compute])).toEqual([['blue', 'azureml:gpu-cluster']]);
    expect(byRule(whole.r, 'compute-cluster-not-realtime').map((f) => f.file)).toEqual(['endpoints/endpoint.yml']);
    // The endpoint file holds no name the deployment mentions: only its command line links them.
    expect(partial.parsed.has('endpoints/endpoint.yml')).toBe(true);
  });
});
