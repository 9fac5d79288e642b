import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FINGERPRINT_KEY, SARIF_SCHEMA, fingerprints, renderSarif, toSarif } from '../../src/report/sarif.js';
import { render } from '../../src/report/index.js';
import type { Finding } from '../../src/core/types.js';
import { ALL_RULES } from '../../src/policy/rules/index.js';
import { RULES, finding, sampleResult } from './fixture.js';

interface LogResult {
  ruleId: string;
  level?: string;
  message: { id?: string; text?: string; arguments?: string[] };
}

/** Runs Microsoft's SARIF multitool (with GitHub's ingestion rules) and returns what it reports. */
function multitool(sarifText: string): LogResult[] {
  const bin = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
  const dir = mkdtempSync(path.join(tmpdir(), 'mdg-sarif-'));
  try {
    const input = path.join(dir, 'in.sarif');
    const log = path.join(dir, 'log.sarif');
    writeFileSync(input, sarifText);
    // Called directly, not through a shell: the npm wrapper would split "Gh;Sarif".
    execFileSync(bin, ['validate', input, '--output', log, '--log', 'ForceOverwrite', '--rule-kind', 'Gh;Sarif'], { stdio: 'pipe' });
    const parsed = JSON.parse(readFileSync(log, 'utf8')) as { runs: Array<{ results?: LogResult[] }> };
    return parsed.runs.flatMap((r) => r.results ?? []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SARIF validity', () => {
  test('the Microsoft SARIF multitool (SARIF + GitHub rules) reports no error and no warning', () => {
    const issues = multitool(renderSarif(sampleResult(), RULES));
    const serious = issues.filter((r) => r.level === undefined || r.level === 'error' || r.level === 'warning');
    expect(serious.map((r) => `${r.ruleId} ${r.message.id ?? ''} ${(r.message.arguments ?? []).join(' | ')}`)).toEqual([]);
  }, 60_000);

  test('the multitool does catch a broken log (the check above can fail)', () => {
    const broken = JSON.parse(renderSarif(sampleResult(), RULES)) as { runs: Array<{ tool: { driver: Record<string, unknown> } }> };
    delete broken.runs[0].tool.driver['rules'];
    const issues = multitool(JSON.stringify(broken));
    expect(issues.some((r) => r.level === 'error')).toBe(true);
  }, 60_000);
});

describe('SARIF content', () => {
  const log = toSarif(sampleResult(), RULES);
  const run = log.runs[0];

  test('one run, schema, driver with every rule, helpUri and default level', () => {
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'model-deploy-gate', version: '1.2.3', informationUri: 'https://github.com/model-deploy-gate/model-deploy-gate' });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    const ha = run.tool.driver.rules[2];
    expect(ha).toMatchObject({
      id: 'managed-instance-count-ha',
      name: 'ManagedInstanceCountHa',
      shortDescription: { text: 'Production managed online deployments need 3+ instances.' },
      helpUri: 'https://github.com/model-deploy-gate/model-deploy-gate/blob/main/docs/rules/managed-instance-count-ha.md',
      defaultConfiguration: { level: 'warning' },
    });
    expect(run.tool.driver.rules[3].defaultConfiguration.level).toBe('note');
  });

  test("rules[].help carries the rule's why and source (once per rule), then the fix and the docs link", () => {
    const ha = run.tool.driver.rules[2];
    const uri = 'https://github.com/model-deploy-gate/model-deploy-gate/blob/main/docs/rules/managed-instance-count-ha.md';
    expect(ha.help).toEqual({
      text: `Upgrades and failures take one instance down.\n\nSource: the managed online deployment reference.\n\nHow to fix: Set instance_count: 3.\n\nDocs: ${uri}`,
      markdown: `Upgrades and failures take one instance down.\n\nSource: the managed online deployment reference.\n\n**How to fix:** Set instance_count: 3.\n\n[Rule documentation](${uri})`,
    });
  });

  test("the real rules: every driver rule's help is the rule's help (why, Source: …), then its remediation", () => {
    const real = toSarif(sampleResult(), ALL_RULES).runs[0];
    expect(real.tool.driver.rules).toHaveLength(ALL_RULES.length);
    for (const r of real.tool.driver.rules) {
      const meta = ALL_RULES.find((x) => x.id === r.id)!;
      expect(r.help.text.startsWith(`${meta.help}\n\nHow to fix: ${meta.remediation}`)).toBe(true);
      expect(r.help.markdown).toContain('\n\nSource: ');
    }
  });

  test('results: level, message, repo-relative location with region, ruleIndex', () => {
    expect(run.results).toHaveLength(6);
    const [first, second, , notice] = run.results;
    expect(first).toMatchObject({ ruleId: 'aci-memory-limit', ruleIndex: 0, level: 'error' });
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/dev/aci.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 15 },
    });
    expect(second.locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/prod/aci%20config.yml');
    expect(notice.level).toBe('note');
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  test('suppressions: inSource for inline comments, external for waivers, with justification', () => {
    expect(run.results[0].suppressions).toBeUndefined();
    expect(run.results[4].suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'migration tracked in ML-7' }]);
    expect(run.results[5].suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'migrating, ML-123 (waiver; owner @ml-platform, expires 2027-01-31)' },
    ]);
  });

  test('a finding of a rule missing from the list still gets a driver rule', () => {
    const r = sampleResult();
    r.findings.push(finding('parse-error', 'error', 'x.yml', 1, 'invalid YAML'));
    const out = toSarif(r, RULES).runs[0];
    const res = out.results.at(-1)!;
    expect(out.tool.driver.rules[res.ruleIndex].id).toBe('parse-error');
  });

  test('a degenerate region keeps its start only', () => {
    const r = sampleResult();
    r.findings = [finding('aci-memory-limit', 'error', 'a.yml', 4, 'm', { column: 5, endLine: 4, endColumn: 5 })];
    expect(toSarif(r, RULES).runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 4, startColumn: 5 });
  });

  test('render("sarif") is the SARIF log', () => {
    expect(JSON.parse(render('sarif', sampleResult(), RULES))).toEqual(log);
  });
});

