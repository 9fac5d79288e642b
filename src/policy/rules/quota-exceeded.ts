import { plural } from '../../core/text.js';
import type { InventoryRule } from '../rule.js';
import { num } from '../kit/describe.js';
import { help } from '../kit/help.js';
import { QUOTA_RESERVE, quotaEntries, quotaNeeds, reservedVcpus } from '../kit/quota.js';

export const rule: InventoryRule = {
  id: 'quota-exceeded',
  scope: 'inventory',
  defaultSeverity: 'warning',
  description:
    "The managed online deployments of the repository need more vCPU quota in a VM family than config `quota:` declares (Azure reserves ⌈1.2 × instances⌉ × vCPUs per deployment).",
  remediation: 'Request more quota for the VM family, lower instance_count, or move deployments to another VM family; then update config `quota:`.',
  help: help(
    "Azure ML creates and upgrades a managed online deployment only if the subscription's quota for its VM family, in the region, covers " +
      'it, including the 20 % it holds back so that instances can be replaced during upgrades (⌈1.2 × instances⌉ × vCPUs, except for the ' +
      'sizes exempt from the reservation); GPU families start at 0. A deployment over quota fails at `az ml online-deployment create|update`, ' +
      'after the PR merged. 10 × Standard_DS3_v2 need 48 vCPUs.\n\n' +
      "The quota is per subscription and region: if your deployments go to several subscriptions, gate each one's folder with its own config.",
    'Azure ML "Manage and increase quotas" (`how-to-manage-quotas.md` @0c509fa9)',
    'the managed online endpoint quota allocation include (`quota-allocation-online-deployment.md` @efb1e263), MicrosoftDocs/azure-ai-docs',
  ),
  check(ctx) {
    const quota = ctx.config.quota;
    if (!quota || Object.keys(quota).length === 0) return;
    const over = new Map(quotaNeeds(ctx.inventory.quotaPool ?? quotaEntries(ctx.inventory.deployments), ctx.skus, quota).filter((n) => n.quota !== undefined && n.vcpus > n.quota).map((n) => [n.family, n]));
    if (over.size === 0) return;
    for (const d of ctx.inventory.deployments) {
      if (d.target !== 'managed-online' || d.skipDeployment || !d.instanceType || !d.instanceCount) continue;
      const sku = ctx.skus.get(d.instanceType.value);
      const need = sku && over.get(sku.family ?? `${sku.name} (family unknown)`);
      if (!sku || !need) continue;
      const n = d.instanceCount.value;
      const own = reservedVcpus(n, sku.vcpus, sku.quotaExempt);
      const how = sku.quotaExempt
        ? `${plural(n, 'instance')} × ${sku.vcpus} vCPUs, ${sku.name} being exempt from the upgrade reservation`
        : `⌈${QUOTA_RESERVE} × ${n}⌉ × ${sku.vcpus} vCPUs`;
      const others = need.deployments.length - 1;
      ctx.report(
        { manifest: d.instanceCount.manifest, ptr: d.instanceCount.ptr },
        `${d.name ? `Deployment "${d.name}"` : 'This deployment'} reserves ${own} vCPUs of "${need.family}" (${how}); ` +
          `with ${others === 0 ? 'no other deployment' : plural(others, 'other managed online deployment')} of that family the repository needs ${num(need.vcpus)} vCPUs, ` +
          `more than the ${num(need.quota ?? 0)} of config \`quota:\`: request a quota increase for the family, ` +
          'lower `instance_count`, or use a VM size of another family.',
      );
    }
  },
};
