import { TARGETS } from '../../catalog/targets.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment, num } from '../kit/describe.js';

const row = TARGETS['managed-online'];

export const rule: DeploymentRule = {
  id: 'managed-instance-count-ha',
  scope: 'deployment',
  defaultSeverity: 'warning',
  description: 'A production managed online deployment should run at least 3 instances for high availability.',
  remediation: 'Set instance_count to 3 or more for production managed online deployments.',
  productionOnly: true,
  appliesTo: (d) => d.target === row.id,
  check(d, ctx) {
    const min = ctx.limits['managed-production-min-instances'];
    const f = d.instanceCount;
    if (!f || f.value >= min) return;
    ctx.report(
      { manifest: f.manifest, ptr: f.ptr },
      `${describeDeployment(d, 'production')} runs \`instance_count: ${f.value}\`; Azure ML recommends at least ${num(min)} instances for a ` +
        `production ${row.title}, so that node upgrades and failures do not take the endpoint down (Azure reserves 20 % extra quota for upgrades). ` +
        `Fix: set \`instance_count: ${num(min)}\` or more.`,
    );
  },
  fix(d, _at, ctx) {
    const f = d.instanceCount;
    const min = Math.ceil(ctx.limits['managed-production-min-instances']);
    if (!f) return undefined;
    return { description: `set \`instance_count: ${min}\`, the minimum for high availability`, changes: [{ set: f.ptr, value: min }] };
  },
};
