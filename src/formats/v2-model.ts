import type { Accelerator, Manifest, ModelInfo } from '../types.js';
import type { Normalised } from './index.js';
import { hasUriScheme, isMapping, isPlaceholder, modelLocalPath, prune, resolveLocal, text, toNumber, valueAt } from './util.js';

/** Tool convention (SPEC §2): model facts declared in `tags` or `properties`. */
export interface DeclaredModelFacts {
  memoryGb?: number;
  sizeBytes?: number;
  accelerator?: Accelerator;
  memorySource?: string;
  sizeSource?: string;
}

export function declaredFacts(m: Manifest, where: string): DeclaredModelFacts {
  const out: DeclaredModelFacts = {};
  for (const block of ['tags', 'properties']) {
    const v = valueAt(m, `/${block}`);
    if (!isMapping(v)) continue;
    const mem = toNumber(v.memory_gb);
    if (out.memoryGb === undefined && mem !== undefined) {
      out.memoryGb = mem;
      out.memorySource = `${block}.memory_gb: ${mem} in ${where}`;
    }
    const size = toNumber(v.model_size_bytes);
    if (out.sizeBytes === undefined && size !== undefined) {
      out.sizeBytes = size;
      out.sizeSource = `${block}.model_size_bytes: ${size} in ${where}`;
    }
    const acc = typeof v.accelerator === 'string' ? v.accelerator.trim().toLowerCase() : undefined;
    if (out.accelerator === undefined && (acc === 'gpu' || acc === 'fpga' || acc === 'none')) out.accelerator = acc;
  }
  return out;
}

/** v2 model YAML (`model.schema.json`). A local `path` is resolved from the manifest's folder. */
export function normaliseV2Model(m: Manifest): Partial<Normalised> {
  const p = text(m, '/path') ?? text(m, '/local_path');
  const rawVersion = valueAt(m, '/version');
  const version =
    (typeof rawVersion === 'string' || typeof rawVersion === 'number') && String(rawVersion).trim() !== '' && !isPlaceholder(rawVersion)
      ? String(rawVersion).trim()
      : undefined;
  const info: ModelInfo = {
    name: text(m, '/name'),
    version,
    type: text(m, '/type')?.toLowerCase() ?? 'custom_model',
    localPath: p !== undefined && !hasUriScheme(p) ? modelLocalPath(resolveLocal(m.file.path, p)) : undefined,
    manifest: m,
    source: 'repo',
    ...declaredFacts(m, m.file.path),
  };
  return { models: [prune(info)] };
}
