import { describe, expect, test } from '@jest/globals';
import { gate } from '../../helpers.js';
import { none, one } from './expect.js';

const ENDPOINT = (compute: string) =>
  `$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineEndpoint.schema.json\nname: k8s-ep\ncompute: azureml:${compute}\nauth_mode: key\n`;
const DEPLOYMENT =
  '$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineDeployment.schema.json\ntype: kubernetes\nname: blue\nendpoint_name: k8s-ep\ninstance_count: 1\n';

describe('v2-online-on-legacy-aks', () => {
  test('a Kubernetes endpoint on an aml-compute akscluster fires once, at the endpoint compute key', async () => {
    const r = await gate({
      'deploy/dev/endpoint.yml': ENDPOINT('legacy-aks'),
      'deploy/dev/blue.yml': DEPLOYMENT,
      'infra/.cloud/.azure/compute.json': '{ "name": "legacy-aks", "compute_type": "akscluster" }\n',
    });
    expect(one(r, 'v2-online-on-legacy-aks', 'deploy/dev/endpoint.yml', 3, 'error').message).toBe('`azureml:legacy-aks` is a legacy AKS compute (a v1 AksCompute attachment), which CLI/SDK v2 online endpoints cannot use: attach the cluster as an Azure ML Kubernetes compute (`az ml compute attach --type Kubernetes`, a kubernetesCompute YAML) and point `compute:` at it.');
  });

  test('config computes: type aks fires too', async () => {
    const r = await gate({ 'deploy/dev/endpoint.yml': ENDPOINT('prod-aks') }, { config: 'computes:\n  prod-aks: { type: aks, nodes: 3 }\n' });
    one(r, 'v2-online-on-legacy-aks', 'deploy/dev/endpoint.yml', 3, 'error');
  });

  test('an Azure ML Kubernetes compute passes; a v1 AKS web service on legacy AKS is not this rule', async () => {
    const ok = await gate({
      'deploy/dev/endpoint.yml': ENDPOINT('arc-k8s'),
      'infra/arc.yml': '$schema: https://azuremlschemas.azureedge.net/latest/kubernetesCompute.schema.json\nname: arc-k8s\ntype: kubernetes\nnamespace: azureml\n',
    });
    none(ok, 'v2-online-on-legacy-aks');
    const v1 = await gate({
      'deploy/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: legacy-aks\n',
      'infra/.cloud/.azure/compute.json': '{ "name": "legacy-aks", "compute_type": "akscluster" }\n',
    });
    none(v1, 'v2-online-on-legacy-aks');
  });
});
