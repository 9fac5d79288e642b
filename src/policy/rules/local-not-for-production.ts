import { describeDeployment } from '../kit/describe.js';
import { notForProductionRule } from '../kit/not-for-production.js';

export const rule = notForProductionRule(
  'local',
  {
    id: 'local-not-for-production',
    description: 'A Local web service (computeType: local) is for testing and debugging only, never production.',
    remediation: 'Deploy production to a managed online endpoint or AKS; keep computeType: local for dev/test folders.',
  },
  (d, title) => `${describeDeployment(d)} is a ${title}`,
);
