import { TARGETS } from '../../catalog/targets.js';
import type { ComputeType } from '../../core/types.js';
import type { DeploymentRule } from '../rule.js';
import { CITE, describeDeployment, keyPath } from '../kit/describe.js';
import { hasResolvedCompute } from '../kit/gaps.js';

/** Computes that run v2 batch deployments: clusters (the table's batch row) and Azure ML Kubernetes compute. */
const BATCH_COMPUTES: ReadonlySet<ComputeType> = new Set<ComputeType>(['amlcompute', 'kubernetes']);

const KIND: Record<ComputeType, string> = {
  amlcompute: 'an Azure ML compute cluster',
  kubernetes: 'an Azure ML Kubernetes compute',
  aks: 'a legacy AKS compute (v1 AksCompute attachment), which runs v1 web services only',
  computeinstance: 'a compute instance',
  virtualmachine: 'an attached virtual machine',
};

export const rule: DeploymentRule = {
  id: 'batch-requires-compute-cluster',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'A batch deployment must run on an Azure ML compute cluster or an Azure ML Kubernetes compute.',
  remediation: 'Set `compute:` to an amlCompute cluster (or a kubernetesCompute); create one with `az ml compute create --type amlcompute`.',
  needs: { compute: true },
  appliesTo: (d) => d.mode === 'batch',
  check(d, ctx) {
    const cluster = TARGETS['compute-cluster'];
    if (!cluster.batch || !d.computeRef) return;
    if (!hasResolvedCompute(ctx, d)) return;
    const c = d.compute;
    if (BATCH_COMPUTES.has(c.type)) return;
    ctx.report(
      d.computeRef.at,
      `${describeDeployment(d, 'batch')} runs on "${c.name}", ${KIND[c.type]}; the ${CITE} lists ${cluster.title} for ${cluster.usedFor} ` +
        `(Azure ML Kubernetes compute also runs v2 batch deployments). ` +
        `Fix: point \`${keyPath(d.computeRef.at.ptr)}\` at an amlCompute cluster ` +
        `(e.g. \`az ml compute create --type amlcompute --name batch-cluster --size Standard_DS3_v2 --max-instances 4\`) or at a kubernetesCompute.`,
    );
  },
};
