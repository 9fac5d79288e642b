import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none, skippedRules } from './expect.js';

describe('local-not-for-production', () => {
  test('local web service in a prod path fires at computeType', () => {
    const r = check({ 'deploy/prod/deploymentconfig.yml': 'port: 32267\ncomputeType: local\n' });
    const f = one(r, 'local-not-for-production', 'deploy/prod/deploymentconfig.yml', 2, 'error');
    expect(f.message).toBe('The deployment in deploy/prod/deploymentconfig.yml is a Local web service, but its stage is production (word "prod" in the path or name): deploy it to a managed online endpoint (`instance_count` ≥ 3) or to AKS, or move the file under a dev/test path.');
  });

  test('local web service in a dev path does not fire', () => {
    const r = check({ 'deploy/dev/deploymentconfig.yml': 'computeType: local\nport: 32267\n' });
    none(r, 'local-not-for-production');
  });

  test('unknown stage: not evaluated, listed as skipped', () => {
    const r = check({ 'services/scoring/deploymentconfig.yml': 'computeType: local\n' });
    none(r, 'local-not-for-production');
    expect(skippedRules(r, 'services/scoring/deploymentconfig.yml')).toContain('local-not-for-production');
  });
});
