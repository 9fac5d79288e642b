// What a v1 web service says, whichever file spelled it (a `--deploy-config-file` or an aml-deploy
// parameters file), as one record, and every key the v2 files cannot carry, with the reason.
import { V1_DEFAULT_CPU, V1_DEFAULT_MEMORY_GB } from '../catalog/azure-defaults.js';
import { isMapping, pointerJoin, valueIn } from '../core/pointer.js';
import type { Deployment, Manifest } from '../core/types.js';
import { isPlaceholder } from '../formats/kit/placeholder.js';
import { toBool, toNumber } from '../formats/kit/values.js';

export interface Probe {
  initial_delay?: number;
  period?: number;
  timeout?: number;
  success_threshold?: number;
  failure_threshold?: number;
}

export interface V1Service {
  manifest: Manifest;
  deployment: Deployment;
  /** `aci`, `aks`, `aksendpoint`, `local`, or `aks` for an aml-deploy file with a target. */
  computeType: string;
  /** The service name the file gives (aml-deploy `name`). */
  name?: string;
  cpu: number;
  memoryGb: number;
  /** Whether cpu / memory were written (else Azure's v1 defaults). */
  sized: { cpu: boolean; memory: boolean };
  cpuLimit?: number;
  memoryLimitGb?: number;
  gpus: number;
  replicas?: number;
  autoscale?: { min?: number; max?: number; targetUtilization?: number; refreshSeconds?: number; implicit: boolean };
  authEnabled?: boolean;
  tokenAuth?: boolean;
  appInsights?: boolean;
  timeoutMs?: number;
  maxConcurrent?: number;
  maxQueueWaitMs?: number;
  liveness: Probe;
  description?: string;
  tags: Record<string, string>;
  properties: Record<string, string>;
  /** aml-deploy's own inference settings (paths relative to the repository root). */
  inference?: { sourceDirectory: string; entryScript: string; condaFile: string; baseImage?: string; enableGpu?: boolean; placeholders: string[] };
  /** Keys whose values the v2 files do not carry: `key` (dotted) → why. */
  notCarried: Array<{ key: string; why: string }>;
}

const NETWORK = 'network isolation of online endpoints is `public_network_access` on the endpoint and the workspace managed virtual network';
const TLS = 'online endpoints serve TLS on their Azure-provided scoring URI; custom domains and certificates are not part of the YAML';
const WORKFLOW = 'a step of the aml-deploy workflow, not a deployment setting (test with `az ml online-endpoint invoke` in the workflow)';

/** Why a v1 key has no v2 counterpart (by dotted key, v1 config and aml-deploy spellings). */
const WHY: Record<string, string> = {
  'containerResourceRequirements.fpga': 'FPGA web services (Standard_PB6s) have no CLI v2 equivalent',
  'dataCollection.storageEnabled': 'v2 collects inference data with `data_collector` (and the scoring script); configure it there',
  model_data_collection_enabled: 'v2 collects inference data with `data_collector` (and the scoring script); configure it there',
  'keys.primaryKey': 'never copied: an online endpoint generates its own keys (`az ml online-endpoint regenerate-keys`); rotate the committed ones',
  'keys.secondaryKey': 'never copied: an online endpoint generates its own keys (`az ml online-endpoint regenerate-keys`); rotate the committed ones',
  sslEnabled: TLS,
  sslCertificate: TLS,
  sslKey: TLS,
  cname: TLS,
  ssl_enabled: TLS,
  ssl_cert_pem_file: TLS,
  ssl_key_pem_file: TLS,
  ssl_cname: TLS,
  dnsNameLabel: 'the scoring URI is <endpoint>.<region>.inference.ml.azure.com',
  dns_name_label: 'the scoring URI is <endpoint>.<region>.inference.ml.azure.com',
  location: "an endpoint is created in its workspace's region",
  vnetName: NETWORK,
  subnetName: NETWORK,
  vaultBaseUrl: 'customer-managed keys are a setting of the workspace',
  keyName: 'customer-managed keys are a setting of the workspace',
  keyVersion: 'customer-managed keys are a setting of the workspace',
  namespace: 'the namespace of a Kubernetes online deployment is the one its Kubernetes compute was attached with',
  computeTargetName: 'names a legacy AKS compute, which cannot host CLI v2 endpoints: attach the cluster as a Kubernetes compute and migrate with `--target kubernetes --compute NAME`',
  deployment_compute_target: 'names a legacy AKS compute, which cannot host CLI v2 endpoints: attach the cluster as a Kubernetes compute and migrate with `--target kubernetes --compute NAME`',
  versionName: "an endpoint's `traffic` splits requests between its deployments: set it after creating each deployment",
  trafficPercentile: "an endpoint's `traffic` splits requests between its deployments: set it after creating each deployment",
  port: 'a local v2 deployment runs with `az ml online-deployment create --local`',
  extra_docker_file_steps: 'build a custom environment instead (`environment.build: { path, dockerfile_path }`)',
  cuda_version: 'pick a CUDA base image for `environment.image` instead',
  runtime: 'v2 environments run Python; `spark-py` has no v2 online equivalent',
  delete_service_after_deployment: WORKFLOW,
  test_enabled: WORKFLOW,
  test_file_path: WORKFLOW,
  test_file_function_name: WORKFLOW,
  profiling_enabled: WORKFLOW,
  profiling_dataset: WORKFLOW,
  skip_deployment: WORKFLOW,
  create_image: WORKFLOW,
};

