import { describe, expect, test } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

const dep = (lines: string[]): string =>
  [`$schema: ${SCHEMA}/managedOnlineDeployment.schema.json`, 'name: blue', 'endpoint_name: fraud', ...lines, ''].join('\n');

describe('request-timeout-limit', () => {
  test('180001 fires at request_timeout_ms; 180000 passes', () => {
    const mk = (ms: number): string =>
      dep(['instance_type: Standard_DS3_v2', 'instance_count: 1', 'request_settings:', `  request_timeout_ms: ${ms}`]);
    const r = check({ 'online/blue.yml': mk(180001) });
    expect(one(r, 'request-timeout-limit', 'online/blue.yml', 7, 'error').message).toBe('`request_settings.request_timeout_ms: 180001` exceeds the 180000 ms maximum of a Managed online endpoint: set it to 180000 or less, and move scoring that takes longer to a batch endpoint.');
    const ok = check({ 'online/blue.yml': mk(180000) });
    none(ok, 'request-timeout-limit');
  });
});
