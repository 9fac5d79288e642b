import { describe, expect, test } from '@jest/globals';
import { gate } from '../helpers.js';
import { findings, fix } from './helpers.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json';

describe('managed-sku-unsupported fix: the smallest allowed size with the RAM', () => {
  test('Standard_D3_v2 (14 GiB, not allowed) → Standard_DS3_v2, quoting kept', () => {
    const text = `# blue\r\n$schema: ${SCHEMA}\r\nname: blue\r\nendpoint_name: fraud\r\ninstance_type: "Standard_D3_v2" # from the v1 cluster\r\ninstance_count: 3\r\n`;
    const r = fix({ 'online/blue.yml': text });
    expect(r.files['online/blue.yml']).toBe(text.replace('"Standard_D3_v2"', '"Standard_DS3_v2"'));
    expect(findings(r.before, 'managed-sku-unsupported')).toHaveLength(1);
    expect(findings(r.after, 'managed-sku-unsupported')).toEqual([]);
  });

  test('a GPU size keeps a GPU: Standard_NC6 (56 GiB, retired) → Standard_NC8as_T4_v3 (56 GiB)', () => {
    const text = `$schema: ${SCHEMA}\nname: blue\nendpoint_name: fraud\ninstance_type: Standard_NC6\ninstance_count: 3\n`;
    const r = fix({ 'online/blue.yml': text });
    expect(r.files['online/blue.yml']).toBe(text.replace('Standard_NC6\n', 'Standard_NC8as_T4_v3\n'));
    expect(findings(r.after, 'managed-sku-unsupported')).toEqual([]);
  });

  test('a size the catalogue does not know has no fix (it may be allowed)', async () => {
    const text = `$schema: ${SCHEMA}\nname: blue\nendpoint_name: fraud\ninstance_type: Standard_Custom8\ninstance_count: 3\n`;
    const r = await gate({ 'online/blue.yml': text });
    expect(findings(r, 'managed-sku-unsupported')[0].fix).toBeUndefined();
  });
});
