// VM families as Azure's quota pages name them ("Standard DSv2 Family vCPUs"), and the sizes exempt
// from the 20 % upgrade reservation of managed online deployments (the SKU list's "Skip 20%
// Reservation" column: A100, H100, ND40rs_v2, ND96*). Data, by SKU name pattern, tried in order;
// the SKU catalogue (skus.ts) reads it, so a SKU added there gets its family here.
//
// Sources: how-to-manage-quotas.md, includes/quota-allocation-online-deployment.md and
// reference-managed-online-endpoints-vm-sku-list.md (MicrosoftDocs/azure-ai-docs); family names as
// `az vm list-usage` and the portal's "Usage + quotas" show them.

import data from './families.json' with { type: 'json' };

const FAMILIES: ReadonlyArray<readonly [pattern: RegExp, family: string]> = (data.families as Array<[string, string]>).map(([re, family]) => [new RegExp(re, 'i'), family]);

/** Managed online sizes Azure does not reserve the extra 20 % for ("Skip 20% Reservation"). */
const QUOTA_EXEMPT: readonly RegExp[] = data.quotaExempt.map((re) => new RegExp(re, 'i'));

/** The quota family of a VM size, as the quota page names it, when known. */
export function vmFamily(sku: string): string | undefined {
  return FAMILIES.find(([re]) => re.test(sku))?.[1];
}

/** Whether a managed online deployment of this size skips the 20 % upgrade reservation. */
export function quotaExempt(sku: string): boolean {
  return QUOTA_EXEMPT.some((re) => re.test(sku));
}

/** `Standard DSv2 Family vCPUs`, `standardDSv2Family` (the API's name), `DSv2`, `dsv2 family` all name one family. */
export function familyKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^standard\s*/, '')
    .replace(/\s*family(\s*vcpus)?$/, '')
    .replace(/\s+/g, '');
}
