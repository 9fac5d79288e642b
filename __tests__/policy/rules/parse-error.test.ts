import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { one, none } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('parse-error', () => {
  test('an unrendered {{ }} template fires at the token and keeps the file from being checked', () => {
    const r = check({ 'online/blue.yml': `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: {{DEPLOYMENT_NAME}}\ninstance_type: Standard_DS3_v2\n` });
    const f = one(r, 'parse-error', 'online/blue.yml', 2, 'error');
    expect(f.message).toBe('File is an unrendered template ({{DEPLOYMENT_NAME}} at line 2): render it before gating, or exclude it in the config. YAML parser: a mapping key must be a plain value (found a collection as a key)');
    expect(r.inventory).toEqual([]);
  });

  test('malformed JSON fires; the same file well-formed does not', () => {
    const bad = check({ 'deploy/dev/aci.json': '{\n  "computeType": "ACI",\n  "numReplicas": \n}\n' });
    expect(one(bad, 'parse-error', 'deploy/dev/aci.json', 4, 'error').message.length).toBeGreaterThan(0);
    const ok = check({ 'deploy/dev/aci.json': '{\n  "computeType": "ACI",\n  "numReplicas": 1\n}\n' });
    none(ok, 'parse-error');
    expect(ok.inventory).toHaveLength(1);
  });

  test('a file the pre-filter rules out is never parsed, so its syntax is not reported', () => {
    const r = check({ 'docs/notes.yml': 'title: [unclosed\n', 'deploy/dev/aci.yml': 'computeType: ACI\n' });
    none(r, 'parse-error');
    expect(r.scope.filesScanned).toBe(1);
    const looksLikeOne = check({ 'docs/notes.yml': 'computeType: [unclosed\n' });
    one(looksLikeOne, 'parse-error', 'docs/notes.yml', 2, 'error');
  });
});
