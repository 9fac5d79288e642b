import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_EXCLUDES, isCalendarDate } from '../../src/config/index.js';
import { ConfigError, DEFAULT_INCLUDES, DEFAULT_LIMITS, loadConfig, parseConfig } from './throwing.js';
import { tempRepos } from '../helpers.js';

const RULES = ['aci-not-for-production', 'memory-headroom', 'managed-instance-count-ha', 'aci-memory-limit'];
const FILE = '.github/model-deploy-gate.yml';

const temp = tempRepos('mdg-config-');
const repo = temp.repo;
afterEach(temp.cleanup);

/** The ConfigError thrown by parsing `text`, or a failure if it parses. */
function configError(text: string, knownRules: string[] | undefined = RULES): ConfigError {
  try {
    parseConfig(text, FILE, knownRules);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`expected a ConfigError for:\n${text}`);
}

const SPEC_EXAMPLE = `default-stage: unknown              # production | nonproduction | unknown
stages:
  production: ["deploy/prod/**"]
  nonproduction: ["deploy/dev/**", "deploy/test/**"]
include: ["**/*.yml", "**/*.yaml", "**/*.json", "**/MLmodel"]
exclude: ["node_modules/**", "dist/**", ".git/**", "legacy/**"]
rules:
  managed-instance-count-ha: error  # error | warning | notice | off
  memory-headroom: { severity: warning }
  aci-memory-limit: off
limits:                             # seed defaults
  aci-max-memory-gb: 48
  aci-max-model-size-gb: 1
  memory-headroom-ratio: 1.25
  aks-production-min-nodes: 3
  aks-production-min-vcpus: 12
  managed-production-min-instances: 3
  managed-max-request-timeout-ms: 180000
skus:                               # add or override catalogue entries
  Standard_Custom8: { vcpus: 8, memory-gb: 64, gpus: 0, managed-online: false }
models:                             # facts about models registered outside the repo
  fraud-detector: { memory-gb: 12, size-bytes: 2500000000, accelerator: gpu }
computes:                           # facts about computes defined outside the repo
  prod-aks: { type: aks, vm-size: Standard_D3_v2, nodes: 3, purpose: FastProd }
  batch: { type: amlcompute, vm-size: Standard_NC6s_v3, min-nodes: 0, max-nodes: 4, tier: low_priority }
waivers:                            # every field required; expiry enforced
  - rule: aci-not-for-production
    path: "deploy/legacy/**"
    reason: "migrating to managed online, ML-123"
    owner: "@ml-platform"
    expires: 2027-01-31
`;

