import type { Rule } from '../types.js';
import { describeDeployment, notForProductionRule } from './support.js';

export const rule: Rule = notForProductionRule(
  'local',
  {
    id: 'local-not-for-production',
    description: 'A Local web service (computeType: local) is for testing and debugging only, never production.',
    remediation: 'Deploy production to a managed online endpoint or AKS; keep computeType: local for dev/test folders.',
  },
  (d, title) => `${describeDeployment(d)} is a ${title}`,
);
