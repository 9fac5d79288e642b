import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/formats/recognise.js';
import { manifestsOf } from '../harness.js';

describe('aml-compute', () => {
  it('infers the cluster kind from its keys when compute_type is missing', () => {
    const aks = normalise(manifestsOf('c.json', '{"name":"k","agent_count":1,"cluster_purpose":"dev-test"}')).computes[0];
    expect(aks).toMatchObject({ type: 'aks', nodes: 1, purpose: 'DevTest', vmSize: 'Standard_D3_v2' });
    const aml = normalise(manifestsOf('c.json', '{"name":"c","vm_priority":"lowpriority","max_nodes":8}')).computes[0];
    expect(aml).toMatchObject({ type: 'amlcompute', tier: 'lowpriority', maxNodes: 8, minNodes: 0, vmSize: 'Standard_DS3_v2' });
    const prod = normalise(manifestsOf('c.json', '{"compute_type":"akscluster","cluster_purpose":"FastProd"}')).computes[0];
    expect(prod).toMatchObject({ purpose: 'FastProd', nodes: 3 });
  });
});
