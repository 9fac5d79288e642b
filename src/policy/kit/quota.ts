// The vCPU quota the repository's managed online deployments need, per VM family: Azure reserves
// ⌈1.2 × instances⌉ × vCPUs per deployment (20 % for upgrades), or instances × vCPUs for the sizes
// exempt from the reservation (includes/quota-allocation-online-deployment.md).
import { familyKey } from '../../catalog/families.js';
import type { SkuCatalog } from '../../catalog/skus.js';
import type { QuotaEntry, QuotaNeed } from '../../core/types.js';
import type { QuotaFields } from '../../formats/family.js';

/** The upgrade reservation of managed online deployments. */
export const QUOTA_RESERVE = 1.2;

/** vCPUs one deployment reserves: ⌈1.2 × instances⌉ × vCPUs, or instances × vCPUs when exempt. */
export function reservedVcpus(instances: number, vcpus: number, exempt: boolean): number {
  const n = exempt ? instances : Math.ceil(QUOTA_RESERVE * instances - 1e-9);
  return n * vcpus;
}

/** The configured quota of a family (config keys match by family name, case- and "Standard … Family vCPUs"-insensitively). */
export function quotaOf(family: string, quota: Record<string, number> | undefined): number | undefined {
  if (!quota) return undefined;
  const key = familyKey(family);
  for (const [name, value] of Object.entries(quota)) if (familyKey(name) === key) return value;
  return undefined;
}

/**
 * The deployments the quota counts: managed online deployments that are deployed (not
 * `skip_deployment`) and give an instance type and count.
 */
export function quotaEntries(deployments: readonly QuotaFields[]): QuotaEntry[] {
  const out: QuotaEntry[] = [];
  for (const d of deployments) {
    if (d.target !== 'managed-online' || d.skipDeployment || !d.instanceType || !d.instanceCount) continue;
    out.push({ file: d.manifest.file.path, name: d.name ?? null, instanceType: d.instanceType.value, instances: d.instanceCount.value });
  }
  return out;
}

/** Per family, the vCPUs the deployments need (sizes missing from the catalogue are not counted). */
export function quotaNeeds(entries: readonly QuotaEntry[], skus: SkuCatalog, quota?: Record<string, number>): QuotaNeed[] {
  const byFamily = new Map<string, QuotaNeed>();
  for (const d of entries) {
    const sku = skus.get(d.instanceType);
    const instances = d.instances;
    if (!sku || !Number.isFinite(instances) || instances <= 0) continue;
    const family = sku.family ?? `${sku.name} (family unknown)`;
    let need = byFamily.get(family);
    if (!need) {
      need = { family, vcpus: 0, deployments: [] };
      const q = quotaOf(family, quota);
      if (q !== undefined) need.quota = q;
      byFamily.set(family, need);
    }
    const vcpus = reservedVcpus(instances, sku.vcpus, sku.quotaExempt);
    need.vcpus += vcpus;
    need.deployments.push({ file: d.file, name: d.name, instanceType: sku.name, instances, vcpus });
  }
  const out = [...byFamily.values()].sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : 0));
  for (const n of out) n.deployments.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return out;
}
