import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none } from './expect.js';

describe('gpu-realtime-requires-aks', () => {
  test('v1 ACI with gpuCores fires at gpuCores', () => {
    const r = check({ 'deploy/dev/aci.yml': 'computeType: ACI\ngpuCores: 1\n' });
    expect(one(r, 'gpu-realtime-requires-aks', 'deploy/dev/aci.yml', 2, 'error').message).toBe('`gpuCores` asks for a GPU, but the deployment in deploy/dev/aci.yml deploys to Azure Container Instances (ACI), which has no GPU support: deploy to an AKS compute created with an N-series VM size (e.g. Standard_NC6s_v3) or a managed online endpoint with a GPU `instance_type`, or remove `gpuCores`.');
  });

  test('v1 local with containerResourceRequirements.gpu fires at that key', () => {
    const r = check({ 'deploy/dev/local.yml': 'computeType: local\ncontainerResourceRequirements:\n  gpu: 1\n' });
    one(r, 'gpu-realtime-requires-aks', 'deploy/dev/local.yml', 3, 'error');
  });

  test('aml-deploy enable_gpu and gpu_cores on ACI fire at each key', () => {
    const r = check({ 'svc/.cloud/.azure/deploy.json': '{\n  "name": "img",\n  "enable_gpu": true,\n  "gpu_cores": 1\n}\n' });
    const lines = r.findings.filter((f) => f.ruleId === 'gpu-realtime-requires-aks').map((f) => f.line).sort();
    expect(lines).toEqual([3, 4]);
  });

  test('gpuCores 0 on ACI and GPU on AKS do not fire', () => {
    const r = check({
      'deploy/dev/aci.yml': 'computeType: ACI\ngpuCores: 0\n',
      'deploy/dev/aks.yml': 'computeType: AKS\ngpuCores: 1\n',
      'svc/.cloud/.azure/deploy.json': '{ "name": "img", "enable_gpu": false }\n',
    });
    none(r, 'gpu-realtime-requires-aks');
  });
});
