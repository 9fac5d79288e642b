import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/formats/recognise.js';
import { manifestsOf } from '../harness.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';
const compute = (text: string) => normalise(manifestsOf('compute/c.yml', text)).computes;

describe('aml compute (v2 cluster)', () => {
  it('reads size, instances and tier; low_priority in any spelling is low priority', () => {
    expect(compute(`$schema: ${SCHEMA}/amlCompute.schema.json\nname: gpu\ntype: amlcompute\nsize: STANDARD_NC6s_v3\nmin_instances: 1\nmax_instances: 4\ntier: LowPriority\n`)).toMatchObject([
      { name: 'gpu', type: 'amlcompute', vmSize: 'STANDARD_NC6s_v3', minNodes: 1, maxNodes: 4, nodes: 4, tier: 'lowpriority', source: 'repo' },
    ]);
  });

  it('fills the Azure defaults when size, instances and tier are left out (recognised by type alone)', () => {
    const [c] = compute('name: c\ntype: AmlCompute\n');
    expect(c).toMatchObject({ type: 'amlcompute', minNodes: 0, tier: 'dedicated' });
    expect(typeof c.vmSize).toBe('string');
    expect(c.maxNodes).toBeGreaterThan(0);
    expect(compute('name: c\ntype: amlcompute\ntier: spot\n')[0].tier).toBeUndefined();
  });
});
