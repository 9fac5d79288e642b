import { describe, expect, it } from '@jest/globals';
import { deployment } from './helpers.js';

describe('v2 deployments', () => {
  it('batch: legacy compute mapping, ARM-id compute, registry model', () => {
    const legacy = deployment('b.yml', 'endpoint_name: e\ncompute:\n  target: azureml:cpu-cluster\n  instance_count: 3\n');
    expect(legacy).toMatchObject({ mode: 'batch', computeRef: { name: 'cpu-cluster', at: { ptr: '/compute/target' } } });
    expect(legacy.instanceCount).toMatchObject({ value: 3, ptr: '/compute/instance_count' });
    const arm = deployment(
      'b.yml',
      'endpoint_name: e\ncompute: /subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w/computes/gpu\nmodel: azureml://registries/r/models/m/versions/2\n',
    );
    expect(arm.computeRef).toMatchObject({ name: 'gpu', external: true });
    expect(arm.modelRef).toMatchObject({ name: 'm', version: '2', external: true });
  });
});
