import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('v1-deprecated', () => {
  test('v1 ACI config: warning at computeType with the migration-table SKU (2 CPU, 4 GB → DS2_v2)', () => {
    const r = check({ 'deploy/dev/aci.yml': 'containerResourceRequirements:\n  cpu: 2\n  memoryInGB: 4\ncomputeType: ACI\n' });
    const f = one(r, 'v1-deprecated', 'deploy/dev/aci.yml', 4, 'warning');
    expect(f.message).toBe('This is an SDK/CLI v1 deployment configuration, deprecated (SDK v1 support ended on 2026-06-30 and CLI v1 support ended on 2025-09-30): use a v2 managedOnlineDeployment (`az ml online-deployment create -f`) with `instance_type: Standard_DS2_v2` (2 CPU / 4 GB by the migration table).');
  });

  test.each([
    [undefined, undefined, 'Standard_DS1_v2'], // defaults 0.1 CPU / 0.5 GB
    [1, 1.2, 'Standard_DS1_v2'],
    [1, 1.5, 'Standard_F2s_v2'], // first row fails on memory, second holds
    [2, 13.7, 'Standard_E2s_v3'],
    [3, 5, 'Standard_F4s_v2'],
    [4, 16, 'Standard_E4s_v3'],
  ])('cpu %p memoryInGB %p → %s', (cpu, mem, sku) => {
    const crr = cpu === undefined ? '' : `containerResourceRequirements:\n  cpu: ${cpu}\n  memoryInGB: ${mem}\n`;
    const r = check({ 'deploy/dev/aci.yml': `computeType: ACI\n${crr}` });
    expect(one(r, 'v1-deprecated', 'deploy/dev/aci.yml', 1, 'warning').message).toContain(`instance_type: ${sku}`);
  });

  test('above the last row: size by profiling', () => {
    const r = check({ 'deploy/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 4\n  memoryInGB: 20\n' });
    expect(one(r, 'v1-deprecated', 'deploy/dev/aci.yml', 1, 'warning').message).toBe('This is an SDK/CLI v1 deployment configuration, deprecated (SDK v1 support ended on 2026-06-30 and CLI v1 support ended on 2025-09-30): use a v2 managedOnlineDeployment (`az ml online-deployment create -f`) with an `instance_type` sized by profiling the model (4 CPU / 20 GB is above the migration table\'s 4 CPU / 16 GB).');
  });

  test('aml-deploy, aml-compute and aml-registermodel files warn at their first key', () => {
    const r = check({
      '.cloud/.azure/deploy.json': '{\n  // ACI\n  "inference_entry_script": "score.py",\n  "cpu_cores": 2,\n  "memory_gb": 4\n}\n',
      '.cloud/.azure/compute.json': '{\n  "name": "aks1",\n  "compute_type": "akscluster"\n}\n',
      '.cloud/.azure/registermodel.json': '{\n  "model_file_name": "model.pkl"\n}\n',
    });
    const got = r.findings.filter((f) => f.ruleId === 'v1-deprecated').map((f) => `${f.file}:${f.line}`).sort();
    expect(got).toEqual(['.cloud/.azure/compute.json:2', '.cloud/.azure/deploy.json:3', '.cloud/.azure/registermodel.json:2']);
    const deploy = r.findings.find((f) => f.ruleId === 'v1-deprecated' && f.file === '.cloud/.azure/deploy.json');
    expect(deploy?.message).toBe('This is an Azure/aml-deploy action parameters file (SDK v1), deprecated (SDK v1 support ended on 2026-06-30 and CLI v1 support ended on 2025-09-30): replace the action with `az ml online-deployment create -f` of a v2 managedOnlineDeployment with `instance_type: Standard_DS2_v2` (2 CPU / 4 GB by the migration table), or a kubernetesOnlineDeployment for AKS.');
    const compute = r.findings.find((f) => f.ruleId === 'v1-deprecated' && f.file === '.cloud/.azure/compute.json');
    expect(compute?.message).toBe('This is an Azure/aml-compute action parameters file (SDK v1), deprecated (SDK v1 support ended on 2026-06-30 and CLI v1 support ended on 2025-09-30): replace the action with `az ml compute attach --type Kubernetes` (a v2 kubernetesCompute YAML).');
  });

  test('v2 files are not deprecated', () => {
    const r = check({
      'online/blue.yml': `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\ninstance_type: Standard_DS3_v2\ninstance_count: 3\n`,
    });
    none(r, 'v1-deprecated');
  });
});
