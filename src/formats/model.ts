// CLI v2 model YAML (`model.schema.json`, AZURE-ML-FACTS §2d). Model facts the size and memory rules
// need are declared in `tags`/`properties` (a tool convention: `memory_gb`, `model_size_bytes`,
// `accelerator`); a local `path` is resolved from the manifest's folder.
import type { Accelerator, Fields, Manifest, ModelInfo } from '../core/types.js';
import { isMapping } from '../core/pointer.js';
import { define } from './family.js';
import { MODEL_ASSET } from './kit/fields.js';
import { isPlaceholder } from './kit/placeholder.js';
import { hasUriScheme, modelLocalPath, resolveLocal } from './kit/refs.js';
import { map, obj, text, textOrNumber, V2, type Schema } from './kit/schema.js';
import { V2_FAMILY } from './kit/v2.js';
import { prune, text as textAt, toNumber, valueAt } from './kit/values.js';

const KIND = 'model';
const FIELDS: Fields = { $schema: true, ...MODEL_ASSET };

interface DeclaredFacts {
  memoryGb?: number;
  sizeBytes?: number;
  accelerator?: Accelerator;
  memorySource?: string;
  sizeSource?: string;
}

function declaredFacts(m: Manifest): DeclaredFacts {
  const out: DeclaredFacts = {};
  for (const block of ['tags', 'properties']) {
    const v = valueAt(m, `/${block}`);
    if (!isMapping(v)) continue;
    const mem = toNumber(v.memory_gb);
    if (out.memoryGb === undefined && mem !== undefined) {
      out.memoryGb = mem;
      out.memorySource = `${block}.memory_gb: ${mem} in ${m.file.path}`;
    }
    const size = toNumber(v.model_size_bytes);
    if (out.sizeBytes === undefined && size !== undefined) {
      out.sizeBytes = size;
      out.sizeSource = `${block}.model_size_bytes: ${size} in ${m.file.path}`;
    }
    const acc = typeof v.accelerator === 'string' ? v.accelerator.trim().toLowerCase() : undefined;
    if (out.accelerator === undefined && (acc === 'gpu' || acc === 'fpga' || acc === 'none')) out.accelerator = acc;
  }
  return out;
}

function schema(): Schema {
  const f = V2;
  const facts = obj({
    memory_gb: f.pos('It declares the memory the model needs, in GiB.'),
    model_size_bytes: f.int(1),
    accelerator: f.oneOf(['gpu', 'fpga', 'none']),
  });
  return obj({
    name: text,
    version: textOrNumber,
    path: text,
    type: f.oneOf(['custom_model', 'mlflow_model', 'triton_model']),
    description: text,
    tags: facts,
    properties: facts,
    flavors: map,
  });
}

export const model = define({
  id: 'model',
  kinds: [KIND],
  schemas: { model: KIND },
  prefilter: { types: ['custom_model', 'mlflow_model', 'triton_model'] },
  // Without `$schema`: a named asset whose `type` is one of the model types (not any `model.yml`).
  detect: ({ data, type }) =>
    (type === 'custom_model' || type === 'mlflow_model' || type === 'triton_model') && typeof data.name === 'string' && ('path' in data || 'version' in data)
      ? KIND
      : undefined,
  ...V2_FAMILY,
  fields: () => FIELDS,
  schema,
  normalise(m) {
    const p = textAt(m, '/path') ?? textAt(m, '/local_path');
    const rawVersion = valueAt(m, '/version');
    const version =
      (typeof rawVersion === 'string' || typeof rawVersion === 'number') && String(rawVersion).trim() !== '' && !isPlaceholder(rawVersion)
        ? String(rawVersion).trim()
        : undefined;
    const info: ModelInfo = {
      name: textAt(m, '/name'),
      version,
      type: textAt(m, '/type')?.toLowerCase() ?? 'custom_model',
      localPath: p !== undefined && !hasUriScheme(p) ? modelLocalPath(resolveLocal(m.file.path, p)) : undefined,
      manifest: m,
      source: 'repo',
      rank: 0,
      ...declaredFacts(m),
    };
    return { models: [prune(info)] };
  },
});
