// MLflow `MLmodel` (a YAML file of that name at the model folder's root, AZURE-ML-FACTS §2d): the
// model is the folder holding the file; `model_size_bytes` when MLflow recorded it.
import * as path from 'node:path';
import type { Fields, ModelInfo } from '../core/types.js';
import { define } from './family.js';
import { leaves } from './kit/fields.js';
import { modelLocalPath } from './kit/refs.js';
import { map, obj, V2, type Schema } from './kit/schema.js';
import { V2_FAMILY } from './kit/v2.js';
import { num, prune } from './kit/values.js';

const KIND = 'mlflowModel';
const FILE_NAME = 'MLmodel';

const FIELDS: Fields = {
  ...leaves(
    'artifact_path', 'run_id', 'model_uuid', 'utc_time_created', 'mlflow_version', 'saved_input_example_info',
    'model_size_bytes', 'databricks_runtime', 'model_id', 'name', 'source_run_id', 'prompts', 'env_vars',
    'auth_policy', 'type', 'source_type',
  ),
  flavors: 'map',
  signature: leaves('inputs', 'outputs', 'params'),
  metadata: 'map',
  resources: 'map',
  $schema: true,
};

function schema(): Schema {
  return obj({ flavors: map, model_size_bytes: V2.int(1), signature: map, metadata: map });
}

export const mlflowModel = define({
  id: 'mlflow-model',
  kinds: [KIND],
  prefilter: { fileNames: [FILE_NAME] },
  detectFirst: true,
  detect: ({ path: p, data }) => (path.posix.basename(p) === FILE_NAME && 'flavors' in data ? KIND : undefined),
  ...V2_FAMILY,
  label: () => 'MLmodel file',
  unknownKeyEffect: 'kept by MLflow but read by neither MLflow nor Azure ML',
  fields: () => FIELDS,
  schema,
  normalise(m) {
    const size = num(m, '/model_size_bytes');
    const info: ModelInfo = {
      type: 'mlflow_model',
      sizeBytes: size?.value,
      sizeSource: size ? `model_size_bytes: ${size.value} in ${m.file.path}` : undefined,
      localPath: modelLocalPath(path.posix.dirname(m.file.path)),
      manifest: m,
      source: 'repo',
      rank: 2,
    };
    return { models: [prune(info)] };
  },
});
