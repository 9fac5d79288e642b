import { describe, expect, test } from '@jest/globals';
import { symlinkSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { byRule, gate, writeRepo, resultOf } from '../helpers.js';
import { evaluate } from '../../src/engine.js';

// SPEC §2: model facts come from config `models:` → metadata tags/properties → aml-registermodel
// `memory_gb` → MLflow `model_size_bytes` → files on disk (bounded walk, links not followed).
const S = 'https://azuremlschemas.azureedge.net/latest';
const managed = (model: string) =>
  `$schema: ${S}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\nmodel: ${model}\ninstance_type: Standard_DS3_v2\ninstance_count: 3\n`;

describe('model facts (SPEC §2)', () => {
  test('metadata tags win over an aml-registermodel memory_gb found earlier in the walk', async () => {
    const r = await gate({
      '.cloud/.azure/registermodel.json': '{"model_name": "m", "model_file_name": "x.pkl", "memory_gb": 40}',
      'models/m/model.yml': `$schema: ${S}/model.schema.json\nname: m\nversion: 1\npath: azureml://datastores/d/paths/p\ntags:\n  memory_gb: 2\n`,
      'deploy/dev/d.yml': managed('azureml:m:1'),
    });
    // DS3_v2 has 14 GiB ≥ 1.5 × 2: no finding (with 40 GiB from registermodel.json there would be one).
    expect(r.inventory.map((d) => d.model)).toEqual(['m:1']);
    expect(r.skipped.filter((s) => s.rules.includes('memory-headroom'))).toEqual([]);
    expect(byRule(r, 'memory-headroom')).toEqual([]);
  });

  test('aml-registermodel memory_gb applies when the metadata declares none; config models: wins over both', async () => {
    const files = {
      '.cloud/.azure/registermodel.json': '{"model_name": "m", "model_file_name": "x.pkl", "memory_gb": 40}',
      'models/m/model.yml': `$schema: ${S}/model.schema.json\nname: m\nversion: 1\npath: azureml://datastores/d/paths/p\n`,
      'deploy/dev/d.yml': managed('azureml:m:1'),
    };
    expect(byRule(await gate(files), 'memory-headroom')[0]?.message).toContain('registermodel.json');
    expect(byRule(await gate(files, { config: 'models:\n  m: { memory-gb: 1 }\n' }), 'memory-headroom')).toEqual([]);
  });

  test('tags model_size_bytes win over the MLmodel, the MLmodel over the files on disk', async () => {
    const model = (tags: string) =>
      `$schema: ${S}/model.schema.json\nname: m\nversion: 1\npath: .\ntype: mlflow_model\n${tags}`;
    const mlmodel = 'flavors:\n  python_function: {}\nmodel_size_bytes: 1234\n';
    const sizedFiles = { 'models/m/model.pkl': 5e9 };
    const size = async (tags: string) =>
      (await gate({ 'models/m/model.yml': model(tags), 'models/m/MLmodel': mlmodel, 'deploy/dev/d.yml': managed('azureml:m:1') }, { sizedFiles }))
        .inventory[0].modelSizeBytes;
    expect(await size('tags:\n  model_size_bytes: 777\n')).toBe(777);
    expect(await size('')).toBe(1234);
  });

  test('files on disk under a local path are summed without following links', async () => {
    const root = writeRepo(
      {
        'models/m/model.yml': `$schema: ${S}/model.schema.json\nname: m\nversion: 1\npath: ./w\n`,
        'models/m/w/a.txt': 'hello',
        'deploy/dev/d.yml': managed('azureml:m:1'),
      },
      { 'big/weights.bin': 5e9 },
    );
    try {
      symlinkSync(path.join(root, 'big'), path.join(root, 'models/m/w/dir-link'));
      symlinkSync(path.join(root, 'big/weights.bin'), path.join(root, 'models/m/w/file-link'));
      const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test' }));
      expect(r.inventory[0].modelSizeBytes).toBe(5);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('targets and computes in the inventory (SPEC §1, §8)', () => {
  test('batch deployments on a kubernetesCompute have target aks, mode batch (pipeline: settings.default_compute)', async () => {
    const r = await gate({
      'infra/k.yml': `$schema: ${S}/kubernetesCompute.schema.json\nname: k8s\ntype: kubernetes\n`,
      'deploy/b.yml': `$schema: ${S}/modelBatchDeployment.schema.json\nname: b\nendpoint_name: e\ntype: model\nmodel: azureml:m:1\ncompute: azureml:k8s\n`,
      'deploy/p.yml': `$schema: ${S}/pipelineComponentBatchDeployment.schema.json\nname: p\nendpoint_name: e\ntype: pipeline\ncomponent: azureml:c:1\nsettings:\n  default_compute: k8s\n`,
    });
    expect(r.inventory.map((i) => [i.file, i.target, i.mode, i.compute])).toEqual([
      ['deploy/b.yml', 'aks', 'batch', 'azureml:k8s'],
      ['deploy/p.yml', 'aks', 'batch', 'k8s'],
    ]);
  });

  test('a config computes: entry overrides the repository definition of the same name', async () => {
    const r = await gate(
      {
        'infra/c.yml': `$schema: ${S}/amlCompute.schema.json\nname: cpu\ntype: amlcompute\nsize: Standard_NC6\n`,
        'deploy/b.yml': `$schema: ${S}/batchDeployment.schema.json\nname: b\nendpoint_name: e\nmodel: azureml:m:1\ncompute: cpu\n`,
      },
      { config: 'computes:\n  CPU: { type: amlcompute, vm-size: Standard_DS2_v2, nodes: 2 }\n' },
    );
    expect(r.inventory[0]).toMatchObject({ target: 'compute-cluster', instanceType: 'Standard_DS2_v2', memoryGb: 7, gpus: 0 });
  });

  test('v1 and aml-deploy web services without a memory key show Azure’s default 0.5 GB', async () => {
    const r = await gate({
      'svc/aci.json': '{"computeType": "ACI"}',
      'svc/local.json': '{"computeType": "local"}',
      '.cloud/.azure/deploy.json': '{"name": "svc", "deployment_compute_target": "aks1"}',
    });
    expect(r.inventory.map((i) => [i.file, i.memoryGb])).toEqual([
      ['.cloud/.azure/deploy.json', 0.5],
      ['svc/aci.json', 0.5],
      ['svc/local.json', null],
    ]);
  });
});
