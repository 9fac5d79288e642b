import { plural } from '../../core/text.js';
import type { InventoryRule } from '../rule.js';
import { num } from '../kit/describe.js';
import { QUOTA_RESERVE, quotaNeeds, reservedVcpus } from '../kit/quota.js';

export const rule: InventoryRule = {
  id: 'quota-exceeded',
  scope: 'inventory',
  defaultSeverity: 'warning',
  description:
    "The managed online deployments of the repository need more vCPU quota in a VM family than config `quota:` declares (Azure reserves ⌈1.2 × instances⌉ × vCPUs per deployment).",
  remediation: 'Request more quota for the VM family, lower instance_count, or move deployments to another VM family; then update config `quota:`.',
  check(ctx) {
    const quota = ctx.config.quota;
    if (!quota || Object.keys(quota).length === 0) return;
    const over = new Map(quotaNeeds(ctx.inventory.deployments, ctx.skus, quota).filter((n) => n.quota !== undefined && n.vcpus > n.quota).map((n) => [n.family, n]));
    if (over.size === 0) return;
    for (const d of ctx.inventory.deployments) {
      if (d.target !== 'managed-online' || d.skipDeployment || !d.instanceType || !d.instanceCount) continue;
      const sku = ctx.skus.get(d.instanceType.value);
      const need = sku && over.get(sku.family ?? `${sku.name} (family unknown)`);
      if (!sku || !need) continue;
      const n = d.instanceCount.value;
      const own = reservedVcpus(n, sku.vcpus, sku.quotaExempt);
      const how = sku.quotaExempt
        ? `${plural(n, 'instance')} × ${sku.vcpus} vCPUs (${sku.name} is exempt from the 20 % upgrade reservation)`
        : `⌈${QUOTA_RESERVE} × ${n}⌉ × ${sku.vcpus} vCPUs (Azure reserves 20 % extra for upgrades)`;
      const others = need.deployments.length - 1;
      ctx.report(
        { manifest: d.instanceCount.manifest, ptr: d.instanceCount.ptr },
        `${d.name ? `Deployment "${d.name}"` : 'This deployment'} reserves ${own} vCPUs of "${need.family}" (${how}); ` +
          `with ${others === 0 ? 'no other deployment' : plural(others, 'other managed online deployment')} of that family the repository needs ${num(need.vcpus)} vCPUs, ` +
          `more than the ${num(need.quota ?? 0)} of config \`quota:\`, so creating or upgrading a deployment would fail for lack of quota. ` +
          'Fix: request a quota increase for the family (Azure ML studio → Quota), lower `instance_count`, or use a VM size of another family.',
      );
    }
  },
};
