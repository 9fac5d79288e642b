#!/usr/bin/env node
// Deterministic generator of a synthetic ML monorepo for benchmarks and scale tests.
//
//   node scripts/gen-monorepo.mjs --manifests 10000 --seed 1 --out DIR [--noise 0.5] [--json]
//
// Output: exactly N manifest documents spread over every family of SPEC §2 (v1 deployment configs in
// YAML and JSON/JSONC, aml-deploy / aml-compute / aml-registermodel `.cloud/.azure/*.json`, v2
// managed and Kubernetes online endpoints + deployments, batch endpoints + deployments in the current
// and legacy layouts, pipeline component batch deployments, amlCompute / kubernetesCompute /
// computeInstance, v2 model YAML, MLflow MLmodel files), with shapes copied from /work/shared/corpus,
// plus unrelated YAML/JSON files (workflows, package.json, tsconfig, Kubernetes manifests, OpenAPI,
// docker-compose, conda and Azure ML environment/job files, docs configs) — `--noise R` per manifest,
// default 1; the benchmark uses 0.5, the ratio of issue #12's corpus — and a few unrendered templates. Layout: shared computes under infra/, projects under teams/<team>/<project>/ whose
// deployments (deploy/{prod,dev}/…) reference those computes across folders.
//
// Same (manifests, seed, noise) ⇒ byte-identical tree: a seeded PRNG drives every choice (no Math.random,
// no clock, no environment).
import { mkdirSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

/** mulberry32: small, fast, good enough for synthetic data; seeded through a string hash. */
function makeRng(seed) {
  let h = 1779033703 ^ String(seed).length;
  for (const ch of String(seed)) {
    h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    /** pairs: [[weight, value], …] */
    weighted: (pairs) => {
      let total = 0;
      for (const [w] of pairs) total += w;
      let x = next() * total;
      for (const [w, v] of pairs) {
        x -= w;
        if (x < 0) return v;
      }
      return pairs[pairs.length - 1][1];
    },
    hex: (n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(next() * 16)];
      return s;
    },
  };
  return r;
}

const TEAMS = ['fraud', 'search', 'vision', 'nlp', 'ranking', 'forecast', 'pricing', 'risk', 'ads', 'speech', 'recsys', 'churn', 'health', 'maps', 'supply', 'growth'];
const ADJ = ['blue', 'swift', 'quiet', 'bright', 'amber', 'rapid', 'deep', 'lucky', 'silver', 'bold', 'calm', 'green', 'solar', 'polar', 'iron', 'coral'];
const NOUN = ['otter', 'falcon', 'maple', 'river', 'comet', 'harbor', 'cedar', 'lynx', 'quartz', 'meadow', 'ember', 'tundra', 'willow', 'atlas', 'delta', 'orbit'];
const SKU_RAM_GIB = { Standard_DS2_v2: 7, Standard_DS3_v2: 14, Standard_DS4_v2: 28, Standard_F2s_v2: 4, Standard_F4s_v2: 8, Standard_F8s_v2: 16, Standard_E2s_v3: 16, Standard_E4s_v3: 32, Standard_E8s_v3: 64 };
const CPU_SKUS = ['Standard_DS2_v2', 'Standard_DS3_v2', 'Standard_DS4_v2', 'Standard_F2s_v2', 'Standard_F4s_v2', 'Standard_F8s_v2', 'Standard_E2s_v3', 'Standard_E4s_v3', 'Standard_E8s_v3'];
const GPU_SKUS = ['Standard_NC6s_v3', 'Standard_NC4as_T4_v3', 'Standard_NC8as_T4_v3', 'Standard_NC24ads_A100_v4', 'STANDARD_NC4AS_T4_V3'];
const AKS_SKUS = ['Standard_D3_v2', 'Standard_D4_v2', 'Standard_DS3_v2', 'Standard_D8s_v3', 'Standard_NC6s_v3'];
const SCHEMA_HOST = 'https://azuremlschemas.azureedge.net/latest';
const CPU_IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest';
const GPU_IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.8-cudnn8-ubuntu22.04:latest';
const FLAVORS = ['sklearn', 'lightgbm', 'xgboost', 'pytorch', 'tensorflow', 'transformers'];

/**
 * Generates the tree into `out` (created; must be absent or empty).
 * Returns counts: manifests (documents), files, noise files, bytes, per-family documents.
 */
