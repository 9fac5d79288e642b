import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/formats/recognise.js';
import { manifestsOf } from '../harness.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('compute instance', () => {
  it('is one node of its size', () => {
    const ms = manifestsOf('compute/dev-box.yml', `$schema: ${SCHEMA}/computeInstance.schema.json\nname: dev-box\ntype: computeinstance\nsize: Standard_DS3_v2\n`);
    expect(ms.map((m) => m.kind)).toEqual(['computeInstance']);
    expect(normalise(ms).computes).toMatchObject([{ name: 'dev-box', type: 'computeinstance', vmSize: 'Standard_DS3_v2', nodes: 1 }]);
  });
});
