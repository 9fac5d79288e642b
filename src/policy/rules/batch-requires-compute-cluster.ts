import { TARGETS } from '../../catalog/targets.js';
import type { ComputeType } from '../../core/types.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment, keyPath } from '../kit/describe.js';
import { hasResolvedCompute } from '../kit/gaps.js';
import { TABLE, help } from '../kit/help.js';

/** Computes that run v2 batch deployments: clusters (the table's batch row) and Azure ML Kubernetes compute. */
const BATCH_COMPUTES: ReadonlySet<ComputeType> = new Set<ComputeType>(['amlcompute', 'kubernetes']);

const KIND: Record<ComputeType, string> = {
  amlcompute: 'an Azure ML compute cluster',
  kubernetes: 'an Azure ML Kubernetes compute',
  aks: 'a legacy AKS compute (v1 AksCompute attachment)',
  computeinstance: 'a compute instance',
  virtualmachine: 'an attached virtual machine',
};

export const rule: DeploymentRule = {
  id: 'batch-requires-compute-cluster',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'A batch deployment must run on an Azure ML compute cluster or an Azure ML Kubernetes compute.',
  remediation: 'Set `compute:` to an amlCompute cluster (or a kubernetesCompute); create one with `az ml compute create --type amlcompute`.',
  help: help(
    'The compute target table lists Azure ML compute clusters for batch inference; Azure ML Kubernetes compute (v2 `kubernetesCompute`) ' +
      'also runs batch deployments. Legacy AKS attachments run v1 web services only, and compute instances / VMs are not batch endpoint targets.',
    TABLE,
    'MicrosoftDocs/azure-ai-docs `how-to-attach-kubernetes-anywhere.md` @34cf4994 (batch inference on Kubernetes compute)',
  ),
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
      `${describeDeployment(d, 'batch')} runs on "${c.name}", ${KIND[c.type]}: point \`${keyPath(d.computeRef.at.ptr)}\` at an amlCompute cluster ` +
        `(e.g. \`az ml compute create --type amlcompute --name batch-cluster --size Standard_DS3_v2 --max-instances 4\`) or at a kubernetesCompute.`,
    );
  },
};