export function generate({ manifests, seed = 1, out, noise: noisePerManifest = 1 }) {
  if (!Number.isInteger(manifests) || manifests < 1) throw new Error('--manifests must be a positive integer');
  if (!(Number.isFinite(noisePerManifest) && noisePerManifest >= 0 && noisePerManifest <= 10)) throw new Error('--noise must be a number from 0 to 10');
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`output directory ${out} is not empty`);
  const rng = makeRng(seed);
  noiseSerial = 0;
  const stats = { manifests: 0, files: 0, manifestFiles: 0, noiseFiles: 0, templates: 0, bytes: 0, noisePerManifest, families: {} };
  const madeDirs = new Set();
  let budget = manifests;
  let pendingNoise = 0;

  const write = (rel, text) => {
    const abs = path.join(out, rel);
    const dir = path.dirname(abs);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(abs, text);
    stats.files++;
    stats.bytes += Buffer.byteLength(text);
  };
  /** A manifest file holding one document per entry of `families`. */
  const manifest = (rel, text, ...families) => {
    write(rel, text);
    stats.manifestFiles++;
    for (const f of families) {
      stats.families[f] = (stats.families[f] ?? 0) + 1;
      stats.manifests++;
    }
    budget -= families.length;
    // Noise owed, possibly fractional (0.5 ⇒ one unrelated file every second manifest). With the
    // default of 1 this is the integer count it always was, so old trees stay byte-identical.
    pendingNoise += families.length * noisePerManifest;
  };
  const noise = (rel, text) => {
    write(rel, text);
    stats.noiseFiles++;
  };

  // ---- shared infrastructure: computes referenced from every team's deployments ----
  const pool = { amlcpu: [], amlgpu: [], k8s: [], aks: [], instance: [] };
  const infraCount = Math.min(budget, Math.max(6, Math.round(manifests * 0.02)));
  for (let i = 0; i < infraCount && budget > 0; i++) {
    const kind = i < 5 ? ['amlcpu', 'amlgpu', 'k8s', 'aks', 'instance'][i] : rng.weighted([[40, 'amlcpu'], [15, 'amlgpu'], [20, 'k8s'], [18, 'aks'], [7, 'instance']]);
    const region = rng.pick(['eastus', 'westeurope', 'northeurope', 'eastus2', 'southcentralus']);
    if (kind === 'amlcpu' || kind === 'amlgpu') {
      const gpu = kind === 'amlgpu';
      const name = `${gpu ? 'gpu' : 'cpu'}-cluster-${i}`;
      pool[kind].push(name);
      if (rng.chance(0.25)) {
        // aml-compute action file for an AML cluster
        manifest(`infra/aml-compute/${name}/.cloud/.azure/compute.json`, amlComputeJson(rng, name, 'amlcluster', gpu), 'amlComputeAction');
      } else {
        manifest(`infra/computes/${region}/${name}.yml`, amlComputeYaml(rng, name, gpu), 'amlCompute');
      }
    } else if (kind === 'k8s') {
      const name = `k8s-compute-${i}`;
      pool.k8s.push(name);
      manifest(`infra/computes/${region}/${name}.yml`, kubernetesComputeYaml(rng, name), 'kubernetesCompute');
    } else if (kind === 'aks') {
      const name = `aks-${rng.pick(['prod', 'prod', 'dev', 'shared'])}-${i}`;
      pool.aks.push(name);
      manifest(`infra/aml-compute/${name}/.cloud/.azure/compute.json`, amlComputeJson(rng, name, 'akscluster', false), 'amlComputeAction');
    } else {
      const name = `ci-${rng.pick(TEAMS)}-${i}`;
      pool.instance.push(name);
      manifest(`infra/computes/instances/${name}.yml`, computeInstanceYaml(rng, name), 'computeInstance');
    }
  }
  // Root-level noise a monorepo always has.
  noise('package.json', packageJson(rng, 'ml-platform-monorepo'));
  noise('tsconfig.json', tsconfigJson());
  noise('.github/workflows/ci.yml', workflowYaml(rng, 'ci', 0));
  noise('.github/workflows/deploy-models.yml', workflowYaml(rng, 'deploy-models', 1));
  noise('.github/dependabot.yml', 'version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: "/"\n    schedule:\n      interval: weekly\n  - package-ecosystem: github-actions\n    directory: "/"\n    schedule:\n      interval: weekly\n');
  noise('.pre-commit-config.yaml', 'repos:\n  - repo: https://github.com/psf/black\n    rev: 24.4.2\n    hooks:\n      - id: black\n  - repo: https://github.com/pycqa/flake8\n    rev: 7.0.0\n    hooks:\n      - id: flake8\n        args: ["--max-line-length=120"]\n');
  pendingNoise -= 6;

  // ---- projects ----
  let project = 0;
  while (budget > 0) {
    const team = TEAMS[Math.floor(project / 20) % TEAMS.length] + (project >= 20 * TEAMS.length ? `-${Math.floor(project / (20 * TEAMS.length))}` : '');
    const pname = `${rng.pick(ADJ)}-${rng.pick(NOUN)}-${project}`;
    const base = `teams/${team}/${pname}`;
    const archetype = rng.weighted([[33, 'managed'], [14, 'k8s'], [20, 'batch'], [17, 'v1'], [16, 'amlactions']]);
    const ctx = { rng, base, team, pname, pool, manifest, budget: () => budget };
    if (archetype === 'managed') projectManaged(ctx);
    else if (archetype === 'k8s') projectKubernetes(ctx);
    else if (archetype === 'batch') projectBatch(ctx);
    else if (archetype === 'v1') projectV1(ctx);
    else projectAmlActions(ctx);
    // The unrelated files owed so far (`noise` per manifest), in the same project (realistic neighbours).
    while (pendingNoise >= 1) {
      noiseFile(rng, base, noise, pool);
      pendingNoise--;
    }
    // Unrendered templates are rare but real (corpus: 6 of 80 files); they are not counted as manifests.
    if (rng.chance(0.01)) {
      write(`${base}/deploy/templates/deployment.tmpl.yml`, `$schema: ${SCHEMA_HOST}/managedOnlineDeployment.schema.json\nname: {{DEPLOYMENT_NAME}}\nendpoint_name: {{ENDPOINT_NAME}}\nmodel: azureml:{{MODEL_NAME}}:{{MODEL_VERSION}}\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n`);
      stats.templates++;
    }
    project++;
  }
  stats.projects = project;
  stats.noiseRatio = stats.noiseFiles / stats.manifests;
  return stats;
}

// ---------------------------------------------------------------- projects

/** Emits files in order while the manifest budget lasts (models first: deployments refer to them). */
function emitter(ctx) {
  return (rel, text, ...families) => {
    if (ctx.budget() < families.length) return false;
    ctx.manifest(`${ctx.base}/${rel}`, text, ...families);
    return true;
  };
}

