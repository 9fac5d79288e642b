import type { Rule } from '../types.js';
import { TARGETS } from '../../catalog/targets.js';
import { activeDeployments, CITE, describeDeployment, productionAlternative } from './support.js';

const row = TARGETS.aci;

export const rule: Rule = {
  id: 'aci-not-for-production',
  defaultSeverity: 'error',
  description: 'Azure Container Instances (ACI) are for testing or development only, never production.',
  remediation: 'Deploy production to a managed online endpoint (instance_count ≥ 3) or AKS; keep ACI for dev/test.',
  stageDependent: true,
  appliesTo: (d) => d.target === row.id && !d.skipDeployment,
  check(ctx) {
    if (row.stages !== 'nonproduction') return;
    for (const d of activeDeployments(ctx)) {
      if (d.target !== row.id || d.stage !== 'production') continue;
      ctx.report(
        d.targetKey,
        `${describeDeployment(d)} deploys to ${row.title} (${d.targetReason}), which the ${CITE} lists for ${row.usedFor} only ` +
          `(${row.description}), but its stage is production (${d.stageReason}). ` +
          `Fix: ${productionAlternative()}, or move this file under a dev/test path.`,
      );
    }
  },
};
