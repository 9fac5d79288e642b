import { describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main, type Io } from '../../src/cli/main.js';
import { evaluate } from '../../src/engine.js';
import { recognise } from '../../src/formats/recognise.js';
import { walk } from '../../src/load/files.js';
import { loadAll, parseBuffer } from '../../src/load/read.js';
import { looksLikeManifest } from '../../src/formats/prefilter.js';
import { migrate } from '../../src/migrate/index.js';
import { resultOf, writeRepo } from '../helpers.js';

const FIXTURES = path.resolve('__tests__/__fixtures__');

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s), err: (s) => (err += s), cwd };
  return { code: await main(argv, io), out, err };
}

/** A copy of a fixture folder to write into (fixtures are never edited). */
function copy(rel: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'mdg-migrate-'));
  cpSync(path.join(FIXTURES, rel), root, { recursive: true });
  return root;
}

function kindOf(root: string, file: string): string | undefined {
  const f = parseBuffer({ path: file, abs: path.join(root, file) }, readFileSync(path.join(root, file)), looksLikeManifest);
  return f ? recognise(f)[0]?.kind : undefined;
}

/** Migrates every v1 file under `rel`, writes the v2 files, and gates them with the real engine. */
function migrateAndGate(rel: string, target: 'managed' | 'kubernetes' = 'managed', compute?: string) {
  const root = copy(rel);
  try {
    const out = migrate({ root, paths: ['.'], target, compute });
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    const written: string[] = [];
    for (const m of out.migrations) {
      for (const f of m.files) {
        expect(existsSync(path.join(root, f.path))).toBe(false);
        writeFileSync(path.join(root, f.path), f.text);
        written.push(f.path);
      }
    }
    const kinds = written.map((p) => [p, kindOf(root, p)]);
    const result = resultOf(evaluate({ root, paths: written, failOn: 'error', scopeReason: 'test' }));
    return { out, kinds, result, written };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}


const sources = (out: { migrations: Array<{ source: string }> }) => out.migrations.map((m) => m.source).sort();

describe('migrate: every v1 config and aml-deploy file in the fixtures', () => {
  const cases: Array<[string, number]> = [
    ['corpus/v1-configs', 17],
    ['corpus/aml-actions/Azure+aml-deploy', 5],
    ['realworld/microsoft+MLOpsPython', 2],
    ['realworld/microsoft+MLOps', 11],
    ['realworld/SaschaDittmann+MLOps-AzureCLI', 2],
    ['realworld/Azure-Samples+MLOpsManufacturing', 1],
    ['realworld/Azure-Samples+mlops-enterprise-template', 2],
  ];
  test.each(cases)('%s: %d files → managed online endpoint + deployment that the gate recognises and passes with no error', (rel, count) => {
    const { out, kinds, result, written } = migrateAndGate(rel);
    expect(out.migrations).toHaveLength(count);
    expect(written).toHaveLength(2 * count);
    for (const [p, kind] of kinds) expect([p, kind]).toEqual([p, p!.endsWith('.endpoint.yml') ? 'managedOnlineEndpoint' : 'managedOnlineDeployment']);
    expect(result.inventory.map((r) => r.kind)).toEqual(new Array(count).fill('managedOnlineDeployment'));
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Nothing Azure would ignore or reject: every key written is a known v2 key.
    expect(result.findings.filter((f) => f.ruleId === 'unknown-key' || f.ruleId === 'schema')).toEqual([]);
  });

  test('the cases above are every v1 config and aml-deploy file of the fixtures (2 aml-deploy files deploy nothing)', () => {
    const counts: Record<string, number> = {};
    const files = loadAll(walk({ root: FIXTURES, include: ['**/*.yml', '**/*.yaml', '**/*.json'], exclude: [] }), { prefilter: looksLikeManifest });
    for (const f of files) {
      for (const m of recognise(f)) {
        if (m.family.id !== 'v1-deployment-config' && m.family.id !== 'aml-deploy-action') continue;
        const k = cases.map(([rel]) => rel).find((rel) => f.path.startsWith(`${rel}/`)) ?? f.path;
        counts[k] = (counts[k] ?? 0) + 1;
      }
    }
    expect(counts).toEqual(Object.fromEntries(cases.map(([rel, n]) => [rel, rel === 'corpus/aml-actions/Azure+aml-deploy' ? n + 2 : n])));
  });

  test('aml-deploy files that deploy nothing (`skip_deployment: true`) are said to have nothing to migrate', () => {
    const root = copy('corpus/aml-actions/Azure+aml-deploy');
    try {
      const out = migrate({ root, paths: ['.'], target: 'managed' });
      if (!out.ok) throw new Error('config');
      expect(out.skipped.filter((s) => /skip_deployment/.test(s.why)).map((s) => s.path).sort()).toEqual(['.cloud/.azure/docker.json', '.cloud/.azure/test/test_fapp_deploy.json']);
      expect(sources(out)).toEqual([
        '.cloud/.azure/aci_deploy.json',
        '.cloud/.azure/aks_deploy.json',
        '.cloud/.azure/deploy.json',
        '.cloud/.azure/test/test_aci_deploy.json',
        '.cloud/.azure/test/test_aks_deploy.json',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('--target kubernetes --compute: Kubernetes online endpoint + deployment with resources.requests, passing the gate', () => {
    const { kinds, result } = migrateAndGate('realworld/microsoft+MLOpsPython', 'kubernetes', 'k8s-compute');
    expect(kinds.map(([, k]) => k).sort()).toEqual(['kubernetesOnlineDeployment', 'kubernetesOnlineDeployment', 'kubernetesOnlineEndpoint', 'kubernetesOnlineEndpoint']);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.inventory.map((r) => r.kind)).toEqual(['kubernetesOnlineDeployment', 'kubernetesOnlineDeployment']);
    const root = copy('realworld/microsoft+MLOpsPython');
    try {
      const out = migrate({ root, paths: ['diabetes_regression/scoring/deployment_config_aks.yml'], target: 'kubernetes', compute: 'k8s-compute' });
      if (!out.ok) throw new Error('config');
      const [endpoint, deployment] = out.migrations[0].files.map((f) => f.text);
      expect(endpoint).toContain('compute: azureml:k8s-compute  # the attached Kubernetes compute\n');
      // v1 cpu 0.5 / memoryInGB 2, autoscale 1..3 at 70 % every 10 s.
      expect(deployment).toContain(
        'resources:  # v1 containerResourceRequirements (GB = GiB); limits default to the requests as in v1\n  requests:\n    cpu: "0.5"\n    memory: 2Gi\n  limits:\n    cpu: "0.5"\n    memory: 2Gi\n' +
          'scale_settings:\n  type: target_utilization\n  min_instances: 1\n  max_instances: 3\n  target_utilization_percentage: 70\n  polling_interval: 10\n',
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('migrate: what maps and what does not', () => {
  test('MLOpsPython ACI config → exactly these two files (inference config, migration-table SKU, auth off said)', async () => {
    const root = copy('realworld/microsoft+MLOpsPython');
    try {
      const r = await cli(['migrate', 'diabetes_regression/scoring/deployment_config_aci.yml'], root);
      expect(r.code).toBe(0);
      expect(r.out).toBe(
        [
          '# ==> diabetes_regression/scoring/deployment_config_aci.endpoint.yml <==',
          '# Generated by `model-deploy-gate migrate` from diabetes_regression/scoring/deployment_config_aci.yml (v1 deployment config (computeType ACI)).',
          '# Create: az ml online-endpoint create -f deployment_config_aci.endpoint.yml',
          '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json',
          'name: deployment-config-aci  # the v1 service name came from `--name` on the command line; endpoint names are unique in a region',
          'auth_mode: key  # the v1 service had authentication off; online endpoints always authenticate: callers need the key (az ml online-endpoint get-credentials)',
          '',
          '# ==> diabetes_regression/scoring/deployment_config_aci.deployment.yml <==',
          '# Generated by `model-deploy-gate migrate` from diabetes_regression/scoring/deployment_config_aci.yml (v1 deployment config (computeType ACI)).',
          '# Create: az ml online-deployment create --all-traffic -f deployment_config_aci.deployment.yml',
          '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json',
          'name: blue',
          'endpoint_name: deployment-config-aci',
          'model: azureml:MODEL_NAME@latest  # TODO: the v1 file names no model (the v1 CLI took it from `--model NAME:VERSION`, aml-deploy from its `model_name` input); set the registered model',
          'code_configuration:  # from diabetes_regression/scoring/inference_config.yml',
          '  code: .',
          '  scoring_script: score.py',
          'environment:',
          '  conda_file: ../conda_dependencies.yml',
          '  image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest  # the v2 counterpart of the AzureML base image v1 built the service from',
          'instance_type: Standard_DS2_v2  # 1 CPU / 4 GB → Standard_DS2_v2 by the ACI → managed online migration table',
          'instance_count: 1  # ACI ran one replica; Azure ML recommends 3 or more in production',
          '',
          '',
        ].join('\n'),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('the folder-linked model becomes the model reference, and its memory sizes the SKU (150 %)', () => {
    const root = writeRepo({
      'score/aks.yml': 'computeType: AKS\nnumReplicas: 2\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 4\nkeys:\n  primaryKey: s3cr3t-value\nsslEnabled: true\n',
      'score/model.yml': '$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json\nname: fraud\nversion: 7\ntags:\n  memory_gb: 8\n',
      'score/inferenceConfig.json': '{ "entryScript": "src/score.py", "condaFile": "env.yml", "enableGpu": false }\n',
    });
    try {
      const out = migrate({ root, paths: ['score/aks.yml'], target: 'managed' });
      if (!out.ok) throw new Error('config');
      const dep = out.migrations[0].files[1].text;
      expect(dep).toContain('model: azureml:fraud:7  # the registered model (score/model.yml, linked to the v1 file by its folder)');
      // 1 CPU / 4 GB maps to Standard_DS2_v2 (7 GiB); the model needs 12 GiB: Standard_DS3_v2 (14 GiB).
      expect(dep).toMatch(/instance_type: Standard_DS3_v2 {2}# the migration table gives Standard_DS2_v2 .* less than the 12 GiB/);
      expect(dep).toContain('instance_count: 2  # v1 numReplicas');
      expect(dep).toContain('code_configuration:  # from score/inferenceConfig.json\n  code: src\n  scoring_script: score.py\n');
      expect(dep).toContain('  conda_file: env.yml\n');
      expect(dep).toContain('#   keys.primaryKey: never copied');
      expect(dep).toContain('#   sslEnabled: online endpoints serve TLS');
      expect(dep).not.toContain('s3cr3t');
      for (const f of out.migrations[0].files) writeFileSync(path.join(root, f.path), f.text);
      const gated = resultOf(evaluate({ root, paths: out.migrations[0].files.map((f) => f.path), failOn: 'error', scopeReason: 'test' }));
      expect(gated.findings).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('--write writes beside the source and never overwrites without --force (and says so)', async () => {
    const root = writeRepo({ 'score/aci.yml': 'computeType: ACI\n' });
    try {
      const first = await cli(['migrate', '--write', 'score/aci.yml'], root);
      expect(first.code).toBe(0);
      expect(first.out).toBe('');
      expect(first.err).toContain('wrote score/aci.endpoint.yml (managedOnlineEndpoint, from score/aci.yml)');
      writeFileSync(path.join(root, 'score/aci.deployment.yml'), '# mine\n');
      const again = await cli(['migrate', '--write', 'score/aci.yml'], root);
      expect(again.code).toBe(1);
      expect(again.err).toContain('score/aci.deployment.yml: exists, not overwritten (use --force to overwrite)');
      expect(readFileSync(path.join(root, 'score/aci.deployment.yml'), 'utf8')).toBe('# mine\n');
      const forced = await cli(['migrate', '--write', '--force', 'score/aci.yml'], root);
      expect(forced.code).toBe(0);
      expect(forced.err).toContain('overwrote score/aci.deployment.yml');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('usage: kubernetes needs --compute; a path with no v1 file migrates nothing (exit 1)', async () => {
    const root = writeRepo({ 'online/x.yml': 'name: x\n' });
    try {
      expect((await cli(['migrate', '--target', 'kubernetes', 'online'], root)).code).toBe(2);
      const none = await cli(['migrate', 'online/x.yml'], root);
      expect(none.code).toBe(1);
      expect(none.err).toContain('nothing to migrate');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
