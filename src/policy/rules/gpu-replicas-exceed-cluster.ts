import { V1_DEFAULT_AUTOSCALE_MAX } from '../../catalog/azure-defaults.js';
import type { Anchor, Deployment } from '../../core/types.js';
import type { DeploymentRule } from '../rule.js';
import { plural } from '../../core/text.js';
import { describeDeployment, keyPath, unknownSku } from '../kit/describe.js';
import { computeNodes, computeVmSize, gpusPerReplica, implicitAutoscale } from '../kit/facts.js';
import { hasResolvedCompute, noComputeNamed } from '../kit/gaps.js';
import { help } from '../kit/help.js';

function isAksGpuService(d: Deployment): boolean {
  return d.target === 'aks' && d.mode === 'realtime' && gpusPerReplica(d) !== undefined;
}

/** The most replicas the service can run, the key a finding points at, and the key to change. */
function replicaCeiling(d: Deployment): { count: number; at: Anchor; what: string; set: string } {
  const at = (f: { manifest: Deployment['manifest']; ptr: string }): Anchor => ({ manifest: f.manifest, ptr: f.ptr });
  const maxKey = d.scaling?.maxKey ?? 'the autoscale maximum';
  const implicit = implicitAutoscale(d);
  if (d.autoscaleEnabled?.value === true || implicit) {
    if (d.maxReplicas) {
      const f = d.maxReplicas;
      return { count: f.value, at: at(f), what: `autoscale maximum \`${keyPath(f.ptr)}: ${f.value}\``, set: `\`${keyPath(f.ptr)}\`` };
    }
    const dflt = d.scaling?.defaultMax ?? V1_DEFAULT_AUTOSCALE_MAX;
    if (implicit) {
      // v1 autoscales when no replica count is set (AZURE-ML-FACTS §2a): nothing in the file says so.
      const replicasKey = d.scaling?.replicasKey ?? 'the replica count';
      return {
        count: dflt,
        at: d.targetKey,
        what: `no \`${replicasKey}\`, so Azure autoscales it up to the default maximum of ${dflt}`,
        set: `\`${maxKey}\` (or \`${replicasKey}\`)`,
      };
    }
    return { count: dflt, at: d.autoscaleEnabled ? at(d.autoscaleEnabled) : d.targetKey, what: `autoscale maximum (default ${dflt})`, set: `\`${maxKey}\`` };
  }
  for (const f of [d.replicas, d.instanceCount, d.maxReplicas]) {
    if (f) return { count: f.value, at: at(f), what: `\`${keyPath(f.ptr)}: ${f.value}\``, set: `\`${keyPath(f.ptr)}\`` };
  }
  return { count: 1, at: d.targetKey, what: 'one replica', set: 'the replica count' };
}

export const rule: DeploymentRule = {
  id: 'gpu-replicas-exceed-cluster',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: "An AKS GPU service cannot run more GPU replicas than the cluster has GPUs (pods cannot share GPUs), nor more GPUs per replica than one node has.",
  remediation: 'Cap replicas (or autoscale max) at cluster GPUs ÷ GPUs per replica, or add GPU nodes.',
  help: help(
    'AKS does not let pods share a GPU, so a GPU service can run at most as many replicas as the cluster has GPUs; a pod runs on one ' +
      'node, so it cannot use more GPUs than one node has. Extra replicas stay pending and autoscaling stalls. The compute target table ' +
      'serves GPU web services from AKS clusters created with a GPU VM size.',
    'Azure ML "Deploy a model for inference with GPU" (`v1/how-to-deploy-inferencing-gpus.md`, 2022-11-16)',
  ),
  needs: { compute: true },
  appliesTo: isAksGpuService,
  check(d, ctx) {
    const g = gpusPerReplica(d);
    if (!g || !hasResolvedCompute(ctx, d, noComputeNamed(d))) return;
    const c = d.compute;
    const size = computeVmSize(c);
    const nodes = computeNodes(c);
    if (!size || nodes === undefined) {
      ctx.skip(d, `the VM size or node count of compute "${c.name}" is unknown; declare \`vm-size\` and \`nodes\` in config \`computes:\``);
      return;
    }
    const sku = ctx.skus.get(size);
    if (!sku) {
      ctx.skip(d, unknownSku(size));
      return;
    }
    const clusterGpus = nodes * sku.gpus;
    if (g.value > sku.gpus) {
      ctx.report(
        g.at,
        `${describeDeployment(d)} asks for ${plural(g.value, 'GPU')} per replica (\`${keyPath(g.at.ptr)}\`), but each node of compute "${c.name}" ` +
          `(${sku.name}) has ${sku.gpus}, so no replica can be scheduled: ` +
          `${sku.gpus > 0 ? `ask for at most ${plural(sku.gpus, 'GPU')} per replica, or ` : ''}use a cluster whose VM size has ${g.value} or more GPUs per node.`,
      );
      return;
    }
    const r = replicaCeiling(d);
    if (r.count * g.value <= clusterGpus) return;
    const maxReplicas = Math.floor(clusterGpus / g.value);
    ctx.report(
      r.at,
      `${describeDeployment(d)} can run ${plural(r.count, 'replica')} (${r.what}) × ${g.value} GPU = ${r.count * g.value} GPUs, ` +
        `but compute "${c.name}" has ${nodes} × ${sku.gpus} (${sku.name}) = ${clusterGpus} GPUs: ` +
        `set ${r.set} to ${maxReplicas} or less, or add GPU nodes to the cluster (${Math.ceil((r.count * g.value) / Math.max(sku.gpus, 1))} nodes of ${sku.name}).`,
    );
  },
};
