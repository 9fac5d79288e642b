import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { gate } from '../../helpers.js';
import { one, none, skippedRules, skippedWhy } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';
const GIB = 2 ** 30;

describe('aci-model-size', () => {
  test('folder-linked model YAML with 1 GiB of weights fires at computeType; 0.99 GiB does not', async () => {
    const files = (dir: string) => ({
      [`${dir}/model.yml`]: `$schema: ${SCHEMA}/model.schema.json\nname: bert\nversion: 1\npath: ./weights\n`,
      [`${dir}/deploymentconfig.yml`]: 'authEnabled: true\ncomputeType: ACI\n',
    });
    const r = await gate(
      { ...files('deploy/dev/big'), ...files('deploy/dev/small') },
      { sizedFiles: { 'deploy/dev/big/weights/model.bin': GIB, 'deploy/dev/small/weights/model.bin': Math.floor(0.99 * GIB) } },
    );
    const f = one(r, 'aci-model-size', 'deploy/dev/big/deploymentconfig.yml', 2, 'error');
    expect(f.message).toBe('Model "bert:1" is 1 GiB (files on disk under deploy/dev/big/weights), too large for Azure Container Instances (ACI) (under 1 GB only): use a single-node AKS cluster for dev/test (aml-compute `compute_type: akscluster`, `cluster_purpose: DevTest`, `agent_count: 1`), or AKS / a managed online endpoint.');
  });

  test('MLflow model_size_bytes in the folder of an aml-deploy file (ACI) points at the first key', () => {
    const linked = check({
      'svc/model/MLmodel': 'artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.sklearn\nmodel_size_bytes: 2147483648\n',
      'svc/model/deploy.json': '{\n  "name": "svc",\n  "inference_entry_script": "score.py"\n}\n',
    });
    one(linked, 'aci-model-size', 'svc/model/deploy.json', 2, 'error');
  });

  test('size declared in config models: for a registermodel file in the folder', () => {
    const r = check(
      {
        'deploy/dev/registermodel.json': '{ "model_name": "bert", "model_file_name": "bert.bin" }\n',
        'deploy/dev/aci.yml': 'computeType: ACI\n',
      },
      { config: 'models:\n  bert: { size-bytes: 1500000000 }\n' },
    );
    one(r, 'aci-model-size', 'deploy/dev/aci.yml', 1, 'error');
  });

  test('unknown size is listed as skipped', () => {
    const r = check({
      'deploy/dev/registermodel.json': '{ "model_name": "bert", "model_file_name": "bert.bin" }\n',
      'deploy/dev/aci.yml': 'computeType: ACI\n',
    });
    none(r, 'aci-model-size');
    expect(skippedRules(r, 'deploy/dev/aci.yml')).toContain('aci-model-size');
  });

  test('a v1 ACI config linked to no model (none, or two, in its folder) is listed as skipped, not passed', () => {
    const model = (name: string) => `$schema: ${SCHEMA}/model.schema.json\nname: ${name}\nversion: 1\n`;
    const r = check({
      'deploy/dev/none/aci.yml': 'computeType: ACI\n',
      'deploy/dev/two/aci.yml': 'computeType: ACI\n',
      'deploy/dev/two/a.yml': model('a'),
      'deploy/dev/two/b.yml': model('b'),
    });
    none(r, 'aci-model-size');
    for (const f of ['deploy/dev/none/aci.yml', 'deploy/dev/two/aci.yml']) {
      expect(skippedWhy(r, f, 'aci-model-size').join()).toMatch(/names no model .* exactly one model metadata file/);
    }
  });
});
