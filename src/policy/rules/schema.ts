import type { Rule, RuleContext } from '../types.js';
import { validateManifest } from '../../formats/schemas.js';

export const rule: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description:
    'A recognised manifest breaks its format: wrong type, bad enum value, missing required field, zero or negative size, unknown computeType, min above max.',
  remediation: 'Fix the value the message names; Azure would reject the file or deploy something other than what it says.',
  check(ctx: RuleContext): void {
    for (const m of ctx.inventory.manifests) {
      for (const issue of validateManifest(m)) ctx.report({ manifest: m, ptr: issue.ptr }, issue.message);
    }
  },
};
