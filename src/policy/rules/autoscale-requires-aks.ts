import type { Rule } from '../types.js';
import type { Deployment } from '../../types.js';
import { TARGETS } from '../../catalog/targets.js';
import { activeDeployments, CITE, describeDeployment, keyPath, numberAt, valueAt } from './support.js';

/** The raw keys of each v1 family, read too in case the target's normaliser ignored a key Azure does not use there. */
const RAW: Record<string, { autoscale: string; replicas: string }> = {
  v1DeploymentConfig: { autoscale: '/autoScaler/autoscaleEnabled', replicas: '/numReplicas' },
  amlDeployAction: { autoscale: '/autoscale_enabled', replicas: '/num_replicas' },
};

function noAutoscale(d: Deployment): boolean {
  return !TARGETS[d.target].autoscale;
}

export const rule: Rule = {
  id: 'autoscale-requires-aks',
  defaultSeverity: 'error',
  description: 'Autoscaling and multiple replicas need AKS; ACI and Local web services run a single replica.',
  remediation: 'Remove autoscale / replica settings for ACI and local, or deploy to AKS or a managed online endpoint to scale out.',
  appliesTo: (d) => noAutoscale(d) && !d.skipDeployment,
  check(ctx) {
    const aks = TARGETS.aks;
    for (const d of activeDeployments(ctx)) {
      if (!noAutoscale(d)) continue;
      const row = TARGETS[d.target];
      const hits = new Map<string, string>();
      if (d.autoscaleEnabled?.value === true && d.autoscaleEnabled.manifest === d.manifest) hits.set(d.autoscaleEnabled.ptr, 'enables autoscaling');
      if (d.replicas && d.replicas.value > 1 && d.replicas.manifest === d.manifest) hits.set(d.replicas.ptr, `asks for ${d.replicas.value} replicas`);
      const raw = RAW[d.manifest.kind];
      if (raw) {
        if (valueAt(d.manifest, raw.autoscale) === true && !hits.has(raw.autoscale)) hits.set(raw.autoscale, 'enables autoscaling');
        const n = numberAt(d.manifest, raw.replicas);
        if (n !== undefined && n > 1 && !hits.has(raw.replicas)) hits.set(raw.replicas, `asks for ${n} replicas`);
      }
      for (const [ptr, what] of hits) {
        ctx.report(
          { manifest: d.manifest, ptr },
          `\`${keyPath(ptr)}\` ${what}, but ${describeDeployment(d)} deploys to ${row.title}, which runs a single replica; ` +
            `the ${CITE} offers autoscaling of the deployed service on ${aks.title} (and managed online endpoints scale by instance_count). ` +
            `Azure ignores this setting here. Fix: remove \`${keyPath(ptr)}\`, or deploy to AKS / a managed online endpoint to scale out.`,
        );
      }
    }
  },
};
