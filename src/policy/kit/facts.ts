// Facts rules derive from a deployment and its compute, with the defaults Azure applies.
import { AKS_DEFAULT_NODES, AKS_DEFAULT_SIZE, AML_COMPUTE_DEFAULT_SIZE } from '../../catalog/azure-defaults.js';
import type { Anchor, ComputeInfo, Deployment } from '../../core/types.js';

/**
 * The VM size of a compute, with the defaults Azure applies to repository definitions
 * (amlCompute / aml-compute `amlcluster`: Standard_DS3_v2; `akscluster`: Standard_D3_v2).
 */
export function computeVmSize(c: ComputeInfo): string | undefined {
  if (c.vmSize) return c.vmSize;
  if (c.source !== 'repo') return undefined;
  if (c.type === 'amlcompute') return AML_COMPUTE_DEFAULT_SIZE;
  if (c.type === 'aks') return AKS_DEFAULT_SIZE;
  return undefined;
}

/** AKS node count (aml-compute `agent_count` defaults to 3 in repository definitions). */
export function computeNodes(c: ComputeInfo): number | undefined {
  if (c.nodes !== undefined) return c.nodes;
  if (c.source === 'repo' && c.type === 'aks') return AKS_DEFAULT_NODES;
  return undefined;
}

/** Where a finding about the deployment's model points (SPEC §4: folder-linked files → the target key). */
export function modelAnchor(d: Deployment): Anchor {
  if (d.modelByFolder || !d.modelRef) return d.targetKey;
  return d.modelRef.at;
}

/** GPU / CUDA asked for by name (environment images, tags). */
export function mentionsGpu(s: string | undefined): boolean {
  return s !== undefined && /gpu|cuda/i.test(s);
}

/** GPUs per replica of a service (v1 `gpuCores`, aml-deploy `gpu_cores`, Kubernetes `nvidia.com/gpu`). */
export function gpusPerReplica(d: Deployment): { value: number; at: Anchor } | undefined {
  const f = d.gpu ?? d.limits?.gpu ?? d.requests?.gpu;
  if (f && f.value > 0) return { value: f.value, at: { manifest: f.manifest, ptr: f.ptr } };
  return undefined;
}

/** A v1 AKS web service that autoscales although no key says so (no replica count set). */
export function implicitAutoscale(d: Deployment): boolean {
  return d.scaling?.implicit === true && d.target === 'aks' && d.mode === 'realtime';
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

/** True when memory per instance would come from the compute's VM size (so an unresolved compute blocks memory-headroom). */
export function memoryFromCompute(d: Deployment): boolean {
  if (d.target === 'local' || d.target === 'managed-online' || d.memoryGb || d.requests?.memory) return false;
  return d.defaultMemory === undefined;
}
