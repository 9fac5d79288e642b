import { TARGETS } from '../../catalog/targets.js';
import type { Deployment } from '../../core/types.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment, keyPath } from '../kit/describe.js';
import { TABLE, help } from '../kit/help.js';

function noAutoscale(d: Deployment): boolean {
  return !TARGETS[d.target].autoscale;
}

export const rule: DeploymentRule = {
  id: 'autoscale-requires-aks',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'Autoscaling and multiple replicas need AKS; ACI and Local web services run a single replica.',
  remediation: 'Remove autoscale / replica settings for ACI and local, or deploy to AKS or a managed online endpoint to scale out.',
  help: help(
    'The compute target table offers autoscaling of the deployed service on AKS only (managed online endpoints scale by ' +
      '`instance_count`); ACI and local services run one replica and Azure ignores these keys there — the service does not scale as the file suggests.',
    TABLE,
    'Azure ML "Deploy to Azure Kubernetes Service" (`how-to-deploy-azure-kubernetes-service.md`, autoscaling)',
  ),
  appliesTo: noAutoscale,
  check(d, ctx) {
    const row = TARGETS[d.target];
    const hits = new Map<string, string>();
    if (d.autoscaleEnabled?.value === true && d.autoscaleEnabled.manifest === d.manifest) hits.set(d.autoscaleEnabled.ptr, 'enables autoscaling');
    if (d.replicas && d.replicas.value > 1 && d.replicas.manifest === d.manifest) hits.set(d.replicas.ptr, `asks for ${d.replicas.value} replicas`);
    for (const [ptr, what] of hits) {
      ctx.report(
        { manifest: d.manifest, ptr },
        `\`${keyPath(ptr)}\` ${what}, but ${describeDeployment(d)} deploys to ${row.title}, which runs a single replica: ` +
          `remove \`${keyPath(ptr)}\`, or deploy to AKS / a managed online endpoint to scale out.`,
      );
    }
  },
};
