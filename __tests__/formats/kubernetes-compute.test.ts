import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/formats/recognise.js';
import { manifestsOf } from '../harness.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('kubernetes compute', () => {
  it('is a kubernetes compute by $schema or by type with a namespace', () => {
    const bySchema = manifestsOf('compute/k8s.yml', `$schema: ${SCHEMA}/kubernetesCompute.schema.json\nname: k8s\ntype: kubernetes\nnamespace: default\n`);
    expect(bySchema.map((m) => m.kind)).toEqual(['kubernetesCompute']);
    expect(normalise(bySchema).computes).toMatchObject([{ name: 'k8s', type: 'kubernetes', source: 'repo' }]);
    expect(manifestsOf('compute/k8s.yml', 'name: k8s\ntype: kubernetes\nnamespace: default\n').map((m) => m.kind)).toEqual(['kubernetesCompute']);
  });
});
