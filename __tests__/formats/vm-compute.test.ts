import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/formats/recognise.js';
import { manifestsOf } from '../harness.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('attached VM compute', () => {
  it('is one virtual machine node', () => {
    const ms = manifestsOf('compute/vm.yml', `$schema: ${SCHEMA}/vmCompute.schema.json\nname: vm1\ntype: virtualmachine\nresource_id: /subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm1\n`);
    expect(ms.map((m) => m.kind)).toEqual(['vmCompute']);
    expect(normalise(ms).computes).toMatchObject([{ name: 'vm1', type: 'virtualmachine', nodes: 1 }]);
  });
});
