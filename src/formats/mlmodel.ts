import * as path from 'node:path';
import type { Manifest, ModelInfo } from '../types.js';
import type { Normalised } from './index.js';
import { modelLocalPath, num, prune } from './util.js';

/** MLflow `MLmodel`: the model is the folder holding the file; `model_size_bytes` when MLflow recorded it. */
export function normaliseMlModel(m: Manifest): Partial<Normalised> {
  const size = num(m, '/model_size_bytes');
  const info: ModelInfo = {
    type: 'mlflow_model',
    sizeBytes: size?.value,
    sizeSource: size ? `model_size_bytes: ${size.value} in ${m.file.path}` : undefined,
    localPath: modelLocalPath(path.posix.dirname(m.file.path)),
    manifest: m,
    source: 'repo',
  };
  return { models: [prune(info)] };
}