function modelFiles(ctx, emit, opts = {}) {
  const { rng, team, pname } = ctx;
  const name = `${team}-${pname}-${rng.pick(FLAVORS)}`.slice(0, 60);
  const version = rng.int(1, 40);
  const gpu = opts.gpu ?? rng.chance(0.15);
  const mlflow = rng.chance(0.7);
  const dir = `models/${name}`;
  const sizeBytes = rng.chance(0.6) ? rng.int(50_000, gpu ? 6_000_000_000 : 900_000_000) : undefined;
  const memGb = rng.chance(0.5) ? rng.pick([0.5, 1, 2, 4, 6, 8, 12, 16, 24, 32]) : undefined;
  let y = `$schema: ${SCHEMA_HOST}/model.schema.json\nname: ${name}\nversion: ${version}\n`;
  y += `description: ${rng.pick(['Gradient boosted classifier', 'Fine-tuned transformer', 'Baseline regression model', 'Image classifier', 'Ranking model'])} for ${pname}.\n`;
  y += `path: ${mlflow ? 'mlflow-model' : 'model'}\ntype: ${mlflow ? 'mlflow_model' : 'custom_model'}\n`;
  y += `tags:\n  team: ${team}\n  framework: ${rng.pick(FLAVORS)}\n`;
  if (memGb !== undefined) y += `  memory_gb: ${memGb}\n`;
  if (gpu) y += `  accelerator: gpu\n`;
  if (rng.chance(0.3)) y += `properties:\n  training_run: ${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}\n`;
  emit(`${dir}/model.yml`, y, 'model');
  if (mlflow) emit(`${dir}/mlflow-model/MLmodel`, mlmodel(rng, sizeBytes), 'mlflowModel');
  return { name, version, gpu, memGb, localPath: `${dir}/${mlflow ? 'mlflow-model' : 'model'}`, mlflow };
}

/** A v2 model reference in one of the forms of SPEC §2, from the deployment's folder (depth = folders below the project). */
function modelRef(rng, model, depth) {
  const up = '../'.repeat(depth);
  return rng.weighted([
    [55, `model: azureml:${model.name}:${model.version}\n`],
    [12, `model: azureml:${model.name}@latest\n`],
    [18, `model:\n  path: ${up}${model.localPath}\n${model.mlflow ? '  type: mlflow_model\n' : ''}`],
    [10, `model: azureml://registries/azureml/models/${rng.pick(['distilbert-base-uncased', 'resnet-50', 'bert-base-cased'])}/versions/${rng.int(1, 12)}\n`],
    [5, `model: azureml:${model.name}-archived:${rng.int(1, 3)}\n`], // unresolved on purpose: defined outside the repo
  ]);
}

function endpointYaml(rng, kind, name, extra = '') {
  let y = `$schema: ${SCHEMA_HOST}/${kind}.schema.json\nname: ${name}\n`;
  if (kind === 'batchEndpoint') y += `description: Batch scoring endpoint for ${name}.\n`;
  else y += `auth_mode: ${rng.pick(['key', 'aml_token', 'key'])}\n`;
  y += extra;
  y += `tags:\n  owner: ${rng.pick(TEAMS)}@contoso.com\n`;
  return y;
}

function codeEnv(rng, gpu, depth) {
  const up = '../'.repeat(depth);
  return (
    `code_configuration:\n  code: ${up}src/scoring/\n  scoring_script: ${rng.pick(['score.py', 'main.py', 'batch_driver.py'])}\n` +
    `environment:\n  conda_file: ${up}environment/conda.yaml\n  image: ${gpu ? GPU_IMAGE : CPU_IMAGE}\n`
  );
}

function projectManaged(ctx) {
  const { rng, pname } = ctx;
  const emit = emitter(ctx);
  const model = modelFiles(ctx, emit);
  for (const stage of rng.chance(0.8) ? ['prod', 'dev'] : ['dev']) {
    const ep = `${pname.slice(0, 24)}-${stage}`;
    if (!emit(`deploy/${stage}/endpoint.yml`, endpointYaml(rng, 'managedOnlineEndpoint', ep), 'managedOnlineEndpoint')) return;
    for (const color of stage === 'prod' && rng.chance(0.6) ? ['blue', 'green'] : ['blue']) {
      // Usually sized with the 150 % headroom of the table's notes; sometimes not (memory-headroom).
      const fits = CPU_SKUS.filter((k) => model.memGb === undefined || rng.chance(0.08) || SKU_RAM_GIB[k] >= 1.5 * model.memGb);
      const sku = rng.chance(0.02) ? 'Standard_D4s_v3' : model.gpu ? rng.pick(GPU_SKUS) : rng.pick(fits.length ? fits : CPU_SKUS);
      let y = `$schema: ${SCHEMA_HOST}/managedOnlineDeployment.schema.json\nname: ${color}\nendpoint_name: ${ep}\n`;
      y += modelRef(rng, model, 2);
      y += codeEnv(rng, model.gpu, 2);
      y += `instance_type: ${sku}\ninstance_count: ${stage === 'prod' ? rng.pick([1, 2, 3, 3, 4, 6]) : 1}\n`;
      if (rng.chance(0.5)) y += `request_settings:\n  request_timeout_ms: ${rng.pick([5000, 30000, 90000, 180000, 240000])}\n  max_concurrent_requests_per_instance: ${rng.int(1, 8)}\n`;
      if (rng.chance(0.3)) y += `liveness_probe:\n  initial_delay: 30\n  period: 10\n  timeout: 2\n  success_threshold: 1\n  failure_threshold: 30\n`;
      if (rng.chance(0.25)) y += `data_collector:\n  collections:\n    model_inputs:\n      enabled: "true"\n    model_outputs:\n      enabled: "true"\n`;
      if (rng.chance(0.15)) y += `tags:\n  stage: ${stage === 'prod' ? 'production' : 'development'}\n`;
      if (!emit(`deploy/${stage}/${color}-deployment.yml`, y, 'managedOnlineDeployment')) return;
    }
  }
}

