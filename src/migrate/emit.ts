// One v1 web service → a CLI v2 online endpoint and online deployment (managed by default, or
// Kubernetes), carrying over what maps and saying, in a comment, what does not.
import * as path from 'node:path';
import { KUBERNETES_MLFLOW_MIN } from '../catalog/azure-defaults.js';
import { migrationSku } from '../catalog/migration.js';
import type { Sku, SkuCatalog } from '../catalog/skus.js';
import type { Limits } from '../config/types.js';
import { num } from '../core/text.js';
import type { InferenceConfig } from './inference.js';
import type { V1Service } from './source.js';
import { yamlDocument, type Entry } from './yaml.js';

export interface MigrateOptions {
  target: 'managed' | 'kubernetes';
  /** Kubernetes compute (attached Azure ML Kubernetes compute) name, for `--target kubernetes`. */
  compute?: string;
}

export interface Generated {
  /** Repo-relative path of the file to write. */
  path: string;
  text: string;
  /** The v2 kind it holds (managedOnlineEndpoint, kubernetesOnlineDeployment, …). */
  kind: string;
}

export interface Migration {
  source: string;
  files: Generated[];
  /** What the user should know (said on stderr, and in the files' comments). */
  notes: string[];
}

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest/';
/** The v2 counterparts of the AzureML base images v1 built web services from. */
const CPU_IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest';
const GPU_IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.8-cudnn8-ubuntu22.04:latest';
const GIB = 2 ** 30;

interface Context {
  inference?: InferenceConfig;
  skus: SkuCatalog;
  limits: Limits;
  opts: MigrateOptions;
}

/** An endpoint name Azure accepts: 3–32 characters, a letter first, letters, digits and single dashes. */
export function endpointName(raw: string): string {
  let s = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(s)) s = `ep-${s}`;
  s = s.slice(0, 32).replace(/-+$/, '');
  return s.length >= 3 ? s : `${s}-endpoint`.slice(0, 32);
}

