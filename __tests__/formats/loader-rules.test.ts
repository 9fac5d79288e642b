// Recognition by the Azure ML CLI v2 loader's own rules (issue #11, docs/formats.md), on real files
// copied verbatim from public repositories (__fixtures__/realworld).
import { describe, expect, test } from '@jest/globals';
import { byRule, fixtureFiles, gate } from '../helpers.js';

const K8S = 'Azure+AML-Kubernetes';

describe('type and compute decide, not $schema (azure-ai-ml OnlineDeployment._load / OnlineEndpoint._load)', () => {
  test('managed $schema + type: kubernetes is a Kubernetes online deployment: no false schema or unknown-key errors', async () => {
    const files = fixtureFiles(K8S, ['docs/AKS-HCI/cli/mnist/deployment.yml', 'docs/AKS-HCI/cli/mnist/endpoint.yml']);
    const r = await gate(files);
    const dep = r.inventory.find((d) => d.file === 'docs/AKS-HCI/cli/mnist/deployment.yml');
    expect(dep).toMatchObject({ kind: 'kubernetesOnlineDeployment', target: 'aks', mode: 'realtime' });
    expect(byRule(r, 'schema').map((f) => f.message)).toEqual([]);
    expect(byRule(r, 'unknown-key').map((f) => f.message).filter((m) => /resources/.test(m))).toEqual([]);
    expect(r.summary.errors).toBe(0);
  });

  test('managed endpoint $schema + compute is a Kubernetes online endpoint', async () => {
    const files = fixtureFiles(K8S, ['docs/AKS-HCI/cli/mnist/endpoint.yml']);
    const r = await gate(files);
    expect(byRule(r, 'unknown-key').map((f) => f.message)).toEqual([]);
    expect(byRule(r, 'schema').map((f) => f.message)).toEqual([]);
  });

  test('an endpoint without $schema (name, compute, auth_mode) is read, and its deployment runs on its compute', async () => {
    const files = {
      ...fixtureFiles(K8S, ['examples/inference/simple-flow/endpoint.yml', 'examples/inference/simple-flow/blue-deployment.yml']),
      'infra/tailwind-k8s.yml': 'name: tailwind-k8s\ntype: amlcompute\nsize: Standard_DS3_v2\n',
    };
    const r = await gate(files);
    // The deployment's endpoint is in the repository: real-time on a compute cluster is caught.
    expect(byRule(r, 'compute-cluster-not-realtime').map((f) => [f.file, f.line])).toEqual([['examples/inference/simple-flow/endpoint.yml', 2]]);
  });

  test('type: Kubernetes (capital K) is loaded as managed, as the CLI does, and the schema says why', async () => {
    const r = await gate({
      'deploy/d.yml': 'type: Kubernetes\nname: blue\nendpoint_name: e\ninstance_count: 1\nresources:\n  requests:\n    cpu: "1"\n',
    });
    expect(r.inventory.map((d) => d.kind)).toEqual(['managedOnlineDeployment']);
    expect(byRule(r, 'schema').map((f) => f.line)).toEqual([1]);
  });

  test('a Kubernetes $schema without `type` is judged as Kubernetes, with a schema error that the CLI needs `type: kubernetes`', async () => {
    const r = await gate({
      'deploy/d.yml':
        '$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: e\ninstance_count: 1\n',
    });
    expect(r.inventory.map((d) => d.kind)).toEqual(['kubernetesOnlineDeployment']);
    expect(byRule(r, 'schema').map((f) => f.message)).toEqual([expect.stringContaining('`type: kubernetes`')]);
  });

  test('batch: type decides between model, pipeline and legacy whatever $schema says', async () => {
    const r = await gate({
      'b/a.yml': '$schema: https://azuremlschemas.azureedge.net/latest/batchDeployment.schema.json\nname: a\nendpoint_name: e\ntype: model\nmodel: azureml:m:1\ncompute: azureml:c\n',
      'b/b.yml': '$schema: https://azuremlschemas.azureedge.net/latest/batchDeployment.schema.json\nname: b\nendpoint_name: e\ntype: pipeline\ncomponent: azureml:c@latest\nsettings:\n  default_compute: azureml:c\n',
    });
    expect(r.inventory.map((d) => [d.file, d.kind])).toEqual([
      ['b/a.yml', 'modelBatchDeployment'],
      ['b/b.yml', 'pipelineComponentBatchDeployment'],
    ]);
  });
});

