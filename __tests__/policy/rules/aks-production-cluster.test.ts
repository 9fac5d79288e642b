import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none } from './expect.js';

describe('aks-production-cluster', () => {
  const aksCompute = (extra: string): string => `{ "name": "prod-aks", "compute_type": "akscluster"${extra} }\n`;
  const svc = 'computeType: AKS\ncomputeTargetName: prod-aks\nnumReplicas: 3\n';

  test('2 nodes fire at computeTargetName', () => {
    const r = check({ 'deploy/prod/aks.yml': svc, 'infra/.cloud/.azure/compute.json': aksCompute(', "agent_count": 2') });
    const f = one(r, 'aks-production-cluster', 'deploy/prod/aks.yml', 2, 'error');
    expect(f.message).toBe('The production deployment in deploy/prod/aks.yml runs on AKS compute "prod-aks", which has 2 nodes (fewer than 3) and has 2 × 4 = 8 vCPUs (Standard_D3_v2; fewer than 12): use a FastProd cluster with 3 or more nodes of Standard_D3_v2 (`cluster_purpose: FastProd`, `agent_count: 3`).');
  });

  test('DevTest cluster fires', () => {
    const r = check({ 'deploy/prod/aks.yml': svc, 'infra/.cloud/.azure/compute.json': aksCompute(', "cluster_purpose": "DevTest"') });
    expect(one(r, 'aks-production-cluster', 'deploy/prod/aks.yml', 2, 'error').message).toBe('The production deployment in deploy/prod/aks.yml runs on AKS compute "prod-aks", which is a DevTest cluster: use a FastProd cluster with 3 or more nodes of Standard_D3_v2 (`cluster_purpose: FastProd`, `agent_count: 3`).');
  });

  test('3 × 2 vCPUs = 6 vCPUs fires; 3 nodes × 4 vCPUs = 12 passes (defaults: 3 × Standard_D3_v2)', () => {
    const small = check({ 'deploy/prod/aks.yml': svc, 'infra/.cloud/.azure/compute.json': aksCompute(', "vm_size": "Standard_D2_v2", "agent_count": 3') });
    expect(one(small, 'aks-production-cluster', 'deploy/prod/aks.yml', 2, 'error').message).toMatch(/6 vCPUs/);
    const ok = check({ 'deploy/prod/aks.yml': svc, 'infra/.cloud/.azure/compute.json': aksCompute('') });
    none(ok, 'aks-production-cluster');
  });

  test('computes declared in config; dev stage never fires', () => {
    const cfg = 'computes:\n  prod-aks: { type: aks, vm-size: Standard_D3_v2, nodes: 1, purpose: FastProd }\n';
    const prod = check({ 'deploy/prod/aks.yml': svc }, { config: cfg });
    one(prod, 'aks-production-cluster', 'deploy/prod/aks.yml', 2, 'error');
    const dev = check({ 'deploy/dev/aks.yml': svc }, { config: cfg });
    none(dev, 'aks-production-cluster');
  });

  test('the limits come from config', () => {
    const r = check(
      { 'deploy/prod/aks.yml': svc, 'infra/.cloud/.azure/compute.json': aksCompute(', "agent_count": 2') },
      { config: 'limits:\n  aks-production-min-nodes: 2\n  aks-production-min-vcpus: 8\n' },
    );
    none(r, 'aks-production-cluster');
  });
});
