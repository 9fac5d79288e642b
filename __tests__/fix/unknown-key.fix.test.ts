import { describe, expect, test } from '@jest/globals';
import { gate } from '../helpers.js';
import { findings, fix } from './helpers.js';

describe('unknown-key fix: the known key it is a typo of', () => {
  test('memoryInGb → memoryInGB (YAML, comment kept)', () => {
    const text = 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGb: 2 # sized for QA\n';
    const r = fix({ 'score/dev/aci.yml': text });
    expect(r.files['score/dev/aci.yml']).toBe(text.replace('memoryInGb:', 'memoryInGB:'));
    expect(findings(r.before, 'unknown-key')).toHaveLength(1);
    expect(findings(r.after, 'unknown-key')).toEqual([]);
  });

  test('a JSON key keeps its quotes: "memoryInGb" → "memoryInGB"', () => {
    const text = '{\n  "computeType": "ACI",\n  "containerResourceRequirements": {"cpu": 1, "memoryInGb": 2}\n}\n';
    const r = fix({ 'score/dev/deploymentconfig.json': text });
    expect(r.files['score/dev/deploymentconfig.json']).toBe(text.replace('"memoryInGb"', '"memoryInGB"'));
    expect(findings(r.after, 'unknown-key')).toEqual([]);
  });

  test('v2: instance_Count → instance_count in a managed deployment', () => {
    const text = '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: e\ninstance_type: Standard_DS3_v2\ninstance_Count: 1\n';
    const r = fix({ 'online/blue.yml': text });
    expect(r.files['online/blue.yml']).toBe(text.replace('instance_Count', 'instance_count'));
    expect(findings(r.after, 'unknown-key')).toEqual([]);
  });

  test('no fix when the known key is already there, or the renamed value would break the schema', async () => {
    const both = await gate({ 'score/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 2\n  memoryInGb: 3\n' });
    expect(findings(both, 'unknown-key')[0].fix).toBeUndefined();
    const bad = await gate({ 'score/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGb: lots\n' });
    expect(findings(bad, 'unknown-key')[0].fix).toBeUndefined();
  });
});
