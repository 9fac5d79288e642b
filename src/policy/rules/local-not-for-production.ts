import { describeDeployment } from '../kit/describe.js';
import { TABLE, help } from '../kit/help.js';
import { notForProductionRule } from '../kit/not-for-production.js';

export const rule = notForProductionRule(
  'local',
  {
    id: 'local-not-for-production',
    description: 'A Local web service (computeType: local) is for testing and debugging only, never production.',
    remediation: 'Deploy production to a managed online endpoint or AKS; keep computeType: local for dev/test folders.',
    help: help(
      'The compute target table lists the Local web service for *testing / debugging*: "limited testing and troubleshooting; ' +
        'hardware acceleration depends on local libraries". A container on one machine has no scaling, no fault tolerance and ' +
        'no managed authentication.',
      TABLE,
    ),
  },
  (d, title) => `${describeDeployment(d)} is a ${title}`,
);
