import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/formats/recognise.js';
import { manifestsOf } from '../harness.js';

describe('models', () => {
  it('v2 model: version as text, declared facts from tags/properties, URI paths are not local', () => {
    const m = normalise(manifestsOf('models/fraud/model.yml', [
      '$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json',
      'name: fraud',
      'version: 3',
      'path: ./weights',
      'tags:',
      '  memory_gb: "12"',
      '  accelerator: GPU',
      'properties:',
      '  model_size_bytes: 2500000000',
      '',
    ].join('\n'))).models[0];
    expect(m).toMatchObject({ name: 'fraud', version: '3', memoryGb: 12, accelerator: 'gpu', sizeBytes: 2.5e9, localPath: 'models/fraud/weights', type: 'custom_model' });
    expect(m.memorySource).toContain('tags.memory_gb');
    const remote = normalise(manifestsOf('m.yml', 'type: x\n$schema: https://h/model.schema.json\nname: r\npath: azureml://datastores/d/paths/m\n')).models[0];
    expect(remote.localPath).toBeUndefined();
  });
});
