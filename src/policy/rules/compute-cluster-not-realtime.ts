import { TARGETS } from '../../catalog/targets.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment } from '../kit/describe.js';
import { hasResolvedCompute, noComputeNamed } from '../kit/gaps.js';
import { TABLE, help } from '../kit/help.js';

const cluster = TARGETS['compute-cluster'];

export const rule: DeploymentRule = {
  id: 'compute-cluster-not-realtime',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'A real-time (online / web service) deployment must not target an Azure ML compute cluster.',
  remediation: 'Point the online deployment at AKS / Azure ML Kubernetes compute or use a managed online endpoint; keep clusters for batch.',
  help: help(
    'The compute target table: Azure ML compute clusters are for *batch inference* and have "no support for real-time inference". ' +
      'The deployment fails, or silently falls back to another target (aml-deploy deploys to ACI when the name is not an AKS compute).',
    TABLE,
  ),
  needs: { compute: true },
  // AKS services always run on some compute: when the file does not name it, the rule says it could not judge it.
  appliesTo: (d) => d.mode === 'realtime' && (d.computeRef !== undefined || d.target === 'aks'),
  check(d, ctx) {
    if (cluster.realtime) return;
    if (!hasResolvedCompute(ctx, d, d.target === 'aks' ? noComputeNamed(d) : undefined)) return;
    if (d.compute.type !== 'amlcompute') return;
    ctx.report(
      d.computeRef.at,
      `${describeDeployment(d)} serves real-time requests from "${d.compute.name}", an Azure ML compute cluster (${cluster.usedFor} only): ` +
        'target an Azure ML Kubernetes compute (AKS) or use a managed online endpoint (no `compute`, set `instance_type`), or make it a batch deployment.',
    );
  },
};
