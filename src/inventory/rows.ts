// The inventory as the reports list it (SPEC §8): one row per deployment.
import type { SkuCatalog } from '../catalog/skus.js';
import type { ComputeInfo, ComputeRow, Deployment, Endpoint, EndpointRow, InventoryRow, ModelInfo, ModelRow, Ref, RunsOn } from '../core/types.js';

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** `fraud-detector:3`, `fraud-detector@latest` (SPEC §8); registry/ARM ids and local paths as written. */
function refLabel(ref: Ref): string {
  if (ref.external || ref.path !== undefined || !/^azureml:/i.test(ref.raw)) return ref.raw;
  return `${ref.name}${ref.version ? `:${ref.version}` : ''}${ref.label ? `@${ref.label}` : ''}`;
}

/** What the deployment really runs on: a batch deployment pointed at a compute instance runs on that instance. */
function runsOn(d: Deployment): RunsOn {
  if (d.mode === 'batch' && d.compute?.type === 'computeinstance') return 'compute-instance';
  if (d.mode === 'batch' && d.compute?.type === 'virtualmachine') return 'virtual-machine';
  if (d.mode === 'batch' && d.compute?.type === 'aks') return 'aks';
  return d.target;
}

export function inventoryRow(d: Deployment, skus: SkuCatalog): InventoryRow {
  const sku = d.target === 'managed-online' ? skus.get(d.instanceType?.value) : d.target === 'compute-cluster' ? skus.get(d.compute?.vmSize) : undefined;
  const model = d.modelRef
    ? refLabel(d.modelRef)
    : d.model
      ? [d.model.name, d.model.version].filter(Boolean).join(':') || d.model.localPath || null
      : null;
  const memoryGb =
    d.memoryGb?.value ??
    (d.requests?.memory ? round(d.requests.memory.value / 2 ** 30) : undefined) ??
    (sku && sku.memoryGb > 0 ? sku.memoryGb : undefined) ??
    d.defaultMemory?.gb ??
    null;
  return {
    file: d.manifest.file.path,
    line: d.manifest.doc.start.line,
    kind: d.manifest.kind,
    name: d.name ?? d.endpointName ?? null,
    target: runsOn(d),
    stage: d.stage,
    stageSource: d.stageReason,
    mode: d.mode,
    instanceType: d.instanceType?.value ?? d.compute?.vmSize ?? null,
    instances: d.instanceCount?.value ?? d.replicas?.value ?? d.maxReplicas?.value ?? null,
    memoryGb,
    gpus: d.gpu?.value ?? sku?.gpus ?? null,
    model: model || null,
    modelSizeBytes: d.model?.sizeBytes ?? null,
    compute: d.computeRef?.raw ?? null,
    modelResolution: d.modelRef?.resolution ?? (d.model ? 'resolved' : null),
    computeResolution: d.computeRef?.resolution ?? null,
    deployedBy: d.deployedBy.map((e) => ({ ...e, overrides: { ...e.overrides } })),
  };
}

/** Deployments per endpoint name, counted once per deployment list (a row per endpoint stays O(1)). */
const countsByList = new WeakMap<readonly Deployment[], Map<string, number>>();
function deploymentsNaming(name: string, deployments: readonly Deployment[]): number {
  let counts = countsByList.get(deployments);
  if (!counts) {
    counts = new Map();
    for (const d of deployments) if (d.endpointName !== undefined) counts.set(d.endpointName, (counts.get(d.endpointName) ?? 0) + 1);
    countsByList.set(deployments, counts);
  }
  return counts.get(name) ?? 0;
}

export function endpointRow(e: Endpoint, deployments: readonly Deployment[]): EndpointRow {
  return {
    file: e.manifest.file.path,
    line: e.manifest.doc.start.line,
    kind: e.manifest.kind,
    name: e.name ?? null,
    compute: e.computeRef?.raw ?? null,
    computeResolution: e.computeRef?.resolution ?? null,
    deployments: e.name ? deploymentsNaming(e.name, deployments) : 0,
  };
}

/** Where a model or compute is defined: its manifest's file and line, or config (null). */
function origin(x: { manifest?: ModelInfo['manifest'] }): { file: string | null; line: number | null; kind: string } {
  return { file: x.manifest?.file.path ?? null, line: x.manifest?.doc.start.line ?? null, kind: x.manifest?.kind ?? 'config' };
}

/** The listed facts, each `null` when unknown. */
function facts<T extends object, K extends keyof T>(x: T, keys: readonly K[]): { [P in K]-?: Exclude<T[P], undefined> | null } {
  const out = {} as { [P in K]-?: Exclude<T[P], undefined> | null };
  for (const k of keys) (out as Record<K, unknown>)[k] = x[k] ?? null;
  return out;
}

export function modelRow(m: ModelInfo): ModelRow {
  return { ...origin(m), ...facts(m, ['name', 'version', 'type', 'memoryGb', 'sizeBytes', 'accelerator', 'localPath'] as const) };
}

export function computeRow(c: ComputeInfo): ComputeRow {
  return { ...origin(c), name: c.name, type: c.type, ...facts(c, ['vmSize', 'nodes', 'minNodes', 'maxNodes', 'tier', 'purpose'] as const) };
}

/** Rows with a file first (by file and line), then those declared in config (by name). */
export function compareAssetRows(a: { file: string | null; line: number | null; name: string | null }, b: { file: string | null; line: number | null; name: string | null }): number {
  if (a.file !== b.file) return a.file === null ? 1 : b.file === null ? -1 : a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || String(a.name).localeCompare(String(b.name));
}

export function compareRows(a: InventoryRow, b: InventoryRow): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}
