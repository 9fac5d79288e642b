import { describe, expect, test } from '@jest/globals';
import { CHECK_RUN_MAX_BYTES, SUMMARY_MAX_BYTES, esc, renderMarkdown } from '../../src/report/markdown.js';
import { render } from '../../src/report/index.js';
import type { Finding, Result } from '../../src/core/types.js';
import { RULES, finding, row, sampleResult } from './fixture.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const BIG = { maxBytes: SUMMARY_MAX_BYTES };

describe('content', () => {
  const md = renderMarkdown(sampleResult(), BIG);

  test('verdict with counts, suppressed count and scope', () => {
    expect(md.startsWith('## ❌ model-deploy-gate: failed\n')).toBe(true);
    expect(md).toContain('**2 errors, 1 warning, 1 notice** · 2 suppressed · fails on: error or worse');
    expect(md).toContain('Scope: all files (workflow_dispatch) — 120 files scanned, 64 manifests.');
  });

  test('findings table: severity, rule linked to its docs, file:line, message; suppressed ones only counted', () => {
    expect(md).toContain('| Severity | Rule | Location | Message |');
    expect(md).toContain(
      '| ❌ error | [aci-memory-limit](https://github.com/model-deploy-gate/model-deploy-gate/blob/main/docs/rules/aci-memory-limit.md) | `deploy/dev/aci.yml:7` |',
    );
    expect(md).toContain('### Findings (4)');
    expect(md).not.toContain('deploy/legacy/old.yml');
    expect(md).toContain('2 findings are suppressed (1 inline, 1 by waivers)');
  });

  test('cells escape `|`, line breaks and HTML; code spans in messages are kept', () => {
    expect(md).toContain('ACI is for testing \\| development only.<br>Deploy to AKS. |');
    expect(md).toContain('not found &lt;anywhere&gt;; declare it under `models:` in the config.');
    expect(esc('a|b\r\nc <img src=x>')).toBe('a\\|b<br>c &lt;img src=x&gt;');
  });

  test('inventory table with every column', () => {
    expect(md).toContain('| File | Name | Target | Stage | Mode | SKU × count | Memory | Model (size) | GPU |');
    expect(md).toContain('| `deploy/prod/blue.yml:1` | blue | managed-online | production | real-time | Standard_DS3_v2 × 3 | 14 GiB | fraud-detector:3 (120.56 KiB) | no |');
    expect(md).toContain('| `batch/score.yml:1` | blue | compute-cluster | unknown | batch | Standard_NC6s_v3 × 2 | 14 GiB |');
  });

  test('skipped checks say how to declare the stage and facts', () => {
    expect(md).toContain('| `batch/score.yml` | `low-priority-production-batch` | stage unknown |');
    expect(md).toMatch(/Declare the stage in the manifest .*`default-stage`.*`models:`, `computes:` and `skus:`/);
  });

  test('waivers in force: owner in a code span (no @-mention), ⚠ when expiring within 30 days', () => {
    expect(md).toContain('| `aci-not-for-production` | `deploy/legacy/**` | `@ml-platform` | ⚠ 2027-01-31 (within 30 days) | 1 | migrating, ML-123 |');
    expect(md).toContain('| `v1-deprecated` | `.cloud/**` | `@data-eng` | 2027-09-30 | 0 | until Q3 |');
  });

  test('links option turns locations into links (spaces encoded)', () => {
    const linked = renderMarkdown(sampleResult(), { ...BIG, links: (f, l) => `https://github.com/o/r/blob/abc/${f}#L${l}` });
    expect(linked).toContain('[deploy/prod/aci config.yml:1](https://github.com/o/r/blob/abc/deploy/prod/aci%20config.yml#L1)');
  });

  test('a passing run with nothing to show', () => {
    const r: Result = { ...sampleResult(), findings: [], inventory: [], skipped: [], waivers: [] };
    r.summary = { result: 'pass', errors: 0, warnings: 0, notices: 0, suppressed: 0 };
    const out = render('markdown', r, RULES);
    expect(out).toContain('## ✅ model-deploy-gate: passed');
    expect(out).toContain('No findings.');
    expect(out).not.toContain('Suppressed findings');
    expect(out).not.toContain('| --- |');
  });
});

describe('byte budget', () => {
  function flood(nFindings: number, nRows: number): Result {
    const r = sampleResult();
    const findings: Finding[] = [];
    for (let i = 0; i < nFindings; i++) {
      findings.push(finding('aci-memory-limit', 'error', `deploy/team-${i % 50}/svc-${i}.yml`, i + 1, `memoryInGB is ${48 + (i % 20)} GB; ACI supports < 48 GB — ünïcödé ✓ text to make rows long enough to matter`));
    }
    r.findings = findings;
    r.inventory = Array.from({ length: nRows }, (_, i) => row(`deploy/team-${i % 50}/svc-${i}.yml`));
    r.summary = { result: 'fail', errors: nFindings, warnings: 0, notices: 0, suppressed: 0 };
    return r;
  }

  test.each([CHECK_RUN_MAX_BYTES, 200_000, SUMMARY_MAX_BYTES])('stays within %i bytes and says what was cut', (max) => {
    const out = renderMarkdown(flood(20_000, 5_000), { maxBytes: max });
    expect(bytes(out)).toBeLessThanOrEqual(max);
    expect(out).toMatch(/_… \d+ more findings not shown: this report is limited to \d+ bytes\. The JSON and SARIF reports list everything\._/);
    expect(out).toMatch(/_… \d+ more deployments not shown/);
    // Every table keeps some rows: a flood of findings does not hide the inventory or the waivers.
    expect(out).toContain('| ❌ error | [aci-memory-limit]');
    expect(out).toContain('| `deploy/team-0/svc-0.yml:1` |');
    expect(out).toContain('| `aci-not-for-production` | `deploy/legacy/**` |');
    // The budget is used, not wasted.
    expect(bytes(out)).toBeGreaterThan(max * 0.9);
  });

  test('rows are whole (no cut inside a row) and tables stay well-formed', () => {
    const out = renderMarkdown(flood(5_000, 10), { maxBytes: CHECK_RUN_MAX_BYTES });
    const rows = out.split('\n').filter((l) => l.startsWith('|'));
    expect(rows.length).toBeGreaterThan(10);
    for (const line of rows) expect(line.endsWith('|')).toBe(true);
  });

  test('nothing is cut when everything fits', () => {
    const out = renderMarkdown(flood(100, 10), { maxBytes: SUMMARY_MAX_BYTES });
    expect(out).not.toContain('not shown');
    expect(out.match(/\| ❌ error \|/g)).toHaveLength(100);
  });

  test('even an absurdly small budget is respected', () => {
    const out = renderMarkdown(flood(10, 10), { maxBytes: 120 });
    expect(bytes(out)).toBeLessThanOrEqual(120);
    expect(out).toContain('report cut to fit');
  });

  test('one enormous cell is capped', () => {
    const r = sampleResult();
    r.findings = [finding('aci-memory-limit', 'error', 'a.yml', 1, 'x'.repeat(100_000))];
    const out = renderMarkdown(r, BIG);
    expect(bytes(out)).toBeLessThan(10_000);
    expect(out).toContain('x…');
  });
});
