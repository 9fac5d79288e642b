import { describe, expect, test } from '@jest/globals';
import { findings, fix } from './helpers.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';
const k8s = (lines: string[]) =>
  [`$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json`, 'name: blue', 'endpoint_name: k8s-ep', 'model: azureml:sk:1', ...lines, ''].join('\n');
const model = (type: string) => `$schema: ${SCHEMA}/model.schema.json\nname: sk\nversion: 1\ntype: ${type}\n`;

describe('kubernetes-resources fix', () => {
  test('a limit below its request is raised to the request, written like the limit', () => {
    const text = k8s(['resources:', '  requests:', '    cpu: "0.5"', '    memory: 1Gi', '  limits:', '    cpu: 200m  # too low', '    memory: 1Gi']);
    const r = fix({ 'online/blue.yml': text, 'models/sk.yml': model('custom_model') });
    expect(r.files['online/blue.yml']).toBe(text.replace('cpu: 200m  #', 'cpu: "0.5"  #'));
    expect(findings(r.after, 'kubernetes-resources')).toEqual([]);
  });

  test('a GPU request without a limit gets a limit equal to the request (block YAML, CRLF)', () => {
    const text = k8s(['resources:', '  requests:', '    cpu: "1"', '    memory: 2Gi', '    nvidia.com/gpu: "1"', '  limits:', '    cpu: "1"', '    memory: 2Gi', 'instance_count: 1']).replace(/\n/g, '\r\n');
    const r = fix({ 'online/blue.yml': text, 'models/sk.yml': model('custom_model') });
    expect(r.files['online/blue.yml']).toBe(text.replace('    memory: 2Gi\r\ninstance_count', '    memory: 2Gi\r\n    nvidia.com/gpu: "1"\r\ninstance_count'));
    expect(findings(r.after, 'kubernetes-resources')).toEqual([]);
  });

  test('a GPU request without any limits block: the block is added (flow mapping kept as it is)', () => {
    const text = k8s(['resources:', '  requests: {cpu: "1", memory: 2Gi, nvidia.com/gpu: 1}', 'instance_count: 1']);
    const r = fix({ 'online/blue.yml': text, 'models/sk.yml': model('custom_model') });
    expect(r.files['online/blue.yml']).toBe(text.replace('nvidia.com/gpu: 1}\n', 'nvidia.com/gpu: 1}\n  limits:\n    nvidia.com/gpu: 1\n'));
    expect(findings(r.after, 'kubernetes-resources')).toEqual([]);
  });

  test('MLflow: 4G (4 × 10^9 bytes) becomes 4Gi; the limit follows', () => {
    const text = k8s(['resources:', '  requests:', '    cpu: "2"', "    memory: '4G'", '  limits:', '    cpu: "2"', '    memory: 4G']);
    const r = fix({ 'online/blue.yml': text, 'models/sk.yml': model('mlflow_model') });
    expect(r.files['online/blue.yml']).toBe(text.replace("memory: '4G'", "memory: '4Gi'").replace('memory: 4G\n', 'memory: 4Gi\n'));
    expect(findings(r.after, 'kubernetes-resources')).toEqual([]);
  });

  test('MLflow with 1 CPU: the request becomes 2 (a number stays a number)', () => {
    const text = k8s(['resources:', '  requests:', '    cpu: 1', '    memory: 4Gi']);
    const r = fix({ 'online/blue.yml': text, 'models/sk.yml': model('mlflow_model') });
    expect(r.files['online/blue.yml']).toBe(text.replace('cpu: 1\n', 'cpu: 2\n'));
    expect(findings(r.after, 'kubernetes-resources')).toEqual([]);
  });

  test('MLflow without requests: requests of 2 CPU and 4Gi are added', () => {
    const text = k8s(['instance_count: 1  # one pod']);
    const r = fix({ 'online/blue.yml': text, 'models/sk.yml': model('mlflow_model') });
    expect(r.files['online/blue.yml']).toBe(`${text}resources:\n  requests:\n    cpu: "2"\n    memory: 4Gi\n`);
    expect(findings(r.after, 'kubernetes-resources')).toEqual([]);
  });
});
