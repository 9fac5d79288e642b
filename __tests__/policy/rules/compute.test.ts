import { describe, test, expect } from '@jest/globals';
import { gate } from '../../helpers.js';
import { one, none, skippedRules, skippedWhy } from './expect.js';

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

describe('compute-cluster-not-realtime', () => {
  test('aml-deploy target naming an amlcluster fires at deployment_compute_target', async () => {
    const r = await gate({
      'svc/dev/.cloud/.azure/deploy.json': '{\n  "name": "scoring",\n  "deployment_compute_target": "cpu-cluster"\n}\n',
      'infra/.cloud/.azure/compute.json': '{ "name": "cpu-cluster", "compute_type": "amlcluster" }\n',
    });
    const f = one(r, 'compute-cluster-not-realtime', 'svc/dev/.cloud/.azure/deploy.json', 3, 'error');
    expect(f.message).toMatch(/no real-time inference/);
  });

  test('Kubernetes online deployment inherits its endpoint compute: points at the endpoint file', async () => {
    const r = await gate({
      'online/endpoint.yml': `$schema: ${SCHEMA}/kubernetesOnlineEndpoint.schema.json\nname: k8s-ep\ncompute: azureml:cpu-cluster\nauth_mode: key\n`,
      'online/blue.yml': `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: k8s-ep\ninstance_count: 1\n`,
      'compute/cpu-cluster.yml': amlCluster('cpu-cluster', 'Standard_DS3_v2'),
    });
    one(r, 'compute-cluster-not-realtime', 'online/endpoint.yml', 3, 'error');
  });

  test('v1 AKS web service on a legacy AKS compute does not fire', async () => {
    const r = await gate({
      'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: dev-aks\n',
      'infra/.cloud/.azure/compute.json': '{ "name": "dev-aks", "compute_type": "akscluster" }\n',
    });
    none(r, 'compute-cluster-not-realtime');
  });

  test('an AKS service naming no compute is skipped with a reason that fits its family', async () => {
    const r = await gate({
      'svc/prod/aks.yml': 'computeType: AKS\nnumReplicas: 3\n',
      'online/prod/blue.yml': `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: elsewhere\ninstance_count: 3\n`,
    });
    none(r, 'compute-cluster-not-realtime');
    for (const rule of ['compute-cluster-not-realtime', 'aks-production-cluster']) {
      expect(skippedWhy(r, 'svc/prod/aks.yml', rule).join()).toMatch(/given on the command line\); set `computeTargetName`/);
      expect(skippedWhy(r, 'online/prod/blue.yml', rule).join()).toMatch(/Kubernetes endpoint "elsewhere", which is not in the repository/);
    }
  });

  test('an unresolved compute is skipped, never passed silently', async () => {
    const r = await gate({ 'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: nowhere-aks\n' });
    none(r, 'compute-cluster-not-realtime');
    expect(skippedRules(r, 'svc/dev/aks.yml')).toContain('compute-cluster-not-realtime');
  });
});

