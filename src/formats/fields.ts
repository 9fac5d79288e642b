import type { Manifest, ManifestKind } from '../types.js';
import { v1ComputeType } from './v1-config.js';

/**
 * Known keys of a mapping (AZURE-ML-FACTS.md §2a–§2d, azure-ai-ml `_schema`). A member is
 * `true` (a leaf, a list, or a value whose inside is not checked), `'map'` (free-form sub-keys:
 * tags, properties, environment variables…) or a nested `Fields` (checked when the value is a
 * mapping; a string in its place, such as `model: azureml:m:1`, is fine).
 */
export type FieldNode = true | 'map' | Fields;
export interface Fields {
  [key: string]: FieldNode;
}

// ---------------------------------------------------------------- v1 deployment config (§2a)

type V1Type = 'aci' | 'aks' | 'aksendpoint' | 'local';
const ALL: V1Type[] = ['aci', 'aks', 'aksendpoint', 'local'];
const ACI_AKS: V1Type[] = ['aci', 'aks', 'aksendpoint'];
const AKS: V1Type[] = ['aks', 'aksendpoint'];

/**
 * Every key `deploy_config_dict_to_obj` reads, with the computeTypes it is read for.
 * `rulesRead` marks keys a rule of this product reads on every computeType (autoscale, replicas,
 * GPU/FPGA intent), which are therefore not "unknown" on ACI/local.
 */
const V1_KEYS: Array<{ path: string; types: V1Type[]; rulesRead?: boolean }> = [
  { path: 'computeType', types: ALL },
  { path: 'containerResourceRequirements.cpu', types: ACI_AKS },
  { path: 'containerResourceRequirements.memoryInGB', types: ACI_AKS },
  { path: 'containerResourceRequirements.cpuLimit', types: AKS },
  { path: 'containerResourceRequirements.memoryInGBLimit', types: AKS },
  // REST fields the CLI does not read: kept to catch GPU/FPGA intent.
  { path: 'containerResourceRequirements.gpu', types: AKS, rulesRead: true },
  { path: 'containerResourceRequirements.fpga', types: AKS, rulesRead: true },
  { path: 'gpuCores', types: AKS, rulesRead: true },
  { path: 'autoScaler.autoscaleEnabled', types: AKS, rulesRead: true },
  { path: 'autoScaler.minReplicas', types: AKS, rulesRead: true },
  { path: 'autoScaler.maxReplicas', types: AKS, rulesRead: true },
  { path: 'autoScaler.refreshPeriodInSeconds', types: AKS, rulesRead: true },
  { path: 'autoScaler.targetUtilization', types: AKS, rulesRead: true },
  { path: 'numReplicas', types: AKS, rulesRead: true },
  { path: 'dataCollection.storageEnabled', types: AKS },
  { path: 'authEnabled', types: ACI_AKS },
  { path: 'tokenAuthEnabled', types: AKS },
  { path: 'appInsightsEnabled', types: ACI_AKS },
  { path: 'scoringTimeoutMs', types: AKS },
  { path: 'maxConcurrentRequestsPerContainer', types: AKS },
  { path: 'maxQueueWaitMs', types: AKS },
  { path: 'livenessProbeRequirements.periodSeconds', types: AKS },
  { path: 'livenessProbeRequirements.initialDelaySeconds', types: AKS },
  { path: 'livenessProbeRequirements.timeoutSeconds', types: AKS },
  { path: 'livenessProbeRequirements.successThreshold', types: AKS },
  { path: 'livenessProbeRequirements.failureThreshold', types: AKS },
  { path: 'namespace', types: AKS },
  { path: 'computeTargetName', types: ['aks'] },
  { path: 'keys.primaryKey', types: ACI_AKS },
  { path: 'keys.secondaryKey', types: ACI_AKS },
  { path: 'versionName', types: ['aksendpoint'] },
  { path: 'trafficPercentile', types: ['aksendpoint'] },
  { path: 'location', types: ['aci'] },
  { path: 'sslEnabled', types: ['aci'] },
  { path: 'sslCertificate', types: ['aci'] },
  { path: 'sslKey', types: ['aci'] },
  { path: 'cname', types: ['aci'] },
  { path: 'dnsNameLabel', types: ['aci'] },
  { path: 'vaultBaseUrl', types: ['aci'] },
  { path: 'keyName', types: ['aci'] },
  { path: 'keyVersion', types: ['aci'] },
  { path: 'vnetName', types: ['aci'] },
  { path: 'subnetName', types: ['aci'] },
  { path: 'port', types: ['local'] },
];