function projectKubernetes(ctx) {
  const { rng, pname, pool } = ctx;
  const emit = emitter(ctx);
  const model = modelFiles(ctx, emit);
  for (const stage of ['prod', 'dev']) {
    const ep = `${pname.slice(0, 20)}-k8s-${stage}`;
    // Mostly a Kubernetes compute; now and then a cluster (compute-cluster-not-realtime) or a missing name.
    const compute = rng.weighted([[90, rng.pick(pool.k8s)], [5, rng.pick(pool.amlcpu)], [5, `k8s-external-${rng.int(1, 9)}`]]);
    // One file in five holds endpoint and deployment as two YAML documents.
    const multi = rng.chance(0.2);
    const endpoint = endpointYaml(rng, 'kubernetesOnlineEndpoint', ep, `compute: azureml:${compute}\n`);
    const gpu = model.gpu;
    let d = `$schema: ${SCHEMA_HOST}/kubernetesOnlineDeployment.schema.json\nname: blue\ntype: kubernetes\nendpoint_name: ${ep}\n`;
    d += modelRef(rng, model, 2);
    d += codeEnv(rng, gpu, 2);
    // Mostly sound requests/limits (MLflow needs ≥ 2 CPU / 4Gi); one in ten is off in a way the rules catch.
    const [reqCpu, limCpu] = rng.weighted([[30, ['"2"', '"4"']], [25, ['"4"', '"4"']], [20, ['"2"', '"2"']], [15, ['"1"', '"2"']], [5, ['"500m"', '"1"']], [5, ['"4"', '"2"']]]);
    const [reqMem, limMem] = rng.weighted([[35, ['"4Gi"', '"8Gi"']], [30, ['"8Gi"', '"8Gi"']], [20, ['"6Gi"', '"12Gi"']], [5, ['"4G"', '"8Gi"']], [5, ['"1500Mi"', '"2Gi"']], [5, ['"8Gi"', '"4Gi"']]]);
    d += `request_settings:\n  request_timeout_ms: ${rng.pick([3000, 10000, 60000])}\n  max_queue_wait_ms: 3000\n`;
    d += `resources:\n  requests:\n    cpu: ${reqCpu}\n    memory: ${reqMem}\n`;
    if (gpu) d += `    nvidia.com/gpu: "1"\n`;
    d += `  limits:\n    cpu: ${limCpu}\n    memory: ${limMem}\n`;
    if (gpu && rng.chance(0.9)) d += `    nvidia.com/gpu: "1"\n`;
    d += `tags:\n  tag1: deployment-tag1-value\n`;
    d += rng.chance(0.5) ? `instance_count: ${rng.int(1, 4)}\nscale_settings:\n  type: default\n` : `scale_settings:\n  type: target_utilization\n  min_instances: 1\n  max_instances: ${rng.int(2, 8)}\n  polling_interval: 10\n  target_utilization_percentage: 70\n`;
    if (multi) {
      if (!emit(`deploy/${stage}/online.yml`, `${endpoint}---\n${d}`, 'kubernetesOnlineEndpoint', 'kubernetesOnlineDeployment')) return;
    } else {
      if (!emit(`deploy/${stage}/kubernetes-endpoint.yml`, endpoint, 'kubernetesOnlineEndpoint')) return;
      if (!emit(`deploy/${stage}/kubernetes-blue-deployment.yml`, d, 'kubernetesOnlineDeployment')) return;
    }
  }
}

function batchSettings(rng, indent) {
  const p = ' '.repeat(indent);
  return (
    `${p}max_concurrency_per_instance: ${rng.int(1, 4)}\n${p}mini_batch_size: ${rng.pick([1, 5, 10, 20])}\n` +
    `${p}output_action: append_row\n${p}output_file_name: predictions.csv\n` +
    `${p}retry_settings:\n${p}  max_retries: 3\n${p}  timeout: ${rng.pick([30, 300, 3000])}\n` +
    `${p}error_threshold: -1\n${p}logging_level: info\n`
  );
}

