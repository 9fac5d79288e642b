import type { Rule } from '../types.js';
import type { Deployment, Ref } from '../../types.js';
import { isUnresolved } from './support.js';
import { rule as aciModelSize } from './aci-model-size.js';
import { memoryFromCompute, rule as memoryHeadroom } from './memory-headroom.js';
import { rule as fpgaRequiresAks } from './fpga-requires-aks.js';
import { rule as gpuBatch } from './gpu-batch-requires-gpu-cluster.js';
import { rule as kubernetesResources } from './kubernetes-resources.js';
import { rule as computeClusterNotRealtime } from './compute-cluster-not-realtime.js';
import { rule as batchRequiresCluster } from './batch-requires-compute-cluster.js';
import { rule as aksProductionCluster } from './aks-production-cluster.js';
import { rule as gpuReplicas } from './gpu-replicas-exceed-cluster.js';
import { rule as lowPriority } from './low-priority-production-batch.js';

/** Rules that read the model's facts / the compute's facts: named in the message when the reference is unresolved. */
const MODEL_RULES = [aciModelSize, memoryHeadroom, fpgaRequiresAks, gpuBatch, kubernetesResources];
const COMPUTE_RULES = [computeClusterNotRealtime, batchRequiresCluster, gpuBatch, aksProductionCluster, gpuReplicas, lowPriority, memoryHeadroom, fpgaRequiresAks];

function blocked(rules: typeof MODEL_RULES, d: Deployment | undefined): string[] {
  return rules.filter((r) => !d || !r.appliesTo || r.appliesTo(d)).map((r) => r.id);
}

function notFound(ref: Ref, what: 'model' | 'compute'): string {
  if (ref.resolution === 'version-mismatch' && ref.versionsFound?.length) {
    const found = ref.versionsFound.join(', ');
    return `${what} reference "${ref.raw}" names version ${ref.version ?? '?'} of "${ref.name}", but the repository only defines version${ref.versionsFound.length > 1 ? 's' : ''} ${found}`;
  }
  return `${what} reference "${ref.raw}" is not defined in the repository or in config \`${what}s:\``;
}

export const rule: Rule = {
  id: 'unresolved-reference',
  defaultSeverity: 'notice',
  description: 'A model or compute reference is found nowhere in the repository or config, so the rules that need its facts cannot run.',
  remediation: 'Declare the model in config `models:` / the compute in `computes:` (or add its YAML to the repository).',
  check(ctx) {
    const seen = new Set<string>();
    const once = (ref: Ref): boolean => {
      const k = `${ref.at.manifest.file.path}\u0000${ref.at.manifest.doc.index}\u0000${ref.at.ptr}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    };
    for (const d of ctx.inventory.deployments) {
      if (d.skipDeployment) continue;
      const mr = d.modelRef;
      if (mr && isUnresolved(mr) && once(mr)) {
        const rules = blocked(MODEL_RULES, d);
        const fix =
          mr.resolution === 'version-mismatch'
            ? `add metadata for version ${mr.version ?? '?'} (a model YAML with \`name: ${mr.name}\` and \`version: ${mr.version ?? '?'}\`), fix the version, or declare it`
            : `add its model YAML to the repository, or declare it`;
        ctx.report(
          mr.at,
          `${notFound(mr, 'model')}, so ${rules.length ? rules.join(', ') : 'the model-based rules'} could not be evaluated for this deployment. ` +
            `Fix: ${fix} in config: \`models: { ${mr.name}: { memory-gb: <GiB>, size-bytes: <bytes>, accelerator: none|gpu|fpga } }\`.`,
        );
      }
      const cr = d.computeRef;
      if (cr && isUnresolved(cr) && once(cr)) {
        // memory-headroom reads the compute only when the file sets no memory of its own.
        const rules = blocked(COMPUTE_RULES, d).filter((id) => id !== memoryHeadroom.id || memoryFromCompute(d));
        const fallback =
          d.manifest.kind === 'amlDeployAction' && cr.at.manifest === d.manifest
            ? ' Note: the aml-deploy action falls back to ACI when `deployment_compute_target` is not an existing AKS compute, so the ACI rules would then apply.'
            : '';
        ctx.report(
          cr.at,
          `${notFound(cr, 'compute')}, so ${rules.length ? rules.join(', ') : 'the compute-based rules'} could not be evaluated for this deployment. ` +
            `Fix: add its compute YAML to the repository, or declare it in config: ` +
            `\`computes: { ${cr.name}: { type: amlcompute|kubernetes|aks, vm-size: <SKU>, nodes: <n> } }\`.${fallback}`,
        );
      }
    }
    for (const e of ctx.inventory.endpoints) {
      const cr = e.computeRef;
      if (!cr || !isUnresolved(cr) || !once(cr)) continue;
      ctx.report(
        cr.at,
        `${notFound(cr, 'compute')}, so ${blocked(COMPUTE_RULES, undefined).join(', ')} could not be evaluated for the deployments of this endpoint. ` +
          `Fix: add the kubernetesCompute YAML to the repository, or declare it in config: \`computes: { ${cr.name}: { type: kubernetes, vm-size: <SKU>, nodes: <n> } }\`.`,
      );
    }
  },
};
