import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none, skippedRules } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('unresolved-reference', () => {
  const managed = (model: string): string =>
    `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\nmodel: ${model}\ninstance_type: Standard_DS3_v2\ninstance_count: 3\n`;

  test('a missing model is a notice at the model key naming the blocked rules and the config section', () => {
    const r = check({ 'online/blue.yml': managed('azureml:ghost:2') });
    const f = one(r, 'unresolved-reference', 'online/blue.yml', 4, 'notice');
    expect(f.message).toBe('Model reference "azureml:ghost:2" is defined neither in the repository nor in config `models:`, so fpga-requires-aks, memory-headroom could not run: add its model YAML, or declare `ghost` in `models:` with its `memory-gb`, `size-bytes` and `accelerator`.');
    expect(skippedRules(r, 'online/blue.yml')).toContain('memory-headroom');
  });

  test('a name found with other versions only lists them', () => {
    const r = check({
      'online/blue.yml': managed('azureml:fraud:3'),
      'models/v1.yml': `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 1\n`,
      'models/v2.yml': `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 2\n`,
    });
    const f = one(r, 'unresolved-reference', 'online/blue.yml', 4, 'notice');
    expect(f.message).toBe('Model reference "azureml:fraud:3" names version 3 of "fraud", but the repository only defines versions 1, 2, so fpga-requires-aks, memory-headroom could not run: add metadata for version 3 (a model YAML with `name: fraud` and `version: 3`), fix the version, or declare `fraud` in `models:` with its `memory-gb`, `size-bytes` and `accelerator`.');
  });

  test('a missing aml-deploy compute mentions the ACI fallback', () => {
    const r = check({ 'svc/.cloud/.azure/deploy.json': '{\n  "name": "svc",\n  "deployment_compute_target": "prod-aks"\n}\n' });
    const f = one(r, 'unresolved-reference', 'svc/.cloud/.azure/deploy.json', 3, 'notice');
    expect(f.message).toBe('Compute reference "prod-aks" is defined neither in the repository nor in config `computes:`, so compute-cluster-not-realtime, aks-production-cluster could not run: add its compute YAML, or declare `prod-aks` in `computes:` with its `type`, `vm-size` and `nodes`. The aml-deploy action falls back to ACI when `deployment_compute_target` is not an existing AKS compute (the ACI rules then apply).');
  });

  test('memory-headroom is named as blocked by a compute only when the memory would come from that compute', () => {
    const v1 = check({ 'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: ghost-aks\ncontainerResourceRequirements:\n  memoryInGB: 4\n' });
    const f = one(v1, 'unresolved-reference', 'svc/dev/aks.yml', 2, 'notice');
    expect(f.message).toMatch(/compute-cluster-not-realtime/);
    expect(f.message).not.toMatch(/memory-headroom/);
    const batch = check({
      'batch/d.yml': `$schema: ${SCHEMA}/modelBatchDeployment.schema.json\nname: nightly\nendpoint_name: be\ntype: model\nmodel: azureml:fraud:1\ncompute: azureml:ghost-cluster\n`,
      'models/fraud.yml': `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 1\ntags:\n  memory_gb: 2\n`,
    });
    expect(one(batch, 'unresolved-reference', 'batch/d.yml', 6, 'notice').message).toMatch(/memory-headroom/);
  });

  test('registry references, resolved references and config-declared facts are not reported', () => {
    const r = check(
      {
        'online/a.yml': managed('azureml://registries/azureml/models/bert/versions/1'),
        'online/b.yml': managed('azureml:fraud:1').replace('name: blue', 'name: green'),
        'online/c.yml': managed('azureml:declared:7').replace('name: blue', 'name: red'),
        'models/fraud.yml': `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 1\n`,
      },
      { config: 'models:\n  declared: { memory-gb: 2 }\n' },
    );
    none(r, 'unresolved-reference');
  });
});
