import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/formats/recognise.js';
import { manifestsOf } from '../harness.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('batch endpoint', () => {
  it('is a batch endpoint record with its name, and no deployment', () => {
    const ms = manifestsOf('batch/endpoint.yml', `$schema: ${SCHEMA}/batchEndpoint.schema.json\nname: imagenet-batch\nauth_mode: aad_token\ndefaults:\n  deployment_name: nightly\n`);
    expect(ms.map((m) => m.kind)).toEqual(['batchEndpoint']);
    const n = normalise(ms);
    expect(n.endpoints).toMatchObject([{ name: 'imagenet-batch', kind: 'batch' }]);
    expect(n.deployments).toEqual([]);
  });
});
