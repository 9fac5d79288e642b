import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none, skippedWhy } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

const model = (name: string, tags: string): string =>
  `$schema: ${SCHEMA}/model.schema.json\nname: ${name}\nversion: 3\ntags:\n${tags}`;

const managed = (instanceType: string, count = 1, modelRef = 'azureml:fraud:3'): string =>
  [
    `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json`,
    'name: blue',
    'endpoint_name: fraud',
    `model: ${modelRef}`,
    `instance_type: ${instanceType}`,
    `instance_count: ${count}`,
    '',
  ].join('\n');

describe('memory-headroom', () => {
  test('managed online: 14 GiB for a 12 GiB model fires at instance_type and names the smallest managed SKU', () => {
    const r = check({
      'online/blue.yml': managed('Standard_DS3_v2'),
      'models/fraud/model.yml': model('fraud', '  memory_gb: 12\n'),
    });
    const f = one(r, 'memory-headroom', 'online/blue.yml', 5, 'error');
    // 1.5 × 12 = 18 GiB: the smallest managed-online CPU size with ≥ 18 GiB is Standard_DS4_v2 (28 GiB).
    expect(f.message).toBe('Deployment "blue" gives each replica `instance_type: Standard_DS3_v2` (14 GiB), less than 18 GiB, 150 % of the 12 GiB that model "fraud:3" needs (tags.memory_gb: 12 in models/fraud/model.yml): use Standard_DS4_v2 (8 vCPUs, 28 GiB) or larger.');
  });

  test('just below 1.5× fires; exactly 1.5× passes', () => {
    const r = check({
      'online/blue.yml': managed('Standard_DS2_v2'), // 7 GiB
      'models/fraud/model.yml': model('fraud', '  memory_gb: 4.7\n'), // needs 7.05 GiB
    });
    one(r, 'memory-headroom', 'online/blue.yml', 5, 'error');
    const ok = check({
      'deploy/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 3\n', // 1.5 × 2 = 3
      'deploy/dev/model.yml': model('small', '  memory_gb: 2\n'),
      'online/blue.yml': managed('Standard_DS2_v2'),
      'models/fraud/model.yml': model('fraud', '  memory_gb: 4.6\n'), // 6.9 ≤ 7
    });
    none(ok, 'memory-headroom');
  });

  test('v1 memoryInGB below 1.5× fires at memoryInGB; scale-out says scale up first', () => {
    const r = check({
      'deploy/dev/aks.yml': 'computeType: AKS\nnumReplicas: 4\ncontainerResourceRequirements:\n  memoryInGB: 2\n',
      'deploy/dev/registermodel.json': '{ "model_name": "fraud", "model_file_name": "m.pkl", "cpu_cores": 1, "memory_gb": 2 }\n',
    });
    const f = one(r, 'memory-headroom', 'deploy/dev/aks.yml', 4, 'error');
    expect(f.message).toBe('The deployment in deploy/dev/aks.yml gives each replica `containerResourceRequirements.memoryInGB: 2`, less than 3 GiB, 150 % of the 2 GiB that model "fraud" needs (memory_gb: 2 in deploy/dev/registermodel.json): raise the memory per replica to at least 3 GB; run it on nodes of at least Standard_D1_v2 (1 vCPU, 3.5 GiB); scale up before adding replicas.');
  });

  test('v1 without memoryInGB uses the 0.5 GB default and points at computeType', () => {
    const r = check({
      'deploy/dev/aci.yml': 'authEnabled: true\ncomputeType: ACI\n',
      'deploy/dev/model.yml': model('fraud', '  memory_gb: 1\n'),
    });
    const f = one(r, 'memory-headroom', 'deploy/dev/aci.yml', 2, 'error');
    expect(f.message).toMatch(/default 0.5/);
  });

  test('ACI: the fix sizes the container, never ACI "nodes"; past the ACI limit it names a managed online size', () => {
    const small = check({
      'deploy/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 1\n',
      'deploy/dev/model.yml': model('fraud', '  memory_gb: 2\n'),
    });
    const f = one(small, 'memory-headroom', 'deploy/dev/aci.yml', 3, 'error');
    expect(f.message).toMatch(/at least 3 GB\./);
    expect(f.message).not.toMatch(/nodes/);
    const big = check({
      'deploy/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 16\n',
      'deploy/dev/model.yml': model('fraud', '  memory_gb: 40\n'), // needs 60 GB, ACI takes < 48
    });
    const g = one(big, 'memory-headroom', 'deploy/dev/aci.yml', 3, 'error');
    expect(g.message).toBe('The deployment in deploy/dev/aci.yml gives each replica `containerResourceRequirements.memoryInGB: 16`, less than 60 GiB, 150 % of the 40 GiB that model "fraud:3" needs (tags.memory_gb: 40 in deploy/dev/model.yml): raise the memory per replica to at least 60 GB; that is past the 48 GB limit of Azure Container Instances (ACI), so deploy to AKS, or to a managed online endpoint with `instance_type: Standard_E8s_v3` (8 vCPUs, 64 GiB).');
  });

  test('AKS: the fix also names a node size with room for the replica', () => {
    const r = check({
      'deploy/dev/aks.yml': 'computeType: AKS\nnumReplicas: 1\ncontainerResourceRequirements:\n  memoryInGB: 1\n',
      'deploy/dev/model.yml': model('fraud', '  memory_gb: 2\n'),
    });
    expect(one(r, 'memory-headroom', 'deploy/dev/aks.yml', 4, 'error').message).toMatch(/run it on nodes of at least Standard_D1_v2 \(1 vCPU, 3\.5 GiB\)/);
  });

  test('a v1 config linked to no model is listed as skipped', () => {
    const r = check({ 'deploy/dev/aks.yml': 'computeType: AKS\nnumReplicas: 1\n' });
    none(r, 'memory-headroom');
    expect(skippedWhy(r, 'deploy/dev/aks.yml', 'memory-headroom').join()).toMatch(/names no model/);
  });

  test('aml-deploy memory_gb fires at memory_gb', () => {
    const r = check({
      'svc/deploy.json': '{\n  "inference_entry_script": "score.py",\n  "memory_gb": 1\n}\n',
      'svc/model.yml': model('fraud', '  memory_gb: 1\n'),
    });
    one(r, 'memory-headroom', 'svc/deploy.json', 3, 'error');
  });

  test('size only (MLmodel model_size_bytes) is a lower bound: warning', () => {
    const r = check({
      'online/blue.yml': managed('Standard_F2s_v2', 3, 'azureml:fraud:3'), // 4 GiB
      'models/fraud/model.yml': `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 3\npath: ./mlflow\ntype: mlflow_model\n`,
      'models/fraud/mlflow/MLmodel': 'artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.sklearn\nmodel_size_bytes: 4294967296\n',
    });
    const f = one(r, 'memory-headroom', 'online/blue.yml', 5, 'warning');
    expect(f.message).toBe('Deployment "blue" gives each replica `instance_type: Standard_F2s_v2` (4 GiB), less than 6 GiB, 150 % of the 4 GiB size of model "fraud:3" (model_size_bytes: 4294967296 in models/fraud/mlflow/MLmodel; no memory requirement declared): use Standard_DS2_v2 (2 vCPUs, 7 GiB) or larger; scale up before adding replicas.');
  });

  test('Kubernetes requests.memory in bytes: 4G < 1.5 × 3 GiB fires at the memory request; 5Gi passes', () => {
    const k8s = (mem: string): string =>
      [
        `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json`,
        'name: blue',
        'endpoint_name: k8s-ep',
        'model: azureml:fraud:3',
        'resources:',
        '  requests:',
        '    cpu: "1"',
        `    memory: ${mem}`,
        '',
      ].join('\n');
    const files = { 'models/fraud/model.yml': model('fraud', '  memory_gb: 3\n') };
    const r = check({ ...files, 'online/blue.yml': k8s('4G') });
    one(r, 'memory-headroom', 'online/blue.yml', 8, 'error');
    const ok = check({ ...files, 'online/blue.yml': k8s('5Gi') });
    none(ok, 'memory-headroom');
  });

  test('batch deployment on a cluster: VM RAM, points at compute; GPU kind kept in the suggestion', () => {
    const r = check({
      'batch/deployment.yml': [
        `$schema: ${SCHEMA}/modelBatchDeployment.schema.json`,
        'name: nightly',
        'endpoint_name: imagenet',
        'model: azureml:fraud:3',
        'compute: azureml:gpu-cluster',
        '',
      ].join('\n'),
      'compute/gpu.yml': `$schema: ${SCHEMA}/amlCompute.schema.json\nname: gpu-cluster\ntype: amlcompute\nsize: Standard_NC4as_T4_v3\n`,
      'models/fraud/model.yml': model('fraud', '  memory_gb: 40\n'),
    });
    const f = one(r, 'memory-headroom', 'batch/deployment.yml', 5, 'error');
    // 60 GiB: NC8as_T4_v3 (56) is too small; NV12ads_A10_v5 (110 GiB, 12 vCPUs) beats NC16as_T4_v3 (110 GiB, 16 vCPUs).
    expect(f.message).toMatch(/Standard_NV12ads_A10_v5/);
  });

  test('config models: memory-gb for a registry-free name; ratio from config', () => {
    const files = { 'online/blue.yml': managed('Standard_DS3_v2', 3, 'azureml:ext-model:1') };
    const r = check(files, { config: 'models:\n  ext-model: { memory-gb: 10 }\n' });
    one(r, 'memory-headroom', 'online/blue.yml', 5, 'error');
    const relaxed = check(files, { config: 'models:\n  ext-model: { memory-gb: 10 }\nlimits:\n  memory-headroom-ratio: 1.2\n' });
    none(relaxed, 'memory-headroom');
  });

  test('model without memory or size facts: skipped, not passed', () => {
    const r = check({
      'online/blue.yml': managed('Standard_DS3_v2'),
      'models/fraud/model.yml': `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 3\n`,
    });
    none(r, 'memory-headroom');
    expect(skippedWhy(r, 'online/blue.yml', 'memory-headroom').length).toBe(1);
  });
});
