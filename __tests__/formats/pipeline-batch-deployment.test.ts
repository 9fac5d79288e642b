import { describe, expect, it } from '@jest/globals';
import { manifestsOf } from '../harness.js';
import { deployment } from './helpers.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('pipeline component batch deployment', () => {
  it('runs on settings.default_compute, a compute cluster, in batch mode', () => {
    const d = deployment(
      'batch/pipeline.yml',
      `$schema: ${SCHEMA}/pipelineComponentBatchDeployment.schema.json\nname: hello\nendpoint_name: hello-batch\ntype: pipeline\ncomponent: azureml:hello@latest\nsettings:\n  default_compute: cpu-cluster\n`,
    );
    expect(d).toMatchObject({
      name: 'hello',
      endpointName: 'hello-batch',
      mode: 'batch',
      target: 'compute-cluster',
      computeRef: { name: 'cpu-cluster', at: { ptr: '/settings/default_compute' } },
      manifest: { kind: 'pipelineComponentBatchDeployment' },
    });
  });

  it('is recognised by shape (type: pipeline with a component) and names no compute when settings has none', () => {
    expect(manifestsOf('b.yml', 'type: pipeline\ncomponent: azureml:c@latest\nendpoint_name: e\n').map((m) => m.kind)).toEqual(['pipelineComponentBatchDeployment']);
    expect(manifestsOf('b.yml', 'type: pipeline\nendpoint_name: e\n').map((m) => m.kind)).not.toContain('pipelineComponentBatchDeployment');
    expect(deployment('b.yml', 'type: pipeline\ncomponent: azureml:c@latest\nendpoint_name: e\n').computeRef).toBeUndefined();
  });
});
