import { describe, expect, test } from '@jest/globals';
import type { Finding, LoadedFile } from '../../src/core/types.js';
import { LineIndex } from '../../src/parse/lines.js';
import { parseYaml } from '../../src/parse/yaml.js';
import { parseJsonc } from '../../src/parse/jsonc.js';
import { defaultConfig } from '../../src/config/index.js';
import { parseConfig } from '../config/throwing.js';
import { Registry } from '../../src/policy/registry.js';
import { ALL_RULES } from '../../src/policy/rules/index.js';
import { applySuppressions } from '../../src/policy/suppress/apply.js';
import { helpUri } from '../../src/core/rules.js';
import type { Config } from '../../src/config/types.js';

const KNOWN = new Set([
  'aci-not-for-production',
  'aci-memory-limit',
  'memory-headroom',
  'v1-deprecated',
  'unknown-key',
  'invalid-suppression',
  'waiver-expired',
]);
const NOW = new Date('2027-01-15T12:00:00Z');

function file(path: string, text: string): LoadedFile {
  const lines = new LineIndex(text);
  const syntax = path.endsWith('.json') ? 'json' : 'yaml';
  const r = syntax === 'json' ? parseJsonc(text, lines) : parseYaml(text, lines);
  expect(r.problems).toEqual([]);
  return { path, abs: `/repo/${path}`, text, syntax, size: text.length, docs: r.docs, problems: r.problems };
}

function finding(ruleId: string, path: string, line: number, column = 1): Finding {
  return {
    ruleId,
    severity: 'error',
    message: `${ruleId} at ${line}`,
    file: path,
    line,
    column,
    endLine: line,
    endColumn: column + 5,
    helpUri: helpUri(ruleId),
    suppressed: null,
  };
}

function run(files: LoadedFile[], findings: Finding[], config: Config = defaultConfig(), now = NOW) {
  return applySuppressions(findings, files, config, now, new Registry(ALL_RULES.filter((r) => KNOWN.has(r.id) || r.scope === 'engine'), config));
}

const byRule = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id);