function projectBatch(ctx) {
  const { rng, pname, pool } = ctx;
  const emit = emitter(ctx);
  const model = modelFiles(ctx, emit);
  const ep = `${pname.slice(0, 22)}-batch`;
  if (!emit('deploy/prod/endpoint.yml', endpointYaml(rng, 'batchEndpoint', ep), 'batchEndpoint')) return;
  const cluster = () =>
    rng.weighted([
      [model.gpu ? 20 : 70, rng.pick(pool.amlcpu)],
      [model.gpu ? 60 : 10, rng.pick(pool.amlgpu)],
      [10, rng.pick(pool.k8s)],
      [4, rng.pick(pool.aks)], // legacy AKS: batch-requires-compute-cluster
      [4, `batch-cluster-${rng.int(1, 9)}`], // defined outside the repo
    ]);
  const bare = () => (rng.chance(0.2) ? '' : 'azureml:');
  // Current layout (type: model)
  let d = `$schema: ${SCHEMA_HOST}/modelBatchDeployment.schema.json\nname: ${pname.slice(0, 20)}-dpl\nendpoint_name: ${ep}\ntype: model\n`;
  d += `description: Scores the nightly ${rng.pick(['transactions', 'images', 'documents', 'sessions'])} batch.\n`;
  d += modelRef(rng, model, 2);
  d += codeEnv(rng, model.gpu, 2);
  d += `compute: ${bare()}${cluster()}\nresources:\n  instance_count: ${rng.int(1, 4)}\n`;
  if (model.gpu) d += `tags:\n  device_acceleration: CUDA\n  device_batching: 16\n`;
  d += `settings:\n${batchSettings(rng, 2)}`;
  if (!emit('deploy/prod/deployment.yml', d, 'modelBatchDeployment')) return;
  // Legacy layout (settings at the root, no type)
  if (rng.chance(0.6)) {
    let l = `$schema: ${SCHEMA_HOST}/batchDeployment.schema.json\nname: ${pname.slice(0, 18)}-legacy\nendpoint_name: ${ep}\n`;
    l += modelRef(rng, model, 2);
    l += `compute: ${bare()}${cluster()}\nresources:\n  instance_count: 1\n${batchSettings(rng, 0)}`;
    if (!emit('deploy/dev/batch-deploy.yml', l, 'batchDeployment')) return;
  }
  // Pipeline component deployment
  if (rng.chance(0.5)) {
    let p = `$schema: ${SCHEMA_HOST}/pipelineComponentBatchDeployment.schema.json\nname: ${pname.slice(0, 18)}-pipe\nendpoint_name: ${ep}\ntype: pipeline\n`;
    p += `component: azureml:${pname.replace(/-/g, '_')}_scoring@latest\nsettings:\n  default_compute: ${cluster()}\n  continue_on_step_failure: false\n`;
    if (!emit('deploy/prod/pipeline-deployment.yml', p, 'pipelineComponentBatchDeployment')) return;
  }
  // A team-local cluster now and then.
  if (rng.chance(0.3)) emit('compute/cluster.yml', amlComputeYaml(rng, `${pname.slice(0, 16)}-cl`, model.gpu), 'amlCompute');
}

function projectV1(ctx) {
  const { rng, pool } = ctx;
  const emit = emitter(ctx);
  // v1 projects register models through aml-registermodel next to their configs (folder link, SPEC §2).
  const regName = `${ctx.team}-${ctx.pname}`.slice(0, 50);
  const regMem = rng.pick([0.5, 1, 2, 4, 8]);
  if (!emit('deployment/registermodel.json', registerModelJson(rng, regName, regMem), 'amlRegisterModelAction')) return;
  const memGb = rng.chance(0.05) ? rng.pick([48, 64]) : rng.chance(0.1) ? regMem : regMem * rng.pick([1.5, 2, 4]);
  const cpu = rng.pick([0.1, 0.5, 1, 2, 4]);
  // ACI for dev/test
  const aciYaml =
    `computeType: ${rng.pick(['ACI', 'aci'])}\ncontainerResourceRequirements:\n  cpu: ${cpu}\n  memoryInGB: ${memGb}\n` +
    `authEnabled: True\nsslEnabled: False\nappInsightsEnabled: ${rng.pick(['True', 'False'])}\n` +
    (rng.chance(0.1) ? `numReplicas: 2\n` : '');
  if (!emit('deployment/aciDeploymentConfig.yml', aciYaml, 'v1DeploymentConfig')) return;
  // AKS for production, JSON with a comment now and then (JSONC)
  const target = rng.weighted([[85, rng.pick(pool.aks)], [10, rng.pick(pool.amlcpu)], [5, 'aks-legacy-prod']]);
  const gpu = rng.chance(0.15);
  let j = '{\n';
  if (rng.chance(0.3)) j += '   // Production web service on the shared AKS cluster\n';
  j += `   "computeType": "${rng.pick(['aks', 'AKS'])}",\n   "computeTargetName": "${target}",\n`;
  j += `   "autoScaler": {\n       "autoscaleEnabled": true,\n       "minReplicas": ${rng.int(1, 3)},\n       "maxReplicas": ${rng.int(3, 10)},\n       "refreshPeriodInSeconds": 1,\n       "targetUtilization": 70\n   },\n`;
  j += `   "authEnabled": true,\n   "containerResourceRequirements": {\n       "cpu": ${cpu},\n       "memoryInGB": ${memGb}\n   },\n`;
  if (gpu) j += `   "gpuCores": 1,\n`;
  j += `   "scoringTimeoutMs": ${rng.pick([1000, 5000, 60000])},\n   "maxConcurrentRequestsPerContainer": 2,\n   "appInsightsEnabled": true\n}\n`;
  if (!emit('deploy/prod/deploymentconfig.json', j, 'v1DeploymentConfig')) return;
  if (rng.chance(0.4)) {
    const local = `{\n    "computeType": "local",\n    "port": ${rng.int(6780, 6800)}\n}\n`;
    emit('deploy/dev/deployconfiglocal.json', local, 'v1DeploymentConfig');
  }
}

function projectAmlActions(ctx) {
  const { rng, pool, pname } = ctx;
  const emit = emitter(ctx);
  if (!emit('.cloud/.azure/registermodel.json', registerModelJson(rng, `${ctx.team}-${pname}`.slice(0, 50)), 'amlRegisterModelAction')) return;
  const aks = rng.chance(0.7);
  const target = aks ? rng.weighted([[90, rng.pick(pool.aks)], [10, rng.pick(pool.amlcpu)]]) : '';
  if (!emit('.cloud/.azure/deploy.json', amlDeployJson(rng, pname, target), 'amlDeployAction')) return;
  if (rng.chance(0.35)) emit('.cloud/.azure/compute.json', amlComputeJson(rng, `${pname.slice(0, 12)}-cl`, 'amlcluster', false), 'amlComputeAction');
}

