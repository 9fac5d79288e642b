import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one } from './expect.js';

describe('aci-memory-limit', () => {
  test('v1 memoryInGB 48 fires; 47.9 does not', () => {
    const r = check({
      'deploy/dev/big.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 4\n  memoryInGB: 48\n',
      'deploy/dev/ok.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 4\n  memoryInGB: 47.9\n',
    });
    const f = one(r, 'aci-memory-limit', 'deploy/dev/big.yml', 4, 'error');
    expect(f.message).toBe('`containerResourceRequirements.memoryInGB: 48` is at or above the 48 GB limit of Azure Container Instances (ACI): request less than 48 GB, or deploy to AKS, or to a managed online endpoint with `instance_type: Standard_DS5_v2` (16 vCPUs, 56 GiB).');
  });

  test('aml-deploy memory_gb 64 fires at memory_gb; 8 does not; AKS target is not limited', () => {
    const r = check({
      'a/.cloud/.azure/deploy.json': '{\n  "inference_entry_script": "score.py",\n  "memory_gb": 64\n}\n',
      'b/.cloud/.azure/deploy.json': '{ "inference_entry_script": "score.py", "memory_gb": 8 }\n',
      'c/.cloud/.azure/deploy.json': '{ "deployment_compute_target": "x-aks", "memory_gb": 64 }\n',
    });
    expect(one(r, 'aci-memory-limit', 'a/.cloud/.azure/deploy.json', 3, 'error').message).toBe('`memory_gb: 64` is at or above the 48 GB limit of Azure Container Instances (ACI): request less than 48 GB, or deploy to AKS, or to a managed online endpoint with `instance_type: Standard_E8s_v3` (8 vCPUs, 64 GiB).');
  });

  test('the limit comes from config', () => {
    const r = check(
      { 'deploy/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 20\n' },
      { config: 'limits:\n  aci-max-memory-gb: 16\n' },
    );
    one(r, 'aci-memory-limit', 'deploy/dev/aci.yml', 3, 'error');
  });
});
