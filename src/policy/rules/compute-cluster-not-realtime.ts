import { TARGETS } from '../../catalog/targets.js';
import type { DeploymentRule } from '../rule.js';
import { CITE, describeDeployment } from '../kit/describe.js';
import { hasResolvedCompute, noComputeNamed } from '../kit/gaps.js';

const cluster = TARGETS['compute-cluster'];

export const rule: DeploymentRule = {
  id: 'compute-cluster-not-realtime',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'A real-time (online / web service) deployment must not target an Azure ML compute cluster.',
  remediation: 'Point the online deployment at AKS / Azure ML Kubernetes compute or use a managed online endpoint; keep clusters for batch.',
  needs: { compute: true },
  // AKS services always run on some compute: when the file does not name it, the rule says it could not judge it.
  appliesTo: (d) => d.mode === 'realtime' && (d.computeRef !== undefined || d.target === 'aks'),
  check(d, ctx) {
    if (cluster.realtime) return;
    if (!hasResolvedCompute(ctx, d, d.target === 'aks' ? noComputeNamed(d) : undefined)) return;
    if (d.compute.type !== 'amlcompute') return;
    ctx.report(
      d.computeRef.at,
      `${describeDeployment(d)} serves real-time requests but its compute "${d.compute.name}" is an Azure Machine Learning compute cluster; ` +
        `the ${CITE} says compute clusters are for ${cluster.usedFor} with no real-time inference. ` +
        `Fix: target an Azure ML Kubernetes compute (AKS) or use a managed online endpoint (no \`compute\`, set \`instance_type\`), ` +
        `or turn this into a batch deployment.`,
    );
  },
};
