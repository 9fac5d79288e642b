import { TARGETS } from '../../catalog/targets.js';
import type { Deployment } from '../../core/types.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment, keyPath, skuLabel, unknownSku } from '../kit/describe.js';
import { computeVmSize, mentionsGpu } from '../kit/facts.js';
import { hasResolvedCompute, modelGap } from '../kit/gaps.js';
import { TABLE, help } from '../kit/help.js';

/** Why this batch deployment needs a GPU, or undefined. */
export function gpuNeed(d: Deployment): string | undefined {
  for (const [k, v] of Object.entries(d.tags)) {
    if (k.toLowerCase() === 'device_acceleration' && mentionsGpu(v)) return `tag \`${k}: ${v}\``;
  }
  if (d.environmentImage && mentionsGpu(d.environmentImage.value)) return `the GPU environment "${d.environmentImage.value}"`;
  if (d.model?.accelerator === 'gpu') return `the model's \`accelerator: gpu\``;
  return undefined;
}

export const rule: DeploymentRule = {
  id: 'gpu-batch-requires-gpu-cluster',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'A batch deployment that needs a GPU must run on a compute cluster with a GPU VM size.',
  remediation: 'Point `compute:` at an amlCompute cluster whose `size` is an N-series SKU (e.g. Standard_NC6s_v3).',
  help: help(
    'The compute target table: GPU inference when scoring with a pipeline (batch) is available only on Azure ML compute clusters — ' +
      'with a GPU VM size. On a CPU cluster the job falls back to CPU or fails.',
    TABLE,
  ),
  needs: { model: true, compute: true },
  appliesTo: (d) => d.mode === 'batch',
  check(d, ctx) {
    const cluster = TARGETS['compute-cluster'];
    if (!cluster.gpu || !d.computeRef) return;
    const need = gpuNeed(d);
    if (!need) {
      // The accelerator may be declared on a model we cannot see.
      const mg = modelGap(d);
      if (mg) ctx.skip(d, mg);
      return;
    }
    if (!hasResolvedCompute(ctx, d)) return;
    const c = d.compute;
    if (c.type !== 'amlcompute') return;
    const size = computeVmSize(c);
    if (!size) {
      ctx.skip(d, `the VM size of compute "${c.name}" is unknown; declare \`vm-size\` in config \`computes:\``);
      return;
    }
    const sku = ctx.skus.get(size);
    if (!sku) {
      ctx.skip(d, unknownSku(size));
      return;
    }
    if (sku.gpus > 0) return;
    const alt = ctx.skus.smallestWith(sku.memoryGb, { gpu: true });
    ctx.report(
      d.computeRef.at,
      `${describeDeployment(d, 'batch')} needs a GPU (${need}) but compute cluster "${c.name}" uses ${skuLabel(sku)}, a CPU-only size: ` +
        `point \`${keyPath(d.computeRef.at.ptr)}\` at a cluster created with a GPU size${alt ? ` such as ${skuLabel(alt)}` : ''}, or remove the GPU requirement.`,
    );
  },
};
