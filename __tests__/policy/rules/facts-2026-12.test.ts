// Facts checked against MicrosoftDocs/azure-ai-docs in 2026-12 (AZURE-ML-FACTS.md, revision 2026-12).
import { describe, expect, test } from '@jest/globals';
import { SkuCatalog } from '../../../src/catalog/skus.js';
import { byRule, gate } from '../../helpers.js';
import { none, one } from './expect.js';

const MOD = (sku: string) =>
  `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: b\nendpoint_name: e\ninstance_type: ${sku}\ninstance_count: 3\n`;

describe('the managed online SKU list', () => {
  const LISTED = [
    'Standard_FX4mds', 'Standard_FX48mds', 'Standard_L8s_v2', 'Standard_L80s_v2', 'Standard_L16s_v3', 'Standard_L48as_v3',
    'Standard_NC40ads_H100_v5', 'Standard_NC80adis_H100_v5', 'Standard_ND96amsr_A100_v4', 'Standard_ND96asr_v4',
    'Standard_ND96is_H100_v5', 'Standard_ND96isr_H100_v5', 'STANDARD_NC24ADS_A100_V4',
  ];
  test.each(LISTED)('%s is allowed on managed online endpoints', async (sku) => {
    none(await gate({ 'deploy/dev/d.yml': MOD(sku) }), 'managed-sku-unsupported');
  });

  test('every size carries its quota family; A100/H100/ND40rs_v2 skip the 20 % reservation', () => {
    const c = new SkuCatalog();
    const managed = c.all().filter((x) => x.managedOnline);
    expect(managed.length).toBeGreaterThan(50);
    for (const s of managed) expect([s.name, typeof s.family]).toEqual([s.name, 'string']);
    // The SKU list's API family (`standardDSv2Family`) as the quota page names it.
    expect(c.get('Standard_DS3_v2')).toMatchObject({ family: 'Standard DSv2 Family vCPUs', quotaExempt: false });
    expect(c.get('Standard_FX4mds')).toMatchObject({ family: 'Standard FXMDVS Family vCPUs' });
    expect(c.get('Standard_ND40rs_v2')).toMatchObject({ quotaExempt: true });
    expect(c.get('Standard_NC40ads_H100_v5')).toMatchObject({ vcpus: 40, gpus: 1, quotaExempt: true });
  });

  test('an unknown size is a notice and its size-based rules are skipped, not an error', async () => {
    const r = await gate({ 'deploy/dev/d.yml': MOD('Standard_Made_Up_v9') });
    one(r, 'managed-sku-unsupported', 'deploy/dev/d.yml', 4, 'notice');
    expect(r.summary.errors).toBe(0);
    expect(r.skipped.map((s) => s.rules).flat()).toContain('managed-sku-unsupported');
  });

  test('a known size that is not on the list is still an error', async () => {
    one(await gate({ 'deploy/dev/d.yml': MOD('Standard_D3_v2') }), 'managed-sku-unsupported', 'deploy/dev/d.yml', 4, 'error');
  });
});

describe('Kubernetes online request timeout: at most 300000 ms', () => {
  const KOD = (ms: number) =>
    `type: kubernetes\nname: b\nendpoint_name: e\ninstance_count: 1\nrequest_settings:\n  request_timeout_ms: ${ms}\n`;
  test('300001 fires, 300000 passes (managed would fire at 180001)', async () => {
    one(await gate({ 'deploy/dev/k.yml': KOD(300001) }), 'request-timeout-limit', 'deploy/dev/k.yml', 6, 'error');
    none(await gate({ 'deploy/dev/k.yml': KOD(300000) }), 'request-timeout-limit');
  });
});

describe('inline MLflow models', () => {
  test('type: mlflow_model with a datastore path gets the Kubernetes MLflow minimums', async () => {
    const r = await gate({
      'deploy/dev/k.yml': [
        'type: kubernetes',
        'name: b',
        'endpoint_name: e',
        'model:',
        '  type: mlflow_model',
        '  path: azureml://datastores/workspaceblobstore/paths/models/credit',
        'instance_count: 1',
        'resources:',
        '  requests:',
        '    cpu: "1"',
        '    memory: 2Gi',
      ].join('\n'),
    });
    expect(byRule(r, 'kubernetes-resources').map((f) => f.line)).toEqual([10, 11]);
  });
});

describe('end-of-support dates are said in the right tense', () => {
  test('after 2026-06-30 SDK v1 support "ended"; before, it "ends"', async () => {
    const files = { 'deploy/dev/aci.yml': 'computeType: ACI\n' };
    const after = byRule(await gate(files, { now: new Date('2026-12-01') }), 'v1-deprecated')[0].message;
    expect(after).toContain('SDK v1 support ended on 2026-06-30');
    const before = byRule(await gate(files, { now: new Date('2026-01-15') }), 'v1-deprecated')[0].message;
    expect(before).toContain('SDK v1 support ends on 2026-06-30');
    expect(before).toContain('CLI v1 support ended on 2025-09-30');
  });
});
