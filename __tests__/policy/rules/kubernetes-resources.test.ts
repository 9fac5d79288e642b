import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { byRule, gate } from '../../helpers.js';
import { one, none } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

const k8s = (lines: string[], model = 'azureml:sk:1'): string =>
  [`$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json`, 'name: blue', 'endpoint_name: k8s-ep', `model: ${model}`, ...lines, ''].join('\n');

const mlflowModel = `$schema: ${SCHEMA}/model.schema.json\nname: sk\nversion: 1\ntype: mlflow_model\n`;
const customModel = `$schema: ${SCHEMA}/model.schema.json\nname: sk\nversion: 1\ntype: custom_model\n`;

describe('kubernetes-resources', () => {
  test('cpu limit below its request fires at the limit key', () => {
    const r = check({
      'online/blue.yml': k8s(['resources:', '  requests:', '    cpu: "0.5"', '    memory: 1Gi', '  limits:', '    cpu: 200m', '    memory: 1Gi']),
      'models/sk.yml': customModel,
    });
    expect(one(r, 'kubernetes-resources', 'online/blue.yml', 10, 'error').message).toBe('`resources.limits.cpu: 200m` is below its request `resources.requests.cpu: 0.5`: set the cpu limit to at least 0.5, or lower the request.');
  });

  test('memory limit 200Mi below request 0.5Gi fires; equal quantities in other units pass', () => {
    const bad = check({
      'online/blue.yml': k8s(['resources:', '  requests:', '    cpu: "0.1"', '    memory: 0.5Gi', '  limits:', '    cpu: "0.2"', '    memory: 200Mi']),
      'models/sk.yml': customModel,
    });
    one(bad, 'kubernetes-resources', 'online/blue.yml', 11, 'error');
    const ok = check({
      'online/blue.yml': k8s(['resources:', '  requests:', '    cpu: 500m', '    memory: 512Mi', '  limits:', '    cpu: "0.5"', '    memory: 0.5Gi']),
      'models/sk.yml': customModel,
    });
    none(ok, 'kubernetes-resources');
  });

  test('equal quantities that floats get wrong (700m = 0.7, 4.1G = 4100M) pass; 699m below 0.7 fires', () => {
    const ok = check({
      'online/blue.yml': k8s(['resources:', '  requests:', '    cpu: 700m', '    memory: 4100M', '  limits:', '    cpu: "0.7"', '    memory: 4.1G']),
      'models/sk.yml': customModel,
    });
    none(ok, 'kubernetes-resources');
    const bad = check({
      'online/blue.yml': k8s(['resources:', '  requests:', '    cpu: "0.7"', '    memory: 1Gi', '  limits:', '    cpu: 699m', '    memory: 1073741823']),
      'models/sk.yml': customModel,
    });
    expect(byRule(bad, 'kubernetes-resources').map((f) => f.line)).toEqual([10, 11]);
  });

  test('nvidia.com/gpu requested but not limited fires at the request', () => {
    const r = check({
      'online/blue.yml': k8s(['resources:', '  requests:', '    cpu: "1"', '    memory: 2Gi', '    nvidia.com/gpu: 1', '  limits:', '    cpu: "1"']),
      'models/sk.yml': customModel,
    });
    expect(one(r, 'kubernetes-resources', 'online/blue.yml', 9, 'error').message).toBe('Deployment "blue" requests `nvidia.com/gpu` without a limit: add `resources.limits.nvidia.com/gpu: 1`.');
  });

  test('MLflow model: 4G (4×10^9 bytes) is below 4Gi and fires at requests.memory; cpu 1 fires at requests.cpu', () => {
    const r = check({
      'online/blue.yml': k8s(['resources:', '  requests:', '    cpu: "1"', '    memory: 4G']),
      'models/sk.yml': mlflowModel,
    });
    const found = r.findings.filter((f) => f.ruleId === 'kubernetes-resources').sort((a, b) => a.line - b.line);
    expect(found.map((f) => f.line)).toEqual([7, 8]);
    expect(found.map((f) => f.message)).toEqual([
      '`resources.requests.cpu: 1` is below the 2 CPU that MLflow models need on Kubernetes (model "sk:1"): request `cpu: "2"` or more.',
      '`resources.requests.memory: 4G` is below the 4Gi that MLflow models need on Kubernetes (model "sk:1"): request `memory: "4Gi"` or more.',
    ]);
  });

  test('MLflow model with 2 CPU and 4Gi passes; a custom model with small requests passes', () => {
    const ok = check({
      'online/blue.yml': k8s(['resources:', '  requests:', '    cpu: "2"', '    memory: 4Gi']),
      'models/sk.yml': mlflowModel,
    });
    none(ok, 'kubernetes-resources');
    const custom = check({
      'online/blue.yml': k8s(['resources:', '  requests:', '    cpu: 100m', '    memory: 1Gi']),
      'models/sk.yml': customModel,
    });
    none(custom, 'kubernetes-resources');
  });

  test('MLflow model without resources.requests or instance_type (default 100m / 2Gi) fires at $schema', () => {
    const r = check({ 'online/blue.yml': k8s(['instance_count: 1']), 'models/sk.yml': mlflowModel });
    expect(one(r, 'kubernetes-resources', 'online/blue.yml', 1, 'error').message).toBe('Deployment "blue" serves model "sk:1", an MLflow model, without `resources.requests` or `instance_type`, so it gets the default instance type (100m CPU, 2Gi): add `resources.requests: { cpu: "2", memory: "4Gi" }` (and matching limits).');
    const named = check({ 'online/blue.yml': k8s(['instance_type: bigcpu', 'instance_count: 1']), 'models/sk.yml': mlflowModel });
    none(named, 'kubernetes-resources');
  });

  test('inline MLflow model folder (MLmodel) without requests or instance_type fires at the target key', async () => {
    const r = await gate({
      'online/blue.yml': [
        `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json`,
        'name: blue',
        'endpoint_name: k8s-ep',
        'model:',
        '  path: ../model',
        '  type: mlflow_model',
        'instance_count: 1',
        '',
      ].join('\n'),
      'model/MLmodel': 'artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.sklearn\n',
    });
    one(r, 'kubernetes-resources', 'online/blue.yml', 1, 'error');
  });
});