describe('Azure ML assets that are not deployments produce nothing', () => {
  test('a command job with a top-level compute is not a batch deployment', async () => {
    const r = await gate(fixtureFiles(K8S, ['examples/training/simple-train-cli/job.yml']));
    expect(r.findings).toEqual([]);
    expect(r.inventory).toEqual([]);
  });

  test('a pipeline job with type: pipeline, settings.default_compute and ${{ }} bindings: no finding', async () => {
    const files = fixtureFiles('Azure+mlops-starter-sklearn');
    const pipelines = Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith('pipelines/')));
    expect(Object.keys(pipelines).length).toBeGreaterThan(0);
    const r = await gate(pipelines);
    expect(r.findings).toEqual([]);
  });

  test('a broken pipeline job: the error is at the parser\'s own line, not at a ${{ }} binding, and it is a notice', async () => {
    const text = [
      '$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json', // 1
      'type: pipeline', // 2
      'settings:', // 3
      '  default_compute: azureml:cpu-cluster', // 4
      'jobs:', // 5
      '  train:', // 6
      '    type: command', // 7
      '    inputs:', // 8
      '      data: ${{parent.inputs.train}}', // 9
      '    command: >-', // 10
      '      python train.py', // 11
      '   bad: [unclosed', // 12
      '    outputs: {}', // 13
    ].join('\n');
    const r = await gate({ 'pipelines/train.yml': text });
    const pe = byRule(r, 'parse-error');
    expect(pe.map((f) => [f.severity, f.message.includes('pipelineJob'), f.line === 9])).toEqual([['notice', true, false]]);
    expect(pe[0].line).toBeGreaterThanOrEqual(12);
    expect(r.summary.result).toBe('pass');
  });

  test('a broken deployment is still an error (only assets outside the scope are lowered)', async () => {
    const r = await gate({ 'deploy/prod/d.yml': '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: [unclosed\n' });
    expect(byRule(r, 'parse-error').map((f) => f.severity)).toEqual(['error']);
  });

  test.each([
    ['a job $schema', '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json'],
    ['a package $schema', '$schema: http://azureml/sdk-2-0/ModelVersionPackage.json'],
    ['a command: line', 'command: python score.py'],
  ])('attack: %s on a broken file that holds deployment keys does not lower its parse-error', async (_, disguise) => {
    // `az ml online-deployment create -f` ignores `$schema`: the disguise must not excuse what the gate cannot read.
    const text = [disguise, 'endpoint_name: fraud', 'instance_type: Standard_F2s_v2', 'instance_count: 1', 'name: [unclosed'].join('\n');
    const r = await gate({ 'deploy/prod/blue.yml': text });
    expect(byRule(r, 'parse-error').map((f) => f.severity)).toEqual(['error']);
    expect(r.summary.result).toBe('fail');
  });
});

describe('deployments whose endpoint or name come from the command line are still recognised', () => {
  test('mlops-starter-sklearn online and batch deployments without endpoint_name', async () => {
    const files = fixtureFiles('Azure+mlops-starter-sklearn');
    const r = await gate(files);
    const kinds = Object.fromEntries(r.inventory.map((d) => [d.file, d.kind]));
    expect(kinds).toEqual({
      'cli/endpoints/batch_deployment.yml': 'batchDeployment',
      'cli/endpoints/batch_deployment_mlflow.yml': 'batchDeployment',
      'cli/endpoints/online_deployment.yml': 'managedOnlineDeployment',
      'cli/endpoints/online_deployment_mlflow.yml': 'managedOnlineDeployment',
    });
    expect(r.summary.errors).toBe(0);
  });
});