describe('discovery', () => {
  test('no config file: defaults', async () => {
    const cfg = await loadConfig(repo({ 'README.md': 'x' }));
    expect(cfg.defaultStage).toBe('unknown');
    expect(cfg.limits).toEqual(DEFAULT_LIMITS);
    expect(cfg.include).toEqual(DEFAULT_INCLUDES);
    expect(cfg.exclude).toEqual(BUILTIN_EXCLUDES);
    expect(cfg.waivers).toEqual([]);
    expect(cfg.source).toBeUndefined();
  });

  test('.github/model-deploy-gate.yml wins over .model-deploy-gate.yml', async () => {
    const root = repo({
      '.github/model-deploy-gate.yml': 'default-stage: production\n',
      '.model-deploy-gate.yml': 'default-stage: nonproduction\n',
    });
    const cfg = await loadConfig(root);
    expect(cfg.defaultStage).toBe('production');
    expect(cfg.source?.path).toBe('.github/model-deploy-gate.yml');
  });

  test('falls back to .model-deploy-gate.yml', async () => {
    const cfg = await loadConfig(repo({ '.model-deploy-gate.yml': 'default-stage: nonproduction\n' }));
    expect(cfg.defaultStage).toBe('nonproduction');
    expect(cfg.source?.path).toBe('.model-deploy-gate.yml');
  });

  test('explicit path, relative to root or absolute, beats discovery', async () => {
    const root = repo({
      '.github/model-deploy-gate.yml': 'default-stage: production\n',
      'ci/gate.yml': 'default-stage: nonproduction\n',
    });
    const rel = await loadConfig(root, 'ci/gate.yml');
    expect(rel.defaultStage).toBe('nonproduction');
    expect(rel.source?.path).toBe('ci/gate.yml');
    const abs = await loadConfig(root, path.join(root, 'ci/gate.yml'));
    expect(abs.defaultStage).toBe('nonproduction');
    expect(abs.source?.path).toBe('ci/gate.yml');
  });

  test('a missing explicit file is an error, not defaults', async () => {
    const root = repo({ '.github/model-deploy-gate.yml': 'default-stage: production\n' });
    await expect(loadConfig(root, 'nope.yml')).rejects.toThrow(ConfigError);
    await expect(loadConfig(root, 'nope.yml')).rejects.toThrow(/nope\.yml: config file not found/);
  });

  test('an empty config file means defaults, and records its source', async () => {
    const cfg = await loadConfig(repo({ '.model-deploy-gate.yml': '# nothing yet\n' }));
    expect(cfg.limits).toEqual(DEFAULT_LIMITS);
    expect(cfg.source?.path).toBe('.model-deploy-gate.yml');
  });

  test('invalid config found by discovery fails with its position', async () => {
    const root = repo({ '.github/model-deploy-gate.yml': 'limits:\n  aci-max-memory-gb: lots\n' });
    await expect(loadConfig(root, undefined, RULES)).rejects.toThrow(
      '.github/model-deploy-gate.yml:2:3: limits.aci-max-memory-gb must be a number',
    );
  });
});

describe('valid config', () => {
  test('the SPEC example maps kebab-case keys to the Config shape', () => {
    const cfg = parseConfig(SPEC_EXAMPLE, FILE, RULES);
    expect(cfg.stages).toEqual({ production: ['deploy/prod/**'], nonproduction: ['deploy/dev/**', 'deploy/test/**'] });
    expect(cfg.rules).toEqual({ 'managed-instance-count-ha': 'error', 'memory-headroom': 'warning', 'aci-memory-limit': 'off' });
    expect(cfg.limits['memory-headroom-ratio']).toBe(1.25);
    expect(cfg.limits['aci-max-memory-gb']).toBe(48);
    expect(cfg.skus).toEqual({ Standard_Custom8: { vcpus: 8, memoryGb: 64, gpus: 0, managedOnline: false } });
    expect(cfg.models).toEqual({ 'fraud-detector': { memoryGb: 12, sizeBytes: 2500000000, accelerator: 'gpu' } });
    expect(cfg.computes['prod-aks']).toEqual({ type: 'aks', vmSize: 'Standard_D3_v2', nodes: 3, purpose: 'FastProd' });
    expect(cfg.computes['batch']).toEqual({ type: 'amlcompute', vmSize: 'Standard_NC6s_v3', minNodes: 0, maxNodes: 4, tier: 'lowpriority' });
    expect(cfg.waivers).toEqual([
      {
        rule: 'aci-not-for-production',
        path: 'deploy/legacy/**',
        reason: 'migrating to managed online, ML-123',
        owner: '@ml-platform',
        expires: '2027-01-31',
        index: 0,
      },
    ]);
    expect(cfg.source?.path).toBe(FILE);
    expect(cfg.source?.doc.values.get('/waivers/0')?.line).toBe(27);
  });

  test('exclude adds to the built-in excludes', () => {
    const cfg = parseConfig('exclude: ["legacy/**"]\n', FILE);
    expect(cfg.exclude).toEqual([...BUILTIN_EXCLUDES, 'legacy/**']);
  });

  test('unset limits keep their defaults; fractions are allowed', () => {
    const cfg = parseConfig('limits:\n  aci-max-memory-gb: 31.5\n', FILE);
    expect(cfg.limits).toEqual({ ...DEFAULT_LIMITS, 'aci-max-memory-gb': 31.5 });
  });

  test('YAML 1.1 `off` (read as false) and quoted "off" both turn a rule off', () => {
    const cfg = parseConfig('rules:\n  memory-headroom: off\n  aci-memory-limit: "off"\n  aci-not-for-production: { severity: off }\n', FILE, RULES);
    expect(cfg.rules).toEqual({ 'memory-headroom': 'off', 'aci-memory-limit': 'off', 'aci-not-for-production': 'off' });
  });

  test('without knownRules, rule ids are not checked', () => {
    expect(parseConfig('rules:\n  future-rule: warning\n', FILE).rules).toEqual({ 'future-rule': 'warning' });
  });

  test('keys such as __proto__ are data, not prototype pollution', () => {
    const cfg = parseConfig('models:\n  __proto__: { memory-gb: 3 }\n', FILE);
    expect(Object.keys(cfg.models)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['memoryGb']).toBeUndefined();
  });
});

