// How rule messages name things: deployments, models, SKUs, sizes, keys.
import type { Sku } from '../../catalog/skus.js';
import { pointerSplit } from '../../core/pointer.js';
import { num, plural } from '../../core/text.js';
import type { Deployment } from '../../core/types.js';

export const GIB = 2 ** 30;
/** Floating-point slack for threshold comparisons (1.5 × 2 must equal 3). */
export const EPS = 1e-9;

export { num };

/** `containerResourceRequirements.memoryInGB` for `/containerResourceRequirements/memoryInGB`. */
export function keyPath(ptr: string): string {
  return pointerSplit(ptr).join('.');
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

/** `4 vCPUs, 28 GiB, 1 GPU`. */
export function skuFacts(s: Sku): string {
  const gpu = s.gpus > 0 ? `, ${plural(s.gpus, 'GPU')}` : '';
  return `${plural(s.vcpus, 'vCPU')}, ${num(s.memoryGb)} GiB${gpu}`;
}

/** `Standard_E4s_v3 (4 vCPUs, 32 GiB)`. */
export function skuLabel(s: Sku): string {
  return `${s.name} (${skuFacts(s)})`;
}

/** `` `instance_type: Standard_E4s_v3` (4 vCPUs, 32 GiB) ``: a SKU to write into a managed online deployment. */
export function instanceTypeOf(s: Sku): string {
  return `\`instance_type: ${s.name}\` (${skuFacts(s)})`;
}

export function unknownSku(name: string): string {
  return `unknown SKU ${name}; declare it in \`skus:\``;
}
