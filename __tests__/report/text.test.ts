import { expect, test } from '@jest/globals';
import { renderText } from '../../src/report/text.js';
import { render } from '../../src/report/index.js';
import { RULES, sampleResult } from './fixture.js';

test('findings grouped by file as `file:line:col  severity  rule-id  message`; suppressed ones not listed', () => {
  const out = renderText(sampleResult());
  const lines = out.split('\n');
  const aci = lines.indexOf('deploy/dev/aci.yml');
  expect(aci).toBeGreaterThanOrEqual(0);
  expect(lines[aci + 1]).toMatch(/^ {2}deploy\/dev\/aci\.yml:7:3 {2}error {4}aci-memory-limit {2}memoryInGB is 64 GB/);
  // The inline-suppressed v1-deprecated finding in the same file is counted, not listed.
  expect(out).not.toMatch(/v1-deprecated {2}v1 deployment config/);
  expect(out).not.toContain('deploy/legacy/old.yml:1');
  // A multi-line message continues under the message column.
  const multi = lines.findIndex((l) => l.includes('ACI is for testing | development only.'));
  expect(lines[multi + 1]).toMatch(/^ {20,}Deploy to AKS\.$/);
});

test('inventory table, skipped checks, waivers, and the summary line', () => {
  const out = renderText(sampleResult());
  expect(out).toContain('Deployments (3)');
  expect(out).toMatch(/deploy\/prod\/blue\.yml:1 +blue +managed-online +production +real-time +Standard_DS3_v2 × 3 +14 GiB +fraud-detector:3 \(120\.56 KiB\) +no/);
  expect(out).toMatch(/batch\/score\.yml: low-priority-production-batch — stage unknown/);
  expect(out).toMatch(/aci-not-for-production on deploy\/legacy\/\*\* — owner @ml-platform, expires 2027-01-31 \(within 30 days\)/);
  const last = out.trimEnd().split('\n').at(-1)!;
  expect(last).toMatch(/^2 errors, 1 warning, 1 notice \(2 suppressed\) — result: FAIL/);
});

test('no ANSI escapes unless colour is asked for', () => {
  expect(renderText(sampleResult())).not.toContain('\u001b[');
  const coloured = renderText(sampleResult(), { color: true });
  expect(coloured).toContain('\u001b[31merror  \u001b[0m');
  expect(coloured).toContain('\u001b[31mFAIL\u001b[0m');
});

test('a clean run', () => {
  const r = sampleResult();
  r.findings = [];
  r.waivers = [];
  r.skipped = [];
  r.summary = { result: 'pass', errors: 0, warnings: 0, notices: 0, suppressed: 0 };
  expect(render('text', r, RULES).trimEnd().split('\n').at(-1)).toMatch(/^0 errors, 0 warnings, 0 notices \(0 suppressed\) — result: PASS/);
});