const CONSUMED_V1 = [
  'computeType', 'containerResourceRequirements.cpu', 'containerResourceRequirements.memoryInGB', 'containerResourceRequirements.cpuLimit',
  'containerResourceRequirements.memoryInGBLimit', 'containerResourceRequirements.gpu', 'gpuCores', 'autoScaler.autoscaleEnabled',
  'autoScaler.minReplicas', 'autoScaler.maxReplicas', 'autoScaler.targetUtilization', 'autoScaler.refreshPeriodInSeconds', 'numReplicas',
  'authEnabled', 'tokenAuthEnabled', 'appInsightsEnabled', 'scoringTimeoutMs', 'maxConcurrentRequestsPerContainer', 'maxQueueWaitMs',
  'livenessProbeRequirements.periodSeconds', 'livenessProbeRequirements.initialDelaySeconds', 'livenessProbeRequirements.timeoutSeconds',
  'livenessProbeRequirements.successThreshold', 'livenessProbeRequirements.failureThreshold', 'description',
];
const CONSUMED_AML = [
  'name', 'inference_source_directory', 'inference_entry_script', 'conda_file', 'custom_base_image', 'enable_gpu', 'gpu_cores', 'cpu_cores',
  'memory_gb', 'num_replicas', 'autoscale_enabled', 'autoscale_min_replicas', 'autoscale_max_replicas', 'autoscale_target_utilization',
  'autoscale_refresh_seconds', 'authentication_enabled', 'token_auth_enabled', 'app_insights_enabled', 'scoring_timeout_ms',
  'replica_max_concurrent_requests', 'max_request_wait_time', 'period_seconds', 'initial_delay_seconds', 'timeout_seconds',
  'success_threshold', 'failure_threshold', 'tags', 'properties', 'description',
];

/** Every leaf key (dotted) of a mapping; free-form maps (`tags`, `properties`) count as one key. */
function leaves(v: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  for (const k of Object.keys(v)) {
    const dotted = prefix ? `${prefix}.${k}` : k;
    const child = v[k];
    if (isMapping(child) && !['tags', 'properties'].includes(dotted)) out.push(...leaves(child, dotted));
    else out.push(dotted);
  }
  return out;
}

function at(m: Manifest, dotted: string): unknown {
  const v = valueIn(m.data, dotted.split('.').reduce<string>((acc, s) => pointerJoin(acc, s), ''));
  return isPlaceholder(v) ? undefined : v;
}

function numAt(m: Manifest, dotted: string): number | undefined {
  return toNumber(at(m, dotted));
}

function boolAt(m: Manifest, dotted: string): boolean | undefined {
  return toBool(at(m, dotted));
}

function strAt(m: Manifest, dotted: string): string | undefined {
  const v = at(m, dotted);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMapping(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    if (isPlaceholder(k) || isPlaceholder(x) || x === null || typeof x === 'object') continue;
    out[k] = String(x);
  }
  return out;
}

