import type { Rule } from '../types.js';

/** Metadata only: the engine emits this while reading inline suppression comments. */
export const rule: Rule = {
  id: 'invalid-suppression',
  defaultSeverity: 'warning',
  description: 'An inline suppression comment has no reason or names an unknown rule, so it is not honoured.',
  remediation: 'Write `# model-deploy-gate: ignore <rule-id> -- <reason>` with a known rule id and a reason.',
  check() {
    // Emitted by the engine's suppression pass.
  },
};
