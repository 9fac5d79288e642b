import { describe, expect, it } from '@jest/globals';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectKind, normalise, recognise, schemaBasename } from '../../src/formats/recognise.js';
import { loadAll } from '../../src/load/read.js';
import { walk } from '../../src/load/files.js';
import { looksLikeManifest } from '../../src/formats/prefilter.js';
import { load, manifestsOf, only, spanOf } from '../harness.js';
import { CORPUS } from './helpers.js';

describe('v2 deployments', () => {
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

describe('detection helpers', () => {
  it('takes the $schema basename of any host, any case', () => {
    expect(schemaBasename('https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json')).toBe('managedonlinedeployment');
    expect(schemaBasename('http://azureml/sdk-2-0/OnlineDeployment.json')).toBe('onlinedeployment');
    expect(schemaBasename('https://example.org/x/AMLCOMPUTE.SCHEMA.JSON?v=2')).toBe('amlcompute');
    expect(schemaBasename('https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.template.yaml')).toBe('managedonlineendpoint');
  });

  it('detects v2 by shape, first match wins', () => {
    const d = (o: Record<string, unknown>) => detectKind('a.yml', Object.assign(Object.create(null), o));
    expect(d({ type: 'kubernetes', endpoint_name: 'e' })).toBe('kubernetesOnlineDeployment');
    // `compute` is no online deployment key: with it, the file is a batch deployment (as `az ml batch-deployment` loads it).
    expect(d({ type: 'kubernetes', endpoint_name: 'e', compute: 'c' })).toBe('batchDeployment');
    expect(d({ endpoint_name: 'e', compute: 'c' })).toBe('batchDeployment');
    expect(d({ endpoint_name: 'e', compute: 'c', type: 'model' })).toBe('modelBatchDeployment');
    expect(d({ type: 'pipeline', component: 'x' })).toBe('pipelineComponentBatchDeployment');
    expect(d({ endpoint_name: 'e', instance_type: 'Standard_DS3_v2' })).toBe('managedOnlineDeployment');
    expect(d({ type: 'AmlCompute' })).toBe('amlCompute');
    expect(d({ type: 'kubernetes', namespace: 'x' })).toBe('kubernetesCompute');
    expect(d({ name: 'x', version: 1 })).toBeUndefined();
    expect(detectKind('m/MLmodel', Object.assign(Object.create(null), { flavors: {} }))).toBe('mlflowModel');
    expect(detectKind('m/other.yml', Object.assign(Object.create(null), { flavors: {} }))).toBeUndefined();
  });
});
