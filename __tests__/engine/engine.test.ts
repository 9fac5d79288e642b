import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { gate, byRule, resultOf } from '../helpers.js';
import { VERSION } from '../../src/core/version.js';

const S = 'https://azuremlschemas.azureedge.net/latest';
const managed = (model: string, sku: string, extra = '') =>
  `$schema: ${S}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\nmodel: ${model}\ninstance_type: ${sku}\ninstance_count: 3\n${extra}`;
const modelYaml = (name: string, version: number, memory: number) =>
  `$schema: ${S}/model.schema.json\nname: ${name}\nversion: ${version}\npath: azureml://datastores/x/paths/y\ntags:\n  memory_gb: ${memory}\n`;

describe('engine', () => {
  test('version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  test('a deployment is linked to a model defined in another folder; the inventory says so', async () => {
    const r = await gate({
      'models/fraud/model.yml': modelYaml('fraud', 3, 12),
      'deploy/prod/blue.yml': managed('azureml:fraud:3', 'Standard_DS3_v2'),
    });
    expect(byRule(r, 'memory-headroom').map((f) => `${f.file}:${f.line}`)).toEqual(['deploy/prod/blue.yml:5']);
    expect(r.inventory).toEqual([
      expect.objectContaining({
        file: 'deploy/prod/blue.yml',
        kind: 'managedOnlineDeployment',
        name: 'blue',
        target: 'managed-online',
        stage: 'production',
        mode: 'realtime',
        instanceType: 'Standard_DS3_v2',
        instances: 3,
        memoryGb: 14,
        model: 'fraud:3',
      }),
    ]);
  });

  test('azureml:NAME:VER only resolves to metadata of that version; other versions are listed', async () => {
    const r = await gate({
      'models/fraud/v2.yml': modelYaml('fraud', 2, 12),
      'models/fraud/v4.yml': modelYaml('fraud', 4, 12),
      'deploy/prod/blue.yml': managed('azureml:fraud:3', 'Standard_DS3_v2'),
    });
    expect(byRule(r, 'memory-headroom')).toEqual([]);
    const u = byRule(r, 'unresolved-reference');
    expect(u).toHaveLength(1);
    expect(u[0]).toMatchObject({ severity: 'notice', file: 'deploy/prod/blue.yml', line: 4 });
    expect(u[0].message).toMatch(/2.*4/);
  });

  test('changed scope keeps the changed model file and the deployments that use it, nothing else', async () => {
    const files = {
      'models/fraud/model.yml': modelYaml('fraud', 3, 12),
      'deploy/prod/blue.yml': managed('azureml:fraud:3', 'Standard_DS3_v2'),
      'deploy/prod/other.yml': managed('azureml:other:1', 'Standard_DS3_v2', 'request_settings:\n  request_timeout_ms: 999999\n'),
    };
    const changed = await gate(files, { changed: ['models/fraud/model.yml'] });
    expect(changed.scope.mode).toBe('changed');
    expect([...new Set(changed.findings.map((f) => f.file))]).toEqual(['deploy/prod/blue.yml']);
    expect(changed.inventory.map((d) => d.file)).toEqual(['deploy/prod/blue.yml']);
    const all = await gate(files);
    expect(new Set(all.findings.map((f) => f.file))).toEqual(new Set(['deploy/prod/blue.yml', 'deploy/prod/other.yml']));
  });

  test('a Kubernetes deployment depends on its endpoint and its compute', async () => {
    const files = {
      'infra/k8s.yml': `$schema: ${S}/amlCompute.schema.json\nname: k8s\ntype: amlcompute\nsize: Standard_DS3_v2\n`,
      'deploy/prod/ep.yml': `$schema: ${S}/kubernetesOnlineEndpoint.schema.json\nname: kep\ncompute: azureml:k8s\n`,
      'deploy/prod/d.yml': `$schema: ${S}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: kep\ninstance_count: 1\n`,
    };
    const r = await gate(files, { changed: ['infra/k8s.yml'] });
    const f = byRule(r, 'compute-cluster-not-realtime');
    // The finding points at the endpoint's compute key (the deployment inherits its endpoint's compute).
    expect(f.map((x) => `${x.file}:${x.line}`)).toEqual(['deploy/prod/ep.yml:3']);
  });

  test('fail-on levels and never', async () => {
    const files = { 'deploy/dev/d.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 1\n' };
    expect((await gate(files)).summary).toMatchObject({ result: 'pass', errors: 0, warnings: 1 });
    expect((await gate(files, { failOn: 'warning' })).summary.result).toBe('fail');
    const bad = { 'deploy/prod/d.yml': 'computeType: ACI\n' };
    expect((await gate(bad)).summary.result).toBe('fail');
    expect((await gate(bad, { failOn: 'never' })).summary.result).toBe('pass');
  });

  test('default-stage option overrides the config and makes stage-dependent rules run', async () => {
    const files = { 'svc/d.yml': 'computeType: ACI\n' };
    const unknown = await gate(files);
    expect(byRule(unknown, 'aci-not-for-production')).toEqual([]);
    expect(unknown.skipped.some((s) => s.file === 'svc/d.yml' && s.rules.includes('aci-not-for-production'))).toBe(true);
    const prod = await gate(files, { defaultStage: 'production', config: 'default-stage: nonproduction\n' });
    expect(byRule(prod, 'aci-not-for-production')).toHaveLength(1);
  });

  test('a parse error fails the run and the other files are still checked', async () => {
    const r = await gate({
      'a/broken.yml': 'computeType: aci\ncontainerResourceRequirements: [\n',
      'deploy/prod/d.yml': 'computeType: local\n',
    });
    expect(byRule(r, 'parse-error').map((f) => f.file)).toEqual(['a/broken.yml']);
    expect(byRule(r, 'local-not-for-production').map((f) => f.file)).toEqual(['deploy/prod/d.yml']);
    expect(r.summary.result).toBe('fail');
  });

  test('multi-document YAML: each document is its own manifest with its own inventory line', async () => {
    const r = await gate({
      'deploy/prod/all.yml': `$schema: ${S}/managedOnlineEndpoint.schema.json\nname: ep\n---\n${managed('azureml:m:1', 'Standard_F2s_v2')}---\n# comment\n${managed('azureml:m:1', 'Standard_NOPE')}`,
    });
    expect(r.inventory.map((d) => d.line)).toEqual([4, 12]);
    expect(byRule(r, 'managed-sku-unsupported').map((f) => f.line)).toEqual([16]);
  });
});