// ---------------------------------------------------------------- manifest bodies

function amlComputeYaml(rng, name, gpu) {
  let y = `$schema: ${SCHEMA_HOST}/amlCompute.schema.json\nname: ${name}\ntype: amlcompute\n`;
  y += `size: ${gpu ? rng.pick(GPU_SKUS) : rng.pick(CPU_SKUS)}\n`;
  y += `min_instances: 0\nmax_instances: ${rng.int(1, 20)}\nidle_time_before_scale_down: ${rng.pick([120, 300, 1800])}\n`;
  if (rng.chance(0.3)) y += `tier: ${rng.pick(['dedicated', 'low_priority'])}\n`;
  if (rng.chance(0.2)) y += `identity:\n  type: system_assigned\n`;
  if (rng.chance(0.15)) y += `network_settings:\n  vnet_name: ml-vnet\n  subnet: training\n`;
  return y;
}

function kubernetesComputeYaml(rng, name) {
  const sub = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
  return (
    `$schema: ${SCHEMA_HOST}/kubernetesCompute.schema.json\nname: ${name}\ntype: kubernetes\n` +
    `description: Attached ${rng.pick(['AKS', 'Arc'])} cluster for online and batch inference.\n` +
    `resource_id: /subscriptions/${sub}/resourceGroups/ml-infra/providers/Microsoft.ContainerService/managedClusters/${name}\n` +
    `namespace: ${rng.pick(['default', 'azureml', 'inference'])}\nidentity:\n  type: system_assigned\n`
  );
}

function computeInstanceYaml(rng, name) {
  return `$schema: ${SCHEMA_HOST}/computeInstance.schema.json\nname: ${name}\ntype: computeinstance\nsize: ${rng.pick(CPU_SKUS)}\n`;
}

function amlComputeJson(rng, name, type, gpu) {
  if (type === 'akscluster') {
    return (
      `{\n    "name": "${name}",\n    "compute_type": "akscluster",\n    "agent_count": ${rng.pick([1, 2, 3, 3, 4, 6])},\n` +
      `    "vm_size": "${rng.pick(AKS_SKUS)}",\n    "location": "${rng.pick(['eastus', 'westeurope'])}",\n` +
      `    "cluster_purpose": "${rng.pick(['FastProd', 'FastProd', 'DevTest'])}",\n    "load_balancer_type": "PublicIp"\n}\n`
    );
  }
  return (
    `{\n    "name": "${name}",\n    "compute_type": "amlcluster",\n    "vm_size": "${gpu ? rng.pick(GPU_SKUS) : rng.pick(CPU_SKUS)}",\n` +
    `    "vm_priority": "${rng.pick(['dedicated', 'lowpriority'])}",\n    "min_nodes": 0,\n    "max_nodes": ${rng.int(1, 8)},\n` +
    `    "idle_seconds_before_scaledown": 300\n}\n`
  );
}

function registerModelJson(rng, name, memGb = rng.pick([0.5, 1, 2, 4, 8])) {
  return (
    `{\n    "model_name": "${name}",\n    "model_file_name": "${rng.pick(['model.pkl', 'model.onnx', 'outputs/model.joblib'])}",\n` +
    `    "model_framework": "${rng.pick(['scikitlearn', 'onnx', 'tensorflow', 'custom'])}",\n` +
    `    "model_tags": {"team": "${name.split('-')[0]}"},\n    "cpu_cores": ${rng.pick([0.1, 0.5, 1])},\n` +
    `    "memory_gb": ${memGb},\n    "force_registration": false\n}\n`
  );
}

function amlDeployJson(rng, pname, target) {
  const aks = target !== '';
  let j = `{\n    "name": "${pname.slice(0, 28)}-svc",\n`;
  if (aks) j += `    "deployment_compute_target": "${target}", // AKS cluster attached to the workspace\n`;
  j += `    "inference_source_directory": "code/deploy/",\n    "inference_entry_script": "score.py",\n    "conda_file": "environment.yml",\n`;
  j += `    "test_enabled": true,\n    "test_file_path": "code/test/test.py",\n    "enable_gpu": ${aks && rng.chance(0.15)},\n`;
  j += `    "model_data_collection_enabled": true,\n    "authentication_enabled": true,\n    "app_insights_enabled": true,\n    "runtime": "python",\n`;
  j += `    "cpu_cores": ${rng.pick([0.1, 0.5, 1, 2])},\n    "memory_gb": ${rng.pick([0.5, 1, 2, 4, 8, 16])},\n    "skip_deployment": false,\n`;
  j += `    "tags": {"team": "${pname.split('-')[0]}"},\n`;
  if (aks) {
    j += `\n    // aks specific parameters\n    "gpu_cores": 0,\n    "autoscale_enabled": ${rng.chance(0.6)},\n    "autoscale_min_replicas": 1,\n    "autoscale_max_replicas": ${rng.int(2, 10)},\n`;
    j += `    "autoscale_target_utilization": 70,\n    "scoring_timeout_ms": 60000,\n    "num_replicas": null,\n    "namespace": "ml-serving"\n}\n`;
  } else {
    j += `\n    // aci specific parameters\n    "location": "westeurope",\n    "ssl_enabled": false,\n    "dns_name_label": "${pname.slice(0, 20)}"\n}\n`;
  }
  return j;
}

