import { TARGETS } from '../../catalog/targets.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment, num } from '../kit/describe.js';
import { help } from '../kit/help.js';

const row = TARGETS['managed-online'];

export const rule: DeploymentRule = {
  id: 'managed-instance-count-ha',
  scope: 'deployment',
  defaultSeverity: 'warning',
  description: 'A production managed online deployment should run at least 3 instances for high availability.',
  remediation: 'Set instance_count to 3 or more for production managed online deployments.',
  help: help(
    'Azure ML recommends at least three instances for production managed online deployments, so that node upgrades and failures do not ' +
      'take the endpoint down. Azure reserves 20 % extra quota for upgrades (⌈1.2 × instances⌉ × vCPUs), so more instances need more quota ' +
      '(see `quota-exceeded`).',
    'Azure ML managed online deployment YAML reference (`reference-yaml-deployment-managed-online.md` @280c976c)',
    'the quota allocation include (`quota-allocation-online-deployment.md` @efb1e263)',
  ),
  productionOnly: true,
  appliesTo: (d) => d.target === row.id,
  check(d, ctx) {
    const min = ctx.limits['managed-production-min-instances'];
    const f = d.instanceCount;
    if (!f || f.value >= min) return;
    ctx.report(
      { manifest: f.manifest, ptr: f.ptr },
      `${describeDeployment(d, 'production')} runs \`instance_count: ${f.value}\`: set \`instance_count: ${num(min)}\` or more.`,
    );
  },
  fix(d, _at, ctx) {
    const f = d.instanceCount;
    const min = Math.ceil(ctx.limits['managed-production-min-instances']);
    if (!f) return undefined;
    return { description: `set \`instance_count: ${min}\`, the minimum for high availability`, changes: [{ set: f.ptr, value: min }] };
  },
};
