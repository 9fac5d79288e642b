// A pull-request run parses only what the changed files need (engine.ts parseNeeded): its result must
// be the result of evaluating the whole checkout and keeping the scope (`exhaustive`), for any change.
// The first cases are attacks: a definition the changed files need, written so that a reader of the
// raw text could miss it, must still be parsed.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../../src/engine.js';
import { toJsonReport } from '../../src/report/index.js';
import { resultOf, rng, tempRepos, writeRepo } from '../helpers.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const FIX = path.join(REPO, '__tests__', '__fixtures__');
const NOW = new Date('2026-06-01T00:00:00Z');
const S = 'https://azuremlschemas.azureedge.net/latest';

function files(root: string, rel = '', out: string[] = []): string[] {
  for (const e of readdirSync(path.join(root, rel)).sort()) {
    const r = rel ? `${rel}/${e}` : e;
    if (statSync(path.join(root, r)).isDirectory()) files(root, r, out);
    else out.push(r);
  }
  return out;
}

/** The JSON report of a diff-aware run, and the files it parsed. */
function run(root: string, changed: string[], exhaustive: boolean, configPath?: string): { report: string; parsed: Set<string> } {
  const parsed = new Set<string>();
  const outcome = evaluate({ root, changed, exhaustive, failOn: 'notice', scopeReason: 'test', now: NOW, configPath, onParse: (p) => parsed.add(p) });
  return { report: JSON.stringify(toJsonReport(resultOf(outcome))), parsed };
}

const report = (root: string, changed: string[], exhaustive: boolean, configPath?: string) => run(root, changed, exhaustive, configPath).report;

