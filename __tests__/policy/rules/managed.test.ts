import { describe, test, expect } from '@jest/globals';
import { gate } from '../../helpers.js';
import { one, none, skippedRules } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

const dep = (lines: string[]): string =>
  [`$schema: ${SCHEMA}/managedOnlineDeployment.schema.json`, 'name: blue', 'endpoint_name: fraud', ...lines, ''].join('\n');

describe('managed-sku-unsupported', () => {
  test('Standard_D3_v2 (not on the managed list) fires at instance_type and suggests a listed size', async () => {
    const r = await gate({ 'online/blue.yml': dep(['instance_type: Standard_D3_v2', 'instance_count: 3']) });
    const f = one(r, 'managed-sku-unsupported', 'online/blue.yml', 4, 'error');
    expect(f.message).toMatch(/Standard_DS3_v2|Standard_F4s_v2|Standard_D4a_v4/);
  });

  test('a SKU unknown to the catalogue fires; declared in config skus: with managed-online it passes', async () => {
    const files = { 'online/blue.yml': dep(['instance_type: Standard_Custom8', 'instance_count: 3']) };
    const r = await gate(files);
    // Not in the catalogue is not proof Azure rejects it (issue #11): a notice, and the size-based rules are skipped.
    expect(one(r, 'managed-sku-unsupported', 'online/blue.yml', 4, 'notice').message).toMatch(/skus:/);
    const ok = await gate(files, { config: 'skus:\n  Standard_Custom8: { vcpus: 8, memory-gb: 64, gpus: 0, managed-online: true }\n' });
    none(ok, 'managed-sku-unsupported');
  });

  test('listed sizes pass, case-insensitively', async () => {
    const r = await gate({ 'online/blue.yml': dep(['instance_type: standard_ds3_V2', 'instance_count: 3']) });
    none(r, 'managed-sku-unsupported');
  });
});

describe('managed-instance-count-ha', () => {
  test('production instance_count 2 warns at instance_count; 3 passes', async () => {
    const r = await gate({ 'deploy/prod/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 2']) });
    one(r, 'managed-instance-count-ha', 'deploy/prod/blue.yml', 5, 'warning');
    const ok = await gate({ 'deploy/prod/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 3']) });
    none(ok, 'managed-instance-count-ha');
  });

  test('tags.stage decides; nonproduction does not fire; unknown is skipped', async () => {
    const tagged = await gate({ 'online/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 1', 'tags:', '  stage: production']) });
    one(tagged, 'managed-instance-count-ha', 'online/blue.yml', 5, 'warning');
    const dev = await gate({ 'online/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 1', 'tags:', '  env: dev']) });
    none(dev, 'managed-instance-count-ha');
    const unknown = await gate({ 'online/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 1']) });
    none(unknown, 'managed-instance-count-ha');
    expect(skippedRules(unknown, 'online/blue.yml')).toContain('managed-instance-count-ha');
  });

  test('severity override from config', async () => {
    const r = await gate(
      { 'deploy/prod/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 1']) },
      { config: 'rules:\n  managed-instance-count-ha: error\n' },
    );
    one(r, 'managed-instance-count-ha', 'deploy/prod/blue.yml', 5, 'error');
  });
});

describe('request-timeout-limit', () => {
  test('180001 fires at request_timeout_ms; 180000 passes', async () => {
    const mk = (ms: number): string =>
      dep(['instance_type: Standard_DS3_v2', 'instance_count: 1', 'request_settings:', `  request_timeout_ms: ${ms}`]);
    const r = await gate({ 'online/blue.yml': mk(180001) });
    one(r, 'request-timeout-limit', 'online/blue.yml', 7, 'error');
    const ok = await gate({ 'online/blue.yml': mk(180000) });
    none(ok, 'request-timeout-limit');
  });
});
