import type { Rule } from '../types.js';

/** Metadata only: the engine emits this while applying config waivers. */
export const rule: Rule = {
  id: 'waiver-expired',
  defaultSeverity: 'error',
  description: "A config waiver's `expires` date has passed; the findings it waived count again.",
  remediation: 'Fix the waived findings, or renew the waiver with a new `expires` date and a current reason and owner.',
  check() {
    // Emitted by the engine's waiver pass.
  },
};
