import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none, skippedRules, skippedWhy } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

const amlCluster = (name: string, size: string, extra = ''): string =>
  `$schema: ${SCHEMA}/amlCompute.schema.json\nname: ${name}\ntype: amlcompute\nsize: ${size}\n${extra}`;

describe('compute-cluster-not-realtime', () => {
  test('aml-deploy target naming an amlcluster fires at deployment_compute_target', () => {
    const r = check({
      'svc/dev/.cloud/.azure/deploy.json': '{\n  "name": "scoring",\n  "deployment_compute_target": "cpu-cluster"\n}\n',
      'infra/.cloud/.azure/compute.json': '{ "name": "cpu-cluster", "compute_type": "amlcluster" }\n',
    });
    const f = one(r, 'compute-cluster-not-realtime', 'svc/dev/.cloud/.azure/deploy.json', 3, 'error');
    expect(f.message).toBe('Deployment "scoring" serves real-time requests from "cpu-cluster", an Azure ML compute cluster (batch inference only): target an Azure ML Kubernetes compute (AKS) or use a managed online endpoint (no `compute`, set `instance_type`), or make it a batch deployment.');
  });

  test('Kubernetes online deployment inherits its endpoint compute: points at the endpoint file', () => {
    const r = check({
      'online/endpoint.yml': `$schema: ${SCHEMA}/kubernetesOnlineEndpoint.schema.json\nname: k8s-ep\ncompute: azureml:cpu-cluster\nauth_mode: key\n`,
      'online/blue.yml': `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: k8s-ep\ninstance_count: 1\n`,
      'compute/cpu-cluster.yml': amlCluster('cpu-cluster', 'Standard_DS3_v2'),
    });
    one(r, 'compute-cluster-not-realtime', 'online/endpoint.yml', 3, 'error');
  });

  test('v1 AKS web service on a legacy AKS compute does not fire', () => {
    const r = check({
      'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: dev-aks\n',
      'infra/.cloud/.azure/compute.json': '{ "name": "dev-aks", "compute_type": "akscluster" }\n',
    });
    none(r, 'compute-cluster-not-realtime');
  });

  test('an AKS service naming no compute is skipped with a reason that fits its family', () => {
    const r = check({
      'svc/prod/aks.yml': 'computeType: AKS\nnumReplicas: 3\n',
      'online/prod/blue.yml': `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: elsewhere\ninstance_count: 3\n`,
    });
    none(r, 'compute-cluster-not-realtime');
    for (const rule of ['compute-cluster-not-realtime', 'aks-production-cluster']) {
      expect(skippedWhy(r, 'svc/prod/aks.yml', rule).join()).toMatch(/given on the command line\); set `computeTargetName`/);
      expect(skippedWhy(r, 'online/prod/blue.yml', rule).join()).toMatch(/Kubernetes endpoint "elsewhere", which is not in the repository/);
    }
  });

  test('an unresolved compute is skipped, never passed silently', () => {
    const r = check({ 'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: nowhere-aks\n' });
    none(r, 'compute-cluster-not-realtime');
    expect(skippedRules(r, 'svc/dev/aks.yml')).toContain('compute-cluster-not-realtime');
  });
});