describe('CLI paths narrow the report, not the loading', () => {
  test('a deployment named by path still resolves a model defined outside that path', async () => {
    const { evaluate } = await import('../../src/engine.js');
    const { writeRepo } = await import('../helpers.js');
    const { rmSync } = await import('node:fs');
    const root = writeRepo({
      'models/fraud/model.yml': modelYaml('fraud', 3, 12),
      'deploy/prod/blue.yml': managed('azureml:fraud:3', 'Standard_DS3_v2'),
      'deploy/prod/other/d.yml': 'computeType: local\n',
    });
    try {
      const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test', paths: ['deploy/prod/blue.yml'] }));
      expect(r.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(['memory-headroom deploy/prod/blue.yml']);
      expect(r.inventory.map((d) => d.model)).toEqual(['fraud:3']);
      expect(r.scope.filesScanned).toBe(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('endpoint references', () => {
  test("a Kubernetes endpoint's unresolved compute is a notice even with no deployment in the repo", async () => {
    const r = await gate({ 'deploy/prod/ep.yml': `$schema: ${S}/kubernetesOnlineEndpoint.schema.json\nname: ep\ncompute: azureml:nowhere\n` });
    expect(byRule(r, 'unresolved-reference').map((f) => `${f.file}:${f.line}:${f.severity}`)).toEqual(['deploy/prod/ep.yml:3:notice']);
  });
});
