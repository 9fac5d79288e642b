import { describe, expect, it } from '@jest/globals';
import { parseRef, resolveLocal } from '../../../src/formats/kit/refs.js';
import { normalise } from '../../../src/formats/recognise.js';
import { manifestsOf, only } from '../../harness.js';

const m = only('x/v1.yml', 'computeType: aci\n');
const at = { manifest: m, ptr: '/model' };

describe('parseRef', () => {
  it.each([
    ['azureml:fraud:3', { name: 'fraud', version: '3', external: false }],
    ['azureml:fraud@latest', { name: 'fraud', label: 'latest', external: false }],
    ['azureml:cpu-cluster', { name: 'cpu-cluster', external: false }],
    ['cpu-cluster', { name: 'cpu-cluster', external: false }],
    ['azureml://registries/azureml/models/phi-3/versions/4', { name: 'phi-3', version: '4', external: true }],
    ['azureml://registries/azureml/models/phi-3/labels/latest', { name: 'phi-3', label: 'latest', external: true }],
    ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/models/m/versions/2', { name: 'm', version: '2', external: true }],
    ['azureml://datastores/ws/paths/models/m.pkl', { external: true }],
    ['runs:/abc/model', { external: true }],
  ])('%s', (raw, expected) => {
    expect(parseRef(raw, at)).toMatchObject({ raw, ...expected, at });
  });

  it('leaves template versions unknown and rejects empty references', () => {
    const r = parseRef('azureml:m:{{MODEL_VERSION}}', at);
    expect(r).toMatchObject({ name: 'm', external: false });
    expect(r?.version).toBeUndefined();
    expect(parseRef('  ', at)).toBeUndefined();
    expect(parseRef('azureml:', at)).toBeUndefined();
  });
});

describe('scalars', () => {
  it('resolves local paths from the manifest folder', () => {
    expect(resolveLocal('a/b/deploy.yml', '../model/')).toBe('a/model');
    expect(resolveLocal('deploy.yml', '.')).toBe('.');
  });
});

describe('model local paths', () => {
  it('the repository root is the empty path; a path outside the repository is not local', () => {
    expect(normalise(manifestsOf('MLmodel', 'flavors: {}\n')).models[0].localPath).toBe('');
    expect(normalise(manifestsOf('model.yml', '$schema: https://h/model.schema.json\nname: m\npath: .\n')).models[0].localPath).toBe('');
    expect(normalise(manifestsOf('a/model.yml', '$schema: https://h/model.schema.json\nname: m\npath: ../../elsewhere\n')).models[0].localPath).toBeUndefined();
  });
});
