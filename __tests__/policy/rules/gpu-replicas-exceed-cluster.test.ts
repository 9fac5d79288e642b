import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('gpu-replicas-exceed-cluster', () => {
  const gpuAks = (nodes: number, size = 'Standard_NC6'): string =>
    `{ "name": "gpu-aks", "compute_type": "akscluster", "vm_size": "${size}", "agent_count": ${nodes} }\n`;

  test('autoscale max 4 × 1 GPU on 2 × NC6 (2 GPUs) fires at autoScaler.maxReplicas', () => {
    const r = check({
      'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: gpu-aks\ngpuCores: 1\nautoScaler:\n  autoscaleEnabled: true\n  maxReplicas: 4\n',
      'infra/.cloud/.azure/compute.json': gpuAks(2),
    });
    expect(one(r, 'gpu-replicas-exceed-cluster', 'svc/dev/aks.yml', 6, 'error').message).toBe('The deployment in svc/dev/aks.yml can run 4 replicas (autoscale maximum `autoScaler.maxReplicas: 4`) × 1 GPU = 4 GPUs, but compute "gpu-aks" has 2 × 1 (Standard_NC6) = 2 GPUs: set `autoScaler.maxReplicas` to 2 or less, or add GPU nodes to the cluster (4 nodes of Standard_NC6).');
  });

  test('aml-deploy num_replicas 3 × gpu_cores 1 on 2 GPUs fires at num_replicas; 2 replicas pass', () => {
    const deploy = (n: number): string => `{\n  "name": "gpu-svc",\n  "deployment_compute_target": "gpu-aks",\n  "gpu_cores": 1,\n  "num_replicas": ${n}\n}\n`;
    const r = check({ 'svc/dev/.cloud/.azure/deploy.json': deploy(3), 'infra/.cloud/.azure/compute.json': gpuAks(2) });
    one(r, 'gpu-replicas-exceed-cluster', 'svc/dev/.cloud/.azure/deploy.json', 5, 'error');
    const ok = check({ 'svc/dev/.cloud/.azure/deploy.json': deploy(2), 'infra/.cloud/.azure/compute.json': gpuAks(2) });
    none(ok, 'gpu-replicas-exceed-cluster');
  });

  test('more GPUs per replica than one node has fires at gpuCores', () => {
    const r = check({
      'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: gpu-aks\ngpuCores: 2\nnumReplicas: 1\n',
      'infra/.cloud/.azure/compute.json': gpuAks(4),
    });
    expect(one(r, 'gpu-replicas-exceed-cluster', 'svc/dev/aks.yml', 3, 'error').message).toBe('The deployment in svc/dev/aks.yml asks for 2 GPUs per replica (`gpuCores`), but each node of compute "gpu-aks" (Standard_NC6) has 1, so no replica can be scheduled: ask for at most 1 GPU per replica, or use a cluster whose VM size has 2 or more GPUs per node.');
  });
  test('v1 AKS GPU service with no numReplicas autoscales (v1 default, max 10): fires at computeType', () => {
    const r = check({
      'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: gpu-aks\ngpuCores: 1\n',
      'infra/.cloud/.azure/compute.json': gpuAks(2),
    });
    const f = one(r, 'gpu-replicas-exceed-cluster', 'svc/dev/aks.yml', 1, 'error');
    expect(f.message).toMatch(/no `numReplicas`, so Azure autoscales it up to the default maximum of 10/);
    expect(f.message).toMatch(/set `autoScaler\.maxReplicas` \(or `numReplicas`\) to 2 or less/);
    const capped = check({
      'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: gpu-aks\ngpuCores: 1\nautoScaler:\n  maxReplicas: 2\n',
      'infra/.cloud/.azure/compute.json': gpuAks(2),
    });
    none(capped, 'gpu-replicas-exceed-cluster');
  });

  test('aml-deploy GPU service without num_replicas autoscales too; autoscale_max_replicas 3 fires at that key', () => {
    const deploy = (extra: string): string => `{\n  "name": "gpu-svc",\n  "deployment_compute_target": "gpu-aks",\n  "gpu_cores": 1${extra}\n}\n`;
    const implicit = check({ 'svc/dev/.cloud/.azure/deploy.json': deploy(''), 'infra/.cloud/.azure/compute.json': gpuAks(2) });
    one(implicit, 'gpu-replicas-exceed-cluster', 'svc/dev/.cloud/.azure/deploy.json', 2, 'error');
    const max = check({ 'svc/dev/.cloud/.azure/deploy.json': deploy(',\n  "autoscale_max_replicas": 3'), 'infra/.cloud/.azure/compute.json': gpuAks(2) });
    const f = one(max, 'gpu-replicas-exceed-cluster', 'svc/dev/.cloud/.azure/deploy.json', 5, 'error');
    expect(f.message).toMatch(/set `autoscale_max_replicas` to 2 or less/);
  });

  test('Kubernetes target_utilization without max_instances uses its default of 1; max_instances 5 fires there', () => {
    const ep = `$schema: ${SCHEMA}/kubernetesOnlineEndpoint.schema.json\nname: ep\ncompute: azureml:k8s\nauth_mode: key\n`;
    const dep = (scale: string): string =>
      `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\nscale_settings:\n  type: target_utilization\n${scale}` +
      'resources:\n  requests:\n    nvidia.com/gpu: 1\n  limits:\n    nvidia.com/gpu: 1\n';
    const config = 'computes:\n  k8s: { type: kubernetes, vm-size: Standard_NC6s_v3, nodes: 2 }\n';
    const dflt = check({ 'online/ep.yml': ep, 'online/dev/blue.yml': dep('  min_instances: 1\n') }, { config });
    none(dflt, 'gpu-replicas-exceed-cluster');
    const five = check({ 'online/ep.yml': ep, 'online/dev/blue.yml': dep('  min_instances: 1\n  max_instances: 5\n') }, { config });
    const f = one(five, 'gpu-replicas-exceed-cluster', 'online/dev/blue.yml', 7, 'error');
    expect(f.message).toMatch(/set `scale_settings\.max_instances` to 2 or less/);
  });
});