function mlmodel(rng, sizeBytes) {
  const flavor = rng.pick(['sklearn', 'lightgbm', 'xgboost', 'pytorch']);
  let y = `artifact_path: model\nflavors:\n  python_function:\n    env:\n      conda: conda.yaml\n      virtualenv: python_env.yaml\n`;
  y += `    loader_module: mlflow.${flavor}\n    model_path: model.pkl\n    predict_fn: predict\n    python_version: 3.${rng.int(8, 11)}.${rng.int(0, 15)}\n`;
  y += `  ${flavor}:\n    code: null\n    pickled_model: model.pkl\n    serialization_format: cloudpickle\n    ${flavor}_version: ${rng.int(0, 2)}.${rng.int(0, 30)}.${rng.int(0, 5)}\n`;
  y += `mlflow_version: 2.${rng.int(5, 16)}.${rng.int(0, 3)}\nmodel_uuid: ${rng.hex(32)}\n`;
  if (sizeBytes !== undefined) y += `model_size_bytes: ${sizeBytes}\n`;
  y += `run_id: ${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}\n`;
  y += `signature:\n  inputs: '[{"type": "double", "name": "f0", "required": true}, {"type": "double", "name": "f1", "required": true}, {"type": "long", "name": "f2", "required": true}]'\n`;
  y += `  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]'\n  params: null\n`;
  y += `utc_time_created: '2024-0${rng.int(1, 9)}-1${rng.int(0, 9)} 1${rng.int(0, 9)}:2${rng.int(0, 9)}:49.962300'\n`;
  return y;
}

// ---------------------------------------------------------------- noise

let noiseSerial = 0;

function noiseFile(rng, base, noise, pool) {
  const kind = rng.weighted([
    [14, 'conda'],
    [10, 'k8s'],
    [8, 'package'],
    [5, 'tsconfig'],
    [8, 'workflow'],
    [8, 'openapi'],
    [6, 'compose'],
    [12, 'sample'],
    [9, 'amlenv'],
    [8, 'amljob'],
    [6, 'helm'],
    [6, 'misc'],
  ]);
  // A running number keeps names unique (a random one could collide and overwrite a file).
  const n = ++noiseSerial;
  switch (kind) {
    case 'conda':
      return noise(`${base}/environment/conda-${n}.yaml`, condaYaml(rng));
    case 'k8s':
      return noise(`${base}/k8s/${rng.pick(['deployment', 'service', 'configmap', 'hpa'])}-${n}.yaml`, k8sYaml(rng, n));
    case 'package':
      return noise(`${base}/web-${n}/package.json`, packageJson(rng, `@contoso/web-${n}`));
    case 'tsconfig':
      return noise(`${base}/web-${n}/tsconfig.json`, tsconfigJson());
    case 'workflow':
      return noise(`${base}/.github/workflows/train-${n}.yml`, workflowYaml(rng, `train-${n}`, 2));
    case 'openapi':
      return noise(`${base}/api/openapi-${n}.yaml`, openapiYaml(rng, n));
    case 'compose':
      return noise(`${base}/docker-compose-${n}.yml`, composeYaml(rng));
    case 'sample':
      return noise(`${base}/tests/sample-request-${n}.json`, sampleRequestJson(rng));
    case 'amlenv':
      return noise(`${base}/environment/env-${n}.yml`, `$schema: ${SCHEMA_HOST}/environment.schema.json\nname: ${base.split('/').pop()}-env\nimage: ${rng.pick([CPU_IMAGE, GPU_IMAGE])}\nconda_file: conda.yaml\ndescription: Scoring environment.\n`);
    case 'amljob':
      return noise(`${base}/jobs/train-${n}.yml`, amlJobYaml(rng, pool));
    case 'helm':
      return noise(`${base}/charts/values-${n}.yaml`, `replicaCount: ${rng.int(1, 5)}\nimage:\n  repository: contoso.azurecr.io/${base.split('/').pop()}\n  tag: "${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 9)}"\n  pullPolicy: IfNotPresent\nservice:\n  type: ClusterIP\n  port: 80\nresources:\n  limits:\n    cpu: 500m\n    memory: 512Mi\nnodeSelector: {}\ntolerations: []\n`);
    default:
      return noise(`${base}/${rng.pick(['mkdocs', 'codecov', '.yamllint', 'renovate'])}-${n}.${rng.pick(['yml', 'json'])}`, rng.chance(0.5) ? `{\n  "extends": ["config:base"],\n  "schedule": ["before 5am on monday"],\n  "labels": ["dependencies"]\n}\n` : `site_name: ${base}\nnav:\n  - Home: index.md\n  - Model card: model-card.md\ntheme:\n  name: material\n`);
  }
}

function condaYaml(rng) {
  return (
    `name: model-env\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.${rng.int(8, 11)}\n  - pip=23.${rng.int(0, 3)}\n  - pip:\n` +
    `      - azureml-inference-server-http~=1.${rng.int(0, 3)}\n      - mlflow==2.${rng.int(5, 16)}.0\n      - scikit-learn==1.${rng.int(0, 5)}.${rng.int(0, 2)}\n` +
    `      - pandas==2.${rng.int(0, 2)}.${rng.int(0, 3)}\n      - numpy==1.26.${rng.int(0, 4)}\n`
  );
}