const V1_TYPE_NAMES: Record<V1Type, string> = { aci: 'ACI', aks: 'AKS', aksendpoint: 'AKSENDPOINT', local: 'local' };

function treeOf(paths: string[]): Fields {
  const root: Fields = {};
  for (const p of paths) {
    const segs = p.split('.');
    let cur = root;
    segs.forEach((s, i) => {
      if (i === segs.length - 1) {
        if (!(s in cur)) cur[s] = true;
      } else {
        const next = cur[s];
        if (typeof next === 'object') cur = next;
        else cur = cur[s] = {};
      }
    });
  }
  return root;
}

let v1Trees: Map<string, Fields> | undefined;

/** Known v1 keys for a computeType (lower case); an unknown computeType gets the union of all. */
export function v1Fields(computeType: string | undefined): Fields {
  v1Trees ??= new Map();
  const key = computeType && Object.hasOwn(V1_TYPE_NAMES, computeType) ? computeType : '*';
  let t = v1Trees.get(key);
  if (!t) {
    const type = key as V1Type | '*';
    t = treeOf(V1_KEYS.filter((k) => type === '*' || k.types.includes(type) || k.rulesRead).map((k) => k.path));
    v1Trees.set(key, t);
  }
  return t;
}

/** For a v1 key path (`a.b`) unknown on this computeType: the computeTypes it is valid for, if any. */
export function v1OtherTypes(path: string): string[] {
  const e = V1_KEYS.find((k) => k.path === path);
  return e ? e.types.map((t) => V1_TYPE_NAMES[t]) : [];
}

// ---------------------------------------------------------------- aml-actions (§2b)

/** One schema per action file: keys for the other target/cluster kind are accepted (the action ignores them). */
export const AML_DEPLOY: Fields = Object.fromEntries(
  [
    'name', 'deployment_compute_target', 'inference_source_directory', 'inference_entry_script', 'conda_file',
    'extra_docker_file_steps', 'enable_gpu', 'cuda_version', 'runtime', 'custom_base_image',
    'model_data_collection_enabled', 'authentication_enabled', 'app_insights_enabled', 'cpu_cores', 'memory_gb',
    'delete_service_after_deployment', 'description', 'test_enabled', 'test_file_path',
    'test_file_function_name', 'profiling_enabled', 'profiling_dataset', 'skip_deployment', 'create_image',
    // ACI only
    'location', 'ssl_enabled', 'ssl_cert_pem_file', 'ssl_key_pem_file', 'ssl_cname', 'dns_name_label',
    // AKS only
    'gpu_cores', 'autoscale_enabled', 'autoscale_min_replicas', 'autoscale_max_replicas',
    'autoscale_refresh_seconds', 'autoscale_target_utilization', 'scoring_timeout_ms',
    'replica_max_concurrent_requests', 'max_request_wait_time', 'num_replicas', 'period_seconds',
    'initial_delay_seconds', 'timeout_seconds', 'success_threshold', 'failure_threshold', 'namespace',
    'token_auth_enabled',
  ].map((k) => [k, true as FieldNode]),
);
AML_DEPLOY.tags = 'map';
AML_DEPLOY.properties = 'map';

