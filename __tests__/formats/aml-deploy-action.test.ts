import { describe, expect, it } from '@jest/globals';
import { manifestsOf } from '../harness.js';
import { deployment } from './helpers.js';

describe('aml-deploy', () => {
  it('enable_gpu without gpu_cores is one GPU at enable_gpu', () => {
    const d = deployment('.cloud/.azure/deploy.json', '{"inference_entry_script": "score.py", "enable_gpu": true, "gpu_cores": 0}');
    expect(d.gpu).toMatchObject({ value: 1, ptr: '/enable_gpu' });
    expect(d.targetKey.ptr).toBe('/inference_entry_script');
    const e = deployment('.cloud/.azure/deploy.json', '{"enable_gpu": true, "gpu_cores": 2}');
    expect(e.gpu).toMatchObject({ value: 2, ptr: '/gpu_cores' });
  });

  it('empty or null deployment_compute_target means ACI', () => {
    expect(deployment('d.json', '{"deployment_compute_target": "", "cpu_cores": 1}').target).toBe('aci');
    expect(deployment('d.json', '{"deployment_compute_target": null}').target).toBe('aci');
    const aks = deployment('d.json', '{"name":"svc","deployment_compute_target": "azureml:prod-aks","num_replicas":2,"tags":{"stage":"prod","n":1}}');
    expect(aks).toMatchObject({ target: 'aks', name: 'svc', computeRef: { name: 'prod-aks' }, tags: { stage: 'prod', n: '1' } });
    expect(aks.replicas?.value).toBe(2);
  });

  it('a deploy.json holding only sizes and other aml-deploy fields is an (ACI) aml-deploy file', () => {
    const d = deployment('.cloud/.azure/deploy.json', '{"name": "svc", "cpu_cores": 1, "memory_gb": 8.0, "location": "southeastasia"}');
    expect(d).toMatchObject({ target: 'aci', name: 'svc', manifest: { kind: 'amlDeployAction' } });
    expect(d.memoryGb?.value).toBe(8);
    // A key outside the aml-deploy fields keeps other JSON out; model keys make it a registermodel file.
    expect(manifestsOf('x.json', '{"cpu_cores": 1, "memory_gb": 8, "image": "x"}')).toEqual([]);
    expect(manifestsOf('r.json', '{"model_name": "m", "memory_gb": 8}').map((m) => m.kind)).toEqual(['amlRegisterModelAction']);
  });
});
