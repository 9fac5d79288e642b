import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/formats/recognise.js';
import { manifestsOf } from '../harness.js';

describe('aml-registermodel', () => {
  it('a registermodel.json is a v1 model record with its name and declared memory', () => {
    const ms = manifestsOf('.cloud/.azure/registermodel.json', '{\n  "model_name": "fraud",\n  "model_file_name": "model.pkl",\n  "memory_gb": 2.5\n}\n');
    expect(ms.map((m) => m.kind)).toEqual(['amlRegisterModelAction']);
    expect(ms[0].family.v1).toBe(true);
    const [model] = normalise(ms).models;
    expect(model).toMatchObject({ name: 'fraud', memoryGb: 2.5, source: 'repo' });
    expect(model.memorySource).toContain('memory_gb: 2.5');
  });

  it('without memory_gb the model declares no memory', () => {
    const [model] = normalise(manifestsOf('r.json', '{"model_file_name": "m.onnx"}')).models;
    expect(model.memoryGb).toBeUndefined();
    expect(model.name).toBeUndefined();
  });
});
