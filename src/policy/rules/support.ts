// Small helpers shared by the rule modules: anchors, labels, number formatting, fact lookups.
// Not a rule itself (index.ts does not register it).
import type { Anchor, ComputeInfo, Deployment, Manifest, ModelInfo, Ref, TargetId } from '../../types.js';
import type { Rule, RuleContext } from '../types.js';
import type { Sku } from '../../catalog/skus.js';
import { TABLE_SOURCE, TARGETS } from '../../catalog/targets.js';
import { pointerJoin, pointerSplit } from '../../load/source.js';

export const GIB = 2 ** 30;
export const CITE = TABLE_SOURCE;
/** Floating-point slack for threshold comparisons (1.5 × 2 must equal 3). */
export const EPS = 1e-9;

/** Deployments that actually deploy something (aml-deploy `skip_deployment: true` builds only an image). */
export function activeDeployments(ctx: RuleContext): Deployment[] {
  return ctx.inventory.deployments.filter((d) => !d.skipDeployment);
}

/** `containerResourceRequirements.memoryInGB` for `/containerResourceRequirements/memoryInGB`. */
export function keyPath(ptr: string): string {
  return pointerSplit(ptr).join('.');
}

/** Up to two decimals, no trailing zeros: 0.5, 47.9, 1.33. */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Round up to one decimal (a value to write into a manifest), never below `n`. */
export function ceil1(n: number): number {
  return Math.ceil(n * 10 - EPS) / 10;
}

export function gib(bytes: number): string {
  return `${num(bytes / GIB)} GiB`;
}

/** `deployment "blue"`, or `the deployment in path` when it has no name; `adjective` goes before "deployment". */
export function describeDeployment(d: Deployment, adjective?: string): string {
  const what = adjective ? `${adjective} deployment` : 'deployment';
  if (d.name) return `${what} "${d.name}"`;
  return `the ${what} in ${d.manifest.file.path}`;
}

export function describeModel(d: Deployment): string {
  const m = d.model;
  if (m?.name) return m.version ? `model "${m.name}:${m.version}"` : `model "${m.name}"`;
  if (d.modelRef) return `model "${d.modelRef.raw}"`;
  if (m?.localPath) return `the model at ${m.localPath}`;
  return 'the linked model';
}

/** Where a finding about the deployment's model points (SPEC §4: folder-linked files → the target key). */
export function modelAnchor(d: Deployment): Anchor {
  if (d.modelByFolder || !d.modelRef) return d.targetKey;
  return d.modelRef.at;
}

/**
 * Why the model rules cannot run for a v1 config / aml-deploy file that is linked to no model
 * (they name none; SPEC §2 links them to the single model metadata file of their folder).
 */
export function unlinkedModel(d: Deployment): string | undefined {
  if (d.model || d.modelRef) return undefined;
  if (d.manifest.kind !== 'v1DeploymentConfig' && d.manifest.kind !== 'amlDeployAction') return undefined;
  return (
    'the file names no model (the model is given on the command line or by the workflow) and its folder does not hold exactly one model metadata file ' +
    '(model YAML, MLmodel or aml-registermodel file); put the model\'s metadata next to it'
  );
}

export function isUnresolved(ref: Ref | undefined): boolean {
  return ref?.resolution === 'missing' || ref?.resolution === 'version-mismatch';
}

/** Why a reference-based rule could not run for this deployment, or undefined when it can. */
export function computeGap(d: Deployment): string | undefined {
  if (d.compute) return undefined;
  const ref = d.computeRef;
  if (!ref) return undefined;
  if (ref.resolution === 'external') {
    return `compute "${ref.raw}" is defined outside the repository; declare its facts in config \`computes:\``;
  }
  return `compute reference "${ref.raw}" is not resolved; declare it in config \`computes:\``;
}

export function modelGap(d: Deployment): string | undefined {
  if (d.model) return undefined;
  const ref = d.modelRef;
  if (!ref) return undefined;
  if (ref.resolution === 'external') {
    return `model "${ref.raw}" is registered outside the repository; declare its facts in config \`models:\``;
  }
  return `model reference "${ref.raw}" is not resolved; declare it in config \`models:\``;
}

