import { describe, expect, test } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('fpga-requires-aks', () => {
  test('containerResourceRequirements.fpga on ACI fires at the fpga key; on v1 AKS it passes', () => {
    const r = check({
      'deploy/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  fpga: 2\n',
      'deploy/dev/aks.yml': 'computeType: AKS\ncontainerResourceRequirements:\n  cpu: 1\n  fpga: 2\n',
    });
    expect(one(r, 'fpga-requires-aks', 'deploy/dev/aci.yml', 4, 'error').message).toBe('The deployment in deploy/dev/aci.yml asks for an FPGA (`containerResourceRequirements.fpga: 2`) but deploys to Azure Container Instances (ACI): deploy the model as a v1 AKS web service on a Standard_PB6s cluster, or drop the FPGA requirement and use a CPU/GPU SKU.');
  });

  test('managed online instance_type Standard_PB6s fires at instance_type', () => {
    const r = check({
      'online/blue.yml': `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\ninstance_type: Standard_PB6s\ninstance_count: 1\n`,
    });
    expect(one(r, 'fpga-requires-aks', 'online/blue.yml', 4, 'error').message).toBe('Deployment "blue" asks for an FPGA (the FPGA VM size Standard_PB6s) but deploys to Managed online endpoint through CLI/SDK v2: deploy the model as a v1 AKS web service on a Standard_PB6s cluster, or drop the FPGA requirement and use a CPU/GPU SKU.');
  });

  test('a Kubernetes instance_type names a cluster instance type, not a catalogue SKU: no FPGA finding', () => {
    const r = check({
      'online/blue.yml': `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\ninstance_type: Standard_PB6s\ninstance_count: 1\n`,
    });
    none(r, 'fpga-requires-aks');
  });

  test('model accelerator: fpga, folder-linked to an ACI config, points at computeType', () => {
    const r = check({
      'deploy/dev/resnet/model.yml': `$schema: ${SCHEMA}/model.schema.json\nname: resnet\nversion: 1\ntags:\n  accelerator: fpga\n`,
      'deploy/dev/resnet/aci.yml': 'authEnabled: true\ncomputeType: ACI\n',
    });
    one(r, 'fpga-requires-aks', 'deploy/dev/resnet/aci.yml', 2, 'error');
  });

  test('config models: facts reach a folder-linked aml-registermodel model by its name', () => {
    const r = check(
      {
        'deploy/dev/resnet/registermodel.json': '{ "model_name": "resnet", "model_file_name": "model.onnx" }\n',
        'deploy/dev/resnet/aci.yml': 'authEnabled: true\ncomputeType: ACI\n',
      },
      { config: 'models:\n  resnet: { accelerator: fpga }\n' },
    );
    one(r, 'fpga-requires-aks', 'deploy/dev/resnet/aci.yml', 2, 'error');
  });

  test('model accelerator: fpga on a managed online deployment points at the model reference', () => {
    const r = check({
      'online/blue.yml': `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\nmodel: azureml:resnet:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n`,
      'models/resnet.yml': `$schema: ${SCHEMA}/model.schema.json\nname: resnet\nversion: 1\ntags:\n  accelerator: fpga\n`,
    });
    one(r, 'fpga-requires-aks', 'online/blue.yml', 4, 'error');
  });
});
