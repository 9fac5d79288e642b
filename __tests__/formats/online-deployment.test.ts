import { describe, expect, it } from '@jest/globals';
import { spanOf } from '../harness.js';
import { deployment } from './helpers.js';

describe('v2 deployments', () => {
  it('Kubernetes GPU in limits uses the escaped pointer of nvidia.com/gpu', () => {
    const text = [
      'type: kubernetes',
      'endpoint_name: e',
      'name: blue',
      'instance_count: 2',
      'resources:',
      '  requests:',
      '    cpu: 500m',
      '    memory: 4G',
      '  limits:',
      '    nvidia.com/gpu: 1',
      '',
    ].join('\n');
    const d = deployment('k.yml', text);
    expect(d.gpu).toMatchObject({ value: 1, ptr: '/resources/limits/nvidia.com~1gpu' });
    expect(spanOf({ manifest: d.manifest, ptr: d.gpu!.ptr })).toMatchObject({ line: 10, column: 5 });
    expect(d.requests?.cpu?.value).toBe(0.5);
    expect(d.requests?.memory?.value).toBe(4e9);
    expect(d.replicas?.value).toBe(2);
    expect(d.targetKey.ptr).toBe('/type');
  });
});