describe('batch-requires-compute-cluster', () => {
  test('batch deployment on a compute instance fires at compute', async () => {
    const r = await gate({
      'batch/deployment.yml': batch('azureml:dev-box'),
      'compute/dev-box.yml': `$schema: ${SCHEMA}/computeInstance.schema.json\nname: dev-box\ntype: computeinstance\nsize: Standard_DS3_v2\n`,
      'models/fraud/model.yml': model,
    });
    one(r, 'batch-requires-compute-cluster', 'batch/deployment.yml', 6, 'error');
  });

  test('batch deployment on a legacy AKS compute (aml-compute akscluster) fires', async () => {
    const r = await gate({
      'batch/deployment.yml': batch('legacy-aks'),
      '.cloud/.azure/compute.json': '{ "name": "legacy-aks", "compute_type": "akscluster", "agent_count": 3 }\n',
    });
    one(r, 'batch-requires-compute-cluster', 'batch/deployment.yml', 6, 'error');
  });

  test('pipeline component deployment points at settings.default_compute', async () => {
    const r = await gate({
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

  test('amlCompute cluster and Kubernetes compute both pass', async () => {
    const r = await gate({
      'batch/a.yml': batch('azureml:cpu-cluster'),
      'batch/b.yml': batch('azureml:k8s').replace('name: nightly', 'name: hourly'),
      'compute/cpu-cluster.yml': amlCluster('cpu-cluster', 'Standard_DS3_v2'),
      'compute/k8s.yml': `$schema: ${SCHEMA}/kubernetesCompute.schema.json\nname: k8s\ntype: kubernetes\nresource_id: /subscriptions/x/resourceGroups/y/providers/Microsoft.ContainerService/managedClusters/z\nnamespace: default\n`,
    });
    none(r, 'batch-requires-compute-cluster');
  });
});

describe('gpu-batch-requires-gpu-cluster', () => {
  test('device_acceleration tag on a CPU cluster fires at compute', async () => {
    const r = await gate({
      'batch/deployment.yml': batch('azureml:cpu-cluster', 'tags:\n  device_acceleration: CUDA\n'),
      'compute/cpu-cluster.yml': amlCluster('cpu-cluster', 'Standard_DS3_v2'),
    });
    const f = one(r, 'gpu-batch-requires-gpu-cluster', 'batch/deployment.yml', 6, 'error');
    expect(f.message).toMatch(/Standard_NC/);
  });

  test('GPU environment image on a cluster with the default (CPU) size fires', async () => {
    const r = await gate({
      'batch/deployment.yml': batch('azureml:cpu-cluster', 'environment:\n  image: mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.8-cudnn8-ubuntu22.04\n'),
      'compute/cpu-cluster.yml': `$schema: ${SCHEMA}/amlCompute.schema.json\nname: cpu-cluster\ntype: amlcompute\n`,
    });
    one(r, 'gpu-batch-requires-gpu-cluster', 'batch/deployment.yml', 6, 'error');
  });

  test("model accelerator: gpu (model YAML in another folder) on an aml-compute CPU cluster fires", async () => {
    const r = await gate({
      'batch/deployment.yml': batch('cpu-cluster'),
      'models/fraud/model.yml': model + 'tags:\n  accelerator: gpu\n',
      'infra/.cloud/.azure/compute.json': '{ "name": "cpu-cluster", "compute_type": "amlcluster", "vm_size": "Standard_F4s_v2" }\n',
    });
    one(r, 'gpu-batch-requires-gpu-cluster', 'batch/deployment.yml', 6, 'error');
  });

  test('a GPU cluster passes; a CPU job on a CPU cluster passes', async () => {
    const r = await gate({
      'batch/gpu.yml': batch('azureml:gpu-cluster', 'tags:\n  device_acceleration: CUDA\n'),
      'batch/cpu.yml': batch('azureml:cpu-cluster').replace('name: nightly', 'name: cpu'),
      'compute/gpu-cluster.yml': amlCluster('gpu-cluster', 'STANDARD_NC6s_v3'),
      'compute/cpu-cluster.yml': amlCluster('cpu-cluster', 'Standard_DS3_v2'),
      'models/fraud/model.yml': model,
    });
    none(r, 'gpu-batch-requires-gpu-cluster');
  });

  test('pipeline component deployment: the fix names settings.default_compute', async () => {
    const r = await gate({
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

  test('unknown cluster SKU: skipped with the declare-it hint', async () => {
    const r = await gate({
      'batch/deployment.yml': batch('azureml:odd', 'tags:\n  device_acceleration: GPU\n'),
      'compute/odd.yml': amlCluster('odd', 'Standard_Weird9'),
    });
    none(r, 'gpu-batch-requires-gpu-cluster');
    expect(skippedWhy(r, 'batch/deployment.yml', 'gpu-batch-requires-gpu-cluster').join()).toMatch(/unknown SKU Standard_Weird9; declare it in `skus:`/);
  });
});

describe('low-priority-production-batch', () => {
  test('production batch on a low_priority cluster warns at compute', async () => {
    const r = await gate({
      'batch/prod/deployment.yml': batch('azureml:batch-cluster'),
      'compute/batch-cluster.yml': amlCluster('batch-cluster', 'Standard_DS3_v2', 'tier: low_priority\n'),
    });
    one(r, 'low-priority-production-batch', 'batch/prod/deployment.yml', 6, 'warning');
  });

  test('aml-compute vm_priority lowpriority counts too; dev stage and dedicated tier do not fire', async () => {
    const lp = await gate({
      'batch/prod/deployment.yml': batch('batch-cluster'),
      '.cloud/.azure/compute.json': '{ "name": "batch-cluster", "vm_priority": "lowpriority", "max_nodes": 4 }\n',
    });
    one(lp, 'low-priority-production-batch', 'batch/prod/deployment.yml', 6, 'warning');
    const dev = await gate({
      'batch/dev/deployment.yml': batch('azureml:batch-cluster'),
      'compute/batch-cluster.yml': amlCluster('batch-cluster', 'Standard_DS3_v2', 'tier: low_priority\n'),
    });
    none(dev, 'low-priority-production-batch');
    const ded = await gate({
      'batch/prod/deployment.yml': batch('azureml:batch-cluster'),
      'compute/batch-cluster.yml': amlCluster('batch-cluster', 'Standard_DS3_v2', 'tier: dedicated\n'),
    });
    none(ded, 'low-priority-production-batch');
  });

  test('a batch deployment on Kubernetes compute (no VM priority) is not listed as skipped for an unknown stage', async () => {
    const r = await gate({
      'batch/deployment.yml': batch('azureml:k8s'),
      'compute/k8s.yml': `$schema: ${SCHEMA}/kubernetesCompute.schema.json\nname: k8s\ntype: kubernetes\nresource_id: /subscriptions/x\nnamespace: default\n`,
      'batch2/deployment.yml': batch('azureml:cpu-cluster').replace('name: nightly', 'name: other'),
      'compute/cpu-cluster.yml': amlCluster('cpu-cluster', 'Standard_DS3_v2'),
    });
    expect(skippedRules(r, 'batch/deployment.yml')).not.toContain('low-priority-production-batch');
    expect(skippedRules(r, 'batch2/deployment.yml')).toContain('low-priority-production-batch');
  });
});

describe('aks-production-cluster', () => {
  const aksCompute = (extra: string): string => `{ "name": "prod-aks", "compute_type": "akscluster"${extra} }\n`;
  const svc = 'computeType: AKS\ncomputeTargetName: prod-aks\nnumReplicas: 3\n';

  test('2 nodes fire at computeTargetName', async () => {
    const r = await gate({ 'deploy/prod/aks.yml': svc, 'infra/.cloud/.azure/compute.json': aksCompute(', "agent_count": 2') });
    const f = one(r, 'aks-production-cluster', 'deploy/prod/aks.yml', 2, 'error');
    expect(f.message).toMatch(/2 nodes/);
  });

  test('DevTest cluster fires', async () => {
    const r = await gate({ 'deploy/prod/aks.yml': svc, 'infra/.cloud/.azure/compute.json': aksCompute(', "cluster_purpose": "DevTest"') });
    one(r, 'aks-production-cluster', 'deploy/prod/aks.yml', 2, 'error');
  });

  test('3 × 2 vCPUs = 6 vCPUs fires; 3 nodes × 4 vCPUs = 12 passes (defaults: 3 × Standard_D3_v2)', async () => {
    const small = await gate({ 'deploy/prod/aks.yml': svc, 'infra/.cloud/.azure/compute.json': aksCompute(', "vm_size": "Standard_D2_v2", "agent_count": 3') });
    expect(one(small, 'aks-production-cluster', 'deploy/prod/aks.yml', 2, 'error').message).toMatch(/6 vCPUs/);
    const ok = await gate({ 'deploy/prod/aks.yml': svc, 'infra/.cloud/.azure/compute.json': aksCompute('') });
    none(ok, 'aks-production-cluster');
  });

  test('computes declared in config; dev stage never fires', async () => {
    const cfg = 'computes:\n  prod-aks: { type: aks, vm-size: Standard_D3_v2, nodes: 1, purpose: FastProd }\n';
    const prod = await gate({ 'deploy/prod/aks.yml': svc }, { config: cfg });
    one(prod, 'aks-production-cluster', 'deploy/prod/aks.yml', 2, 'error');
    const dev = await gate({ 'deploy/dev/aks.yml': svc }, { config: cfg });
    none(dev, 'aks-production-cluster');
  });

  test('the limits come from config', async () => {
    const r = await gate(
      { 'deploy/prod/aks.yml': svc, 'infra/.cloud/.azure/compute.json': aksCompute(', "agent_count": 2') },
      { config: 'limits:\n  aks-production-min-nodes: 2\n  aks-production-min-vcpus: 8\n' },
    );
    none(r, 'aks-production-cluster');
  });
});

describe('gpu-replicas-exceed-cluster', () => {
  const gpuAks = (nodes: number, size = 'Standard_NC6'): string =>
    `{ "name": "gpu-aks", "compute_type": "akscluster", "vm_size": "${size}", "agent_count": ${nodes} }\n`;

  test('autoscale max 4 × 1 GPU on 2 × NC6 (2 GPUs) fires at autoScaler.maxReplicas', async () => {
    const r = await gate({
      'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: gpu-aks\ngpuCores: 1\nautoScaler:\n  autoscaleEnabled: true\n  maxReplicas: 4\n',
      'infra/.cloud/.azure/compute.json': gpuAks(2),
    });
    one(r, 'gpu-replicas-exceed-cluster', 'svc/dev/aks.yml', 6, 'error');
  });

  test('aml-deploy num_replicas 3 × gpu_cores 1 on 2 GPUs fires at num_replicas; 2 replicas pass', async () => {
    const deploy = (n: number): string => `{\n  "name": "gpu-svc",\n  "deployment_compute_target": "gpu-aks",\n  "gpu_cores": 1,\n  "num_replicas": ${n}\n}\n`;
    const r = await gate({ 'svc/dev/.cloud/.azure/deploy.json': deploy(3), 'infra/.cloud/.azure/compute.json': gpuAks(2) });
    one(r, 'gpu-replicas-exceed-cluster', 'svc/dev/.cloud/.azure/deploy.json', 5, 'error');
    const ok = await gate({ 'svc/dev/.cloud/.azure/deploy.json': deploy(2), 'infra/.cloud/.azure/compute.json': gpuAks(2) });
    none(ok, 'gpu-replicas-exceed-cluster');
  });

  test('more GPUs per replica than one node has fires at gpuCores', async () => {
    const r = await gate({
      'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: gpu-aks\ngpuCores: 2\nnumReplicas: 1\n',
      'infra/.cloud/.azure/compute.json': gpuAks(4),
    });
    one(r, 'gpu-replicas-exceed-cluster', 'svc/dev/aks.yml', 3, 'error');
  });
  test('v1 AKS GPU service with no numReplicas autoscales (v1 default, max 10): fires at computeType', async () => {
    const r = await gate({
      'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: gpu-aks\ngpuCores: 1\n',
      'infra/.cloud/.azure/compute.json': gpuAks(2),
    });
    const f = one(r, 'gpu-replicas-exceed-cluster', 'svc/dev/aks.yml', 1, 'error');
    expect(f.message).toMatch(/no `numReplicas`, so Azure autoscales it up to the default maximum of 10/);
    expect(f.message).toMatch(/set `autoScaler\.maxReplicas` \(or `numReplicas`\) to 2 or less/);
    const capped = await gate({
      'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: gpu-aks\ngpuCores: 1\nautoScaler:\n  maxReplicas: 2\n',
      'infra/.cloud/.azure/compute.json': gpuAks(2),
    });
    none(capped, 'gpu-replicas-exceed-cluster');
  });

  test('aml-deploy GPU service without num_replicas autoscales too; autoscale_max_replicas 3 fires at that key', async () => {
    const deploy = (extra: string): string => `{\n  "name": "gpu-svc",\n  "deployment_compute_target": "gpu-aks",\n  "gpu_cores": 1${extra}\n}\n`;
    const implicit = await gate({ 'svc/dev/.cloud/.azure/deploy.json': deploy(''), 'infra/.cloud/.azure/compute.json': gpuAks(2) });
    one(implicit, 'gpu-replicas-exceed-cluster', 'svc/dev/.cloud/.azure/deploy.json', 2, 'error');
    const max = await gate({ 'svc/dev/.cloud/.azure/deploy.json': deploy(',\n  "autoscale_max_replicas": 3'), 'infra/.cloud/.azure/compute.json': gpuAks(2) });
    const f = one(max, 'gpu-replicas-exceed-cluster', 'svc/dev/.cloud/.azure/deploy.json', 5, 'error');
    expect(f.message).toMatch(/set `autoscale_max_replicas` to 2 or less/);
  });

  test('Kubernetes target_utilization without max_instances uses its default of 1; max_instances 5 fires there', async () => {
    const ep = `$schema: ${SCHEMA}/kubernetesOnlineEndpoint.schema.json\nname: ep\ncompute: azureml:k8s\nauth_mode: key\n`;
    const dep = (scale: string): string =>
      `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\nscale_settings:\n  type: target_utilization\n${scale}` +
      'resources:\n  requests:\n    nvidia.com/gpu: 1\n  limits:\n    nvidia.com/gpu: 1\n';
    const config = 'computes:\n  k8s: { type: kubernetes, vm-size: Standard_NC6s_v3, nodes: 2 }\n';
    const dflt = await gate({ 'online/ep.yml': ep, 'online/dev/blue.yml': dep('  min_instances: 1\n') }, { config });
    none(dflt, 'gpu-replicas-exceed-cluster');
    const five = await gate({ 'online/ep.yml': ep, 'online/dev/blue.yml': dep('  min_instances: 1\n  max_instances: 5\n') }, { config });
    const f = one(five, 'gpu-replicas-exceed-cluster', 'online/dev/blue.yml', 7, 'error');
    expect(f.message).toMatch(/set `scale_settings\.max_instances` to 2 or less/);
  });
});
