import { describe, expect, it } from '@jest/globals';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { normalise, recognise } from '../../src/formats/recognise.js';
import type { DraftDeployment } from '../../src/formats/types.js';
import { loadAll } from '../../src/load/read.js';
import { walk } from '../../src/load/files.js';
import { looksLikeManifest } from '../../src/formats/prefilter.js';
import { CORPUS, load, manifestsOf, only, spanOf } from './helpers.js';

function deployment(rel: string, text: string): DraftDeployment {
  const ds = normalise(manifestsOf(rel, text)).deployments;
  expect(ds).toHaveLength(1);
  return ds[0];
}

describe('v1 deployment config', () => {
  it('maps computeType in any case to its target and points at computeType', () => {
    expect(deployment('a.yml', 'computeType: AksEndpoint\n').target).toBe('aks');
    expect(deployment('a.yml', 'computeType: Local\n').target).toBe('local');
    const d = deployment('a.yml', 'computeType: aci\n');
    expect(d).toMatchObject({ target: 'aci', mode: 'realtime', targetKey: { ptr: '/computeType' }, targetReason: 'computeType: aci' });
  });

  it('recognises an unknown computeType but makes no deployment of it', () => {
    const ms = manifestsOf('a.json', '{"computeType": "kubernetes", "numReplicas": 2}');
    expect(ms.map((m) => m.kind)).toEqual(['v1DeploymentConfig']);
    expect(ms[0].family.v1).toBe(true);
    expect(normalise(ms).deployments).toEqual([]);
  });

  it('prefers gpuCores, falls back to containerResourceRequirements.gpu, keeps FPGA, numeric strings', () => {
    const a = deployment('a.json', '{"computeType":"aci","gpuCores":0,"containerResourceRequirements":{"gpu":1,"fpga":2,"memoryInGB":"2.5"}}');
    expect(a.gpu).toMatchObject({ value: 1, ptr: '/containerResourceRequirements/gpu' });
    expect(a.fpga).toMatchObject({ value: 2, ptr: '/containerResourceRequirements/fpga' });
    expect(a.memoryGb).toMatchObject({ value: 2.5, ptr: '/containerResourceRequirements/memoryInGB' });
    const b = deployment('a.json', '{"computeType":"aks","gpuCores":2,"containerResourceRequirements":{"gpu":1}}');
    expect(b.gpu).toMatchObject({ value: 2, ptr: '/gpuCores' });
  });

  it('reads replicas, autoscale and the compute target name; invents no defaults', () => {
    const d = deployment('a.yml', 'computeType: aks\ncomputeTargetName: prod-aks\nnumReplicas: 3\nautoScaler:\n  autoscaleEnabled: "True"\n');
    expect(d.replicas).toMatchObject({ value: 3, ptr: '/numReplicas' });
    expect(d.autoscaleEnabled).toMatchObject({ value: true, ptr: '/autoScaler/autoscaleEnabled' });
    expect(d.computeRef).toMatchObject({ name: 'prod-aks', at: { ptr: '/computeTargetName' } });
    expect(d.memoryGb).toBeUndefined();
    expect(d.cpu).toBeUndefined();
    expect(d.name).toBeUndefined();
    expect(d.tags).toEqual({});
  });
});

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

  it('does not throw on values of every wrong type', () => {
    const junk = [null, [], [1, 2], 'x', 0, -1, true, { a: { b: [] } }, '{{X}}'];
    const keys = [
      'computeType', 'containerResourceRequirements', 'gpuCores', 'autoScaler', 'numReplicas', 'computeTargetName',
      'deployment_compute_target', 'enable_gpu', 'tags', 'model', 'environment', 'resources', 'scale_settings',
      'compute', 'settings', 'instance_type', 'instance_count', 'request_settings', 'path', 'version', 'flavors',
      'model_size_bytes', 'properties', 'tier', 'size', 'min_instances', 'vm_priority', 'agent_count', 'name',
    ];
    const shapes = [
      { $schema: 'https://x/managedOnlineDeployment.schema.json' }, { $schema: 'https://x/kubernetesOnlineDeployment.schema.json' },
      { $schema: 'https://x/modelBatchDeployment.schema.json' }, { $schema: 'https://x/pipelineComponentBatchDeployment.schema.json' },
      { $schema: 'https://x/amlCompute.schema.json' }, { $schema: 'https://x/model.schema.json' }, { $schema: 'https://x/kubernetesOnlineEndpoint.schema.json' },
      { computeType: 'aks' }, { deployment_compute_target: 'x' }, { compute_type: 'akscluster' }, { model_name: 'm' },
    ];
    for (const shape of shapes) {
      for (const v of junk) {
        const doc: Record<string, unknown> = { ...shape };
        for (const k of keys) if (!(k in doc)) doc[k] = v;
        const f = load('j/x.json', JSON.stringify(doc));
        expect(() => normalise(recognise(f))).not.toThrow();
      }
    }
  });
});

