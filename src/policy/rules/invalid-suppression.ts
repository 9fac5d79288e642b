import type { EngineRule } from '../rule.js';

/** Reported by the suppression pass while it reads inline suppression comments. */
export const rule: EngineRule = {
  id: 'invalid-suppression',
  scope: 'engine',
  defaultSeverity: 'warning',
  description: 'An inline suppression comment has no reason or names an unknown rule, so it is not honoured.',
  remediation: 'Write `# model-deploy-gate: ignore <rule-id> -- <reason>` with a known rule id and a reason.',
};