describe('invalid config: message names the key, position is the key', () => {
  test('the SPEC §5 message form: file:line:col: key must be a number', () => {
    const text = 'default-stage: unknown\nstages:\n  production: []\nrules: {}\n# limits below\n\nlimits:\n  aci-max-memory-gb: "48 GB"\n';
    const e = configError(text);
    expect(e.message).toBe('.github/model-deploy-gate.yml:8:3: limits.aci-max-memory-gb must be a number');
    expect([e.file, e.line, e.column]).toEqual([FILE, 8, 3]);
  });

  test.each([
    ['limits:\n  aci-max-memory-gb: 0\n', 2, 3, 'limits.aci-max-memory-gb must be a number greater than 0'],
    ['limits:\n  memory-headroom-ratio: -1.5\n', 2, 3, 'limits.memory-headroom-ratio must be a number greater than 0'],
    ['limits:\n  aci-max-memory: 4\n', 2, 3, 'limits.aci-max-memory is not a known setting of limits'],
    ['default-stage: prod\n', 1, 1, 'default-stage must be one of production, nonproduction, unknown'],
    ['stages:\n  production: deploy/prod/**\n', 2, 3, 'stages.production must be a list'],
    ['stages:\n  prod: ["a/**"]\n', 2, 3, 'stages.prod is not a known setting of stages'],
    ['include: "**/*.yml"\n', 1, 1, 'include must be a list'],
    ['rules:\n  memory-headroom: loud\n', 2, 3, 'rules.memory-headroom must be one of error, warning, notice, off'],
    ['rules:\n  memory-headroom: { severity: loud }\n', 2, 22, 'rules.memory-headroom.severity must be one of error, warning, notice, off'],
    ['rules:\n  memory-headroom: { level: error }\n', 2, 3, 'rules.memory-headroom is missing the required key "severity"'],
    ['skus:\n  Standard_X: { vcpus: 8 }\n', 2, 3, 'skus.Standard_X is missing the required key "memory-gb"'],
    ['skus:\n  Standard_X: { vcpus: 8, memory-gb: 64, memoryGb: 64 }\n', 2, 42, 'skus.Standard_X.memoryGb is not a known setting of skus.Standard_X (did you mean "memory-gb"?); expected one of vcpus, memory-gb, gpus, fpga, managed-online'],
    ['models:\n  m: { accelerator: tpu }\n', 2, 8, 'models.m.accelerator must be one of gpu, fpga, none'],
    ['computes:\n  c: { vm-size: Standard_D3_v2 }\n', 2, 3, 'computes.c is missing the required key "type"'],
    ['computes:\n  c: { type: aks, nodes: 2.5 }\n', 2, 19, 'computes.c.nodes must be a whole number'],
    ['computes:\n  c: { type: aksengine }\n', 2, 8, 'computes.c.type must be one of amlcompute, kubernetes, aks, computeinstance, virtualmachine'],
    ['computes:\n  c:\n    type: amlcompute\n    min-nodes: 5\n    max-nodes: 2\n', 4, 5, 'computes.c: min-nodes (5) is greater than max-nodes (2)'],
    ['colour: red\n', 1, 1, 'colour is not a known setting'],
    ['waivers: {}\n', 1, 1, 'waivers must be a list'],
  ])('%#: %s', (text, line, column, message) => {
    const e = configError(text);
    expect(e.message).toContain(`${FILE}:${line}:${column}: ${message}`);
    expect([e.line, e.column]).toEqual([line, column]);
  });

  const waiver = (fields: string) => `# waivers\nwaivers:\n  - rule: aci-not-for-production\n${fields}`;

  test('a waiver without every required field', () => {
    const e = configError(waiver('    path: "a/**"\n    reason: r\n    expires: 2027-01-31\n'));
    expect(e.message).toContain(`${FILE}:3:5: waivers[0] is missing the required key "owner"`);
  });

  test('a waiver with an empty reason', () => {
    const e = configError(waiver('    path: "a/**"\n    reason: "  "\n    owner: o\n    expires: 2027-01-31\n'));
    expect(e.message).toContain(`${FILE}:5:5: waivers[0].reason must not be empty`);
  });

  test('a waiver whose expiry is not a date', () => {
    const e = configError(waiver('    path: "a/**"\n    reason: r\n    owner: o\n    expires: next year\n'));
    expect(e.message).toContain(`${FILE}:7:5: waivers[0].expires must be a date written YYYY-MM-DD`);
  });

  test('a waiver whose expiry is not on the calendar', () => {
    const e = configError(waiver('    path: "a/**"\n    reason: r\n    owner: o\n    expires: 2027-02-29\n'));
    expect(e.message).toBe(`${FILE}:7:5: waivers[0].expires: 2027-02-29 is not a calendar date (YYYY-MM-DD)`);
  });

  test('unknown rule id in rules: names it, suggests, lists valid ids', () => {
    const e = configError('rules:\n  memory-headrom: warning\n');
    expect(e.line).toBe(2);
    expect(e.message).toContain('rules.memory-headrom: unknown rule id "memory-headrom" (did you mean "memory-headroom"?)');
    expect(e.message).toContain('valid ids: aci-memory-limit, aci-not-for-production, managed-instance-count-ha, memory-headroom');
  });

  test('unknown rule id in a waiver', () => {
    const e = configError('waivers:\n  - rule: no-such-rule\n    path: "**"\n    reason: r\n    owner: o\n    expires: 2027-01-31\n');
    expect([e.line, e.column]).toEqual([2, 5]);
    expect(e.message).toContain('waivers[0].rule: unknown rule id "no-such-rule"; valid ids: ');
  });

  test('YAML syntax errors and duplicate keys carry the parser position', () => {
    expect(configError('limits:\n  aci-max-memory-gb: [1\n').line).toBeGreaterThanOrEqual(2);
    const dup = configError('default-stage: production\ndefault-stage: unknown\n');
    expect([dup.line, dup.column]).toEqual([2, 1]);
    expect(dup.message).toContain("duplicate key 'default-stage'");
  });

  test('the config must be a mapping, in a single document', () => {
    expect(configError('- a\n- b\n').message).toContain('the config must be a mapping');
    expect(configError('default-stage: unknown\n---\ndefault-stage: production\n').line).toBe(3);
  });

  test('several problems are all listed, the first gives the position', () => {
    const e = configError('limits:\n  aci-max-memory-gb: x\n  aci-max-model-size-gb: y\n');
    expect(e.line).toBe(2);
    expect(e.message).toContain(`also ${FILE}:3:3: limits.aci-max-model-size-gb must be a number`);
  });
});

