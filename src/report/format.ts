// Cell formatting shared by the text and markdown reports.
import { plural } from '../core/text.js';
import type { InventoryRow, Summary } from '../core/types.js';

export { plural };

/** `3 errors, 5 warnings, 1 notice` */
export function counts(s: Summary): string {
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notices, 'notice')}`;
}

/** Binary units, as Azure's GB (GiB) and the rest of the product. */
export function bytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${Math.round(v * 100) / 100} ${units[i]}`;
}

export function modeLabel(r: InventoryRow): string {
  return r.mode === 'realtime' ? 'real-time' : 'batch';
}

/** `Standard_DS3_v2 × 3`, `× 2` (count without SKU), `Standard_F4s_v2`, or empty. */
export function skuCell(r: InventoryRow): string {
  if (r.instanceType && r.instances !== null) return `${r.instanceType} × ${r.instances}`;
  if (r.instanceType) return r.instanceType;
  if (r.instances !== null) return `× ${r.instances}`;
  return '';
}

export function memoryCell(r: InventoryRow): string {
  return r.memoryGb === null ? '' : `${Math.round(r.memoryGb * 1000) / 1000} GiB`;
}

export function modelCell(r: InventoryRow): string {
  if (r.model === null && r.modelSizeBytes === null) return '';
  const size = r.modelSizeBytes === null ? '' : bytes(r.modelSizeBytes);
  if (r.model === null) return size;
  return size ? `${r.model} (${size})` : r.model;
}

export function gpuCell(r: InventoryRow): string {
  return r.gpus === null ? '' : r.gpus === 0 ? 'no' : String(r.gpus);
}
