import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none, skippedRules } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

const dep = (lines: string[]): string =>
  [`$schema: ${SCHEMA}/managedOnlineDeployment.schema.json`, 'name: blue', 'endpoint_name: fraud', ...lines, ''].join('\n');

describe('managed-instance-count-ha', () => {
  test('production instance_count 2 warns at instance_count; 3 passes', () => {
    const r = check({ 'deploy/prod/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 2']) });
    expect(one(r, 'managed-instance-count-ha', 'deploy/prod/blue.yml', 5, 'warning').message).toBe('Production deployment "blue" runs `instance_count: 2`: set `instance_count: 3` or more.');
    const ok = check({ 'deploy/prod/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 3']) });
    none(ok, 'managed-instance-count-ha');
  });

  test('tags.stage decides; nonproduction does not fire; unknown is skipped', () => {
    const tagged = check({ 'online/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 1', 'tags:', '  stage: production']) });
    one(tagged, 'managed-instance-count-ha', 'online/blue.yml', 5, 'warning');
    const dev = check({ 'online/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 1', 'tags:', '  env: dev']) });
    none(dev, 'managed-instance-count-ha');
    const unknown = check({ 'online/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 1']) });
    none(unknown, 'managed-instance-count-ha');
    expect(skippedRules(unknown, 'online/blue.yml')).toContain('managed-instance-count-ha');
  });

  test('severity override from config', () => {
    const r = check(
      { 'deploy/prod/blue.yml': dep(['instance_type: Standard_DS3_v2', 'instance_count: 1']) },
      { config: 'rules:\n  managed-instance-count-ha: error\n' },
    );
    one(r, 'managed-instance-count-ha', 'deploy/prod/blue.yml', 5, 'error');
  });
});
