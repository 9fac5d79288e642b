import { TARGETS } from '../../catalog/targets.js';
import type { Deployment } from '../../core/types.js';
import type { DeploymentRule } from '../rule.js';
import { CITE, describeDeployment, keyPath } from '../kit/describe.js';

function noAutoscale(d: Deployment): boolean {
  return !TARGETS[d.target].autoscale;
}

export const rule: DeploymentRule = {
  id: 'autoscale-requires-aks',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'Autoscaling and multiple replicas need AKS; ACI and Local web services run a single replica.',
  remediation: 'Remove autoscale / replica settings for ACI and local, or deploy to AKS or a managed online endpoint to scale out.',
  appliesTo: noAutoscale,
  check(d, ctx) {
    const row = TARGETS[d.target];
    const hits = new Map<string, string>();
    if (d.autoscaleEnabled?.value === true && d.autoscaleEnabled.manifest === d.manifest) hits.set(d.autoscaleEnabled.ptr, 'enables autoscaling');
    if (d.replicas && d.replicas.value > 1 && d.replicas.manifest === d.manifest) hits.set(d.replicas.ptr, `asks for ${d.replicas.value} replicas`);
    for (const [ptr, what] of hits) {
      ctx.report(
        { manifest: d.manifest, ptr },
        `\`${keyPath(ptr)}\` ${what}, but ${describeDeployment(d)} deploys to ${row.title}, which runs a single replica; ` +
          `the ${CITE} offers autoscaling of the deployed service on ${TARGETS.aks.title} (and managed online endpoints scale by instance_count). ` +
          `Azure ignores this setting here. Fix: remove \`${keyPath(ptr)}\`, or deploy to AKS / a managed online endpoint to scale out.`,
      );
    }
  },
};
