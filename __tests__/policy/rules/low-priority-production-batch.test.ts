import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none, skippedRules } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

const amlCluster = (name: string, size: string, extra = ''): string =>
  `$schema: ${SCHEMA}/amlCompute.schema.json\nname: ${name}\ntype: amlcompute\nsize: ${size}\n${extra}`;

const batch = (compute: string, extra = ''): string =>
  [
    `$schema: ${SCHEMA}/modelBatchDeployment.schema.json`,
    'name: nightly',
    'endpoint_name: scoring-batch',
    'type: model',
    'model: azureml:fraud:1',
    `compute: ${compute}`,
    extra,
  ].join('\n');

const model = `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 1\npath: ./weights\n`;

describe('low-priority-production-batch', () => {
  test('production batch on a low_priority cluster warns at compute', () => {
    const r = check({
      'batch/prod/deployment.yml': batch('azureml:batch-cluster'),
      'compute/batch-cluster.yml': amlCluster('batch-cluster', 'Standard_DS3_v2', 'tier: low_priority\n'),
    });
    expect(one(r, 'low-priority-production-batch', 'batch/prod/deployment.yml', 6, 'warning').message).toBe('Production batch deployment "nightly" runs on compute cluster "batch-cluster", whose VMs are low priority (preemptible): use a dedicated cluster (`tier: dedicated` in amlCompute YAML, `vm_priority: dedicated` in aml-compute), or waive this finding if delayed results are acceptable.');
  });

  test('aml-compute vm_priority lowpriority counts too; dev stage and dedicated tier do not fire', () => {
    const lp = check({
      'batch/prod/deployment.yml': batch('batch-cluster'),
      '.cloud/.azure/compute.json': '{ "name": "batch-cluster", "vm_priority": "lowpriority", "max_nodes": 4 }\n',
    });
    one(lp, 'low-priority-production-batch', 'batch/prod/deployment.yml', 6, 'warning');
    const dev = check({
      'batch/dev/deployment.yml': batch('azureml:batch-cluster'),
      'compute/batch-cluster.yml': amlCluster('batch-cluster', 'Standard_DS3_v2', 'tier: low_priority\n'),
    });
    none(dev, 'low-priority-production-batch');
    const ded = check({
      'batch/prod/deployment.yml': batch('azureml:batch-cluster'),
      'compute/batch-cluster.yml': amlCluster('batch-cluster', 'Standard_DS3_v2', 'tier: dedicated\n'),
    });
    none(ded, 'low-priority-production-batch');
  });

  test('a batch deployment on Kubernetes compute (no VM priority) is not listed as skipped for an unknown stage', () => {
    const r = check({
      'batch/deployment.yml': batch('azureml:k8s'),
      'compute/k8s.yml': `$schema: ${SCHEMA}/kubernetesCompute.schema.json\nname: k8s\ntype: kubernetes\nresource_id: /subscriptions/x\nnamespace: default\n`,
      'batch2/deployment.yml': batch('azureml:cpu-cluster').replace('name: nightly', 'name: other'),
      'compute/cpu-cluster.yml': amlCluster('cpu-cluster', 'Standard_DS3_v2'),
    });
    expect(skippedRules(r, 'batch/deployment.yml')).not.toContain('low-priority-production-batch');
    expect(skippedRules(r, 'batch2/deployment.yml')).toContain('low-priority-production-batch');
  });
});
