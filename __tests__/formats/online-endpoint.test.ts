import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/formats/recognise.js';
import { manifestsOf } from '../harness.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('online endpoint', () => {
  it('managed and Kubernetes endpoints by $schema; the Kubernetes one names its compute', () => {
    const managed = manifestsOf('online/endpoint.yml', `$schema: ${SCHEMA}/managedOnlineEndpoint.schema.json\nname: fraud\nauth_mode: key\n`);
    expect(managed.map((m) => m.kind)).toEqual(['managedOnlineEndpoint']);
    expect(normalise(managed).endpoints).toMatchObject([{ name: 'fraud', kind: 'managed' }]);
    expect(normalise(managed).endpoints[0].computeRef).toBeUndefined();
    const k8s = normalise(manifestsOf('online/k8s.yml', `$schema: ${SCHEMA}/kubernetesOnlineEndpoint.schema.json\nname: k8s-ep\ncompute: azureml:k8s-compute\n`));
    expect(k8s.endpoints).toMatchObject([{ name: 'k8s-ep', kind: 'kubernetes', computeRef: { name: 'k8s-compute', external: false, at: { ptr: '/compute' } } }]);
    expect(k8s.deployments).toEqual([]);
  });

  it('a 2021-preview onlineEndpoint schema is Kubernetes exactly when it has a compute', () => {
    const kinds = (text: string) => manifestsOf('e.yml', text).map((m) => m.kind);
    expect(kinds('$schema: https://azuremlschemas.azureedge.net/2021/onlineEndpoint.schema.json\nname: e\ncompute: azureml:k\n')).toEqual(['kubernetesOnlineEndpoint']);
    expect(kinds('$schema: https://azuremlschemas.azureedge.net/2021/onlineEndpoint.schema.json\nname: e\n')).toEqual(['managedOnlineEndpoint']);
  });
});