const AML_COMPUTE: Fields = Object.fromEntries(
  [
    'name', 'compute_type',
    // amlcluster
    'vm_size', 'vm_priority', 'min_nodes', 'max_nodes', 'idle_seconds_before_scaledown',
    'vnet_resource_group_name', 'vnet_name', 'subnet_name', 'remote_login_port_public_access',
    'identity_type', 'identity_id',
    // akscluster
    'agent_count', 'location', 'service_cidr', 'dns_service_ip', 'docker_bridge_cidr', 'cluster_purpose',
    'ssl_cname', 'ssl_cert_pem_file', 'ssl_key_pem_file', 'load_balancer_type', 'load_balancer_subnet',
  ].map((k) => [k, true as FieldNode]),
);

const AML_REGISTER: Fields = Object.fromEntries(
  [
    'model_file_name', 'model_name', 'model_framework', 'model_framework_version', 'model_description',
    'datasets', 'sample_input_dataset', 'sample_output_dataset', 'pipeline_child_run_name', 'cpu_cores',
    'memory_gb', 'metrics_max', 'metrics_min', 'force_registration',
  ].map((k) => [k, true as FieldNode]),
);
AML_REGISTER.model_tags = 'map';
AML_REGISTER.model_properties = 'map';

// ---------------------------------------------------------------- v2 YAML (§2c, §2d)

function leaves(...keys: string[]): Fields {
  return Object.fromEntries(keys.map((k) => [k, true as FieldNode]));
}

const ROUTE = leaves('port', 'path');
const ENVIRONMENT: Fields = {
  ...leaves('name', 'version', 'image', 'conda_file', 'description', 'os_type', 'datastore', 'id', 'stage', 'intellectual_property'),
  build: leaves('path', 'dockerfile_path', 'context'),
  inference_config: { liveness_route: ROUTE, readiness_route: ROUTE, scoring_route: ROUTE },
  tags: 'map',
  properties: 'map',
};
const MODEL_ASSET: Fields = {
  ...leaves(
    'name', 'version', 'path', 'local_path', 'type', 'description', 'stage', 'job_name', 'utc_time_created',
    'id', 'latest_version', 'creation_context', 'datastore', 'intellectual_property', 'system_metadata',
  ),
  tags: 'map',
  properties: 'map',
  flavors: 'map',
};
const CODE_CONFIGURATION: Fields = { code: leaves('local_path', 'path'), scoring_script: true };
const PROBE = leaves('initial_delay', 'period', 'timeout', 'success_threshold', 'failure_threshold', 'method', 'scheme', 'path', 'port');
const IDENTITY = leaves('type', 'principal_id', 'tenant_id', 'user_assigned_identities');
const QUANTITIES = leaves('cpu', 'memory', 'nvidia.com/gpu', 'gpu');

const DEPLOYMENT_BASE: Fields = {
  $schema: true,
  ...leaves('name', 'endpoint_name', 'description', 'code_path', 'scoring_script', 'provisioning_state', 'id'),
  tags: 'map',
  properties: 'map',
  model: MODEL_ASSET,
  code_configuration: CODE_CONFIGURATION,
  environment: ENVIRONMENT,
  environment_variables: 'map',
};

const ONLINE_DEPLOYMENT: Fields = {
  ...DEPLOYMENT_BASE,
  ...leaves('type', 'instance_type', 'instance_count', 'app_insights_enabled', 'model_mount_path', 'egress_public_network_access', 'private_network_connection'),
  scale_settings: leaves('type', 'min_instances', 'max_instances', 'polling_interval', 'target_utilization_percentage'),
  request_settings: leaves('request_timeout_ms', 'max_concurrent_requests_per_instance', 'max_queue_wait_ms'),
  liveness_probe: PROBE,
  readiness_probe: PROBE,
  data_collector: {
    ...leaves('sampling_rate', 'rolling_rate'),
    collections: 'map',
    request_logging: leaves('capture_headers'),
  },
};

const KUBERNETES_DEPLOYMENT: Fields = {
  ...ONLINE_DEPLOYMENT,
  resources: { requests: QUANTITIES, limits: QUANTITIES, instance_types: true },
};

