import { describe, expect, test } from '@jest/globals';
import { SkuCatalog } from '../../../src/catalog/skus.js';
import { familyKey, quotaExempt, vmFamily } from '../../../src/catalog/families.js';
import { reservedVcpus } from '../../../src/policy/kit/quota.js';
import { renderJson } from '../../../src/report/json.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { byRule, gate } from '../../helpers.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';
const dep = (name: string, sku: string, n: number) =>
  `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: ${name}\nendpoint_name: fraud\ninstance_type: ${sku}\ninstance_count: ${n}\n`;

describe('quota needs (Result.quota)', () => {
  test('⌈1.2 × instances⌉ × vCPUs: 10 × Standard_DS3_v2 needs 48 cores (the quota page example)', () => {
    expect(reservedVcpus(10, 4, false)).toBe(48);
    expect(reservedVcpus(3, 4, false)).toBe(16);
    expect(reservedVcpus(1, 2, false)).toBe(4);
    expect(reservedVcpus(2, 24, true)).toBe(48);
  });

  test('the SKU catalogue names each family as the quota page does, and knows the exempt sizes', () => {
    const skus = new SkuCatalog();
    expect(skus.get('Standard_DS3_v2')).toMatchObject({ family: 'Standard DSv2 Family vCPUs', quotaExempt: false });
    expect(skus.get('Standard_F4s_v2')?.family).toBe('Standard FSv2 Family vCPUs');
    expect(skus.get('Standard_E4s_v3')?.family).toBe('Standard ESv3 Family vCPUs');
    expect(skus.get('Standard_NC4as_T4_v3')?.family).toBe('Standard NCASv3_T4 Family vCPUs');
    expect(skus.get('Standard_NC24ads_A100_v4')).toMatchObject({ family: 'Standard NCADSA100v4 Family vCPUs', quotaExempt: true });
    expect(skus.get('Standard_ND40rs_v2')).toMatchObject({ family: 'Standard NDSv2 Family vCPUs', quotaExempt: true });
    expect(vmFamily('Standard_NC40ads_H100_v5')).toBe('Standard NCadsH100v5 Family vCPUs');
    expect(quotaExempt('Standard_ND96amsr_A100_v4')).toBe(true);
    expect(quotaExempt('Standard_NC6s_v3')).toBe(false);
    // Every managed online size of the built-in catalogue has a family.
    expect(skus.all().filter((s) => s.managedOnline && !s.family).map((s) => s.name)).toEqual([]);
    expect(familyKey('Standard DSv2 Family vCPUs')).toBe(familyKey('dsv2'));
  });

  test('per family, summed over deployments; in the JSON report and the job summary', async () => {
    const r = await gate({
      'online/blue.yml': dep('blue', 'Standard_DS3_v2', 10),
      'online/green.yml': dep('green', 'Standard_DS2_v2', 3),
      'online/gpu.yml': dep('gpu', 'Standard_NC24ads_A100_v4', 2),
    });
    expect(r.quota).toEqual([
      {
        family: 'Standard DSv2 Family vCPUs',
        vcpus: 56,
        deployments: [
          { file: 'online/blue.yml', name: 'blue', instanceType: 'Standard_DS3_v2', instances: 10, vcpus: 48 },
          { file: 'online/green.yml', name: 'green', instanceType: 'Standard_DS2_v2', instances: 3, vcpus: 8 },
        ],
      },
      {
        family: 'Standard NCADSA100v4 Family vCPUs',
        vcpus: 48,
        deployments: [{ file: 'online/gpu.yml', name: 'gpu', instanceType: 'Standard_NC24ads_A100_v4', instances: 2, vcpus: 48 }],
      },
    ]);
    expect((JSON.parse(renderJson(r)) as { quota: unknown }).quota).toEqual(r.quota);
    const md = renderMarkdown(r, { maxBytes: 1 << 20 });
    expect(md).toContain('### vCPU quota of managed online deployments');
    expect(md).toContain('| Standard DSv2 Family vCPUs | 56 | — |');
    expect(byRule(r, 'quota-exceeded')).toEqual([]);
  });

  test('no managed online deployment: no quota section, no `quota` key', async () => {
    const r = await gate({ 'score/dev/aci.yml': 'computeType: ACI\n' });
    expect(r.quota).toEqual([]);
    expect(JSON.parse(renderJson(r))).not.toHaveProperty('quota');
  });
});

describe('quota-exceeded', () => {
  const files = { 'online/blue.yml': dep('blue', 'Standard_DS3_v2', 10), 'online/green.yml': dep('green', 'Standard_DS2_v2', 3) };

  test('need above config `quota:` warns at each deployment of the family, at instance_count', async () => {
    const r = await gate(files, { config: 'quota:\n  "Standard DSv2 Family vCPUs": 50\n' });
    const found = byRule(r, 'quota-exceeded');
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([
      ['online/blue.yml', 5, 'warning'],
      ['online/green.yml', 5, 'warning'],
    ]);
    expect(found.map((f) => f.message)).toEqual([
      'Deployment "blue" reserves 48 vCPUs of "Standard DSv2 Family vCPUs" (⌈1.2 × 10⌉ × 4 vCPUs); with 1 other managed online deployment of that family the repository needs 56 vCPUs, more than the 50 of config `quota:`: request a quota increase for the family, lower `instance_count`, or use a VM size of another family.',
      'Deployment "green" reserves 8 vCPUs of "Standard DSv2 Family vCPUs" (⌈1.2 × 3⌉ × 2 vCPUs); with 1 other managed online deployment of that family the repository needs 56 vCPUs, more than the 50 of config `quota:`: request a quota increase for the family, lower `instance_count`, or use a VM size of another family.',
    ]);
    expect(found[0].fix).toBeUndefined();
    expect(r.quota?.[0].quota).toBe(50);
  });

  test('a short family name matches; enough quota passes; other families are not judged', async () => {
    const ok = await gate(files, { config: 'quota:\n  DSv2: 56\n  FSv2: 0\n' });
    expect(byRule(ok, 'quota-exceeded')).toEqual([]);
    expect(ok.quota?.[0].quota).toBe(56);
  });

  test('an exempt size counts instances × vCPUs', async () => {
    const r = await gate({ 'online/gpu.yml': dep('gpu', 'Standard_NC24ads_A100_v4', 2) }, { config: 'quota:\n  NCADSA100v4: 48\n' });
    expect(byRule(r, 'quota-exceeded')).toEqual([]);
    const over = await gate({ 'online/gpu.yml': dep('gpu', 'Standard_NC24ads_A100_v4', 3) }, { config: 'quota:\n  NCADSA100v4: 48\n' });
    expect(byRule(over, 'quota-exceeded')[0].message).toBe('Deployment "gpu" reserves 72 vCPUs of "Standard NCADSA100v4 Family vCPUs" (3 instances × 24 vCPUs, Standard_NC24ads_A100_v4 being exempt from the upgrade reservation); with no other deployment of that family the repository needs 72 vCPUs, more than the 48 of config `quota:`: request a quota increase for the family, lower `instance_count`, or use a VM size of another family.');
  });
});
