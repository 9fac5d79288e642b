import type { Rule } from '../types.js';
import type { ComputeType } from '../../types.js';
import { TARGETS } from '../../catalog/targets.js';
import { CITE, activeDeployments, describeDeployment, hasResolvedCompute, keyPath } from './support.js';

/** Computes that run v2 batch deployments: clusters (the table's batch row) and Azure ML Kubernetes compute. */
const BATCH_COMPUTES: ReadonlySet<ComputeType> = new Set<ComputeType>(['amlcompute', 'kubernetes']);

const KIND: Record<ComputeType, string> = {
  amlcompute: 'an Azure ML compute cluster',
  kubernetes: 'an Azure ML Kubernetes compute',
  aks: 'a legacy AKS compute (v1 AksCompute attachment), which runs v1 web services only',
  computeinstance: 'a compute instance',
  virtualmachine: 'an attached virtual machine',
};

export const rule: Rule = {
  id: 'batch-requires-compute-cluster',
  defaultSeverity: 'error',
  description: 'A batch deployment must run on an Azure ML compute cluster or an Azure ML Kubernetes compute.',
  remediation: 'Set `compute:` to an amlCompute cluster (or a kubernetesCompute); create one with `az ml compute create --type amlcompute`.',
  appliesTo: (d) => d.mode === 'batch' && !d.skipDeployment,
  check(ctx) {
    const cluster = TARGETS['compute-cluster'];
    if (!cluster.batch) return;
    for (const d of activeDeployments(ctx)) {
      if (d.mode !== 'batch' || !d.computeRef) continue;
      if (!hasResolvedCompute(ctx, d)) continue;
      const c = d.compute;
      if (!c || BATCH_COMPUTES.has(c.type)) continue;
      ctx.report(
        d.computeRef.at,
        `${describeDeployment(d, 'batch')} runs on "${c.name}", ${KIND[c.type]}; the ${CITE} lists ${cluster.title} for ${cluster.usedFor} ` +
          `(Azure ML Kubernetes compute also runs v2 batch deployments). ` +
          `Fix: point \`${keyPath(d.computeRef.at.ptr)}\` at an amlCompute cluster ` +
          `(e.g. \`az ml compute create --type amlcompute --name batch-cluster --size Standard_DS3_v2 --max-instances 4\`) or at a kubernetesCompute.`,
      );
    }
  },
};
