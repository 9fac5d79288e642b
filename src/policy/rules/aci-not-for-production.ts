import type { Rule } from '../types.js';
import { describeDeployment, notForProductionRule } from './support.js';

export const rule: Rule = notForProductionRule(
  'aci',
  {
    id: 'aci-not-for-production',
    description: 'Azure Container Instances (ACI) are for testing or development only, never production.',
    remediation: 'Deploy production to a managed online endpoint (instance_count ≥ 3) or AKS; keep ACI for dev/test.',
  },
  (d, title) => `${describeDeployment(d)} deploys to ${title} (${d.targetReason})`,
);