test('isCalendarDate', () => {
  expect(isCalendarDate('2028-02-29')).toBe(true);
  expect(isCalendarDate('2027-02-29')).toBe(false);
  expect(isCalendarDate('2027-13-01')).toBe(false);
  expect(isCalendarDate('2027-1-01')).toBe(false);
});

describe('schema/config.schema.json (published for editors)', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const schema = JSON.parse(readFileSync(path.join(here, '../../schema/config.schema.json'), 'utf8')) as SchemaNode;
  interface SchemaNode {
    $schema?: string;
    $id?: string;
    title?: string;
    description?: string;
    type?: string;
    enum?: unknown[];
    default?: unknown;
    required?: string[];
    exclusiveMinimum?: number;
    properties?: Record<string, SchemaNode>;
    additionalProperties?: SchemaNode | boolean;
    items?: SchemaNode;
    oneOf?: SchemaNode[];
  }

  test('draft-07 with an $id', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toMatch(/^https:\/\//);
  });

  test('every property has a title and a description', () => {
    const missing: string[] = [];
    const walk = (node: SchemaNode, at: string) => {
      for (const [k, p] of Object.entries(node.properties ?? {})) {
        if (!p.title || !p.description) missing.push(`${at}/${k}`);
        walk(p, `${at}/${k}`);
      }
      if (node.additionalProperties && typeof node.additionalProperties === 'object') {
        const a = node.additionalProperties;
        if (!a.title || !a.description) missing.push(`${at}/*`);
        walk(a, `${at}/*`);
      }
      if (node.items) walk(node.items, `${at}[]`);
      for (const alt of node.oneOf ?? []) walk(alt, at);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  test('closed objects where a typo would otherwise be ignored', () => {
    const p = schema.properties!;
    expect(schema.additionalProperties).toBe(false);
    expect(p['limits'].additionalProperties).toBe(false);
    expect(p['stages'].additionalProperties).toBe(false);
    expect((p['skus'].additionalProperties as SchemaNode).additionalProperties).toBe(false);
    expect((p['models'].additionalProperties as SchemaNode).additionalProperties).toBe(false);
    expect((p['computes'].additionalProperties as SchemaNode).additionalProperties).toBe(false);
    expect(p['waivers'].items!.additionalProperties).toBe(false);
    expect(p['waivers'].items!.required).toEqual(['rule', 'path', 'reason', 'owner', 'expires']);
  });

  test('limits: numbers > 0 whose defaults are DEFAULT_LIMITS', () => {
    const limits = schema.properties!['limits'].properties!;
    expect(Object.keys(limits).sort()).toEqual(Object.keys(DEFAULT_LIMITS).sort());
    for (const [k, v] of Object.entries(limits)) {
      expect([k, v.type, v.exclusiveMinimum, v.default]).toEqual([k, 'number', 0, DEFAULT_LIMITS[k as keyof typeof DEFAULT_LIMITS]]);
    }
  });

  test('enums of severities, stages and compute types', () => {
    const p = schema.properties!;
    expect(p['default-stage'].enum).toEqual(['production', 'nonproduction', 'unknown']);
    const rule = p['rules'].additionalProperties as SchemaNode;
    expect(rule.oneOf![0].enum).toEqual(['error', 'warning', 'notice', 'off']);
    expect(rule.oneOf![1].properties!['severity'].enum).toEqual(['error', 'warning', 'notice', 'off']);
    const compute = p['computes'].additionalProperties as SchemaNode;
    expect(compute.properties!['type'].enum).toEqual(['amlcompute', 'kubernetes', 'aks', 'computeinstance', 'virtualmachine']);
    expect(p['include'].default).toEqual(DEFAULT_INCLUDES);
  });
});

test('with several problems, the topmost one gives the position', () => {
  const e = configError('waivers:\n  - rule: aci-not-for-production\n    path: "a/**"\n    reason: r\n    owner: o\n    expires: 2027-01-31\n    extra: 1\ndefault-stage: nope\n');
  expect([e.line, e.column]).toEqual([7, 5]);
  expect(e.message).toContain('waivers[0].extra is not a known setting');
  expect(e.message).toContain(`also ${FILE}:8:1: default-stage must be one of`);
});
