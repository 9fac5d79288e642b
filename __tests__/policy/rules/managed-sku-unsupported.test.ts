import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

const dep = (lines: string[]): string =>
  [`$schema: ${SCHEMA}/managedOnlineDeployment.schema.json`, 'name: blue', 'endpoint_name: fraud', ...lines, ''].join('\n');

describe('managed-sku-unsupported', () => {
  test('Standard_D3_v2 (not on the managed list) fires at instance_type and suggests a listed size', () => {
    const r = check({ 'online/blue.yml': dep(['instance_type: Standard_D3_v2', 'instance_count: 3']) });
    const f = one(r, 'managed-sku-unsupported', 'online/blue.yml', 4, 'error');
    expect(f.message).toBe('`instance_type: Standard_D3_v2` (4 vCPUs, 14 GiB) is not on the managed online endpoint SKU list: use a listed size with the same RAM or more, such as `instance_type: Standard_DS3_v2` (4 vCPUs, 14 GiB).');
  });

  test('a SKU unknown to the catalogue fires; declared in config skus: with managed-online it passes', () => {
    const files = { 'online/blue.yml': dep(['instance_type: Standard_Custom8', 'instance_count: 3']) };
    const r = check(files);
    // Not in the catalogue is not proof Azure rejects it (issue #11): a notice, and the size-based rules are skipped.
    expect(one(r, 'managed-sku-unsupported', 'online/blue.yml', 4, 'notice').message).toBe('`instance_type: Standard_Custom8` is not in the SKU catalogue, so the gate cannot tell whether a Managed online endpoint allows it: if it is on the managed online SKU list, declare it in config `skus:` (`vcpus`, `memory-gb`, `gpus`, `managed-online: true`), otherwise use a listed size such as Standard_DS3_v2.');
    const ok = check(files, { config: 'skus:\n  Standard_Custom8: { vcpus: 8, memory-gb: 64, gpus: 0, managed-online: true }\n' });
    none(ok, 'managed-sku-unsupported');
  });

  test('listed sizes pass, case-insensitively', () => {
    const r = check({ 'online/blue.yml': dep(['instance_type: standard_ds3_V2', 'instance_count: 3']) });
    none(r, 'managed-sku-unsupported');
  });
});
