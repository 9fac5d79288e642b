import { describe, test, expect } from '@jest/globals';
import { gate } from '../../helpers.js';
import { one, none, skippedRules, skippedWhy } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';
const GIB = 2 ** 30;

describe('gpu-realtime-requires-aks', () => {
  test('v1 ACI with gpuCores fires at gpuCores', async () => {
    const r = await gate({ 'deploy/dev/aci.yml': 'computeType: ACI\ngpuCores: 1\n' });
    one(r, 'gpu-realtime-requires-aks', 'deploy/dev/aci.yml', 2, 'error');
  });

  test('v1 local with containerResourceRequirements.gpu fires at that key', async () => {
    const r = await gate({ 'deploy/dev/local.yml': 'computeType: local\ncontainerResourceRequirements:\n  gpu: 1\n' });
    one(r, 'gpu-realtime-requires-aks', 'deploy/dev/local.yml', 3, 'error');
  });

  test('aml-deploy enable_gpu and gpu_cores on ACI fire at each key', async () => {
    const r = await gate({ 'svc/.cloud/.azure/deploy.json': '{\n  "name": "img",\n  "enable_gpu": true,\n  "gpu_cores": 1\n}\n' });
    const lines = r.findings.filter((f) => f.ruleId === 'gpu-realtime-requires-aks').map((f) => f.line).sort();
    expect(lines).toEqual([3, 4]);
  });

  test('gpuCores 0 on ACI and GPU on AKS do not fire', async () => {
    const r = await gate({
      'deploy/dev/aci.yml': 'computeType: ACI\ngpuCores: 0\n',
      'deploy/dev/aks.yml': 'computeType: AKS\ngpuCores: 1\n',
      'svc/.cloud/.azure/deploy.json': '{ "name": "img", "enable_gpu": false }\n',
    });
    none(r, 'gpu-realtime-requires-aks');
  });
});

describe('fpga-requires-aks', () => {
  test('containerResourceRequirements.fpga on ACI fires at the fpga key; on v1 AKS it passes', async () => {
    const r = await gate({
      'deploy/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  fpga: 2\n',
      'deploy/dev/aks.yml': 'computeType: AKS\ncontainerResourceRequirements:\n  cpu: 1\n  fpga: 2\n',
    });
    one(r, 'fpga-requires-aks', 'deploy/dev/aci.yml', 4, 'error');
  });

  test('managed online instance_type Standard_PB6s fires at instance_type', async () => {
    const r = await gate({
      'online/blue.yml': `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\ninstance_type: Standard_PB6s\ninstance_count: 1\n`,
    });
    one(r, 'fpga-requires-aks', 'online/blue.yml', 4, 'error');
  });

  test('a Kubernetes instance_type names a cluster instance type, not a catalogue SKU: no FPGA finding', async () => {
    const r = await gate({
      'online/blue.yml': `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\ninstance_type: Standard_PB6s\ninstance_count: 1\n`,
    });
    none(r, 'fpga-requires-aks');
  });

  test('model accelerator: fpga, folder-linked to an ACI config, points at computeType', async () => {
    const r = await gate({
      'deploy/dev/resnet/model.yml': `$schema: ${SCHEMA}/model.schema.json\nname: resnet\nversion: 1\ntags:\n  accelerator: fpga\n`,
      'deploy/dev/resnet/aci.yml': 'authEnabled: true\ncomputeType: ACI\n',
    });
    one(r, 'fpga-requires-aks', 'deploy/dev/resnet/aci.yml', 2, 'error');
  });

  test('config models: facts reach a folder-linked aml-registermodel model by its name', async () => {
    const r = await gate(
      {
        'deploy/dev/resnet/registermodel.json': '{ "model_name": "resnet", "model_file_name": "model.onnx" }\n',
        'deploy/dev/resnet/aci.yml': 'authEnabled: true\ncomputeType: ACI\n',
      },
      { config: 'models:\n  resnet: { accelerator: fpga }\n' },
    );
    one(r, 'fpga-requires-aks', 'deploy/dev/resnet/aci.yml', 2, 'error');
  });

  test('model accelerator: fpga on a managed online deployment points at the model reference', async () => {
    const r = await gate({
      'online/blue.yml': `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\nmodel: azureml:resnet:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n`,
      'models/resnet.yml': `$schema: ${SCHEMA}/model.schema.json\nname: resnet\nversion: 1\ntags:\n  accelerator: fpga\n`,
    });
    one(r, 'fpga-requires-aks', 'online/blue.yml', 4, 'error');
  });
});