/**
 * The VM size of a compute, with the defaults Azure applies to repository definitions
 * (amlCompute / aml-compute `amlcluster`: Standard_DS3_v2; `akscluster`: Standard_D3_v2).
 */
export function computeVmSize(c: ComputeInfo): string | undefined {
  if (c.vmSize) return c.vmSize;
  if (c.source !== 'repo') return undefined;
  if (c.type === 'amlcompute') return 'Standard_DS3_v2';
  if (c.type === 'aks') return 'Standard_D3_v2';
  return undefined;
}

/** AKS node count (aml-compute `agent_count` defaults to 3 in repository definitions). */
export function computeNodes(c: ComputeInfo): number | undefined {
  if (c.nodes !== undefined) return c.nodes;
  if (c.source === 'repo' && c.type === 'aks') return 3;
  return undefined;
}

export function unknownSku(name: string): string {
  return `unknown SKU ${name}; declare it in \`skus:\``;
}

export function skuLabel(s: Sku): string {
  const gpu = s.gpus > 0 ? `, ${s.gpus} GPU${s.gpus > 1 ? 's' : ''}` : '';
  return `${s.name} (${s.vcpus} vCPU${s.vcpus === 1 ? '' : 's'}, ${num(s.memoryGb)} GiB${gpu})`;
}

/** Numeric value of a key in a manifest's data (`/a/b`), if it is a finite number. */
export function numberAt(m: Manifest, ptr: string): number | undefined {
  const v = valueAt(m, ptr);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function valueAt(m: Manifest, ptr: string): unknown {
  let cur: unknown = m.data;
  for (const seg of pointerSplit(ptr)) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    const obj = cur as Record<string, unknown>;
    if (!(seg in obj)) return undefined;
    cur = obj[seg];
  }
  return cur;
}

/** Pointer of the document's first key: where file-level findings of key-less families point. */
export function firstKey(m: Manifest): string {
  const keys = Object.keys(m.data);
  return keys.length > 0 ? pointerJoin('', keys[0]) : '';
}

/** The key that names the target: `computeType` for v1 configs, else the first key. */
export function targetKeyOf(m: Manifest): string {
  if (m.kind === 'v1DeploymentConfig') {
    const k = Object.keys(m.data).find((x) => x === 'computeType') ?? Object.keys(m.data).find((x) => x.toLowerCase() === 'computetype');
    if (k) return pointerJoin('', k);
  }
  return firstKey(m);
}

/** GPU / CUDA asked for by name (environment images, tags). */
export function mentionsGpu(s: string | undefined): boolean {
  return s !== undefined && /gpu|cuda/i.test(s);
}

/** Keys that ask for a GPU on a v1 config or an aml-deploy file, with value > 0 / true. */
export function gpuAsks(d: Deployment): Anchor[] {
  const out: Anchor[] = [];
  const seen = new Set<string>();
  const add = (ptr: string): void => {
    if (seen.has(ptr)) return;
    seen.add(ptr);
    out.push({ manifest: d.manifest, ptr });
  };
  if (d.gpu && d.gpu.value > 0 && d.gpu.manifest === d.manifest) add(d.gpu.ptr);
  const m = d.manifest;
  if (m.kind === 'v1DeploymentConfig') {
    for (const ptr of ['/gpuCores', '/containerResourceRequirements/gpu']) {
      const v = numberAt(m, ptr);
      if (v !== undefined && v > 0) add(ptr);
    }
  } else if (m.kind === 'amlDeployAction') {
    if (valueAt(m, '/enable_gpu') === true) add('/enable_gpu');
    const v = numberAt(m, '/gpu_cores');
    if (v !== undefined && v > 0) add('/gpu_cores');
  }
  return out;
}

/** GPUs per replica of a service (v1 `gpuCores`, aml-deploy `gpu_cores`, Kubernetes `nvidia.com/gpu`). */
export function gpusPerReplica(d: Deployment): { value: number; at: Anchor } | undefined {
  const f = d.gpu ?? d.limits?.gpu ?? d.requests?.gpu;
  if (f && f.value > 0) return { value: f.value, at: { manifest: f.manifest, ptr: f.ptr } };
  return undefined;
}

