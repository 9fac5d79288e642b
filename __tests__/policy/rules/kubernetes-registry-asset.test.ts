import { describe, expect, test } from '@jest/globals';
import { gate } from '../../helpers.js';
import { none, one } from './expect.js';

const KOD = (model: string, env = 'azureml:sklearn-env:1') =>
  [
    '$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineDeployment.schema.json',
    'type: kubernetes',
    'name: blue',
    'endpoint_name: k8s-ep',
    `model: ${model}`,
    `environment: ${env}`,
    'instance_count: 1',
  ].join('\n');

describe('kubernetes-registry-asset', () => {
  test('a registry model fires at model', async () => {
    const r = await gate({ 'deploy/dev/k8s.yml': KOD('azureml://registries/azureml/models/bert-base-uncased/versions/3') });
    expect(one(r, 'kubernetes-registry-asset', 'deploy/dev/k8s.yml', 5, 'error').message).toBe('Deployment "blue" uses the registry model `azureml://registries/azureml/models/bert-base-uncased/versions/3`, which Kubernetes online endpoints do not support: register the model in the workspace and reference it as `azureml:bert-base-uncased:3`, or deploy to a managed online endpoint.');
  });

  test('a registry environment fires at environment', async () => {
    const r = await gate({ 'deploy/dev/k8s.yml': KOD('azureml:bert:3', 'azureml://registries/azureml/environments/sklearn-1.5/labels/latest') });
    expect(one(r, 'kubernetes-registry-asset', 'deploy/dev/k8s.yml', 6, 'error').message).toBe('Deployment "blue" uses the registry environment `azureml://registries/azureml/environments/sklearn-1.5/labels/latest`, which Kubernetes online endpoints do not support: register the environment in the workspace and reference it as `azureml:sklearn-1.5@latest`, or deploy to a managed online endpoint.');
  });

  test('a registry reference holding a placeholder still fires, naming the key, not the placeholder (the template notice names it)', async () => {
    const r = await gate({ 'deploy/dev/k8s.yml': KOD('azureml://registries/$(REGISTRY)/models/bert/versions/3') });
    expect(one(r, 'kubernetes-registry-asset', 'deploy/dev/k8s.yml', 5, 'error').message).toBe(
      'Deployment "blue" uses the registry model at `model`, which Kubernetes online endpoints do not support: ' +
        'register the model in the workspace and reference it as `azureml:NAME:VERSION`, or deploy to a managed online endpoint.',
    );
    one(r, 'template', 'deploy/dev/k8s.yml', 5, 'notice');
  });

  test('workspace assets pass; a managed online deployment may use the registry', async () => {
    const ok = await gate({ 'deploy/dev/k8s.yml': KOD('azureml:bert:3') });
    none(ok, 'kubernetes-registry-asset');
    const managed = await gate({
      'deploy/dev/m.yml':
        '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: b\nendpoint_name: e\nmodel: azureml://registries/azureml/models/bert/versions/3\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n',
    });
    none(managed, 'kubernetes-registry-asset');
  });
});
