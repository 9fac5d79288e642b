import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { byRule } from '../../helpers.js';
import { one, none } from './expect.js';

const waiver = (expires: string): string =>
  [
    'waivers:',
    '  - rule: aci-not-for-production',
    '    path: "deploy/legacy/**"',
    '    reason: "migrating to managed online, ML-123"',
    '    owner: "@ml-platform"',
    `    expires: ${expires}`,
    '',
  ].join('\n');

const files = { 'deploy/legacy/prod/aci.yml': 'computeType: ACI\n' };
const now = new Date('2026-12-01T12:00:00Z');

describe('waiver-expired', () => {
  test('an expired waiver fires at its `- rule:` line in the config and its finding comes back', () => {
    const r = check(files, { config: waiver('2026-11-30'), now });
    const f = one(r, 'waiver-expired', '.github/model-deploy-gate.yml', 2, 'error');
    expect(f.message).toBe('Waiver for aci-not-for-production on "deploy/legacy/**" (owner @ml-platform) expired on 2026-11-30, so the finding it waived counts again: fix it and delete the waiver, or renew it with a new `expires` date if the reason still holds.');
    expect(byRule(r, 'aci-not-for-production').map((x) => x.suppressed)).toEqual([null]);
  });

  test('a waiver in force (its expiry day included) waives the finding and does not fire', () => {
    const r = check(files, { config: waiver('2026-12-01'), now });
    none(r, 'waiver-expired');
    expect(byRule(r, 'aci-not-for-production').map((x) => x.suppressed?.by)).toEqual(['waiver']);
  });
});
