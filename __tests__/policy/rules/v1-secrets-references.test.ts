import { describe, test, expect } from '@jest/globals';
import { gate } from '../../helpers.js';
import { one, none, skippedRules } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('v1-deprecated', () => {
  test('v1 ACI config: warning at computeType with the migration-table SKU (2 CPU, 4 GB → DS2_v2)', async () => {
    const r = await gate({ 'deploy/dev/aci.yml': 'containerResourceRequirements:\n  cpu: 2\n  memoryInGB: 4\ncomputeType: ACI\n' });
    const f = one(r, 'v1-deprecated', 'deploy/dev/aci.yml', 4, 'warning');
    expect(f.message).toMatch(/Standard_DS2_v2/);
    expect(f.message).toMatch(/2026-06-30/);
  });

  test.each([
    [undefined, undefined, 'Standard_DS1_v2'], // defaults 0.1 CPU / 0.5 GB
    [1, 1.2, 'Standard_DS1_v2'],
    [1, 1.5, 'Standard_F2s_v2'], // first row fails on memory, second holds
    [2, 13.7, 'Standard_E2s_v3'],
    [3, 5, 'Standard_F4s_v2'],
    [4, 16, 'Standard_E4s_v3'],
  ])('cpu %p memoryInGB %p → %s', async (cpu, mem, sku) => {
    const crr = cpu === undefined ? '' : `containerResourceRequirements:\n  cpu: ${cpu}\n  memoryInGB: ${mem}\n`;
    const r = await gate({ 'deploy/dev/aci.yml': `computeType: ACI\n${crr}` });
    expect(one(r, 'v1-deprecated', 'deploy/dev/aci.yml', 1, 'warning').message).toContain(`instance_type: ${sku}`);
  });

  test('above the last row: size by profiling', async () => {
    const r = await gate({ 'deploy/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 4\n  memoryInGB: 20\n' });
    expect(one(r, 'v1-deprecated', 'deploy/dev/aci.yml', 1, 'warning').message).toMatch(/profiling/);
  });

  test('aml-deploy, aml-compute and aml-registermodel files warn at their first key', async () => {
    const r = await gate({
      '.cloud/.azure/deploy.json': '{\n  // ACI\n  "inference_entry_script": "score.py",\n  "cpu_cores": 2,\n  "memory_gb": 4\n}\n',
      '.cloud/.azure/compute.json': '{\n  "name": "aks1",\n  "compute_type": "akscluster"\n}\n',
      '.cloud/.azure/registermodel.json': '{\n  "model_file_name": "model.pkl"\n}\n',
    });
    const got = r.findings.filter((f) => f.ruleId === 'v1-deprecated').map((f) => `${f.file}:${f.line}`).sort();
    expect(got).toEqual(['.cloud/.azure/compute.json:2', '.cloud/.azure/deploy.json:3', '.cloud/.azure/registermodel.json:2']);
    const deploy = r.findings.find((f) => f.ruleId === 'v1-deprecated' && f.file === '.cloud/.azure/deploy.json');
    expect(deploy?.message).toMatch(/Standard_DS2_v2/);
    const compute = r.findings.find((f) => f.ruleId === 'v1-deprecated' && f.file === '.cloud/.azure/compute.json');
    expect(compute?.message).toMatch(/kubernetes/i);
  });

  test('v2 files are not deprecated', async () => {
    const r = await gate({
      'online/blue.yml': `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\ninstance_type: Standard_DS3_v2\ninstance_count: 3\n`,
    });
    none(r, 'v1-deprecated');
  });
});

