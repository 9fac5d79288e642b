import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/formats/recognise.js';
import { manifestsOf } from '../harness.js';

describe('models', () => {
  it('MLmodel: size from model_size_bytes, model folder as local path, no name', () => {
    const m = normalise(manifestsOf('a/b/MLmodel', 'flavors:\n  python_function: {}\nmodel_size_bytes: 1234\n')).models[0];
    expect(m).toMatchObject({ type: 'mlflow_model', sizeBytes: 1234, localPath: 'a/b', source: 'repo' });
    expect(m.name).toBeUndefined();
  });
});
