import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none, skippedRules } from './expect.js';

describe('aci-not-for-production', () => {
  test('v1 ACI config with tags-free prod path fires at computeType', () => {
    const r = check({
      'deploy/prod/aciDeploymentConfig.yml': 'containerResourceRequirements:\n  cpu: 1\n  memoryInGB: 2\ncomputeType: ACI\n',
    });
    expect(one(r, 'aci-not-for-production', 'deploy/prod/aciDeploymentConfig.yml', 4, 'error').message).toBe('The deployment in deploy/prod/aciDeploymentConfig.yml deploys to Azure Container Instances (ACI) (computeType: ACI), but its stage is production (word "prod" in the path or name): deploy it to a managed online endpoint (`instance_count` ≥ 3) or to AKS, or move the file under a dev/test path.');
  });

  test('aml-deploy file without deployment_compute_target (ACI) in production points at the first key', () => {
    const r = check({
      'prod/.cloud/.azure/deploy.json': '{\n  // deploys to ACI\n  "name": "scoring-prod",\n  "inference_entry_script": "score.py"\n}\n',
    });
    expect(one(r, 'aci-not-for-production', 'prod/.cloud/.azure/deploy.json', 3, 'error').message).toBe('Deployment "scoring-prod" deploys to Azure Container Instances (ACI) (aml-deploy file without deployment_compute_target ⇒ ACI), but its stage is production (word "prod" in the path or name): deploy it to a managed online endpoint (`instance_count` ≥ 3) or to AKS, or move the file under a dev/test path.');
  });

  test('aml-deploy file with an AKS target is not ACI', () => {
    const r = check({
      'prod/.cloud/.azure/deploy.json': '{\n  "name": "scoring-prod",\n  "deployment_compute_target": "prod-aks"\n}\n',
      'prod/.cloud/.azure/compute.json': '{ "name": "prod-aks", "compute_type": "akscluster" }\n',
    });
    none(r, 'aci-not-for-production');
  });

  test('ACI in a dev folder does not fire', () => {
    const r = check({ 'deploy/dev/aci.yml': 'computeType: ACI\n' });
    none(r, 'aci-not-for-production');
  });

  test('aml-deploy skip_deployment builds an image only: no deployment rule applies', () => {
    const r = check({ 'prod/.cloud/.azure/deploy.json': '{ "name": "img", "inference_entry_script": "score.py", "skip_deployment": true }\n' });
    none(r, 'aci-not-for-production');
    expect(skippedRules(r, 'prod/.cloud/.azure/deploy.json')).not.toContain('aci-not-for-production');
  });
});
