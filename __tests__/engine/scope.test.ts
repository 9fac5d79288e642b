import { describe, expect, test } from '@jest/globals';
import { byRule, gate } from '../helpers.js';

// SPEC §6: changed scope = changed files + every manifest that depends on a changed file;
// a config change gates everything.
const S = 'https://azuremlschemas.azureedge.net/latest';
const repo = {
  'infra/k8s.yml': `$schema: ${S}/kubernetesCompute.schema.json\nname: k8s\ntype: kubernetes\n`,
  'infra/cpu.yml': `$schema: ${S}/amlCompute.schema.json\nname: cpu\ntype: amlcompute\nsize: Standard_DS3_v2\ntier: low_priority\n`,
  'deploy/prod/ep.yml': `$schema: ${S}/kubernetesOnlineEndpoint.schema.json\nname: kep\ncompute: azureml:k8s\n`,
  'deploy/prod/kd.yml':
    `$schema: ${S}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: kep\nmodel: azureml:m:1\ninstance_count: 1\n` +
    'resources:\n  requests:\n    cpu: 1\n    memory: 1Gi\n  limits:\n    memory: 0.5Gi\n',
  'deploy/prod/b.yml': `$schema: ${S}/batchDeployment.schema.json\nname: b\nendpoint_name: e\nmodel: azureml:m:1\ncompute: azureml:cpu\n`,
  'models/m/model.yml': `$schema: ${S}/model.schema.json\nname: m\nversion: 1\npath: ./w\ntags:\n  memory_gb: 20\n`,
  '.cloud/.azure/registermodel.json': '{"model_name": "m", "model_file_name": "x.pkl", "memory_gb": 40}',
};
const sizedFiles = { 'models/m/w/weights.bin': 1000 };
const deploymentsGated = async (changed: string[], config?: string) => {
  const r = await gate(repo, { sizedFiles, changed, config });
  return { mode: r.scope.mode, inventory: r.inventory.map((i) => i.file), findingFiles: [...new Set(r.findings.map((f) => f.file))].sort() };
};

describe('changed scope (SPEC §6)', () => {
  test('a changed compute definition gates the deployments on it', async () => {
    expect((await deploymentsGated(['infra/cpu.yml'])).inventory).toEqual(['deploy/prod/b.yml']);
    // The Kubernetes deployment inherits the compute from its endpoint.
    expect((await deploymentsGated(['infra/k8s.yml'])).inventory).toEqual(['deploy/prod/kd.yml']);
  });

  test('a changed endpoint gates its Kubernetes deployments', async () => {
    const r = await deploymentsGated(['deploy/prod/ep.yml']);
    expect(r.inventory).toEqual(['deploy/prod/kd.yml']);
  });

  test("a changed file under a model's local path gates the deployments of that model", async () => {
    expect((await deploymentsGated(['models/m/w/weights.bin'])).inventory).toEqual(['deploy/prod/b.yml', 'deploy/prod/kd.yml']);
  });

  test('every metadata file of the model counts, not only the one whose facts won', async () => {
    // models/m/model.yml's tags win over registermodel.json, yet the latter defines model m too.
    const r = await deploymentsGated(['.cloud/.azure/registermodel.json']);
    expect(r.inventory).toEqual(['deploy/prod/b.yml', 'deploy/prod/kd.yml']);
  });

  test('a changed definition of a name the deployment references gates it, even when the version does not match', async () => {
    const model = (v: number) => `$schema: ${S}/model.schema.json\nname: m\nversion: ${v}\npath: azureml://datastores/d/paths/p\n`;
    const r = await gate(
      {
        'deploy/prod/d.yml': `$schema: ${S}/batchDeployment.schema.json\nname: d\nendpoint_name: e\nmodel: azureml:m:2\ncompute: azureml:cpu\n`,
        'deploy/prod/other.yml': `$schema: ${S}/batchDeployment.schema.json\nname: o\nendpoint_name: e\nmodel: azureml:n:1\ncompute: azureml:cpu\n`,
        'models/m1.yml': model(1),
        'models/m3.yml': model(3),
      },
      { changed: ['models/m3.yml'] },
    );
    expect(r.inventory.map((i) => i.file)).toEqual(['deploy/prod/d.yml']);
    expect(byRule(r, 'unresolved-reference').find((f) => f.line === 4)?.message).toMatch(/1.*3/);
  });

  test('a changed config file gates everything', async () => {
    const r = await deploymentsGated(['.github/model-deploy-gate.yml'], 'default-stage: unknown\n');
    expect(r.mode).toBe('all');
    expect(r.inventory).toEqual(['deploy/prod/b.yml', 'deploy/prod/kd.yml']);
    expect(r.findingFiles).toContain('.cloud/.azure/registermodel.json');
  });
});
