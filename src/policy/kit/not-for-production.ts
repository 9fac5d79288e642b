// Rules for targets the table lists for testing/development only (`stages: nonproduction`): they
// fire on production deployments to them, at `computeType` / the file's first key.
import { TARGETS } from '../../catalog/targets.js';
import type { Deployment, TargetId } from '../../core/types.js';
import type { DeploymentRule } from '../rule.js';

export function notForProductionRule(
  target: TargetId,
  meta: Pick<DeploymentRule, 'id' | 'description' | 'remediation' | 'help'>,
  what: (d: Deployment, title: string) => string,
): DeploymentRule {
  const row = TARGETS[target];
  return {
    ...meta,
    scope: 'deployment',
    defaultSeverity: 'error',
    productionOnly: true,
    appliesTo: (d) => d.target === row.id,
    check(d, ctx) {
      if (row.stages !== 'nonproduction') return;
      ctx.report(
        d.targetKey,
        `${what(d, row.title)}, but its stage is production (${d.stageReason}): deploy it to a managed online endpoint ` +
          '(`instance_count` ≥ 3) or to AKS, or move the file under a dev/test path.',
      );
    },
  };
}
