import type { Rule } from '../types.js';
import type { Anchor, Deployment } from '../../types.js';
import { CITE, activeDeployments, computeNodes, computeVmSize, describeDeployment, gpusPerReplica, hasResolvedCompute, keyPath, unknownSku } from './support.js';

/** azureml-fe's autoscale maximum when `autoScaler.maxReplicas` / `autoscale_max_replicas` is not set. */
const DEFAULT_AUTOSCALE_MAX = 10;

function isAksGpuService(d: Deployment): boolean {
  return d.target === 'aks' && d.mode === 'realtime' && gpusPerReplica(d) !== undefined;
}

/** The most replicas the service can run, and the key that sets it. */
function replicaCeiling(d: Deployment): { count: number; at: Anchor; what: string } {
  const at = (f: { manifest: Deployment['manifest']; ptr: string }): Anchor => ({ manifest: f.manifest, ptr: f.ptr });
  if (d.autoscaleEnabled?.value === true) {
    if (d.maxReplicas) return { count: d.maxReplicas.value, at: at(d.maxReplicas), what: `autoscale maximum \`${keyPath(d.maxReplicas.ptr)}: ${d.maxReplicas.value}\`` };
    return { count: DEFAULT_AUTOSCALE_MAX, at: at(d.autoscaleEnabled), what: `autoscale maximum (default ${DEFAULT_AUTOSCALE_MAX})` };
  }
  for (const f of [d.replicas, d.instanceCount, d.maxReplicas]) {
    if (f) return { count: f.value, at: at(f), what: `\`${keyPath(f.ptr)}: ${f.value}\`` };
  }
  return { count: 1, at: d.targetKey, what: 'one replica' };
}

export const rule: Rule = {
  id: 'gpu-replicas-exceed-cluster',
  defaultSeverity: 'error',
  description: "An AKS GPU service cannot run more GPU replicas than the cluster has GPUs (pods cannot share GPUs), nor more GPUs per replica than one node has.",
  remediation: 'Cap replicas (or autoscale max) at cluster GPUs ÷ GPUs per replica, or add GPU nodes.',
  appliesTo: (d) => isAksGpuService(d) && !d.skipDeployment,
  check(ctx) {
    for (const d of activeDeployments(ctx)) {
      const g = gpusPerReplica(d);
      if (d.target !== 'aks' || d.mode !== 'realtime' || !g) continue;
      if (!hasResolvedCompute(ctx, d, 'no AKS compute is named in the file; set `computeTargetName` / `compute` or declare it in config `computes:`')) continue;
      const c = d.compute;
      if (!c) continue;
      const size = computeVmSize(c);
      const nodes = computeNodes(c);
      if (!size || nodes === undefined) {
        ctx.skip(d, `the VM size or node count of compute "${c.name}" is unknown; declare \`vm-size\` and \`nodes\` in config \`computes:\``);
        continue;
      }
      const sku = ctx.skus.get(size);
      if (!sku) {
        ctx.skip(d, unknownSku(size));
        continue;
      }
      const clusterGpus = nodes * sku.gpus;
      if (g.value > sku.gpus) {
        ctx.report(
          g.at,
          `${describeDeployment(d)} asks for ${g.value} GPU${g.value === 1 ? '' : 's'} per replica (\`${keyPath(g.at.ptr)}\`), but each node of compute "${c.name}" ` +
            `(${sku.name}) has ${sku.gpus}; a pod runs on one node, so no replica can be scheduled. ` +
            `The ${CITE} serves GPU web services from AKS clusters created with a GPU VM size. ` +
            `Fix: ask for at most ${sku.gpus} GPU${sku.gpus === 1 ? '' : 's'} per replica, or use a cluster whose VM size has ${g.value} or more GPUs per node.`,
        );
        continue;
      }
      const r = replicaCeiling(d);
      if (r.count * g.value <= clusterGpus) continue;
      const maxReplicas = Math.floor(clusterGpus / g.value);
      ctx.report(
        r.at,
        `${describeDeployment(d)} can run ${r.count} replica${r.count === 1 ? '' : 's'} (${r.what}) × ${g.value} GPU = ${r.count * g.value} GPUs, ` +
          `but compute "${c.name}" has ${nodes} × ${sku.gpus} (${sku.name}) = ${clusterGpus} GPUs, and AKS pods cannot share a GPU; ` +
          `the extra replicas stay pending. The ${CITE} serves GPU web services from AKS. ` +
          `Fix: limit replicas to ${maxReplicas}, or add GPU nodes to the cluster (${Math.ceil((r.count * g.value) / Math.max(sku.gpus, 1))} nodes of ${sku.name}).`,
      );
    }
  },
};