function k8sYaml(rng, n) {
  const name = `svc-${n}`;
  let y = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  replicas: ${rng.int(1, 6)}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: app\n          image: contoso.azurecr.io/${name}:${rng.int(1, 40)}\n          ports:\n            - containerPort: 8080\n          resources:\n            requests:\n              cpu: 250m\n              memory: 256Mi\n            limits:\n              cpu: "1"\n              memory: 1Gi\n          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n`;
  y += `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ClusterIP\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      targetPort: 8080\n`;
  return y;
}

function packageJson(rng, name) {
  return JSON.stringify(
    {
      name,
      version: `${rng.int(0, 3)}.${rng.int(0, 20)}.${rng.int(0, 9)}`,
      private: true,
      type: 'module',
      scripts: { build: 'tsc -p .', test: 'vitest run', lint: 'eslint .' },
      dependencies: { express: '^4.19.2', zod: '^3.23.8', pino: '^9.2.0' },
      devDependencies: { typescript: '~5.5.0', vitest: '^1.6.0', eslint: '^9.5.0' },
    },
    null,
    2,
  ) + '\n';
}

function tsconfigJson() {
  return `{\n  // Shared compiler settings\n  "compilerOptions": {\n    "target": "ES2022",\n    "module": "NodeNext",\n    "moduleResolution": "NodeNext",\n    "strict": true,\n    "outDir": "dist",\n  },\n  "include": ["src"],\n}\n`;
}

function workflowYaml(rng, name, variant) {
  let y = `name: ${name}\non:\n  push:\n    branches: [main]\n  pull_request:\n  workflow_dispatch:\npermissions:\n  contents: read\n  id-token: write\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n`;
  y += `      - uses: actions/setup-python@v5\n        with:\n          python-version: "3.${rng.int(9, 11)}"\n      - run: pip install -r requirements.txt\n      - run: pytest -q\n`;
  if (variant > 0) {
    y += `      - uses: azure/login@v2\n        with:\n          client-id: \${{ secrets.AZURE_CLIENT_ID }}\n          tenant-id: \${{ secrets.AZURE_TENANT_ID }}\n          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}\n`;
    y += `      - run: az ml online-deployment create --file deploy/prod/blue-deployment.yml --all-traffic\n`;
  }
  return y;
}

function openapiYaml(rng, n) {
  let y = `openapi: 3.0.1\ninfo:\n  title: Scoring API ${n}\n  version: "1.${rng.int(0, 9)}"\nservers:\n  - url: https://example.inference.ml.azure.com\npaths:\n`;
  const ops = rng.int(3, 12);
  for (let i = 0; i < ops; i++) {
    y += `  /v1/resource${i}:\n    post:\n      operationId: score${i}\n      summary: Score a batch of records\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/Request${i}'\n      responses:\n        "200":\n          description: Scores\n          content:\n            application/json:\n              schema:\n                type: array\n                items:\n                  type: number\n        "400":\n          description: Bad request\n`;
  }
  y += `components:\n  schemas:\n`;
  for (let i = 0; i < ops; i++) {
    y += `    Request${i}:\n      type: object\n      required: [data]\n      properties:\n        data:\n          type: array\n          items:\n            type: array\n            items:\n              type: number\n        columns:\n          type: array\n          items:\n            type: string\n`;
  }
  return y;
}

function composeYaml(rng) {
  return `services:\n  scorer:\n    build: .\n    ports:\n      - "5001:5001"\n    environment:\n      - AZUREML_MODEL_DIR=/var/azureml-app/model\n      - WORKERS=${rng.int(1, 4)}\n    volumes:\n      - ./model:/var/azureml-app/model:ro\n  redis:\n    image: redis:7\n    ports:\n      - "6379:6379"\n`;
}

function sampleRequestJson(rng) {
  const cols = rng.int(4, 12);
  const rows = rng.int(2, 10);
  const data = [];
  for (let r = 0; r < rows; r++) {
    const row = [];
    for (let c = 0; c < cols; c++) row.push(Math.round(rng.next() * 1e4) / 100);
    data.push(row);
  }
  return JSON.stringify({ input_data: { columns: Array.from({ length: cols }, (_, i) => `feature_${i}`), index: data.map((_, i) => i), data } }, null, 2) + '\n';
}

function amlJobYaml(rng, pool) {
  return (
    `$schema: ${SCHEMA_HOST}/commandJob.schema.json\ncode: ../src/train\ncommand: >-\n  python train.py --data \${{inputs.training_data}} --epochs ${rng.int(1, 50)}\n` +
    `inputs:\n  training_data:\n    type: uri_folder\n    path: azureml:training-data@latest\nenvironment: azureml:sklearn-env@latest\n` +
    `compute: azureml:${rng.pick(pool.amlcpu.length ? pool.amlcpu : ['cpu-cluster'])}\nexperiment_name: ${rng.pick(TEAMS)}-training\ndisplay_name: train-${rng.hex(6)}\n`
  );
}

// ---------------------------------------------------------------- CLI

function cli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      manifests: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      noise: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || values.manifests === undefined || values.out === undefined) {
    process.stdout.write('Usage: node scripts/gen-monorepo.mjs --manifests N --seed S --out DIR [--noise R (unrelated files per manifest, default 1)] [--json]\n');
    return values.help ? 0 : 2;
  }
  const manifests = Number(values.manifests);
  const t0 = process.hrtime.bigint();
  const stats = generate({ manifests, seed: values.seed, out: path.resolve(values.out), noise: Number(values.noise) });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (values.json) process.stdout.write(JSON.stringify({ ...stats, ms: Math.round(ms) }) + '\n');
  else
    process.stdout.write(
      `generated ${stats.manifests} manifests (${stats.manifestFiles} files) + ${stats.noiseFiles} unrelated files + ${stats.templates} templates ` +
        `in ${stats.projects} projects: ${stats.files} files, noise ${stats.noiseRatio.toFixed(2)} per manifest (${((stats.noiseFiles / stats.files) * 100).toFixed(0)} % of files), ` +
        `${(stats.bytes / 1048576).toFixed(1)} MiB, ${(ms / 1000).toFixed(1)} s\n`,
    );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = cli(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`gen-monorepo: ${err.message}\n`);
    process.exitCode = 2;
  }
}
