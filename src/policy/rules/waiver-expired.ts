import type { EngineRule } from '../rule.js';
import { POLICY, help } from '../kit/help.js';

/** Reported by the suppression pass while it applies config waivers. */
export const rule: EngineRule = {
  id: 'waiver-expired',
  scope: 'engine',
  defaultSeverity: 'error',
  description: "A config waiver's `expires` date has passed; the findings it waived count again.",
  remediation: 'Fix the waived findings, or renew the waiver with a new `expires` date and a current reason and owner.',
  help: help(
    'Waivers are temporary by design: an expired waiver means the planned fix did not happen, and the owner must renew it deliberately ' +
      'or fix the findings.',
    POLICY,
  ),
};