/** The v1 service a deployment of a v1 deployment config or aml-deploy file describes. */
export function readService(d: Deployment): V1Service {
  const m = d.manifest;
  const aml = m.family.id === 'aml-deploy-action';
  const n = (v1: string, a: string) => numAt(m, aml ? a : v1);
  const b = (v1: string, a: string) => boolAt(m, aml ? a : v1);
  const svc: V1Service = {
    manifest: m,
    deployment: d,
    computeType: aml ? d.target : String(at(m, 'computeType') ?? '').trim().toLowerCase(),
    name: aml ? strAt(m, 'name') : undefined,
    cpu: d.cpu?.value ?? V1_DEFAULT_CPU,
    memoryGb: d.memoryGb?.value ?? V1_DEFAULT_MEMORY_GB,
    sized: { cpu: d.cpu !== undefined, memory: d.memoryGb !== undefined },
    cpuLimit: aml ? undefined : numAt(m, 'containerResourceRequirements.cpuLimit'),
    memoryLimitGb: aml ? undefined : numAt(m, 'containerResourceRequirements.memoryInGBLimit'),
    gpus: Math.max(0, d.gpu?.value ?? 0),
    replicas: d.replicas?.value,
    authEnabled: b('authEnabled', 'authentication_enabled'),
    tokenAuth: b('tokenAuthEnabled', 'token_auth_enabled'),
    appInsights: b('appInsightsEnabled', 'app_insights_enabled'),
    timeoutMs: n('scoringTimeoutMs', 'scoring_timeout_ms'),
    maxConcurrent: n('maxConcurrentRequestsPerContainer', 'replica_max_concurrent_requests'),
    maxQueueWaitMs: n('maxQueueWaitMs', 'max_request_wait_time'),
    liveness: {
      initial_delay: n('livenessProbeRequirements.initialDelaySeconds', 'initial_delay_seconds'),
      period: n('livenessProbeRequirements.periodSeconds', 'period_seconds'),
      timeout: n('livenessProbeRequirements.timeoutSeconds', 'timeout_seconds'),
      success_threshold: n('livenessProbeRequirements.successThreshold', 'success_threshold'),
      failure_threshold: n('livenessProbeRequirements.failureThreshold', 'failure_threshold'),
    },
    description: strAt(m, 'description'),
    tags: aml ? stringMap(at(m, 'tags')) : {},
    properties: aml ? stringMap(at(m, 'properties')) : {},
    notCarried: [],
  };
  const autoscale = d.autoscaleEnabled?.value === true || d.scaling?.implicit === true;
  if (autoscale && d.target === 'aks') {
    svc.autoscale = {
      min: d.minReplicas?.value,
      max: d.maxReplicas?.value,
      targetUtilization: n('autoScaler.targetUtilization', 'autoscale_target_utilization'),
      refreshSeconds: n('autoScaler.refreshPeriodInSeconds', 'autoscale_refresh_seconds'),
      implicit: d.autoscaleEnabled === undefined,
    };
  }
  if (aml) {
    const placeholders = ['inference_source_directory', 'inference_entry_script', 'conda_file', 'custom_base_image'].filter((k) => isPlaceholder(valueIn(m.data, `/${k}`)));
    svc.inference = {
      sourceDirectory: strAt(m, 'inference_source_directory') ?? 'code/deploy/',
      entryScript: strAt(m, 'inference_entry_script') ?? 'score.py',
      condaFile: strAt(m, 'conda_file') ?? 'environment.yml',
      baseImage: strAt(m, 'custom_base_image'),
      enableGpu: boolAt(m, 'enable_gpu'),
      placeholders,
    };
  }
  const consumed = new Set(aml ? CONSUMED_AML : CONSUMED_V1);
  for (const key of leaves(m.data)) {
    if (consumed.has(key) || key === '$schema') continue;
    const v = valueIn(m.data, key.split('.').reduce<string>((acc, s) => pointerJoin(acc, s), ''));
    // Nothing is lost with a setting that is off or empty.
    if (v === null || v === undefined || v === false || v === '' || isPlaceholder(v)) continue;
    svc.notCarried.push({ key, why: WHY[key] ?? WHY[key.split('.')[0]] ?? 'not a key the v1 tools read (Azure ignored it)' });
  }
  return svc;
}