describe('inline suppressions', () => {
  const V1 = [
    'computeType: ACI # model-deploy-gate: ignore aci-not-for-production -- dev sandbox only, ML-42', // 1
    'containerResourceRequirements:', // 2
    '  cpu: 1', // 3
    '  # model-deploy-gate: ignore aci-memory-limit -- sized by profiling, ML-43', // 4
    '  memoryInGB: 64', // 5
    '', // 6
  ].join('\n');

  test('a trailing comment suppresses findings of the named rule on its line only', () => {
    const f = file('deploy/dev/aci.yml', V1);
    const r = run([f], [finding('aci-not-for-production', f.path, 1), finding('v1-deprecated', f.path, 1)]);
    expect(r.findings[0].suppressed).toEqual({ by: 'inline', reason: 'dev sandbox only, ML-42' });
    expect(r.findings[1].suppressed).toBeNull();
    expect(r.findings).toHaveLength(2);
  });

  test('an own-line comment suppresses the next line, not its own or later lines', () => {
    const f = file('deploy/dev/aci.yml', V1);
    const r = run([f], [finding('aci-memory-limit', f.path, 5, 3), finding('aci-memory-limit', f.path, 4), finding('aci-memory-limit', f.path, 3)]);
    expect(r.findings.map((x) => x.suppressed?.by ?? null)).toEqual(['inline', null, null]);
    expect(r.findings[0].suppressed?.reason).toBe('sized by profiling, ML-43');
  });

  test('the input findings are not mutated', () => {
    const f = file('deploy/dev/aci.yml', V1);
    const input = finding('aci-not-for-production', f.path, 1);
    run([f], [input]);
    expect(input.suppressed).toBeNull();
  });

  test('several rule ids, with or without spaces after the comma', () => {
    const f = file('a.yml', 'computeType: aci  # model-deploy-gate: ignore aci-not-for-production, v1-deprecated -- legacy, ML-1\nx: 1 # model-deploy-gate: ignore memory-headroom,unknown-key -- r\n');
    const r = run([f], [
      finding('aci-not-for-production', 'a.yml', 1),
      finding('v1-deprecated', 'a.yml', 1),
      finding('memory-headroom', 'a.yml', 2),
      finding('unknown-key', 'a.yml', 2),
    ]);
    expect(r.findings.map((x) => [x.ruleId, x.suppressed?.by])).toEqual([
      ['aci-not-for-production', 'inline'],
      ['v1-deprecated', 'inline'],
      ['memory-headroom', 'inline'],
      ['unknown-key', 'inline'],
    ]);
  });

  test('stacked own-line directives all apply to the next code line', () => {
    const f = file('a.yml', '# model-deploy-gate: ignore aci-not-for-production -- a\n# model-deploy-gate: ignore v1-deprecated -- b\ncomputeType: aci\n');
    const r = run([f], [finding('aci-not-for-production', 'a.yml', 3), finding('v1-deprecated', 'a.yml', 3)]);
    expect(r.findings.map((x) => x.suppressed?.reason)).toEqual(['a', 'b']);
  });

  test('a blank line between the comment and the key breaks the link', () => {
    const f = file('a.yml', '# model-deploy-gate: ignore aci-not-for-production -- a\n\ncomputeType: aci\n');
    expect(run([f], [finding('aci-not-for-production', 'a.yml', 3)]).findings[0].suppressed).toBeNull();
  });

  test('without a reason: not honoured, and an invalid-suppression warning at the comment', () => {
    const text = 'name: blue\ncomputeType: aci   # model-deploy-gate: ignore aci-not-for-production\n';
    const f = file('a.yml', text);
    const r = run([f], [finding('aci-not-for-production', 'a.yml', 2)]);
    expect(r.findings[0].suppressed).toBeNull();
    const [w] = byRule(r.findings, 'invalid-suppression');
    expect(w).toMatchObject({ severity: 'warning', file: 'a.yml', line: 2, column: 20, endLine: 2, suppressed: null });
    expect(w.message).toContain('has no reason, so it is not honoured');
    expect(w.helpUri).toBe(helpUri('invalid-suppression'));
  });

  test('an empty reason after "--" is no reason', () => {
    const f = file('a.yml', 'computeType: aci # model-deploy-gate: ignore aci-not-for-production --   \n');
    const r = run([f], [finding('aci-not-for-production', 'a.yml', 1)]);
    expect(r.findings[0].suppressed).toBeNull();
    expect(byRule(r.findings, 'invalid-suppression')).toHaveLength(1);
  });

  test('an unknown rule id: warning (with a suggestion); the known ids still apply', () => {
    const f = file('a.yml', 'computeType: aci # model-deploy-gate: ignore aci-not-for-prod, v1-deprecated -- legacy\n');
    const r = run([f], [finding('v1-deprecated', 'a.yml', 1), finding('aci-not-for-production', 'a.yml', 1)]);
    expect(r.findings[0].suppressed?.by).toBe('inline');
    expect(r.findings[1].suppressed).toBeNull();
    const [w] = byRule(r.findings, 'invalid-suppression');
    expect(w.message).toBe('Inline suppression names an unknown rule id "aci-not-for-prod", so it suppresses nothing: did you mean "aci-not-for-production"?');
    expect([w.line, w.column]).toEqual([1, 18]);
  });

  test('an unknown directive is reported', () => {
    const f = file('a.yml', 'computeType: aci # model-deploy-gate: skip aci-not-for-production -- x\n');
    const r = run([f], [finding('aci-not-for-production', 'a.yml', 1)]);
    expect(r.findings[0].suppressed).toBeNull();
    expect(byRule(r.findings, 'invalid-suppression')[0].message).toContain('Unknown model-deploy-gate directive "skip"');
  });

  test('text inside a quoted value is data, not a comment', () => {
    const f = file('a.yml', 'description: "see # model-deploy-gate: ignore aci-not-for-production -- nope"\ncomputeType: aci\n');
    const r = run([f], [finding('aci-not-for-production', 'a.yml', 1)]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].suppressed).toBeNull();
  });

  test('JSON files: comments are not honoured (waivers are the way), and the user is told so', () => {
    const text = '{\n  // model-deploy-gate: ignore v1-deprecated -- legacy\n  "deployment_compute_target": ""\n}\n';
    const f = file('.cloud/.azure/deploy.json', text);
    const r = run([f], [finding('v1-deprecated', f.path, 3, 3)]);
    expect(r.findings[0].suppressed).toBeNull();
    const [w] = byRule(r.findings, 'invalid-suppression');
    expect([w.file, w.line, w.column]).toEqual([f.path, 2, 3]);
    expect(w.message).toContain('YAML files only');
  });

  test('the suppression machinery cannot be silenced inline', () => {
    const f = file('.github/model-deploy-gate.yml', 'waivers: [] # model-deploy-gate: ignore waiver-expired -- no\n');
    const r = run([f], [finding('waiver-expired', f.path, 1)]);
    expect(byRule(r.findings, 'waiver-expired')[0].suppressed).toBeNull();
    expect(byRule(r.findings, 'invalid-suppression')[0].message).toContain('`waiver-expired` cannot be suppressed');
  });

  test('config severity of invalid-suppression: off drops it, an override changes it', () => {
    const f = file('a.yml', 'computeType: aci # model-deploy-gate: ignore aci-not-for-production\n');
    const off = defaultConfig();
    off.rules['invalid-suppression'] = 'off';
    expect(byRule(run([f], [], off).findings, 'invalid-suppression')).toHaveLength(0);
    const err = defaultConfig();
    err.rules['invalid-suppression'] = 'error';
    expect(byRule(run([f], [], err).findings, 'invalid-suppression')[0].severity).toBe('error');
  });
});

