import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none, skippedWhy } from './expect.js';

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

describe('gpu-batch-requires-gpu-cluster', () => {
  test('device_acceleration tag on a CPU cluster fires at compute', () => {
    const r = check({
      'batch/deployment.yml': batch('azureml:cpu-cluster', 'tags:\n  device_acceleration: CUDA\n'),
      'compute/cpu-cluster.yml': amlCluster('cpu-cluster', 'Standard_DS3_v2'),
    });
    const f = one(r, 'gpu-batch-requires-gpu-cluster', 'batch/deployment.yml', 6, 'error');
    expect(f.message).toBe('Batch deployment "nightly" needs a GPU (tag `device_acceleration: CUDA`) but compute cluster "cpu-cluster" uses Standard_DS3_v2 (4 vCPUs, 14 GiB), a CPU-only size: point `compute` at a cluster created with a GPU size such as Standard_NC4as_T4_v3 (4 vCPUs, 28 GiB, 1 GPU), or remove the GPU requirement.');
  });

  test('GPU environment image on a cluster with the default (CPU) size fires', () => {
    const r = check({
      'batch/deployment.yml': batch('azureml:cpu-cluster', 'environment:\n  image: mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.8-cudnn8-ubuntu22.04\n'),
      'compute/cpu-cluster.yml': `$schema: ${SCHEMA}/amlCompute.schema.json\nname: cpu-cluster\ntype: amlcompute\n`,
    });
    one(r, 'gpu-batch-requires-gpu-cluster', 'batch/deployment.yml', 6, 'error');
  });

  test("model accelerator: gpu (model YAML in another folder) on an aml-compute CPU cluster fires", () => {
    const r = check({
      'batch/deployment.yml': batch('cpu-cluster'),
      'models/fraud/model.yml': model + 'tags:\n  accelerator: gpu\n',
      'infra/.cloud/.azure/compute.json': '{ "name": "cpu-cluster", "compute_type": "amlcluster", "vm_size": "Standard_F4s_v2" }\n',
    });
    one(r, 'gpu-batch-requires-gpu-cluster', 'batch/deployment.yml', 6, 'error');
  });

  test('a GPU cluster passes; a CPU job on a CPU cluster passes', () => {
    const r = check({
      'batch/gpu.yml': batch('azureml:gpu-cluster', 'tags:\n  device_acceleration: CUDA\n'),
      'batch/cpu.yml': batch('azureml:cpu-cluster').replace('name: nightly', 'name: cpu'),
      'compute/gpu-cluster.yml': amlCluster('gpu-cluster', 'STANDARD_NC6s_v3'),
      'compute/cpu-cluster.yml': amlCluster('cpu-cluster', 'Standard_DS3_v2'),
      'models/fraud/model.yml': model,
    });
    none(r, 'gpu-batch-requires-gpu-cluster');
  });

  test('pipeline component deployment: the fix names settings.default_compute', () => {
    const r = check({
      'batch/pipeline.yml': [
        `$schema: ${SCHEMA}/pipelineComponentBatchDeployment.schema.json`,
        'name: hello',
        'endpoint_name: hello-batch',
        'type: pipeline',
        'component: azureml:hello_component@latest',
        'tags:',
        '  device_acceleration: CUDA',
        'settings:',
        '  default_compute: cpu-cluster',
        '',
      ].join('\n'),
      'compute/cpu-cluster.yml': amlCluster('cpu-cluster', 'Standard_DS3_v2'),
    });
    const f = one(r, 'gpu-batch-requires-gpu-cluster', 'batch/pipeline.yml', 9, 'error');
    expect(f.message).toMatch(/point `settings\.default_compute` at a cluster/);
  });

  test('unknown cluster SKU: skipped with the declare-it hint', () => {
    const r = check({
      'batch/deployment.yml': batch('azureml:odd', 'tags:\n  device_acceleration: GPU\n'),
      'compute/odd.yml': amlCluster('odd', 'Standard_Weird9'),
    });
    none(r, 'gpu-batch-requires-gpu-cluster');
    expect(skippedWhy(r, 'batch/deployment.yml', 'gpu-batch-requires-gpu-cluster').join()).toMatch(/unknown SKU Standard_Weird9; declare it in `skus:`/);
  });
});