describe('models', () => {
  it('v2 model: version as text, declared facts from tags/properties, URI paths are not local', () => {
    const m = normalise(manifestsOf('models/fraud/model.yml', [
      '$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json',
      'name: fraud',
      'version: 3',
      'path: ./weights',
      'tags:',
      '  memory_gb: "12"',
      '  accelerator: GPU',
      'properties:',
      '  model_size_bytes: 2500000000',
      '',
    ].join('\n'))).models[0];
    expect(m).toMatchObject({ name: 'fraud', version: '3', memoryGb: 12, accelerator: 'gpu', sizeBytes: 2.5e9, localPath: 'models/fraud/weights', type: 'custom_model' });
    expect(m.memorySource).toContain('tags.memory_gb');
    const remote = normalise(manifestsOf('m.yml', 'type: x\n$schema: https://h/model.schema.json\nname: r\npath: azureml://datastores/d/paths/m\n')).models[0];
    expect(remote.localPath).toBeUndefined();
  });

  it('MLmodel: size from model_size_bytes, model folder as local path, no name', () => {
    const m = normalise(manifestsOf('a/b/MLmodel', 'flavors:\n  python_function: {}\nmodel_size_bytes: 1234\n')).models[0];
    expect(m).toMatchObject({ type: 'mlflow_model', sizeBytes: 1234, localPath: 'a/b', source: 'repo' });
    expect(m.name).toBeUndefined();
  });
});

describe('positions', () => {
  it('multi-document YAML: each document is its own manifest with its own lines', () => {
    const text = [
      '# endpoint and deployment in one file',
      '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json',
      'name: fraud',
      '---',
      '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json',
      'name: blue',
      'endpoint_name: fraud',
      'instance_type: Standard_DS3_v2',
      'instance_count: 1',
      '---',
      'computeType: ACI',
      'containerResourceRequirements:',
      '  memoryInGB: 64',
      '',
    ].join('\n');
    const ms = manifestsOf('deploy/all.yml', text);
    expect(ms.map((m) => m.kind)).toEqual(['managedOnlineEndpoint', 'managedOnlineDeployment', 'v1DeploymentConfig']);
    expect(ms.map((m) => m.doc.start.line)).toEqual([2, 5, 11]);
    const n = normalise(ms);
    const [blue, aci] = n.deployments;
    expect(spanOf({ manifest: blue.manifest, ptr: blue.instanceType!.ptr })).toMatchObject({ line: 8, column: 1 });
    expect(spanOf(blue.targetKey)).toMatchObject({ line: 5 });
    expect(spanOf({ manifest: aci.manifest, ptr: aci.memoryGb!.ptr })).toMatchObject({ line: 13, column: 3 });
    expect(spanOf(aci.targetKey)).toMatchObject({ line: 11, column: 1 });
    expect(n.endpoints[0]).toMatchObject({ name: 'fraud', kind: 'managed' });
  });

  it('a CRLF copy of a corpus file gives the same lines and columns', async () => {
    const rel = 'v1-configs/microsoft__MLOpsPython__diabetes_regression__scoring__deployment_config_aks.yml';
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mdg-crlf-'));
    try {
      const text = await fsp.readFile(path.join(CORPUS, rel), 'utf8');
      expect(text.includes('\r')).toBe(false);
      await fsp.writeFile(path.join(dir, 'crlf.yml'), text.replace(/\n/g, '\r\n'));
      await fsp.writeFile(path.join(dir, 'lf.yml'), text);
      const files = loadAll(walk({ root: dir, include: ['*.yml'], exclude: [] }), { prefilter: looksLikeManifest });
      const pos = files.map((f) => {
        const d = normalise(recognise(f)).deployments[0];
        return [f.path, spanOf({ manifest: d.manifest, ptr: d.memoryGb!.ptr }), spanOf({ manifest: d.manifest, ptr: d.maxReplicas!.ptr }), d.memoryGb!.value];
      });
      expect(pos).toEqual([
        ['crlf.yml', { line: 11, column: 5, endLine: 11, endColumn: 15 }, { line: 5, column: 5, endLine: 5, endColumn: 16 }, 2],
        ['lf.yml', { line: 11, column: 5, endLine: 11, endColumn: 15 }, { line: 5, column: 5, endLine: 5, endColumn: 16 }, 2],
      ]);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  it('every recognised manifest has the v1 flag exactly for the v1 and aml-action families', () => {
    expect(only('x.json', '{"model_file_name":"m.pkl"}').family.v1).toBe(true);
    expect(only('x.yml', 'type: amlcompute\nname: c\n').family.v1).toBe(false);
  });
});

describe('model local paths', () => {
  it('the repository root is the empty path; a path outside the repository is not local', () => {
    expect(normalise(manifestsOf('MLmodel', 'flavors: {}\n')).models[0].localPath).toBe('');
    expect(normalise(manifestsOf('model.yml', '$schema: https://h/model.schema.json\nname: m\npath: .\n')).models[0].localPath).toBe('');
    expect(normalise(manifestsOf('a/model.yml', '$schema: https://h/model.schema.json\nname: m\npath: ../../elsewhere\n')).models[0].localPath).toBeUndefined();
  });
});
