// VM families as Azure's quota pages name them ("Standard DSv2 Family vCPUs"), and the sizes exempt
// from the 20 % upgrade reservation of managed online deployments (the SKU list's "Skip 20%
// Reservation" column: A100, H100, ND40rs_v2, ND96*). Data, by SKU name pattern, tried in order;
// the SKU catalogue (skus.ts) reads it, so a SKU added there gets its family here.
//
// Sources: how-to-manage-quotas.md, includes/quota-allocation-online-deployment.md and
// reference-managed-online-endpoints-vm-sku-list.md (MicrosoftDocs/azure-ai-docs); family names as
// `az vm list-usage` and the portal's "Usage + quotas" show them.

const FAMILIES: ReadonlyArray<readonly [pattern: RegExp, family: string]> = [
  [/^Standard_DS\d+_v2$/i, 'Standard DSv2 Family vCPUs'],
  [/^Standard_D\d+_v2$/i, 'Standard Dv2 Family vCPUs'],
  [/^Standard_D\d+s_v3$/i, 'Standard DSv3 Family vCPUs'],
  [/^Standard_D\d+_v3$/i, 'Standard Dv3 Family vCPUs'],
  [/^Standard_D\d+as_v4$/i, 'Standard DASv4 Family vCPUs'],
  [/^Standard_D\d+a_v4$/i, 'Standard DAv4 Family vCPUs'],
  [/^Standard_F\d+s_v2$/i, 'Standard FSv2 Family vCPUs'],
  [/^Standard_E\d+s_v3$/i, 'Standard ESv3 Family vCPUs'],
  [/^Standard_FX\d+mds$/i, 'Standard FXMDS Family vCPUs'],
  [/^Standard_L\d+s_v2$/i, 'Standard LSv2 Family vCPUs'],
  [/^Standard_L\d+s_v3$/i, 'Standard LSv3 Family vCPUs'],
  [/^Standard_L\d+as_v3$/i, 'Standard LASv3 Family vCPUs'],
  [/^Standard_NC\d+r?$/i, 'Standard NC Family vCPUs'],
  [/^Standard_NC\d+r?s_v2$/i, 'Standard NCSv2 Family vCPUs'],
  [/^Standard_NC\d+r?s_v3$/i, 'Standard NCSv3 Family vCPUs'],
  [/^Standard_NC\d+as_T4_v3$/i, 'Standard NCASv3_T4 Family vCPUs'],
  [/^Standard_NC\d+ads_A100_v4$/i, 'Standard NCADSA100v4 Family vCPUs'],
  [/^Standard_NC\d+ad(i)?s_H100_v5$/i, 'Standard NCadsH100v5 Family vCPUs'],
  [/^Standard_ND\d+r?s$/i, 'Standard NDS Family vCPUs'],
  [/^Standard_ND40rs_v2$/i, 'Standard NDSv2 Family vCPUs'],
  [/^Standard_ND96asr_v4$/i, 'Standard NDASv4_A100 Family vCPUs'],
  [/^Standard_ND96amsr_A100_v4$/i, 'Standard NDAMSv4_A100Family vCPUs'],
  [/^Standard_ND96isr?_H100_v5$/i, 'Standard NDSH100v5 Family vCPUs'],
  [/^Standard_NV\d+$/i, 'Standard NV Family vCPUs'],
  [/^Standard_NV\d+s_v3$/i, 'Standard NVSv3 Family vCPUs'],
  [/^Standard_NV\d+ad(m)?s_A10_v5$/i, 'Standard NVADSA10v5 Family vCPUs'],
  [/^Standard_PB\d+s$/i, 'Standard PBS Family vCPUs'],
];

/** Managed online sizes Azure does not reserve the extra 20 % for ("Skip 20% Reservation"). */
const QUOTA_EXEMPT: readonly RegExp[] = [/A100/i, /H100/i, /^Standard_ND40rs_v2$/i, /^Standard_ND96/i];

/** The quota family of a VM size, as the quota page names it, when known. */
export function vmFamily(sku: string): string | undefined {
  return FAMILIES.find(([re]) => re.test(sku))?.[1];
}

/** Whether a managed online deployment of this size skips the 20 % upgrade reservation. */
export function quotaExempt(sku: string): boolean {
  return QUOTA_EXEMPT.some((re) => re.test(sku));
}

/** `Standard DSv2 Family vCPUs`, `DSv2`, `dsv2 family` all name one family. */
export function familyKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^standard\s+/, '')
    .replace(/\s*family(\s+vcpus)?$/, '')
    .replace(/\s+/g, '');
}