describe('partialFingerprints', () => {
  const f = (line: number, message: string, file = 'deploy/dev/aci.yml', rule = 'aci-memory-limit'): Finding => finding(rule, 'error', file, line, message);

  test('stable across runs, line moves and changed numbers in the message', () => {
    const a = fingerprints([f(7, 'memoryInGB is 64 GB; ACI supports < 48 GB')]);
    const b = fingerprints([f(12, 'memoryInGB is 96 GB; ACI supports < 48 GB')]);
    expect(a).toEqual(b);
    expect(a[0]).toMatch(/^[0-9a-f]{64}$/);
    const log = toSarif(sampleResult(), RULES);
    expect(toSarif(sampleResult(), RULES)).toEqual(log);
    expect(Object.keys(log.runs[0].results[0].partialFingerprints)).toEqual([FINGERPRINT_KEY]);
  });

  test('different rule, file or wording gives a different fingerprint', () => {
    const base = fingerprints([f(7, 'memory too high')])[0];
    expect(fingerprints([f(7, 'memory too high', 'deploy/dev/other.yml')])[0]).not.toBe(base);
    expect(fingerprints([f(7, 'memory too high', undefined, 'memory-headroom')])[0]).not.toBe(base);
    expect(fingerprints([f(7, 'cpu too high')])[0]).not.toBe(base);
  });

  test('equal findings in one file stay distinct, and keep their identity when lines move', () => {
    const two = fingerprints([f(3, 'same'), f(20, 'same')]);
    expect(two[0]).not.toBe(two[1]);
    const moved = fingerprints([f(40, 'same'), f(8, 'same')]);
    expect(moved).toEqual([two[1], two[0]]);
  });
});

test('GitHub upload limit: results truncated, errors and unsuppressed kept first, noted in run.properties', () => {
  const r = sampleResult();
  const out = toSarif(r, RULES, { maxResults: 3 }).runs[0];
  expect(out.results.map((x) => [x.ruleId, x.level, x.suppressions ? 's' : ''])).toEqual([
    ['aci-memory-limit', 'error', ''],
    ['aci-not-for-production', 'error', ''],
    ['managed-instance-count-ha', 'warning', ''],
  ]);
  expect(out.properties).toMatchObject({ truncated: true, totalResults: 6, includedResults: 3 });
  expect(out.properties?.note).toContain('at most 25000 per run');
  expect(toSarif(r, RULES).runs[0].properties).toBeUndefined();
});
