import { describe, expect, test } from '@jest/globals';
import { gate } from '../helpers.js';
import { findings, fix } from './helpers.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';
const model = (memoryGb: number) => `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 3\ntags:\n  memory_gb: ${memoryGb}\n`;

describe('memory-headroom fix', () => {
  test('v1 JSONC (comments, trailing comma): memoryInGB raised to 150 % of the model, nothing else moves', () => {
    const text = [
      '{',
      '    // QA web service',
      '    "computeType": "ACI",',
      '    "containerResourceRequirements": {',
      '        "cpu": 1,',
      '        "memoryInGB": 4 /* measured in 2020 */',
      '    },',
      '}',
      '',
    ].join('\n');
    const r = fix({ 'score/dev/deploymentconfig.json': text, 'score/dev/model.yml': model(4) });
    expect(r.files['score/dev/deploymentconfig.json']).toBe(text.replace('"memoryInGB": 4 /*', '"memoryInGB": 6 /*'));
    expect(findings(r.before, 'memory-headroom')).toHaveLength(1);
    expect(findings(r.after, 'memory-headroom')).toEqual([]);
  });

  test('v1 YAML without memoryInGB (Azure default 0.5 GB): the key is added to containerResourceRequirements', () => {
    const text = '---\ncontainerResourceRequirements:\n  cpu: 1   # one core\ncomputeType: ACI\n';
    const r = fix({ 'score/dev/aci.yml': text, 'score/dev/model.yml': model(1) });
    expect(r.files['score/dev/aci.yml']).toBe('---\ncontainerResourceRequirements:\n  cpu: 1   # one core\n  memoryInGB: 1.5\ncomputeType: ACI\n');
    expect(findings(r.after, 'memory-headroom')).toEqual([]);
  });

  test('v1 AKS: memoryInGBLimit is raised along so that it stays at or above memoryInGB', () => {
    const text = 'computeType: AKS\ncontainerResourceRequirements:\n    cpu: 1\n    memoryInGB: 2\n    memoryInGBLimit: 2\n';
    const r = fix({ 'score/dev/aks.yml': text, 'score/dev/model.yml': model(2) });
    expect(r.files['score/dev/aks.yml']).toBe('computeType: AKS\ncontainerResourceRequirements:\n    cpu: 1\n    memoryInGB: 3\n    memoryInGBLimit: 3\n');
    expect(r.after.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('aml-deploy JSON without memory_gb: the key is added after the last member, before its comment', () => {
    const text = '{\n    "name": "scoring",\n    "cpu_cores": 1 // one core\n}\n';
    const r = fix({ 'svc/dev/.cloud/.azure/deploy.json': text, 'svc/dev/.cloud/.azure/model.yml': model(1) });
    expect(r.files['svc/dev/.cloud/.azure/deploy.json']).toBe('{\n    "name": "scoring",\n    "cpu_cores": 1, // one core\n    "memory_gb": 1.5\n}\n');
    expect(findings(r.after, 'memory-headroom')).toEqual([]);
  });

  test('managed online: the smallest allowed SKU with the RAM needed', () => {
    const text = `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: fraud\nmodel: azureml:fraud:3\ninstance_type: Standard_DS2_v2 # 7 GiB\ninstance_count: 3\n`;
    const r = fix({ 'online/blue.yml': text, 'models/model.yml': model(8) });
    // 1.5 × 8 = 12 GiB: Standard_DS3_v2 (14 GiB) is the smallest managed online CPU size with that.
    expect(r.files['online/blue.yml']).toBe(text.replace('Standard_DS2_v2 #', 'Standard_DS3_v2 #'));
    expect(findings(r.after, 'memory-headroom')).toEqual([]);
  });

  test('Kubernetes: requests.memory raised (in Gi), and the limit with it', () => {
    const text = [
      `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json`,
      'name: blue',
      'endpoint_name: k8s',
      'model: azureml:fraud:3',
      'resources:',
      '  requests: { cpu: "1", memory: "2Gi" }',
      '  limits:',
      "    cpu: '1'",
      '    memory: 2Gi',
      '',
    ].join('\n');
    const r = fix({ 'online/blue.yml': text, 'models/model.yml': model(2) });
    expect(r.files['online/blue.yml']).toBe(text.replace('memory: "2Gi"', 'memory: "3Gi"').replace('memory: 2Gi', 'memory: 3Gi'));
    expect(r.after.findings.filter((f) => f.ruleId === 'memory-headroom' || f.ruleId === 'kubernetes-resources')).toEqual([]);
  });

  test('no fix past the ACI ceiling (the answer is another target) nor for a cluster size (another file)', async () => {
    const aci = 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 16\n';
    const r = await gate({ 'score/dev/aci.yml': aci, 'score/dev/model.yml': model(40) });
    expect(findings(r, 'memory-headroom')[0].fix).toBeUndefined();
  });
});
