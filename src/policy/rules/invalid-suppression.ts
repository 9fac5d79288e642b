import type { EngineRule } from '../rule.js';
import { POLICY, help } from '../kit/help.js';

/** Reported by the suppression pass while it reads inline suppression comments. */
export const rule: EngineRule = {
  id: 'invalid-suppression',
  scope: 'engine',
  defaultSeverity: 'warning',
  description: 'An inline suppression comment has no reason or names an unknown rule, so it is not honoured.',
  remediation: 'Write `# model-deploy-gate: ignore <rule-id> -- <reason>` with a known rule id and a reason.',
  help: help(
    'Every exception to the policy needs a recorded reason that reviewers can see; a typo in a rule id would otherwise suppress nothing ' +
      'without anyone noticing.',
    POLICY,
  ),
};