const RETRY = leaves('max_retries', 'timeout');
const BATCH_SETTINGS: Fields = {
  ...leaves('max_concurrency_per_instance', 'error_threshold', 'logging_level', 'mini_batch_size', 'output_action', 'output_file_name', 'instance_count'),
  retry_settings: RETRY,
  environment_variables: 'map',
};
const BATCH_DEPLOYMENT: Fields = {
  ...DEPLOYMENT_BASE,
  ...leaves('type', 'job_definition', 'component'),
  compute: leaves('target', 'instance_count', 'instance_type'),
  resources: { ...leaves('instance_count', 'instance_type', 'shm_size', 'docker_args', 'locations', 'max_instance_count'), properties: 'map' },
  settings: BATCH_SETTINGS,
  // Legacy layout (CLI < 1.7): settings at the root.
  ...BATCH_SETTINGS,
};
const PIPELINE_BATCH_DEPLOYMENT: Fields = {
  $schema: true,
  ...leaves('name', 'endpoint_name', 'description', 'type', 'component', 'job_definition', 'provisioning_state', 'id'),
  tags: 'map',
  properties: 'map',
  // Pipeline job settings (default_compute, default_datastore, continue_on_step_failure, force_rerun, …).
  settings: 'map',
};

const ENDPOINT_BASE: Fields = {
  $schema: true,
  ...leaves('name', 'description', 'auth_mode', 'scoring_uri', 'openapi_uri', 'provisioning_state', 'id', 'location', 'kind'),
  tags: 'map',
  properties: 'map',
};
const ONLINE_ENDPOINT: Fields = {
  ...ENDPOINT_BASE,
  ...leaves('public_network_access'),
  identity: IDENTITY,
  traffic: 'map',
  mirror_traffic: 'map',
};
const KUBERNETES_ENDPOINT: Fields = { ...ONLINE_ENDPOINT, compute: true };
const BATCH_ENDPOINT: Fields = { ...ENDPOINT_BASE, defaults: leaves('deployment_name', 'model_deployment_name') };

const SSH = leaves('admin_username', 'admin_password', 'ssh_key_value', 'ssh_private_key_file', 'ssh_port');
const COMPUTE_BASE: Fields = {
  $schema: true,
  ...leaves('name', 'type', 'description', 'location', 'resource_id', 'id', 'provisioning_state', 'provisioning_errors', 'created_on'),
  tags: 'map',
};
const AML_COMPUTE_V2: Fields = {
  ...COMPUTE_BASE,
  ...leaves('size', 'tier', 'min_instances', 'max_instances', 'idle_time_before_scale_down', 'ssh_public_access_enabled', 'enable_node_public_ip', 'enable_os_patching'),
  ssh_settings: SSH,
  network_settings: leaves('vnet_name', 'subnet', 'private_ip_address', 'public_ip_address'),
  identity: IDENTITY,
};
const KUBERNETES_COMPUTE: Fields = { ...COMPUTE_BASE, namespace: true, identity: IDENTITY, properties: 'map' };
const COMPUTE_INSTANCE: Fields = {
  ...COMPUTE_BASE,
  ...leaves(
    'size', 'ssh_public_access_enabled', 'schedules', 'idle_time_before_shutdown', 'idle_time_before_shutdown_minutes',
    'setup_scripts', 'enable_node_public_ip', 'custom_applications', 'os_image_metadata', 'enable_sso',
    'enable_root_access', 'release_quota_on_stop', 'enable_os_patching',
  ),
  create_on_behalf_of: leaves('user_object_id', 'user_tenant_id'),
  network_settings: leaves('vnet_name', 'subnet', 'private_ip_address', 'public_ip_address'),
  ssh_settings: SSH,
  identity: IDENTITY,
};
const VM_COMPUTE: Fields = { ...COMPUTE_BASE, ssh_settings: SSH };

const MODEL_FILE: Fields = { $schema: true, ...MODEL_ASSET };

const MLMODEL: Fields = {
  ...leaves(
    'artifact_path', 'run_id', 'model_uuid', 'utc_time_created', 'mlflow_version', 'saved_input_example_info',
    'model_size_bytes', 'databricks_runtime', 'model_id', 'name', 'source_run_id', 'prompts', 'env_vars',
    'auth_policy', 'type', 'source_type',
  ),
  flavors: 'map',
  signature: leaves('inputs', 'outputs', 'params'),
  metadata: 'map',
  resources: 'map',
};

