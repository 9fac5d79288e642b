import type { DeploymentRule } from '../rule.js';
import { CITE, describeDeployment } from '../kit/describe.js';
import { hasResolvedCompute } from '../kit/gaps.js';

export const rule: DeploymentRule = {
  id: 'low-priority-production-batch',
  scope: 'deployment',
  defaultSeverity: 'warning',
  description: 'A production batch deployment should not run on a low-priority (preemptible) compute cluster.',
  remediation: 'Point production batch deployments at a dedicated-tier cluster (`tier: dedicated` / `vm_priority: dedicated`).',
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
      `${describeDeployment(d, 'production batch')} runs on compute cluster "${c.name}", whose VMs are low priority: Azure can preempt them ` +
        `at any time, so scoring jobs may stall or be retried. The ${CITE} offers normal and low-priority VMs for compute clusters; ` +
        `low priority suits dev/test or jobs that can wait. ` +
        `Fix: use a dedicated cluster (\`tier: dedicated\` in amlCompute YAML, \`vm_priority: dedicated\` in aml-compute), ` +
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