/**
 * A v1 AKS web service (v1 config or aml-deploy) that autoscales although no key says so: the v1
 * SDK enables autoscale when `numReplicas` / `num_replicas` is unset (AZURE-ML-FACTS §2a, max 10).
 */
export function implicitAutoscale(d: Deployment): boolean {
  const v1Family = d.manifest.kind === 'v1DeploymentConfig' || d.manifest.kind === 'amlDeployAction';
  return v1Family && d.target === 'aks' && d.mode === 'realtime' && d.autoscaleEnabled === undefined && d.replicas === undefined;
}

/** True when the deployment runs more than one replica/instance (or may, by autoscale). */
export function scalesOut(d: Deployment): boolean {
  return (
    (d.instanceCount?.value ?? 0) > 1 ||
    (d.replicas?.value ?? 0) > 1 ||
    (d.maxReplicas?.value ?? 0) > 1 ||
    d.autoscaleEnabled?.value === true ||
    implicitAutoscale(d)
  );
}

/** Why a real-time AKS deployment names no compute, per family (for `skipped`). */
export function noComputeNamed(d: Deployment): string {
  if (d.manifest.kind === 'kubernetesOnlineDeployment') {
    return (
      `its compute comes from its Kubernetes endpoint${d.endpointName ? ` "${d.endpointName}"` : ''}, which is not in the repository or names no \`compute\`; ` +
      'add the kubernetesOnlineEndpoint YAML with `compute: azureml:<name>`'
    );
  }
  return 'no AKS compute is named in the file (it is given on the command line); set `computeTargetName` and define that compute in the repository or in config `computes:`';
}

/** The v2 replacement to name in messages, by v1 target. */
export function productionAlternative(): string {
  return 'deploy production traffic to a managed online endpoint (v2 `managedOnlineDeployment` with `instance_count` ≥ 3) or to AKS / Azure ML Kubernetes compute';
}

/**
 * Whether the deployment's compute is resolved; if not, records why a compute-based rule cannot
 * judge it (no compute named — only when `unnamed` says why that matters —, an unresolved or
 * external reference).
 */
export function hasResolvedCompute(
  ctx: RuleContext,
  d: Deployment,
  unnamed?: string,
): d is Deployment & { computeRef: Ref; compute: ComputeInfo } {
  if (!d.computeRef) {
    if (unnamed) ctx.skip(d, unnamed);
    return false;
  }
  const gap = computeGap(d);
  if (gap) {
    ctx.skip(d, gap);
    return false;
  }
  return d.compute !== undefined;
}

/**
 * A rule for a target the table lists for testing/development only (`stages: nonproduction`):
 * fires on production deployments to it, at `computeType` / the file's first key.
 */
export function notForProductionRule(
  target: TargetId,
  meta: Pick<Rule, 'id' | 'description' | 'remediation'>,
  what: (d: Deployment, title: string) => string,
): Rule {
  const row = TARGETS[target];
  return {
    ...meta,
    defaultSeverity: 'error',
    stageDependent: true,
    appliesTo: (d) => d.target === row.id && !d.skipDeployment,
    check(ctx) {
      if (row.stages !== 'nonproduction') return;
      for (const d of activeDeployments(ctx)) {
        if (d.target !== row.id || d.stage !== 'production') continue;
        ctx.report(
          d.targetKey,
          `${what(d, row.title)}, which the ${CITE} lists for ${row.usedFor} only ` +
            `(${row.description}), but its stage is production (${d.stageReason}). ` +
            `Fix: ${productionAlternative()}, or move this file under a dev/test path.`,
        );
      }
    },
  };
}

/**
 * Whether the deployment has a model whose facts can be judged; if not, records why (unresolved or
 * external reference, or a v1/aml-deploy file linked to no model).
 */
export function hasLinkedModel(ctx: RuleContext, d: Deployment): d is Deployment & { model: ModelInfo } {
  const gap = modelGap(d);
  if (gap) {
    ctx.skip(d, gap);
    return false;
  }
  if (!d.model) {
    const why = unlinkedModel(d);
    if (why) ctx.skip(d, why);
    return false;
  }
  return true;
}
