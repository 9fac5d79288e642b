import type { Rule } from '../types.js';
import { TARGETS } from '../../catalog/targets.js';
import { CITE, activeDeployments, describeDeployment, hasResolvedCompute, noComputeNamed } from './support.js';

const cluster = TARGETS['compute-cluster'];

export const rule: Rule = {
  id: 'compute-cluster-not-realtime',
  defaultSeverity: 'error',
  description: 'A real-time (online / web service) deployment must not target an Azure ML compute cluster.',
  remediation: 'Point the online deployment at AKS / Azure ML Kubernetes compute or use a managed online endpoint; keep clusters for batch.',
  // AKS services always run on some compute: when the file does not name it, the rule says it could not judge it.
  appliesTo: (d) => d.mode === 'realtime' && (d.computeRef !== undefined || d.target === 'aks') && !d.skipDeployment,
  check(ctx) {
    if (cluster.realtime) return;
    for (const d of activeDeployments(ctx)) {
      if (d.mode !== 'realtime') continue;
      if (!hasResolvedCompute(ctx, d, d.target === 'aks' ? noComputeNamed(d) : undefined)) continue;
      if (d.compute.type !== 'amlcompute') continue;
      ctx.report(
        d.computeRef.at,
        `${describeDeployment(d)} serves real-time requests but its compute "${d.compute.name}" is an Azure Machine Learning compute cluster; ` +
          `the ${CITE} says compute clusters are for ${cluster.usedFor} with no real-time inference. ` +
          `Fix: target an Azure ML Kubernetes compute (AKS) or use a managed online endpoint (no \`compute\`, set \`instance_type\`), ` +
          `or turn this into a batch deployment.`,
      );
    }
  },
};
