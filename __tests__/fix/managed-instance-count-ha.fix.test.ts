import { describe, expect, test } from '@jest/globals';
import { findings, fix } from './helpers.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('managed-instance-count-ha fix: the minimum instance count', () => {
  test('multi-document YAML: only the second document changes, its comment stays', () => {
    const text = [
      `$schema: ${SCHEMA}/managedOnlineEndpoint.schema.json`,
      'name: fraud',
      'auth_mode: key',
      '---',
      `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json`,
      'name: blue',
      'endpoint_name: fraud',
      'instance_type: Standard_DS3_v2',
      'instance_count: 1  # TODO scale',
      '---',
      '# the end',
      '',
    ].join('\n');
    const r = fix({ 'deploy/prod/online.yml': text });
    expect(r.files['deploy/prod/online.yml']).toBe(text.replace('instance_count: 1  #', 'instance_count: 3  #'));
    expect(findings(r.before, 'managed-instance-count-ha')).toHaveLength(1);
    expect(findings(r.after, 'managed-instance-count-ha')).toEqual([]);
  });

  test('the configured minimum is the one written', () => {
    const text = `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: fraud\ninstance_type: Standard_DS3_v2\ninstance_count: 2\n`;
    const r = fix({ 'deploy/prod/blue.yml': text }, { config: 'limits:\n  managed-production-min-instances: 4\n' });
    expect(r.files['deploy/prod/blue.yml']).toBe(text.replace('instance_count: 2', 'instance_count: 4'));
  });

  test('a suppressed finding is not fixed', () => {
    const text = `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: fraud\ninstance_type: Standard_DS3_v2\n# model-deploy-gate: ignore managed-instance-count-ha -- canary, ML-42\ninstance_count: 1\n`;
    const r = fix({ 'deploy/prod/blue.yml': text });
    expect(r.files['deploy/prod/blue.yml']).toBe(text);
    expect(r.before.findings.find((f) => f.ruleId === 'managed-instance-count-ha')?.fix).toBeUndefined();
  });

  test('a waived finding is not fixed', () => {
    const text = `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: fraud\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n`;
    const config = 'waivers:\n  - rule: managed-instance-count-ha\n    path: "deploy/**"\n    reason: "canary"\n    owner: "@ml"\n    expires: 2999-01-01\n';
    const r = fix({ 'deploy/prod/blue.yml': text }, { config });
    expect(r.files['deploy/prod/blue.yml']).toBe(text);
  });
});