describe('waivers', () => {
  const CONFIG = [
    'default-stage: unknown', // 1
    'waivers:', // 2
    '  - rule: aci-not-for-production', // 3
    '    path: "deploy/legacy/**"', // 4
    '    reason: "migrating to managed online, ML-123"', // 5
    '    owner: "@ml-platform"', // 6
    '    expires: 2027-01-31', // 7
    '  - rule: v1-deprecated', // 8
    '    path: ".cloud/**"', // 9
    '    reason: "aml-deploy until Q3"', // 10
    '    owner: "@data-eng"', // 11
    '    expires: 2027-06-30', // 12
    '', // 13
  ].join('\n');
  const config = () => parseConfig(CONFIG, '.github/model-deploy-gate.yml', [...KNOWN]);

  test('a waiver in force suppresses matching findings (dot folders match) and counts them', () => {
    const r = run([], [
      finding('aci-not-for-production', 'deploy/legacy/a.yml', 1),
      finding('aci-not-for-production', 'deploy/legacy/sub/b.yml', 1),
      finding('aci-not-for-production', 'deploy/prod/c.yml', 1),
      finding('v1-deprecated', '.cloud/.azure/deploy.json', 1),
      finding('aci-memory-limit', 'deploy/legacy/a.yml', 2),
    ], config());
    expect(r.findings.map((f) => f.suppressed?.by ?? null)).toEqual(['waiver', 'waiver', null, 'waiver', null]);
    expect(r.findings[0].suppressed).toEqual({
      by: 'waiver',
      reason: 'migrating to managed online, ML-123',
      owner: '@ml-platform',
      expires: '2027-01-31',
    });
    expect(r.waivers).toEqual([
      { rule: 'aci-not-for-production', path: 'deploy/legacy/**', reason: 'migrating to managed online, ML-123', owner: '@ml-platform', expires: '2027-01-31', expiringSoon: true, matched: 2 },
      { rule: 'v1-deprecated', path: '.cloud/**', reason: 'aml-deploy until Q3', owner: '@data-eng', expires: '2027-06-30', expiringSoon: false, matched: 1 },
    ]);
    expect(byRule(r.findings, 'waiver-expired')).toHaveLength(0);
  });

  test('expiring soon means within 30 days; the expiry day itself is still in force', () => {
    const onTheDay = run([], [finding('aci-not-for-production', 'deploy/legacy/a.yml', 1)], config(), new Date('2027-01-31T23:59:59Z'));
    expect(onTheDay.findings[0].suppressed?.by).toBe('waiver');
    expect(onTheDay.waivers[0].expiringSoon).toBe(true);
    const early = run([], [], config(), new Date('2027-01-01T00:00:00Z'));
    expect(early.waivers.map((w) => w.expiringSoon)).toEqual([true, false]);
    const earlier = run([], [], config(), new Date('2026-12-31T23:00:00Z'));
    expect(earlier.waivers[0].expiringSoon).toBe(false);
  });

  test('an expired waiver: findings come back, and waiver-expired points at its `- rule:` line', () => {
    const r = run([], [
      finding('aci-not-for-production', 'deploy/legacy/a.yml', 1),
      finding('aci-not-for-production', 'deploy/legacy/b.yml', 1),
      finding('v1-deprecated', '.cloud/.azure/deploy.json', 1),
    ], config(), new Date('2027-02-01T00:00:00Z'));
    expect(r.findings.slice(0, 3).map((f) => f.suppressed?.by ?? null)).toEqual([null, null, 'waiver']);
    const expired = byRule(r.findings, 'waiver-expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ severity: 'error', file: '.github/model-deploy-gate.yml', line: 3, column: 5, suppressed: null });
    expect(expired[0].message).toBe(
      'Waiver for aci-not-for-production on "deploy/legacy/**" (owner @ml-platform) expired on 2027-01-31, so the 2 findings it waived count again: ' +
        'fix them and delete the waiver, or renew it with a new `expires` date if the reason still holds.',
    );
    expect(r.waivers.map((w) => w.rule)).toEqual(['v1-deprecated']);
  });

  test('the second waiver of a list points at its own entry', () => {
    const r = run([], [], config(), new Date('2028-01-01T00:00:00Z'));
    expect(byRule(r.findings, 'waiver-expired').map((f) => f.line)).toEqual([3, 8]);
    expect(byRule(r.findings, 'waiver-expired')[1].message).toMatch(/ expired on \S+ and matches no finding now: delete it\.$/);
  });

  test('waivers do not apply to the suppression machinery itself', () => {
    const cfg = parseConfig(
      'waivers:\n  - rule: invalid-suppression\n    path: "**"\n    reason: r\n    owner: o\n    expires: 2099-01-01\n',
      '.github/model-deploy-gate.yml',
      [...KNOWN],
    );
    const r = run([], [finding('invalid-suppression', 'a.yml', 1)], cfg);
    expect(r.findings[0].suppressed).toBeNull();
  });

  test('an inline suppression takes precedence; the waiver does not count it', () => {
    const f = file('deploy/legacy/a.yml', 'computeType: aci # model-deploy-gate: ignore aci-not-for-production -- inline reason\n');
    const r = run([f], [finding('aci-not-for-production', f.path, 1)], config());
    expect(r.findings[0].suppressed).toEqual({ by: 'inline', reason: 'inline reason' });
    expect(r.waivers[0].matched).toBe(0);
  });
});

test('CRLF files: the reason does not keep the carriage return', () => {
  const f = file('a.yml', 'name: x\r\ncomputeType: aci # model-deploy-gate: ignore aci-not-for-production -- dev only\r\n');
  const r = run([f], [finding('aci-not-for-production', 'a.yml', 2)]);
  expect(r.findings[0].suppressed).toEqual({ by: 'inline', reason: 'dev only' });
});
