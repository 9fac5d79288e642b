import { describe, test, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../../src/policy/rules/index.js';

const SPEC_ORDER = [
  'local-not-for-production', 'aci-not-for-production', 'compute-cluster-not-realtime', 'batch-requires-compute-cluster',
  'gpu-realtime-requires-aks', 'gpu-batch-requires-gpu-cluster', 'fpga-requires-aks', 'aci-memory-limit', 'aci-model-size',
  'memory-headroom', 'autoscale-requires-aks', 'aks-production-cluster', 'gpu-replicas-exceed-cluster',
  'low-priority-production-batch', 'managed-sku-unsupported', 'managed-instance-count-ha', 'request-timeout-limit',
  'kubernetes-resources', 'v1-deprecated', 'secret-in-manifest', 'schema', 'unknown-key', 'parse-error',
  'unresolved-reference', 'invalid-suppression', 'waiver-expired',
  // Added since SPEC §4's table (issues #11 and #13).
  'template', 'kubernetes-registry-asset', 'v2-online-on-legacy-aks', 'quota-exceeded',
  // SPEC §6 (revised 2026-12): reported by the engine when a pull request changes the config.
  'policy-change',
];

const DEFAULTS: Record<string, string> = {
  'low-priority-production-batch': 'warning', 'managed-instance-count-ha': 'warning', 'v1-deprecated': 'warning',
  'unknown-key': 'warning', 'invalid-suppression': 'warning', 'unresolved-reference': 'notice', template: 'notice',
  'quota-exceeded': 'warning',
};

describe('ALL_RULES', () => {
  test('every SPEC §4 rule, once, in SPEC order, with the default severity of the table', () => {
    expect(ALL_RULES.map((r) => r.id)).toEqual(SPEC_ORDER);
    for (const r of ALL_RULES) expect([r.id, r.defaultSeverity]).toEqual([r.id, DEFAULTS[r.id] ?? 'error']);
  });

  test('every rule has a description, a remediation and a docs page listed in docs/rules/README.md', () => {
    const docs = path.resolve('docs/rules');
    const index = readFileSync(path.join(docs, 'README.md'), 'utf8');
    for (const r of ALL_RULES) {
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.remediation.length).toBeGreaterThan(10);
      expect(existsSync(path.join(docs, `${r.id}.md`))).toBe(true);
      expect(index).toContain(`[\`${r.id}\`](${r.id}.md)`);
    }
  });

  test('stage-dependent rules say which deployments they apply to', () => {
    for (const r of ALL_RULES.filter((x) => x.productionOnly)) expect(r.scope).toBe('deployment');
    expect(ALL_RULES.filter((x) => x.productionOnly).map((r) => r.id).sort()).toEqual([
      'aci-not-for-production', 'aks-production-cluster', 'local-not-for-production', 'low-priority-production-batch', 'managed-instance-count-ha',
    ]);
  });
});
