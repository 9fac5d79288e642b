import type { Rule } from '../types.js';
import { TARGETS } from '../../catalog/targets.js';
import { activeDeployments, CITE, describeDeployment, productionAlternative } from './support.js';

const row = TARGETS.local;

export const rule: Rule = {
  id: 'local-not-for-production',
  defaultSeverity: 'error',
  description: 'A Local web service (computeType: local) is for testing and debugging only, never production.',
  remediation: 'Deploy production to a managed online endpoint or AKS; keep computeType: local for dev/test folders.',
  stageDependent: true,
  appliesTo: (d) => d.target === row.id && !d.skipDeployment,
  check(ctx) {
    if (row.stages !== 'nonproduction') return;
    for (const d of activeDeployments(ctx)) {
      if (d.target !== row.id || d.stage !== 'production') continue;
      ctx.report(
        d.targetKey,
        `${describeDeployment(d)} is a ${row.title}, which the ${CITE} lists for ${row.usedFor} only ` +
          `(${row.description}), but its stage is production (${d.stageReason}). ` +
          `Fix: ${productionAlternative()}, or move this file under a dev/test path.`,
      );
    }
  },
};
