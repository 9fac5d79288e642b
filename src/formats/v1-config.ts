import type { Fact, Manifest, TargetId } from '../types.js';
import type { DraftDeployment, Normalised } from './index.js';
import { anchor, bool, num, parseRef, prune, str } from './util.js';

/** v1 `computeType` (compared case-insensitively, as the v1 CLI does) → target. */
export const V1_COMPUTE_TYPES: Record<string, TargetId> = { aci: 'aci', aks: 'aks', aksendpoint: 'aks', local: 'local' };

/** `computeType` in lower case, or undefined when it is not a string. */
export function v1ComputeType(m: Manifest): string | undefined {
  const v = m.data.computeType;
  return typeof v === 'string' ? v.trim().toLowerCase() : undefined;
}

function positive(f: Fact<number> | undefined): boolean {
  return f !== undefined && f.value > 0;
}

/**
 * v1 deployment config (`az ml model deploy --deploy-config-file`). An unknown `computeType`
 * yields no deployment: the `schema` rule reports it. Omitted sizes stay undefined (the rules apply
 * Azure's defaults and point at `computeType`).
 */
export function normaliseV1Config(m: Manifest): Partial<Normalised> {
  const ct = v1ComputeType(m);
  const target = ct !== undefined && Object.hasOwn(V1_COMPUTE_TYPES, ct) ? V1_COMPUTE_TYPES[ct] : undefined;
  if (!target) return {};
  const gpuCores = num(m, '/gpuCores');
  const crrGpu = num(m, '/containerResourceRequirements/gpu');
  const gpu = positive(gpuCores) ? gpuCores : positive(crrGpu) ? crrGpu : (gpuCores ?? crrGpu);
  const computeName = str(m, '/computeTargetName');
  const d: DraftDeployment = {
    manifest: m,
    target,
    mode: 'realtime',
    targetReason: `computeType: ${String(m.data.computeType).trim()}`,
    targetKey: anchor(m, '/computeType'),
    cpu: num(m, '/containerResourceRequirements/cpu'),
    memoryGb: num(m, '/containerResourceRequirements/memoryInGB'),
    gpu,
    fpga: num(m, '/containerResourceRequirements/fpga'),
    autoscaleEnabled: bool(m, '/autoScaler/autoscaleEnabled'),
    minReplicas: num(m, '/autoScaler/minReplicas'),
    maxReplicas: num(m, '/autoScaler/maxReplicas'),
    replicas: num(m, '/numReplicas'),
    computeRef: computeName ? parseRef(computeName.value, anchor(m, computeName.ptr)) : undefined,
    tags: Object.create(null) as Record<string, string>,
  };
  return { deployments: [prune(d)] };
}
