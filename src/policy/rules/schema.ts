import type { ManifestRule } from '../rule.js';

export const rule: ManifestRule = {
  id: 'schema',
  scope: 'manifest',
  defaultSeverity: 'error',
  description:
    'A recognised manifest breaks its format: wrong type, bad enum value, missing required field, zero or negative size, unknown computeType, min above max.',
  remediation: 'Fix the value the message names; Azure would reject the file or deploy something other than what it says.',
  check(m, ctx) {
    for (const issue of m.family.validate(m)) ctx.report({ manifest: m, ptr: issue.ptr }, issue.message);
  },
};
