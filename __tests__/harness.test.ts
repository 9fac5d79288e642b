// The pure harness must stay the engine: for the same files, check() and gate() (the real
// evaluate() over a temp repository) give the same Result. Checked over every docs example and over
// runs that exercise config, suppressions, waivers and the changed-files scope.
import { describe, expect, test } from '@jest/globals';
import { ALL_RULES } from '../src/policy/rules/index.js';
import { check, type CheckOptions } from './harness.js';
import { gate } from './helpers.js';
import { EXAMPLES_NOW, ruleExamples } from './docs/examples.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

const examples = ALL_RULES.flatMap((r) => {
  const { failing, passing } = ruleExamples(r.id);
  return [...failing, ...passing].map((e) => [`${r.id} ${e.label}`, e.files] as const);
});

describe('check() gives what the engine gives', () => {
  test('there are docs examples to compare', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2 * ALL_RULES.length);
  });

  test.each(examples)('%s', async (_name, files) => {
    expect(check(files, { now: EXAMPLES_NOW })).toEqual(await gate(files, { now: EXAMPLES_NOW }));
  });

  const repo: Record<string, string> = {
    'deploy/prod/aci.yml': 'computeType: ACI # model-deploy-gate: ignore aci-not-for-production -- demo (ML-1)\n',
    'deploy/legacy/prod/aci.yml': 'computeType: ACI\n',
    'online/prod/blue.yml': `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: fraud\nmodel: azureml:fraud:3\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n`,
    'models/fraud.yml': `$schema: ${SCHEMA}/model.schema.json\nname: fraud\nversion: 3\ntags:\n  memory_gb: 12\n`,
    'broken/dev/x.yml': `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: {{X}}\n`,
    'node_modules/pkg/deploy.yml': 'computeType: ACI\n',
    'README.md': '# not a manifest\n',
  };
  const config = [
    'exclude: ["broken/**"]',
    'rules:',
    '  managed-instance-count-ha: error',
    'waivers:',
    '  - rule: aci-not-for-production',
    '    path: "deploy/legacy/**"',
    '    reason: "ML-123"',
    '    owner: "@ml"',
    '    expires: 2026-01-31',
    '',
  ].join('\n');
  const now = new Date('2026-12-01T00:00:00Z');
  const runs: Array<[string, CheckOptions]> = [
    ['everything, default config', { now }],
    ['config: exclude, severity override, expired waiver', { config, now }],
    ['config, a day when the waiver is in force', { config, now: new Date('2026-01-15T00:00:00Z') }],
    ['changed files: a model change gates its deployment', { config, now, changed: ['models/fraud.yml'] }],
    ['changed files: the config changed, so everything is gated', { config, now, changed: ['.github/model-deploy-gate.yml'] }],
    ['default stage and fail-on', { now, defaultStage: 'production', failOn: 'warning' }],
  ];
  test.each(runs)('%s', async (_name, opts) => {
    const r = check(repo, opts);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r).toEqual(await gate(repo, opts));
  });

  test('those runs do exercise suppressions, waivers and the scope', () => {
    const expired = check(repo, { config, now });
    expect(expired.findings.map((f) => f.suppressed?.by ?? f.ruleId)).toEqual(expect.arrayContaining(['inline', 'waiver-expired']));
    const inForce = check(repo, { config, now: new Date('2026-01-15T00:00:00Z') });
    expect(inForce.findings.map((f) => f.suppressed?.by)).toContain('waiver');
    expect(check(repo, { config, now, changed: ['models/fraud.yml'] }).scope.mode).toBe('changed');
  });

  test('a config with problems throws the same error', async () => {
    const files = { 'deploy/dev/aci.yml': 'computeType: ACI\n' };
    const bad = { config: 'limits:\n  aci-max-memory-gb: lots\n' };
    const fromGate = await gate(files, bad).then(() => undefined, (e: Error) => e.message);
    expect(fromGate).toMatch(/aci-max-memory-gb/);
    expect(() => check(files, bad)).toThrow(fromGate);
  });
});

describe('check() reads nothing from the disk', () => {
  test('a key file or model weights named by a manifest are not found (gate() sees them)', async () => {
    const files = { 'deploy/dev/aci.yml': 'computeType: ACI\nsslKey: /etc/passwd\n' };
    expect(check(files).findings.filter((f) => f.ruleId === 'secret-in-manifest')).toEqual([]);
    const model = { 'm/MLmodel': 'flavors:\n  python_function: {}\n', 'm/model.pkl': 'x'.repeat(100) };
    const dep = `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\nname: b\nendpoint_name: e\nmodel:\n  path: ../m\n  type: mlflow_model\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n`;
    const pure = check({ ...model, 'online/b.yml': dep });
    const disk = await gate({ ...model, 'online/b.yml': dep });
    expect(pure.inventory.map((row) => row.modelSizeBytes)).toEqual([null]);
    expect(disk.inventory.map((row) => row.modelSizeBytes)).toEqual([expect.any(Number)]);
  });
});
