import { describe, expect, test } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none } from './expect.js';

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

describe('batch-requires-compute-cluster', () => {
  test('batch deployment on a compute instance fires at compute', () => {
    const r = check({
      'batch/deployment.yml': batch('azureml:dev-box'),
      'compute/dev-box.yml': `$schema: ${SCHEMA}/computeInstance.schema.json\nname: dev-box\ntype: computeinstance\nsize: Standard_DS3_v2\n`,
      'models/fraud/model.yml': model,
    });
    expect(one(r, 'batch-requires-compute-cluster', 'batch/deployment.yml', 6, 'error').message).toBe('Batch deployment "nightly" runs on "dev-box", a compute instance: point `compute` at an amlCompute cluster (e.g. `az ml compute create --type amlcompute --name batch-cluster --size Standard_DS3_v2 --max-instances 4`) or at a kubernetesCompute.');
  });

  test('batch deployment on a legacy AKS compute (aml-compute akscluster) fires', () => {
    const r = check({
      'batch/deployment.yml': batch('legacy-aks'),
      '.cloud/.azure/compute.json': '{ "name": "legacy-aks", "compute_type": "akscluster", "agent_count": 3 }\n',
    });
    expect(one(r, 'batch-requires-compute-cluster', 'batch/deployment.yml', 6, 'error').message).toBe('Batch deployment "nightly" runs on "legacy-aks", a legacy AKS compute (v1 AksCompute attachment): point `compute` at an amlCompute cluster (e.g. `az ml compute create --type amlcompute --name batch-cluster --size Standard_DS3_v2 --max-instances 4`) or at a kubernetesCompute.');
  });

  test('pipeline component deployment points at settings.default_compute', () => {
    const r = check({
      'batch/pipeline.yml': [
        `$schema: ${SCHEMA}/pipelineComponentBatchDeployment.schema.json`,
        'name: hello',
        'endpoint_name: hello-batch',
        'type: pipeline',
        'component: azureml:hello_component@latest',
        'settings:',
        '  default_compute: dev-box',
        '',
      ].join('\n'),
      'compute/dev-box.yml': `$schema: ${SCHEMA}/computeInstance.schema.json\nname: dev-box\ntype: computeinstance\n`,
    });
    one(r, 'batch-requires-compute-cluster', 'batch/pipeline.yml', 7, 'error');
  });

  test('amlCompute cluster and Kubernetes compute both pass', () => {
    const r = check({
      'batch/a.yml': batch('azureml:cpu-cluster'),
      'batch/b.yml': batch('azureml:k8s').replace('name: nightly', 'name: hourly'),
      'compute/cpu-cluster.yml': amlCluster('cpu-cluster', 'Standard_DS3_v2'),
      'compute/k8s.yml': `$schema: ${SCHEMA}/kubernetesCompute.schema.json\nname: k8s\ntype: kubernetes\nresource_id: /subscriptions/x/resourceGroups/y/providers/Microsoft.ContainerService/managedClusters/z\nnamespace: default\n`,
    });
    none(r, 'batch-requires-compute-cluster');
  });
});
