import { describe, expect, test } from '@jest/globals';
import { findings, fix } from './helpers.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';
const batch = (compute: string) =>
  [`$schema: ${SCHEMA}/modelBatchDeployment.schema.json`, 'name: nightly', 'endpoint_name: scoring-batch', 'type: model', 'model: azureml:fraud:1', `compute: ${compute}`, ''].join('\n');

describe('low-priority-production-batch fix: tier dedicated, in the cluster file', () => {
  test('amlCompute YAML: `tier: low_priority` → `tier: dedicated`; the deployment file is untouched', () => {
    const cluster = `$schema: ${SCHEMA}/amlCompute.schema.json\nname: batch-cluster\ntype: amlcompute\nsize: Standard_DS3_v2\ntier: low_priority # cheap\nmax_instances: 4\n`;
    const r = fix({ 'batch/prod/deployment.yml': batch('azureml:batch-cluster'), 'compute/batch-cluster.yml': cluster });
    expect(r.files['compute/batch-cluster.yml']).toBe(cluster.replace('tier: low_priority', 'tier: dedicated'));
    expect(r.files['batch/prod/deployment.yml']).toBe(batch('azureml:batch-cluster'));
    expect(findings(r.before, 'low-priority-production-batch')[0].fix?.file).toBe('compute/batch-cluster.yml');
    expect(findings(r.after, 'low-priority-production-batch')).toEqual([]);
  });

  test('aml-compute JSON: "vm_priority": "lowpriority" → "dedicated"', () => {
    const compute = '{ "name": "batch-cluster", "vm_priority": "lowpriority", "max_nodes": 4 }\n';
    const r = fix({ 'batch/prod/deployment.yml': batch('batch-cluster'), '.cloud/.azure/compute.json': compute });
    expect(r.files['.cloud/.azure/compute.json']).toBe('{ "name": "batch-cluster", "vm_priority": "dedicated", "max_nodes": 4 }\n');
    expect(findings(r.after, 'low-priority-production-batch')).toEqual([]);
  });

  test('the CLI paths bound what --fix may edit: a cluster outside them is left alone', () => {
    const cluster = `$schema: ${SCHEMA}/amlCompute.schema.json\nname: batch-cluster\ntype: amlcompute\ntier: low_priority\n`;
    const r = fix({ 'batch/prod/deployment.yml': batch('azureml:batch-cluster'), 'compute/batch-cluster.yml': cluster }, { paths: ['batch'] });
    expect(r.files['compute/batch-cluster.yml']).toBe(cluster);
  });
});
