// The inventory as the reports list it (SPEC §8): one row per deployment.
import type { SkuCatalog } from '../catalog/skus.js';
import type { Deployment, InventoryRow, Ref } from '../core/types.js';

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** `fraud-detector:3`, `fraud-detector@latest` (SPEC §8); registry/ARM ids and local paths as written. */
function refLabel(ref: Ref): string {
  if (ref.external || ref.path !== undefined || !/^azureml:/i.test(ref.raw)) return ref.raw;
  return `${ref.name}${ref.version ? `:${ref.version}` : ''}${ref.label ? `@${ref.label}` : ''}`;
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
    target: d.target,
    stage: d.stage,
    mode: d.mode,
    instanceType: d.instanceType?.value ?? d.compute?.vmSize ?? null,
    instances: d.instanceCount?.value ?? d.replicas?.value ?? d.maxReplicas?.value ?? null,
    memoryGb,
    gpus: d.gpu?.value ?? sku?.gpus ?? null,
    model: model || null,
    modelSizeBytes: d.model?.sizeBytes ?? null,
    compute: d.computeRef?.raw ?? null,
  };
}

export function compareRows(a: InventoryRow, b: InventoryRow): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}
