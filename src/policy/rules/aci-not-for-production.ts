import { describeDeployment } from '../kit/describe.js';
import { TABLE, help } from '../kit/help.js';
import { notForProductionRule } from '../kit/not-for-production.js';

export const rule = notForProductionRule(
  'aci',
  {
    id: 'aci-not-for-production',
    description: 'Azure Container Instances (ACI) are for testing or development only, never production.',
    remediation: 'Deploy production to a managed online endpoint (instance_count ≥ 3) or AKS; keep ACI for dev/test.',
    help: help(
      'The compute target table lists ACI for *testing or development*: low-scale CPU workloads needing less than 48 GB of RAM, ' +
        'models under 1 GB, a single replica (an ACI restart is downtime). Production belongs on AKS or, with CLI/SDK v2, ' +
        'a managed online endpoint with at least three instances.',
      TABLE,
      'Azure ML "Deploy to Azure Container Instances" (`how-to-deploy-azure-container-instance.md`)',
    ),
  },
  (d, title) => `${describeDeployment(d)} deploys to ${title} (${d.targetReason})`,
);
