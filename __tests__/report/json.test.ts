import { expect, test } from '@jest/globals';
import { renderJson, ReportList, toJsonReport, toLazyJsonReport } from '../../src/report/json.js';
import type { Finding } from '../../src/core/types.js';
import { render } from '../../src/report/index.js';
import { RULES, sampleResult } from './fixture.js';

test('top-level shape and key order of SPEC §8, plus waivers; no failOn', () => {
  const parsed = JSON.parse(renderJson(sampleResult())) as Record<string, unknown>;
  // SPEC §8 plus the complete inventory (endpoints, models, computes: issue #11) and waivers.
  expect(Object.keys(parsed)).toEqual(['version', 'tool', 'scope', 'summary', 'findings', 'inventory', 'endpoints', 'models', 'computes', 'skipped', 'waivers']);
  expect(parsed['version']).toBe(1);
  expect(parsed['tool']).toEqual({ name: 'model-deploy-gate', version: '1.2.3' });
  expect(Object.keys(parsed['scope'] as object)).toEqual(['mode', 'reason', 'filesScanned', 'manifests']);
  expect(parsed['summary']).toEqual({ result: 'fail', errors: 2, warnings: 1, notices: 1, suppressed: 2 });
  expect(Object.keys(parsed['summary'] as object)).toEqual(['result', 'errors', 'warnings', 'notices', 'suppressed']);
});

test('findings: fixed keys, suppressed is null or {by, reason, owner?, expires?}', () => {
  const r = toJsonReport(sampleResult());
  expect(Object.keys(r.findings[0])).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'helpUri', 'suppressed']);
  expect(r.findings[0].suppressed).toBeNull();
  expect(r.findings[4].suppressed).toEqual({ by: 'inline', reason: 'migration tracked in ML-7' });
  expect(Object.keys(r.findings[4].suppressed!)).toEqual(['by', 'reason']);
  expect(Object.keys(r.findings[5].suppressed!)).toEqual(['by', 'reason', 'owner', 'expires']);
  expect(r.findings[0].helpUri).toBe('https://github.com/model-deploy-gate/model-deploy-gate/blob/main/docs/rules/aci-memory-limit.md');
});

test('inventory, skipped and waivers rows keep the documented key order', () => {
  const r = toJsonReport(sampleResult());
  expect(Object.keys(r.inventory[0])).toEqual([
    'file', 'line', 'kind', 'name', 'target', 'stage', 'stageSource', 'mode', 'instanceType', 'instances', 'memoryGb', 'gpus', 'model', 'modelSizeBytes', 'compute',
    'modelResolution', 'computeResolution', 'deployedBy',
  ]);
  expect(Object.keys(r.skipped[0])).toEqual(['file', 'rules', 'why']);
  expect(Object.keys(r.waivers[0])).toEqual(['rule', 'path', 'reason', 'owner', 'expires', 'expiringSoon', 'matched']);
});

test('properties outside the contract do not leak, and output is deterministic', () => {
  const res = sampleResult();
  (res.findings[0] as unknown as Record<string, unknown>)['internal'] = 'x';
  const text = renderJson(res);
  expect(text).not.toContain('internal');
  expect(text).not.toContain('failOn');
  expect(renderJson(sampleResult())).toBe(renderJson(sampleResult()));
  expect(text.endsWith('}\n')).toBe(true);
});

test('render("json") is the JSON report', () => {
  expect(render('json', sampleResult(), RULES)).toBe(renderJson(sampleResult()));
});

test('the lazy report stringifies to the same text, and makes its list items only when asked', () => {
  const res = sampleResult();
  (res.findings[0] as unknown as Record<string, unknown>)['internal'] = 'x';
  const lazy = toLazyJsonReport(res);
  expect(JSON.stringify(lazy, null, 2)).toBe(JSON.stringify(toJsonReport(res), null, 2));
  // Items are made from the result when written, not when the report is built.
  const findings = lazy.findings as ReportList<Finding>;
  expect(findings).toBeInstanceOf(ReportList);
  expect(findings.length).toBe(res.findings.length);
  res.findings[1] = { ...res.findings[1], message: 'changed after the report was built' };
  expect(findings.slice(1, 2).map((f) => f.message)).toEqual(['changed after the report was built']);
  expect(Object.keys(findings.slice(0, 1)[0])).not.toContain('internal');
  expect(findings.slice(0, 100)).toHaveLength(res.findings.length);
});
