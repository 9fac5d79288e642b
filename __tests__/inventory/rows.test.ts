// The complete inventory (issue #11): deployments, endpoints, models and computes, each with its file,
// line and what resolved; and rows that agree with the findings.
import { describe, expect, test } from '@jest/globals';
import { gate } from '../helpers.js';

const S = 'https://azuremlschemas.azureedge.net/latest';

describe('inventory rows', () => {
  test('a batch deployment on a compute instance is listed as running on a compute instance, as its finding says', async () => {
    const r = await gate({
      'deploy/dev/batch.yml': `$schema: ${S}/modelBatchDeployment.schema.json\nname: nightly\nendpoint_name: b\ntype: model\nmodel: azureml:m:1\ncompute: azureml:notebook\n`,
      'compute/notebook.yml': `$schema: ${S}/computeInstance.schema.json\nname: notebook\ntype: computeinstance\nsize: Standard_DS3_v2\n`,
    });
    expect(r.findings.find((f) => f.ruleId === 'batch-requires-compute-cluster')?.message).toMatch(/compute instance/);
    expect(r.inventory).toEqual([
      expect.objectContaining({ file: 'deploy/dev/batch.yml', target: 'compute-instance', computeResolution: 'resolved', modelResolution: 'missing' }),
    ]);
  });

  test('endpoints, models and computes are listed with file, line and resolution; config facts too', async () => {
    const r = await gate(
      {
        'online/endpoint.yml': `$schema: ${S}/kubernetesOnlineEndpoint.schema.json\nname: k8s-ep\ncompute: azureml:arc\nauth_mode: key\n`,
        'online/blue.yml': `$schema: ${S}/kubernetesOnlineDeployment.schema.json\ntype: kubernetes\nname: blue\nendpoint_name: k8s-ep\nmodel: azureml:fraud:3\ninstance_count: 1\n`,
        'models/fraud.yml': `$schema: ${S}/model.schema.json\nname: fraud\nversion: 3\npath: weights\ntags:\n  memory_gb: 2\n`,
      },
      { config: 'computes:\n  arc: { type: kubernetes }\n' },
    );
    expect(r.endpoints).toEqual([
      { file: 'online/endpoint.yml', line: 1, kind: 'kubernetesOnlineEndpoint', name: 'k8s-ep', compute: 'azureml:arc', computeResolution: 'resolved', deployments: 1 },
    ]);
    expect(r.models).toEqual([
      expect.objectContaining({ file: 'models/fraud.yml', line: 1, kind: 'model', name: 'fraud', version: '3', memoryGb: 2, localPath: 'models/weights' }),
    ]);
    expect(r.computes).toEqual([expect.objectContaining({ file: null, line: null, kind: 'config', name: 'arc', type: 'kubernetes' })]);
    expect(r.inventory[0]).toMatchObject({ stageSource: expect.stringMatching(/no stage tag/), modelResolution: 'resolved', computeResolution: 'resolved' });
  });

  test('the scope says how many candidate files the pre-filter left unparsed', async () => {
    const r = await gate({ 'ci/build.yml': 'on: push\njobs: {}\n', 'package.json': '{"name": "x"}\n', 'deploy/dev/aci.yml': 'computeType: ACI\n' });
    expect(r.scope).toMatchObject({ candidates: 3, prefiltered: 2, filesScanned: 1, manifests: 1 });
  });
});