const V2_FIELDS: Partial<Record<ManifestKind, Fields>> = {
  amlDeployAction: AML_DEPLOY,
  amlComputeAction: AML_COMPUTE,
  amlRegisterModelAction: AML_REGISTER,
  managedOnlineDeployment: ONLINE_DEPLOYMENT,
  kubernetesOnlineDeployment: KUBERNETES_DEPLOYMENT,
  managedOnlineEndpoint: ONLINE_ENDPOINT,
  kubernetesOnlineEndpoint: KUBERNETES_ENDPOINT,
  batchEndpoint: BATCH_ENDPOINT,
  batchDeployment: BATCH_DEPLOYMENT,
  modelBatchDeployment: BATCH_DEPLOYMENT,
  pipelineComponentBatchDeployment: PIPELINE_BATCH_DEPLOYMENT,
  amlCompute: AML_COMPUTE_V2,
  kubernetesCompute: KUBERNETES_COMPUTE,
  computeInstance: COMPUTE_INSTANCE,
  vmCompute: VM_COMPUTE,
  model: MODEL_FILE,
  mlflowModel: MLMODEL,
};

/** The known-key tree of a manifest (v1: for its computeType). `$schema` is always known. */
export function knownFields(m: Manifest): Fields {
  if (m.kind === 'v1DeploymentConfig') return { ...v1Fields(v1ComputeType(m)), $schema: true };
  return { ...(V2_FIELDS[m.kind] ?? {}), $schema: true };
}

/** The member of a known-key tree for a key, if the key is known (own keys only: `constructor` is data). */
export function fieldOf(fields: Fields, key: string): FieldNode | undefined {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/** What Azure does with a key it does not know in this kind of file (for messages). */
export function unknownKeyEffect(m: Manifest): string {
  switch (m.kind) {
    case 'v1DeploymentConfig':
      return 'the v1 CLI/SDK silently ignores keys it does not know, so this setting has no effect';
    case 'amlDeployAction':
    case 'amlComputeAction':
    case 'amlRegisterModelAction':
      return 'the action silently ignores keys outside its schema, so this setting has no effect';
    case 'mlflowModel':
      return 'MLflow keeps it but neither MLflow nor Azure ML reads it';
    default:
      return 'the Azure ML CLI v2 rejects fields its schema does not define, so the deployment command fails';
  }
}

// ---------------------------------------------------------------- suggestions

function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_.\-/]+/)
    .filter((w) => w !== '')
    .map((w) => (w.length > 4 && w.endsWith('ed') ? w.slice(0, -1) : w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
}

/** Optimal-string-alignment distance (a transposition counts as one edit). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The known key a mistyped key most likely means: same letters in another case; same words in
 * another order or style (`enableAppInsights` → `appInsightsEnabled`); a small edit distance
 * (≤ 3, scaled down for short keys); or a key whose words contain all of its words (`cpu` → `cpu_cores`).
 */
export function suggestKey(key: string, known: string[]): string | undefined {
  const lk = key.toLowerCase();
  const cands = known.filter((k) => k !== key && k !== '$schema');
  const ci = cands.find((k) => k.toLowerCase() === lk);
  if (ci) return ci;
  const kw = words(key);
  const bag = [...kw].sort().join(' ');
  const sameWords = cands.find((k) => [...words(k)].sort().join(' ') === bag);
  if (sameWords) return sameWords;
  const limit = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of cands) {
    const dist = editDistance(lk, k.toLowerCase());
    if (dist <= limit && dist < bestD) {
      best = k;
      bestD = dist;
    }
  }
  if (best) return best;
  if (kw.length === 0) return undefined;
  let sub: string | undefined;
  for (const k of cands) {
    const w = new Set(words(k));
    if (kw.every((x) => w.has(x)) && (sub === undefined || editDistance(lk, k.toLowerCase()) < editDistance(lk, sub.toLowerCase()))) sub = k;
  }
  return sub;
}
