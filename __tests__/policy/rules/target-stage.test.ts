import { describe, test, expect } from '@jest/globals';
import { gate } from '../../helpers.js';
import { one, none, skippedRules } from './expect.js';

describe('local-not-for-production', () => {
  test('local web service in a prod path fires at computeType', async () => {
    const r = await gate({ 'deploy/prod/deploymentconfig.yml': 'port: 32267\ncomputeType: local\n' });
    const f = one(r, 'local-not-for-production', 'deploy/prod/deploymentconfig.yml', 2, 'error');
    expect(f.message).toMatch(/compute target table/);
    expect(f.message).toMatch(/testing \/ debugging/);
  });

  test('local web service in a dev path does not fire', async () => {
    const r = await gate({ 'deploy/dev/deploymentconfig.yml': 'computeType: local\nport: 32267\n' });
    none(r, 'local-not-for-production');
  });

  test('unknown stage: not evaluated, listed as skipped', async () => {
    const r = await gate({ 'services/scoring/deploymentconfig.yml': 'computeType: local\n' });
    none(r, 'local-not-for-production');
    expect(skippedRules(r, 'services/scoring/deploymentconfig.yml')).toContain('local-not-for-production');
  });
});

describe('aci-not-for-production', () => {
  test('v1 ACI config with tags-free prod path fires at computeType', async () => {
    const r = await gate({
      'deploy/prod/aciDeploymentConfig.yml': 'containerResourceRequirements:\n  cpu: 1\n  memoryInGB: 2\ncomputeType: ACI\n',
    });
    one(r, 'aci-not-for-production', 'deploy/prod/aciDeploymentConfig.yml', 4, 'error');
  });

  test('aml-deploy file without deployment_compute_target (ACI) in production points at the first key', async () => {
    const r = await gate({
      'prod/.cloud/.azure/deploy.json': '{\n  // deploys to ACI\n  "name": "scoring-prod",\n  "inference_entry_script": "score.py"\n}\n',
    });
    one(r, 'aci-not-for-production', 'prod/.cloud/.azure/deploy.json', 3, 'error');
  });

  test('aml-deploy file with an AKS target is not ACI', async () => {
    const r = await gate({
      'prod/.cloud/.azure/deploy.json': '{\n  "name": "scoring-prod",\n  "deployment_compute_target": "prod-aks"\n}\n',
      'prod/.cloud/.azure/compute.json': '{ "name": "prod-aks", "compute_type": "akscluster" }\n',
    });
    none(r, 'aci-not-for-production');
  });

  test('ACI in a dev folder does not fire', async () => {
    const r = await gate({ 'deploy/dev/aci.yml': 'computeType: ACI\n' });
    none(r, 'aci-not-for-production');
  });

  test('aml-deploy skip_deployment builds an image only: no deployment rule applies', async () => {
    const r = await gate({ 'prod/.cloud/.azure/deploy.json': '{ "name": "img", "skip_deployment": true }\n' });
    none(r, 'aci-not-for-production');
    expect(skippedRules(r, 'prod/.cloud/.azure/deploy.json')).not.toContain('aci-not-for-production');
  });
});
