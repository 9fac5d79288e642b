import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one } from './expect.js';

describe('autoscale-requires-aks', () => {
  test('v1 ACI numReplicas 3 and autoScaler.autoscaleEnabled fire at each key', () => {
    const r = check({
      'deploy/dev/aci.yml': 'computeType: ACI\nnumReplicas: 3\nautoScaler:\n  autoscaleEnabled: True\n',
    });
    const found = r.findings.filter((f) => f.ruleId === 'autoscale-requires-aks').sort((a, b) => a.line - b.line);
    expect(found.map((f) => f.line)).toEqual([2, 4]);
    expect(found.map((f) => f.message)).toEqual([
      '`numReplicas` asks for 3 replicas, but the deployment in deploy/dev/aci.yml deploys to Azure Container Instances (ACI), which runs a single replica: remove `numReplicas`, or deploy to AKS / a managed online endpoint to scale out.',
      '`autoScaler.autoscaleEnabled` enables autoscaling, but the deployment in deploy/dev/aci.yml deploys to Azure Container Instances (ACI), which runs a single replica: remove `autoScaler.autoscaleEnabled`, or deploy to AKS / a managed online endpoint to scale out.',
    ]);
  });

  test('aml-deploy autoscale_enabled on ACI fires; num_replicas 1 and AKS do not', () => {
    const r = check({
      'a/.cloud/.azure/deploy.json': '{\n  "name": "a",\n  "autoscale_enabled": true,\n  "num_replicas": 1\n}\n',
      'b/.cloud/.azure/deploy.json': '{ "name": "b", "deployment_compute_target": "aks1", "autoscale_enabled": true, "num_replicas": 3 }\n',
      'deploy/dev/aks.yml': 'computeType: AKS\nnumReplicas: 3\n',
    });
    one(r, 'autoscale-requires-aks', 'a/.cloud/.azure/deploy.json', 3, 'error');
  });
});
