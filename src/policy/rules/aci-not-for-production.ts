import { describeDeployment } from '../kit/describe.js';
import { notForProductionRule } from '../kit/not-for-production.js';

export const rule = notForProductionRule(
  'aci',
  {
    id: 'aci-not-for-production',
    description: 'Azure Container Instances (ACI) are for testing or development only, never production.',
    remediation: 'Deploy production to a managed online endpoint (instance_count ≥ 3) or AKS; keep ACI for dev/test.',
  },
  (d, title) => `${describeDeployment(d)} deploys to ${title} (${d.targetReason})`,
);