/** Change sets: each manifest-like file alone (sampled), folders, random handfuls, paths that are no candidates. */
function changeSets(all: string[], seed: number, singles: number): string[][] {
  const rnd = rng(seed);
  const pick = () => all[Math.floor(rnd() * all.length)];
  const yamlish = all.filter((f) => /\.(ya?ml|json|sh)$|MLmodel$/.test(f));
  const sets: string[][] = [];
  const step = Math.max(1, Math.floor(yamlish.length / singles));
  for (let i = 0; i < yamlish.length; i += step) sets.push([yamlish[i]]);
  // Every pipeline alone: a changed pipeline brings what it deploys into the scope.
  for (const f of yamlish) if (/^\.github\/workflows\/|(^|\/)(azure-pipelines|pipelines?|templates?)[^/]*\//.test(f) || /\.sh$/.test(f)) sets.push([f]);
  for (let i = 0; i < 6; i++) {
    const dir = path.posix.dirname(pick());
    sets.push(all.filter((f) => path.posix.dirname(f) === dir));
  }
  for (let i = 0; i < 8; i++) sets.push([...new Set(Array.from({ length: 2 + Math.floor(rnd() * 6) }, pick))]);
  sets.push([`${path.posix.dirname(pick())}/weights.bin`, 'README.md', 'no/such/file.yml']);
  sets.push([]);
  return sets;
}

/** How many change sets were compared, and how many of them left files unparsed. */
function equalOn(root: string, seed: number, singles: number, configPath?: string): { sets: number; partial: number } {
  const all = files(root);
  let sets = 0;
  let partial = 0;
  for (const changed of changeSets(all, seed, singles)) {
    const pr = run(root, changed, false, configPath);
    expect({ changed, report: pr.report }).toEqual({ changed, report: report(root, changed, true, configPath) });
    sets++;
    if (pr.parsed.size > 0 && pr.parsed.size < all.length / 2) partial++;
  }
  return { sets, partial };
}

const temp = tempRepos('mdg-pr-');
afterAll(temp.cleanup);

describe('a pull-request run parses what a definition hidden from a text reader needs (attacks)', () => {
  // A changed deployment whose endpoint runs on compute `gpu-prod`, defined far away in a way a scan of
  // `name:` values could miss: the full run says the compute is a cluster (batch only) or a legacy AKS
  // attachment, and the pull-request run must say so too.
  const deployment = `$schema: ${S}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: kep\nmodel: azureml:m:1\ninstance_count: 1\n`;
  const endpoint = `$schema: ${S}/kubernetesOnlineEndpoint.schema.json\nname: kep\ncompute: azureml:gpu-prod\n`;
  const cluster = (name: string) => `$schema: ${S}/amlCompute.schema.json\ntype: amlcompute\nsize: Standard_DS3_v2\n${name}`;
  const CLUSTER = 'compute-cluster-not-realtime';
  const LEGACY = 'v2-online-on-legacy-aks';
  const AML = 'infra/far/away/.cloud/.azure/compute.json';
  const YML = 'infra/far/away/compute.yml';
  const definitions: Array<[string, string, string, string]> = [
    ['an escaped name', AML, '{"name": "gpu\\u002dprod", "compute_type": "akscluster"}', LEGACY],
    ['an escaped key', AML, '{"n\\u0061me": "gpu-prod", "compute_type": "akscluster"}', LEGACY],
    ['a name on the line after its key', AML, '{"name":\n   "GPU-PROD", "compute_type": "akscluster"}', LEGACY],
    ['a name behind an alias', YML, `base: &n gpu-prod\n${cluster('name: *n\n')}`, CLUSTER],
    ['a folded block scalar', YML, cluster('name: >-\n  gpu-prod\n'), CLUSTER],
    ['a name in a flow mapping', YML, `{$schema: ${S}/amlCompute.schema.json, type: amlcompute, size: Standard_DS3_v2, name: GPU-Prod}`, CLUSTER],
    ['a quoted key and upper case', YML, cluster(`"name": 'GPU-PROD'\n`), CLUSTER],
    ['a double-quoted name broken by an escaped line break', YML, cluster('name: "gpu-\\\n  prod"\n'), CLUSTER],
    ['a tagged name', YML, cluster('name: !!str gpu-prod\n'), CLUSTER],
  ];
  test.each(definitions)('%s', (_, where, definition, rule) => {
    const root = temp.repo({
      'deploy/prod/deployment.yml': deployment,
      'deploy/prod/endpoint.yml': endpoint,
      [where]: definition,
      'other/unrelated.yml': cluster('name: cpu\n'),
    });
    const full = resultOf(evaluate({ root, failOn: 'notice', scopeReason: 'test', now: NOW }));
    const pr = run(root, ['deploy/prod/deployment.yml'], false);
    expect(pr.report).toBe(report(root, ['deploy/prod/deployment.yml'], true));
    // The definition decides a finding of the full run on the changed deployment's endpoint; the
    // pull-request run reports it too, and never parsed the unrelated compute.
    const fullOfChanged = full.findings.filter((f) => f.file.startsWith('deploy/prod/')).map((f) => f.ruleId);
    expect(fullOfChanged).toContain(rule);
    expect(JSON.parse(pr.report).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(fullOfChanged);
    expect(pr.parsed.has(where)).toBe(true);
    expect(pr.parsed.has('other/unrelated.yml')).toBe(false);
  });

  test('the quota is the repository\'s: deployments nobody changed still count, and quota-exceeded fires on the changed one', () => {
    const dep = (name: string, count: number) =>
      `$schema: ${S}/managedOnlineDeployment.schema.json\nname: ${name}\nendpoint_name: ep-${name}\nmodel: azureml:m:1\ninstance_type: Standard_DS3_v2\ninstance_count: ${count}\n`;
    const root = temp.repo({
      '.github/model-deploy-gate.yml': 'quota:\n  "Standard DSv2 Family vCPUs": 40\n',
      'teams/a/deploy/prod/d.yml': dep('a', 3),
      'teams/b/deploy/prod/d.yml': dep('b', 3),
      // Escaped key: a text reader cannot tell it holds instance_type, the parse can.
      'teams/c/deploy/prod/d.json': `{"$schema": "${S}/managedOnlineDeployment.schema.json", "name": "c", "endpoint_name": "ep-c", "model": "azureml:m:1", "instance\\u005ftype": "Standard_DS3_v2", "instance_count": 2}`,
    });
    const pr = run(root, ['teams/a/deploy/prod/d.yml'], false);
    expect(pr.report).toBe(report(root, ['teams/a/deploy/prod/d.yml'], true));
    const r = JSON.parse(pr.report);
    expect(r.quota[0].deployments.map((d: { file: string }) => d.file)).toEqual(['teams/a/deploy/prod/d.yml', 'teams/b/deploy/prod/d.yml', 'teams/c/deploy/prod/d.json']);
    expect(r.findings.filter((f: { ruleId: string }) => f.ruleId === 'quota-exceeded').map((f: { file: string }) => f.file)).toEqual(['teams/a/deploy/prod/d.yml']);
  });

  test('a changed pipeline: what it deploys is parsed and gated, and a file nothing needs is not parsed', () => {
    const root = temp.repo({
      '.github/workflows/cd.yml':
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: az ml online-deployment create -f ml/blue.yml\n',
      'ml/blue.yml': `name: blue\nendpoint_name: ep\nmodel: azureml:m:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n`,
      'unrelated/ep.yml': `$schema: ${S}/managedOnlineEndpoint.schema.json\nname: other\nauth_mode: key\n`,
    });
    const pr = run(root, ['.github/workflows/cd.yml'], false);
    expect(pr.report).toBe(report(root, ['.github/workflows/cd.yml'], true));
    expect(pr.parsed.has('ml/blue.yml')).toBe(true);
    expect(pr.parsed.has('unrelated/ep.yml')).toBe(false);
    expect(JSON.parse(pr.report).findings.map((f: { ruleId: string; file: string }) => `${f.ruleId} ${f.file}`)).toContain('managed-instance-count-ha ml/blue.yml');
  });
});

describe('pull-request runs equal the whole checkout kept to the scope', () => {
  const roots = [
    path.join(FIX, 'corpus'),
    ...readdirSync(path.join(FIX, 'realworld'))
      .filter((d) => statSync(path.join(FIX, 'realworld', d)).isDirectory())
      .map((d) => path.join(FIX, 'realworld', d)),
  ];
  let partialRuns = 0;
  test.each(roots.map((r) => [path.relative(REPO, r), r]))('%s', (_, root) => {
    const { sets, partial } = equalOn(root as string, 7, 40);
    expect(sets).toBeGreaterThan(10);
    partialRuns += partial;
  });
  test('the fixture runs above parsed only part of their checkout', () => {
    expect(partialRuns).toBeGreaterThan(50);
  });

  test('examples/ (its waivers make every run parse everything) and examples/ with a config without waivers', () => {
    const examples = path.join(REPO, 'examples');
    expect(equalOn(examples, 5, 30).partial).toBe(0);
    const copy = temp.dir();
    cpSync(examples, copy, { recursive: true });
    writeFileSync(path.join(copy, '.github', 'model-deploy-gate.yml'), 'default-stage: unknown\nstages:\n  production: ["deploy/prod/**"]\n');
    expect(equalOn(copy, 5, 30).partial).toBeGreaterThan(5);
  });

  let synthetic: string;
  beforeAll(() => {
    synthetic = mkdtempSync(path.join(os.tmpdir(), 'mdg-pr-'));
    execFileSync(process.execPath, [path.join(REPO, 'scripts', 'gen-monorepo.mjs'), '--manifests', '400', '--seed', '3', '--out', synthetic]);
  });
  afterAll(() => rmSync(synthetic, { recursive: true, force: true }));

  test('synthetic monorepo (cross-folder computes, models by name, path and folder, endpoints)', () => {
    const { sets, partial } = equalOn(synthetic, 11, 120);
    expect(sets).toBeGreaterThan(100);
    expect(partial).toBeGreaterThan(100);
  });

  test('hand-made references: names in quotes and flow style, models by path at and above a change, folder links', () => {
    const root = writeRepo({
      'infra/k8s.yml': `$schema: ${S}/kubernetesCompute.schema.json\nname: "K8S"\ntype: kubernetes\n`,
      'infra/cpu.json': JSON.stringify({ $schema: `${S}/amlCompute.schema.json`, name: 'cpu', type: 'amlcompute', size: 'Standard_DS3_v2' }),
      'deploy/prod/ep.yml': `$schema: ${S}/kubernetesOnlineEndpoint.schema.json\nname: kep\ncompute: azureml:k8s\n`,
      'deploy/prod/kd.yml': `$schema: ${S}/kubernetesOnlineDeployment.schema.json\nname: blue\nendpoint_name: kep\nmodel: {name: m, version: 1}\ninstance_count: 1\n`,
      'deploy/dev/kd.yml': `$schema: ${S}/kubernetesOnlineDeployment.schema.json\nname: green\nendpoint_name: 'kep'\nmodel:\n  path: ../../models/m/w\ninstance_count: 1\n`,
      'deploy/up/b.yml': `$schema: ${S}/batchDeployment.schema.json\nname: b\nendpoint_name: e\nmodel:\n  path: ../..\ncompute: azureml:cpu\n`,
      'models/m/model.yml': `$schema: ${S}/model.schema.json\nname: m\nversion: 1\npath: ./w\ntags:\n  memory_gb: 20\n`,
      'models/m/w/MLmodel': 'flavors:\n  python_function: {}\nmodel_size_bytes: 100\n',
      'models/n/model.yml': `$schema: ${S}/model.schema.json\nname: >-\n  n\nversion: 1\npath:\n  ../m/w\n`,
      'v1/aci.yml': 'computeType: ACI\nmemoryInGB: 2\n',
      'v1/.cloud/.azure/registermodel.json': '{"model_name": "m", "model_file_name": "x.pkl", "memory_gb": 40}',
      'v1/registermodel.json': '{"model_name": "v1m", "model_file_name": "x.pkl", "memory_gb": 4}',
      // An endpoint on a missing compute, its deployments in two folders (by name, and by folder): the
      // finding at its compute key is the first deployment's, whichever file changed.
      'a/ep.yml': `$schema: ${S}/kubernetesOnlineEndpoint.schema.json\nname: kep3\ncompute: azureml:nowhere\n`,
      'a/by-folder.yml': `$schema: ${S}/kubernetesOnlineDeployment.schema.json\nname: one\nendpoint_name: zzz\nmodel: azureml:m:1\ninstance_count: 1\nresources:\n  requests:\n    nvidia.com/gpu: 1\n`,
      'b/by-name.yml': `$schema: ${S}/kubernetesOnlineDeployment.schema.json\nname: two\nendpoint_name: kep3\nmodel: azureml:m:1\ninstance_count: 1\n`,
      'c/by-name.yml': `$schema: ${S}/kubernetesOnlineDeployment.schema.json\nname: three\nendpoint_name: kep3\nmodel: azureml:m:1\ninstance_count: 2\nresources:\n  requests:\n    nvidia.com/gpu: 2\n`,
    });
    try {
      const all = files(root);
      for (const f of all) expect(report(root, [f], false)).toBe(report(root, [f], true));
      for (const c of [['models/m/w/weights.bin'], ['models/x.bin'], ['deploy/x'], ['infra/cpu.json', 'models/n/model.yml']]) {
        expect(report(root, c, false)).toBe(report(root, c, true));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
