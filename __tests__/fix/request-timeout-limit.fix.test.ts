import { describe, expect, test } from '@jest/globals';
import { gate } from '../helpers.js';
import { findings, fix, fixOf } from './helpers.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json';

describe('request-timeout-limit fix: the maximum', () => {
  test('YAML with comments: only the number changes', () => {
    const text = [
      `$schema: ${SCHEMA}`,
      '# blue serves the fraud model',
      'name: blue',
      'endpoint_name: fraud   # shared endpoint',
      'instance_type: Standard_DS3_v2',
      'instance_count: 3',
      'request_settings:',
      '  # scoring can take long',
      '  request_timeout_ms: 300000 # five minutes',
      '  max_concurrent_requests_per_instance: 2',
      '',
    ].join('\n');
    const r = fix({ 'online/blue.yml': text });
    expect(r.files['online/blue.yml']).toBe(text.replace('request_timeout_ms: 300000 #', 'request_timeout_ms: 180000 #'));
    expect(findings(r.before, 'request-timeout-limit')).toHaveLength(1);
    expect(findings(r.after, 'request-timeout-limit')).toEqual([]);
    expect(r.applied.map((a) => a.ruleId)).toEqual(['request-timeout-limit']);
  });

  test('a quoted value stays quoted; CRLF stays CRLF', () => {
    const text = `$schema: ${SCHEMA}\r\nname: blue\r\nendpoint_name: fraud\r\ninstance_type: Standard_DS3_v2\r\ninstance_count: 3\r\nrequest_settings: { request_timeout_ms: '200000' }\r\n`;
    const r = fix({ 'online/blue.yml': text });
    expect(r.files['online/blue.yml']).toBe(text.replace("'200000'", "'180000'"));
    expect(findings(r.after, 'request-timeout-limit')).toEqual([]);
  });

  test('the finding carries the edit, with its span', async () => {
    const text = `$schema: ${SCHEMA}\nname: blue\nendpoint_name: fraud\ninstance_type: Standard_DS3_v2\ninstance_count: 3\nrequest_settings:\n  request_timeout_ms: 300000\n`;
    const f = fixOf(await gate({ 'online/blue.yml': text }), 'request-timeout-limit');
    const start = text.indexOf('300000');
    expect(f).toEqual({
      description: 'Set `request_settings.request_timeout_ms: 180000`, the maximum',
      edits: [{ start, end: start + 6, text: '180000', span: { line: 7, column: 23, endLine: 7, endColumn: 29 } }],
    });
  });
});