describe('aci-memory-limit', () => {
  test('v1 memoryInGB 48 fires; 47.9 does not', async () => {
    const r = await gate({
      'deploy/dev/big.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 4\n  memoryInGB: 48\n',
      'deploy/dev/ok.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 4\n  memoryInGB: 47.9\n',
    });
    const f = one(r, 'aci-memory-limit', 'deploy/dev/big.yml', 4, 'error');
    expect(f.message).toMatch(/less than 48 GB/);
  });

  test('aml-deploy memory_gb 64 fires at memory_gb; 8 does not; AKS target is not limited', async () => {
    const r = await gate({
      'a/.cloud/.azure/deploy.json': '{\n  "inference_entry_script": "score.py",\n  "memory_gb": 64\n}\n',
      'b/.cloud/.azure/deploy.json': '{ "inference_entry_script": "score.py", "memory_gb": 8 }\n',
      'c/.cloud/.azure/deploy.json': '{ "deployment_compute_target": "x-aks", "memory_gb": 64 }\n',
    });
    one(r, 'aci-memory-limit', 'a/.cloud/.azure/deploy.json', 3, 'error');
  });

  test('the limit comes from config', async () => {
    const r = await gate(
      { 'deploy/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 20\n' },
      { config: 'limits:\n  aci-max-memory-gb: 16\n' },
    );
    one(r, 'aci-memory-limit', 'deploy/dev/aci.yml', 3, 'error');
  });
});

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
    expect(f.message).toMatch(/single-node/);
  });

  test('MLflow model_size_bytes in the folder of an aml-deploy file (ACI) points at the first key', async () => {
    const linked = await gate({
      'svc/model/MLmodel': 'artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.sklearn\nmodel_size_bytes: 2147483648\n',
      'svc/model/deploy.json': '{\n  "name": "svc",\n  "inference_entry_script": "score.py"\n}\n',
    });
    one(linked, 'aci-model-size', 'svc/model/deploy.json', 2, 'error');
  });

  test('size declared in config models: for a registermodel file in the folder', async () => {
    const r = await gate(
      {
        'deploy/dev/registermodel.json': '{ "model_name": "bert", "model_file_name": "bert.bin" }\n',
        'deploy/dev/aci.yml': 'computeType: ACI\n',
      },
      { config: 'models:\n  bert: { size-bytes: 1500000000 }\n' },
    );
    one(r, 'aci-model-size', 'deploy/dev/aci.yml', 1, 'error');
  });

  test('unknown size is listed as skipped', async () => {
    const r = await gate({
      'deploy/dev/registermodel.json': '{ "model_name": "bert", "model_file_name": "bert.bin" }\n',
      'deploy/dev/aci.yml': 'computeType: ACI\n',
    });
    none(r, 'aci-model-size');
    expect(skippedRules(r, 'deploy/dev/aci.yml')).toContain('aci-model-size');
  });

  test('a v1 ACI config linked to no model (none, or two, in its folder) is listed as skipped, not passed', async () => {
    const model = (name: string) => `$schema: ${SCHEMA}/model.schema.json\nname: ${name}\nversion: 1\n`;
    const r = await gate({
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

describe('autoscale-requires-aks', () => {
  test('v1 ACI numReplicas 3 and autoScaler.autoscaleEnabled fire at each key', async () => {
    const r = await gate({
      'deploy/dev/aci.yml': 'computeType: ACI\nnumReplicas: 3\nautoScaler:\n  autoscaleEnabled: True\n',
    });
    const lines = r.findings.filter((f) => f.ruleId === 'autoscale-requires-aks').map((f) => f.line).sort();
    expect(lines).toEqual([2, 4]);
  });

  test('aml-deploy autoscale_enabled on ACI fires; num_replicas 1 and AKS do not', async () => {
    const r = await gate({
      'a/.cloud/.azure/deploy.json': '{\n  "name": "a",\n  "autoscale_enabled": true,\n  "num_replicas": 1\n}\n',
      'b/.cloud/.azure/deploy.json': '{ "name": "b", "deployment_compute_target": "aks1", "autoscale_enabled": true, "num_replicas": 3 }\n',
      'deploy/dev/aks.yml': 'computeType: AKS\nnumReplicas: 3\n',
    });
    one(r, 'autoscale-requires-aks', 'a/.cloud/.azure/deploy.json', 3, 'error');
  });
});