describe('secret-in-manifest', () => {
  const KEY = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==';
  const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----\n';

  test('keys.primaryKey and keys.secondaryKey fire at each key and never echo the value', async () => {
    const r = await gate({ 'deploy/dev/aci.yml': `computeType: ACI\nkeys:\n  primaryKey: ${KEY}\n  secondaryKey: ${KEY}x\n` });
    const fs = r.findings.filter((f) => f.ruleId === 'secret-in-manifest');
    expect(fs.map((f) => f.line).sort()).toEqual([3, 4]);
    for (const f of fs) expect(f.message).not.toContain(KEY);
  });

  test('sslKey naming a PEM private key file in the repo fires; a certificate file does not', async () => {
    const r = await gate({
      'deploy/dev/aci.json': '{\n  "computeType": "ACI",\n  "sslEnabled": true,\n  "sslCertificate": "certs/cert.pem",\n  "sslKey": "certs/key.pem"\n}\n',
      'deploy/dev/certs/key.pem': PEM,
      'deploy/dev/certs/cert.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    });
    const f = one(r, 'secret-in-manifest', 'deploy/dev/aci.json', 5, 'error');
    expect(f.message).not.toContain('MIIEow');
  });

  test('sslKey with inline PEM text fires', async () => {
    const r = await gate({ 'deploy/dev/aci.yml': `computeType: ACI\nsslEnabled: true\nsslKey: |\n  ${PEM.trim().split('\n').join('\n  ')}\n` });
    const f = one(r, 'secret-in-manifest', 'deploy/dev/aci.yml', 3, 'error');
    expect(f.message).not.toContain('MIIEow');
  });

  test('sslKey pointing outside the repository is not read', async () => {
    const r = await gate({ 'deploy/dev/aci.yml': 'computeType: ACI\nsslKey: ../../../../../../../../etc/ssl/private/ssl-cert-snakeoil.key\n' });
    none(r, 'secret-in-manifest');
  });

  test('compute ssh_settings.admin_password fires; placeholders and empty keys do not', async () => {
    const r = await gate({
      'compute/cluster.yml': `$schema: ${SCHEMA}/amlCompute.schema.json\nname: c1\ntype: amlcompute\nssh_settings:\n  admin_username: azureuser\n  admin_password: Hunter2-Hunter2\n`,
      'deploy/dev/aci.yml': 'computeType: ACI\nkeys:\n  primaryKey: ${{ secrets.PRIMARY_KEY }}\n  secondaryKey: ""\n',
    });
    const fs = r.findings.filter((f) => f.ruleId === 'secret-in-manifest');
    expect(fs.map((f) => `${f.file}:${f.line}`)).toEqual(['compute/cluster.yml:6']);
    expect(fs[0].message).not.toContain('Hunter2');
  });
});

describe('unresolved-reference', () => {
  const managed = (model: string): string =>
    `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\nmodel: ${model}\ninstance_type: Standard_DS3_v2\ninstance_count: 3\n`;

  test('a missing model is a notice at the model key naming the blocked rules and the config section', async () => {
    const r = await gate({ 'online/blue.yml': managed('azureml:ghost:2') });
    const f = one(r, 'unresolved-reference', 'online/blue.yml', 4, 'notice');
    expect(f.message).toMatch(/memory-headroom/);
    expect(f.message).toMatch(/models:/);
    expect(skippedRules(r, 'online/blue.yml')).toContain('memory-headroom');
  });

  test('a name found with other versions only lists them', async () => {
    const r = await gate({
      'online/blue.yml': managed('azureml:fraud:3'),
      'models/v1.yml': `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 1\n`,
      'models/v2.yml': `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 2\n`,
    });
    const f = one(r, 'unresolved-reference', 'online/blue.yml', 4, 'notice');
    expect(f.message).toMatch(/versions 1, 2/);
  });

  test('a missing aml-deploy compute mentions the ACI fallback', async () => {
    const r = await gate({ 'svc/.cloud/.azure/deploy.json': '{\n  "name": "svc",\n  "deployment_compute_target": "prod-aks"\n}\n' });
    const f = one(r, 'unresolved-reference', 'svc/.cloud/.azure/deploy.json', 3, 'notice');
    expect(f.message).toMatch(/falls back to ACI/);
    expect(f.message).toMatch(/computes:/);
  });

  test('memory-headroom is named as blocked by a compute only when the memory would come from that compute', async () => {
    const v1 = await gate({ 'svc/dev/aks.yml': 'computeType: AKS\ncomputeTargetName: ghost-aks\ncontainerResourceRequirements:\n  memoryInGB: 4\n' });
    const f = one(v1, 'unresolved-reference', 'svc/dev/aks.yml', 2, 'notice');
    expect(f.message).toMatch(/compute-cluster-not-realtime/);
    expect(f.message).not.toMatch(/memory-headroom/);
    const batch = await gate({
      'batch/d.yml': `$schema: ${SCHEMA}/modelBatchDeployment.schema.json\nname: nightly\nendpoint_name: be\ntype: model\nmodel: azureml:fraud:1\ncompute: azureml:ghost-cluster\n`,
      'models/fraud.yml': `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 1\ntags:\n  memory_gb: 2\n`,
    });
    expect(one(batch, 'unresolved-reference', 'batch/d.yml', 6, 'notice').message).toMatch(/memory-headroom/);
  });

  test('registry references, resolved references and config-declared facts are not reported', async () => {
    const r = await gate(
      {
        'online/a.yml': managed('azureml://registries/azureml/models/bert/versions/1'),
        'online/b.yml': managed('azureml:fraud:1').replace('name: blue', 'name: green'),
        'online/c.yml': managed('azureml:declared:7').replace('name: blue', 'name: red'),
        'models/fraud.yml': `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 1\n`,
      },
      { config: 'models:\n  declared: { memory-gb: 2 }\n' },
    );
    none(r, 'unresolved-reference');
  });
});