/** A repo-relative path as seen from the folder `fromDir` (`.` for the folder itself). */
function rel(fromDir: string, repoPath: string): string {
  const r = path.posix.relative(fromDir === '.' ? '' : fromDir, path.posix.normalize(repoPath).replace(/\/+$/, '')) || '.';
  return r;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function smallestCpu(skus: SkuCatalog, memoryGb: number, vcpus: number): Sku | undefined {
  let best: Sku | undefined;
  for (const s of skus.all()) {
    if (!s.managedOnline || s.gpus > 0 || s.fpga || s.memoryGb < memoryGb || s.vcpus < vcpus) continue;
    if (!best || s.memoryGb < best.memoryGb || (s.memoryGb === best.memoryGb && (s.vcpus < best.vcpus || (s.vcpus === best.vcpus && s.name < best.name)))) best = s;
  }
  return best;
}

/** The managed online size for the service, and why (the migration table, or the model's needs). */
function sizeFor(svc: V1Service, gpus: number, needGb: number, skus: SkuCatalog): { sku?: Sku; why: string } {
  const sizes = `${num(svc.cpu)} CPU / ${num(svc.memoryGb)} GB${svc.sized.cpu || svc.sized.memory ? '' : ' (the v1 defaults)'}`;
  const want = Math.max(svc.memoryGb, needGb);
  if (gpus > 0) {
    const sku = skus.smallestWith(want, { gpu: true, managedOnly: true });
    return { sku, why: `${sizes} with ${gpus} GPU: the smallest GPU size allowed on managed online endpoints with that much RAM` };
  }
  const table = migrationSku(svc.cpu, svc.memoryGb);
  const fromTable = table ? skus.get(table) : undefined;
  if (fromTable && fromTable.memoryGb >= want) return { sku: fromTable, why: `${sizes} → ${fromTable.name} by the ACI → managed online migration table` };
  const sku = smallestCpu(skus, want, svc.cpu);
  const why = fromTable
    ? `the migration table gives ${fromTable.name} for ${sizes}, which has less than the ${num(want)} GiB the model needs (150 % of its memory); ${sku?.name ?? 'no size'} is the smallest with that much`
    : `${sizes} is above the migration table; ${sku?.name ?? 'no size'} is the smallest allowed size with that much: size it by profiling the model`;
  return { sku, why };
}

function modelEntry(svc: V1Service, outDir: string): Entry {
  const m = svc.deployment.model;
  const via = m?.manifest ? ` (${m.manifest.file.path}, linked to the v1 file by its folder)` : '';
  if (m?.name) return [m.version ? `azureml:${m.name}:${m.version}` : `azureml:${m.name}@latest`, `the registered model${via}`];
  if (m?.localPath !== undefined) return [{ path: rel(outDir, m.localPath || '.'), ...(m.type ? { type: m.type } : {}) }, `the model files${via}`];
  return [
    'azureml:MODEL_NAME@latest',
    'TODO: the v1 file names no model (the v1 CLI took it from `--model NAME:VERSION`, aml-deploy from its `model_name` input); set the registered model',
  ];
}

/** code_configuration and environment, from aml-deploy's settings or the v1 inference config. */
function codeAndEnvironment(svc: V1Service, ctx: Context, outDir: string, gpus: number): { code: Entry; env: Entry; notes: string[] } {
  const notes: string[] = [];
  const inf = svc.inference;
  const ic = ctx.inference;
  let code: string | undefined;
  let script: string | undefined;
  let conda: string | undefined;
  let image: string | undefined;
  let codeWhy = '';
  if (inf) {
    // aml-deploy paths are the repository's (the action runs at the root); entry script and conda file are in the source directory.
    code = rel(outDir, inf.sourceDirectory);
    script = inf.entryScript;
    conda = rel(outDir, path.posix.join(inf.sourceDirectory, inf.condaFile));
    image = inf.baseImage;
    codeWhy = `inference_source_directory ${inf.sourceDirectory}`;
    for (const k of inf.placeholders) notes.push(`${k} holds a placeholder in ${svc.manifest.file.path}: the action's default is used; fill it in`);
  } else if (ic?.entryScript) {
    const icDir = path.posix.dirname(ic.file);
    const base = ic.sourceDirectory ? path.posix.join(icDir, ic.sourceDirectory) : icDir;
    if (path.posix.isAbsolute(ic.entryScript)) {
      code = '.';
      script = path.posix.basename(ic.entryScript);
      notes.push(`${ic.file} names the entry script by an absolute path (${ic.entryScript}); point code_configuration.code at the folder that holds ${script}`);
    } else if (ic.sourceDirectory) {
      code = rel(outDir, base);
      script = ic.entryScript;
    } else {
      code = rel(outDir, path.posix.join(base, path.posix.dirname(ic.entryScript)));
      script = path.posix.basename(ic.entryScript);
    }
    if (ic.condaFile) conda = path.posix.isAbsolute(ic.condaFile) ? undefined : rel(outDir, path.posix.join(base, ic.condaFile));
    if (ic.condaFile && !conda) notes.push(`${ic.file} names the conda file by an absolute path (${ic.condaFile}); set environment.conda_file`);
    image = ic.baseImage;
    codeWhy = `from ${ic.file}`;
  } else {
    notes.push(`no inference config found beside ${svc.manifest.file.path}: set code_configuration and environment.conda_file`);
  }
  const codeEntry: Entry = script
    ? [{ code: code ?? '.', scoring_script: script }, codeWhy]
    : [{ code: '.', scoring_script: 'score.py' }, 'TODO: the scoring script and its folder'];
  const envEntry: Entry = [
    { ...(conda ? { conda_file: conda } : {}), image: image ? image : [gpus > 0 ? GPU_IMAGE : CPU_IMAGE, 'the v2 counterpart of the AzureML base image v1 built the service from'] },
    conda ? '' : 'TODO: add conda_file with the scoring dependencies',
  ];
  return { code: codeEntry, env: envEntry, notes };
}

function requestSettings(svc: V1Service, maxMs: number, notes: string[]): Entry {
  let timeout: Entry;
  if (svc.timeoutMs !== undefined) {
    timeout = svc.timeoutMs > maxMs ? [maxMs, `v1 scoringTimeoutMs was ${svc.timeoutMs}; ${maxMs} is the maximum here`] : svc.timeoutMs;
    if (svc.timeoutMs > maxMs) notes.push(`the v1 scoring timeout (${svc.timeoutMs} ms) is above the ${maxMs} ms maximum: lowered`);
  }
  return { request_timeout_ms: timeout, max_concurrent_requests_per_instance: svc.maxConcurrent, max_queue_wait_ms: svc.maxQueueWaitMs };
}

function liveness(svc: V1Service): Entry {
  const p = svc.liveness;
  return { initial_delay: p.initial_delay, period: p.period, timeout: p.timeout, success_threshold: p.success_threshold, failure_threshold: p.failure_threshold };
}

function authEntry(svc: V1Service): Entry {
  if (svc.tokenAuth) return ['aml_token', 'v1 token authentication'];
  const off = svc.authEnabled === false || (svc.authEnabled === undefined && svc.computeType === 'aci');
  if (off) return ['key', 'the v1 service had authentication off; online endpoints always authenticate: callers need the key (az ml online-endpoint get-credentials)'];
  return ['key', 'v1 key authentication'];
}

function stringMap(m: Record<string, string>): Entry {
  return Object.keys(m).length ? Object.fromEntries(Object.entries(m)) : undefined;
}

/** The endpoint and deployment files for one v1 service. */
export function emit(svc: V1Service, ctx: Context): Migration {
  const source = svc.manifest.file.path;
  const outDir = path.posix.dirname(source);
  const stem = path.posix.basename(source).replace(/\.(json|ya?ml)$/i, '');
  const prefix = outDir === '.' ? '' : `${outDir}/`;
  const kube = ctx.opts.target === 'kubernetes';
  const notes: string[] = [];
  const d = svc.deployment;
  const ratio = ctx.limits['memory-headroom-ratio'];
  const model = d.model;
  const needGb = model?.memoryGb !== undefined ? ratio * model.memoryGb : model?.sizeBytes !== undefined ? (ratio * model.sizeBytes) / GIB : 0;
  const gpus = svc.gpus > 0 ? svc.gpus : svc.inference?.enableGpu || ctx.inference?.enableGpu ? 1 : 0;

  const epName = endpointName(svc.name ?? (stem.length >= 3 ? stem : `${path.posix.basename(outDir)}-${stem}`));
  const epFile = `${prefix}${stem}.endpoint.yml`;
  const depFile = `${prefix}${stem}.deployment.yml`;
  const label = svc.manifest.family.label(svc.manifest);
  const header = (file: string, cmd: string) => [
    `Generated by \`model-deploy-gate migrate\` from ${source} (${label}).`,
    `Create: ${cmd} -f ${path.posix.basename(file)}`,
  ];

  const endpoint = yamlDocument(header(epFile, 'az ml online-endpoint create'), {
    $schema: `${SCHEMA}${kube ? 'kubernetesOnlineEndpoint' : 'managedOnlineEndpoint'}.schema.json`,
    name: [
      epName,
      svc.name
        ? 'the v1 service name'
        : svc.inference
          ? 'the parameters file names no service (the action used <repository>-<branch>); endpoint names are unique in a region'
          : 'the v1 service name came from `--name` on the command line; endpoint names are unique in a region',
    ],
    ...(kube ? { compute: [`azureml:${ctx.opts.compute ?? 'KUBERNETES_COMPUTE'}`, ctx.opts.compute ? 'the attached Kubernetes compute' : 'TODO: the attached Kubernetes compute'] } : {}),
    auth_mode: authEntry(svc),
    description: svc.description,
    tags: stringMap(svc.tags),
  });

  const { code, env, notes: codeNotes } = codeAndEnvironment(svc, ctx, outDir, gpus);
  notes.push(...codeNotes);
  const footer: string[] = [];
  const body: Record<string, Entry> = {
    $schema: `${SCHEMA}${kube ? 'kubernetesOnlineDeployment' : 'managedOnlineDeployment'}.schema.json`,
    name: 'blue',
    ...(kube ? { type: 'kubernetes' } : {}),
    endpoint_name: epName,
    description: svc.description,
    model: modelEntry(svc, outDir),
    code_configuration: code,
    environment: env,
  };
  const a = svc.autoscale;
  if (!kube) {
    const { sku, why } = sizeFor(svc, gpus, needGb, ctx.skus);
    if (!sku) notes.push('no managed online size in the catalogue fits: set instance_type');
    body.instance_type = [sku?.name ?? 'Standard_DS3_v2', sku ? why : 'TODO: no catalogue size fits; pick one'];
    const count = svc.replicas ?? a?.min ?? 1;
    body.instance_count = [count, svc.computeType === 'aci' ? 'ACI ran one replica; Azure ML recommends 3 or more in production' : svc.replicas !== undefined ? 'v1 numReplicas' : a ? 'the v1 autoscale minimum' : 'Azure ML recommends 3 or more in production'];
    body.app_insights_enabled = svc.appInsights === true ? true : undefined;
    body.request_settings = requestSettings(svc, ctx.limits['managed-max-request-timeout-ms'], notes);
    if (a) {
      footer.push(
        `Scaling: the v1 service autoscaled (${[a.min !== undefined ? `min ${a.min}` : '', a.max !== undefined ? `max ${a.max}` : '', a.targetUtilization !== undefined ? `target ${a.targetUtilization} %` : ''].filter(Boolean).join(', ') || 'azureml-fe defaults'}).`,
        'Managed online deployments scale with Azure Monitor autoscale, not in this file: az monitor autoscale create --resource <deployment id> ... (see "Autoscale an online endpoint").',
      );
    }
  } else {
    const mlflow = model?.type === 'mlflow_model';
    let cpu = svc.cpu;
    let mem = Math.max(svc.memoryGb, needGb);
    const memWhy = mem > svc.memoryGb ? `raised from the v1 ${num(svc.memoryGb)} GB to 150 % of the model's memory` : '';
    if (mlflow) {
      cpu = Math.max(cpu, KUBERNETES_MLFLOW_MIN.cpu);
      mem = Math.max(mem, KUBERNETES_MLFLOW_MIN.memoryGi);
    }
    const cpuQ = String(round(cpu));
    const memQ = `${round(mem)}Gi`;
    const cpuLimit = String(round(Math.max(svc.cpuLimit ?? cpu, cpu)));
    const memLimit = `${round(Math.max(svc.memoryLimitGb ?? mem, mem))}Gi`;
    const gpu = gpus > 0 ? String(gpus) : undefined;
    body.resources = [
      {
        requests: { cpu: cpuQ, memory: memWhy ? [memQ, memWhy] : memQ, 'nvidia.com/gpu': gpu },
        limits: { cpu: cpuLimit, memory: memLimit, 'nvidia.com/gpu': gpu },
      },
      mlflow ? 'MLflow models need requests of at least 2 CPU and 4Gi' : 'v1 containerResourceRequirements (GB = GiB); limits default to the requests as in v1',
    ];
    if (a) {
      body.scale_settings = {
        type: 'target_utilization',
        min_instances: a.min ?? 1,
        max_instances: [a.max ?? 10, a.max === undefined ? 'azureml-fe default maximum' : ''],
        target_utilization_percentage: a.targetUtilization,
        polling_interval: a.refreshSeconds,
      };
    } else {
      body.instance_count = svc.replicas ?? 1;
      body.scale_settings = { type: 'default' };
    }
    body.app_insights_enabled = svc.appInsights === true ? true : undefined;
    body.request_settings = requestSettings(svc, ctx.limits['kubernetes-max-request-timeout-ms'], notes);
  }
  body.liveness_probe = liveness(svc);
  body.tags = stringMap(svc.tags);
  body.properties = stringMap(svc.properties);
  const lost = [...svc.notCarried.map((n) => ({ ...n, file: source })), ...(ctx.inference?.notCarried ?? []).map((n) => ({ ...n, file: ctx.inference!.file }))];
  if (lost.length) {
    if (footer.length) footer.push('');
    footer.push('Not carried over:');
    for (const n of lost) footer.push(`  ${n.file === source ? '' : `${n.file} `}${n.key}: ${n.why}`);
  }
  for (const n of notes) footer.push(`Note: ${n}`);
  const deployment = yamlDocument(header(depFile, 'az ml online-deployment create --all-traffic'), body, footer);

  return {
    source,
    files: [
      { path: epFile, text: endpoint, kind: kube ? 'kubernetesOnlineEndpoint' : 'managedOnlineEndpoint' },
      { path: depFile, text: deployment, kind: kube ? 'kubernetesOnlineDeployment' : 'managedOnlineDeployment' },
    ],
    notes: [...notes, ...lost.map((n) => `not carried over: ${n.file === source ? '' : `${n.file} `}${n.key} (${n.why})`)],
  };
}
