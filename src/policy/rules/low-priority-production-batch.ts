import type { DeploymentRule } from '../rule.js';
import { describeDeployment } from '../kit/describe.js';
import { hasResolvedCompute } from '../kit/gaps.js';
import { TABLE, help } from '../kit/help.js';

export const rule: DeploymentRule = {
  id: 'low-priority-production-batch',
  scope: 'deployment',
  defaultSeverity: 'warning',
  description: 'A production batch deployment should not run on a low-priority (preemptible) compute cluster.',
  remediation: 'Point production batch deployments at a dedicated-tier cluster (`tier: dedicated` / `vm_priority: dedicated`).',
  help: help(
    'The compute target table offers compute clusters with "normal and low-priority VMs". Low-priority VMs can be preempted at any time: ' +
      'scoring jobs stall or rerun, so production deadlines are not guaranteed. Low priority suits dev/test, or jobs that can wait.',
    TABLE,
  ),
  productionOnly: true,
  needs: { compute: true },
  // Kubernetes compute has no VM priority: only cluster batch deployments (target compute-cluster) apply.
  appliesTo: (d) => d.mode === 'batch' && d.target === 'compute-cluster',
  check(d, ctx) {
    if (!d.computeRef || !hasResolvedCompute(ctx, d)) return;
    const c = d.compute;
    if (c.tier !== 'lowpriority') return;
    ctx.report(
      d.computeRef.at,
      `${describeDeployment(d, 'production batch')} runs on compute cluster "${c.name}", whose VMs are low priority (preemptible): ` +
        'use a dedicated cluster (`tier: dedicated` in amlCompute YAML, `vm_priority: dedicated` in aml-compute), ' +
        'or waive this finding if delayed results are acceptable.',
    );
  },
  fix(d) {
    // The tier is the cluster's: the edit goes to the cluster's own file (not to config `computes:`).
    const m = d.compute?.manifest;
    if (!m) return undefined;
    const key = ['tier', 'vm_priority'].find((k) => Object.hasOwn(m.data, k));
    if (!key) return undefined;
    return { description: `set \`${key}: dedicated\` in ${m.file.path} (compute "${d.compute?.name}")`, changes: [{ set: `/${key}`, value: 'dedicated' }], in: m };
  },
};
