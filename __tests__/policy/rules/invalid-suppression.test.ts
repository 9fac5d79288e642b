import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { byRule } from '../../helpers.js';
import { one, none } from './expect.js';

describe('invalid-suppression', () => {
  test('an ignore comment without a reason fires at the comment and is not honoured', () => {
    const r = check({ 'deploy/prod/aci.yml': '# model-deploy-gate: ignore aci-not-for-production\ncomputeType: ACI\n' });
    expect(one(r, 'invalid-suppression', 'deploy/prod/aci.yml', 1, 'warning').message).toBe('Inline suppression of aci-not-for-production has no reason, so it is not honoured: add one after " -- ", e.g. `# model-deploy-gate: ignore aci-not-for-production -- <why this is acceptable, ticket>`');
    const [aci] = byRule(r, 'aci-not-for-production');
    expect(aci.suppressed).toBeNull();
  });

  test('an unknown rule id fires; with a known id and a reason the finding is suppressed and nothing fires', () => {
    const typo = check({ 'deploy/prod/aci.yml': '# model-deploy-gate: ignore aci-not-for-prod -- demo (ML-1)\ncomputeType: ACI\n' });
    expect(one(typo, 'invalid-suppression', 'deploy/prod/aci.yml', 1, 'warning').message).toBe('Inline suppression names an unknown rule id "aci-not-for-prod", so it suppresses nothing: did you mean "aci-not-for-production"?');
    const ok = check({ 'deploy/prod/aci.yml': '# model-deploy-gate: ignore aci-not-for-production -- demo (ML-1)\ncomputeType: ACI\n' });
    none(ok, 'invalid-suppression');
    const [aci] = byRule(ok, 'aci-not-for-production');
    expect(aci.suppressed).toEqual({ by: 'inline', reason: 'demo (ML-1)' });
  });
});
