import type { Rule } from '../types.js';
import { TARGETS } from '../../catalog/targets.js';
import { activeDeployments, describeDeployment, num } from './support.js';

const row = TARGETS['managed-online'];

export const rule: Rule = {
  id: 'managed-instance-count-ha',
  defaultSeverity: 'warning',
  description: 'A production managed online deployment should run at least 3 instances for high availability.',
  remediation: 'Set instance_count to 3 or more for production managed online deployments.',
  stageDependent: true,
  appliesTo: (d) => d.target === row.id && !d.skipDeployment,
  check(ctx) {
    const min = ctx.limits['managed-production-min-instances'];
    for (const d of activeDeployments(ctx)) {
      if (d.target !== row.id || d.stage !== 'production' || !d.instanceCount) continue;
      const f = d.instanceCount;
      if (f.value >= min) continue;
      ctx.report(
        { manifest: f.manifest, ptr: f.ptr },
        `${describeDeployment(d, 'production')} runs \`instance_count: ${f.value}\`; Azure ML recommends at least ${num(min)} instances for a ` +
          `production ${row.title}, so that node upgrades and failures do not take the endpoint down (Azure reserves 20 % extra quota for upgrades). ` +
          `Fix: set \`instance_count: ${num(min)}\` or more.`,
      );
    }
  },
};
