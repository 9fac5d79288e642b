// Azure/aml-deploy action parameters file (`.cloud/.azure/deploy.json`, AZURE-ML-FACTS §2b).
// No `deployment_compute_target` (absent, empty, null) ⇒ ACI; otherwise AKS on that compute.
import type { Anchor, Fact, FieldNode, Fields, Manifest } from '../core/types.js';
import { V1_DEFAULT_AUTOSCALE_MAX, V1_DEFAULT_CPU, V1_DEFAULT_MEMORY_GB } from '../catalog/azure-defaults.js';
import { migrationAdvice } from '../catalog/migration.js';
import { define } from './family.js';
import { fieldOf } from './kit/fields.js';
import { refAt } from './kit/refs.js';
import { map, obj, text, vocabulary, SIZE_HINT, type Schema } from './kit/schema.js';
import { anchor, bool, firstKeyPtr, num, numberAt, prune, str, tagsOf, valueAt, text as textAt } from './kit/values.js';
import type { DraftDeployment } from './types.js';

/** One schema for the file: keys for the other target kind are accepted (the action ignores them). */
const FIELDS: Fields = Object.fromEntries(
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
FIELDS.tags = 'map';
FIELDS.properties = 'map';

/** Keys only an aml-deploy file has. */
const KEYS = ['deployment_compute_target', 'inference_entry_script', 'inference_source_directory', 'enable_gpu', 'autoscale_enabled'];
/** Sizing keys that, with nothing but aml-deploy fields beside them, make a file an aml-deploy file. */
const SIZING_KEYS = ['cpu_cores', 'memory_gb', 'gpu_cores', 'num_replicas'];

function schema(): Schema {
  const f = vocabulary(false, 'exact');
  const flags = Object.fromEntries(
    ['enable_gpu', 'autoscale_enabled', 'skip_deployment', 'test_enabled', 'delete_service_after_deployment', 'profiling_enabled',
      'authentication_enabled', 'app_insights_enabled', 'model_data_collection_enabled', 'ssl_enabled', 'token_auth_enabled'].map((k) => [k, f.flag]),
  );
  const ints1 = Object.fromEntries(
    ['num_replicas', 'autoscale_min_replicas', 'autoscale_max_replicas', 'autoscale_refresh_seconds', 'scoring_timeout_ms',
      'replica_max_concurrent_requests', 'period_seconds', 'initial_delay_seconds', 'timeout_seconds', 'success_threshold', 'failure_threshold'].map((k) => [k, f.int(1)]),
  );
  return obj(
    {
      ...flags,
      ...ints1,
      name: text,
      deployment_compute_target: text,
      cpu_cores: f.pos(SIZE_HINT),
      memory_gb: f.pos(SIZE_HINT),
      gpu_cores: f.int(0),
      autoscale_target_utilization: f.int(1, { max: 100 }),
      max_request_wait_time: f.int(0),
      runtime: f.oneOf(['python', 'spark-py']),
      create_image: f.oneOf(['docker', 'function_blob', 'function_http', 'function_service_bus_queue']),
      tags: map,
      properties: map,
    },
    { mdgMinMax: [['autoscale_min_replicas', 'autoscale_max_replicas']] },
  );
}

export const amlDeployAction = define({
  id: 'aml-deploy-action',
  kinds: ['amlDeployAction'],
  v1: true,
  prefilter: { keys: [...KEYS, ...SIZING_KEYS] },
  detect({ data }) {
    const has = (keys: string[]) => keys.some((k) => k in data);
    if (has(KEYS)) return 'amlDeployAction';
    // Real deploy.json files may hold only sizes (`{"cpu_cores": 1, "memory_gb": 0.5, "location": …}`):
    // an ACI deployment all the same. Every key must be an aml-deploy field, so other JSON stays out.
    if (has(SIZING_KEYS) && Object.keys(data).every((k) => fieldOf(FIELDS, k) !== undefined)) return 'amlDeployAction';
    return undefined;
  },
  label: () => 'aml-deploy parameters file',
  unknownKeyEffect: 'ignored by the action (the setting has no effect)',
  fields: () => ({ ...FIELDS, $schema: true }),
  schema,
  targetKey: firstKeyPtr,
  secrets: [{ ptr: '/ssl_key_pem_file', what: 'ssl_key_pem_file', fix: '', pem: true }],
  deprecation: {
    what: 'an Azure/aml-deploy action parameters file (SDK v1)',
    replacement(m, d) {
      const cpu = d?.cpu?.value ?? numberAt(m, '/cpu_cores') ?? V1_DEFAULT_CPU;
      const mem = d?.memoryGb?.value ?? numberAt(m, '/memory_gb') ?? V1_DEFAULT_MEMORY_GB;
      return (
        `replace the action with \`az ml online-deployment create -f\` of a v2 managedOnlineDeployment ${migrationAdvice(cpu, mem)}, ` +
        'or a kubernetesOnlineDeployment for AKS'
      );
    },
  },
  /** Table-level findings point at the file's first key (there is no `computeType`). */
  normalise(m: Manifest) {
    const rawTarget = valueAt(m, '/deployment_compute_target');
    const hasTarget = typeof rawTarget === 'string' && rawTarget.trim() !== '';
    const gpuCores = num(m, '/gpu_cores');
    const enableGpu = bool(m, '/enable_gpu');
    let gpu: Fact<number> | undefined = gpuCores;
    if (enableGpu?.value === true && !(gpuCores && gpuCores.value > 0)) gpu = { value: 1, ptr: '/enable_gpu', manifest: m };
    const gpuAsks: Anchor[] = [];
    if (gpu && gpu.value > 0) gpuAsks.push(anchor(m, gpu.ptr));
    if (valueAt(m, '/enable_gpu') === true && !gpuAsks.some((a) => a.ptr === '/enable_gpu')) gpuAsks.push(anchor(m, '/enable_gpu'));
    const g = numberAt(m, '/gpu_cores');
    if (g !== undefined && g > 0 && !gpuAsks.some((a) => a.ptr === '/gpu_cores')) gpuAsks.push(anchor(m, '/gpu_cores'));
    const replicas = num(m, '/num_replicas');
    const autoscaleEnabled = bool(m, '/autoscale_enabled');
    const d: DraftDeployment = {
      manifest: m,
      flavor: 'v1-web-service',
      name: textAt(m, '/name'),
      target: hasTarget ? 'aks' : 'aci',
      mode: 'realtime',
      targetReason: hasTarget
        ? `aml-deploy file with deployment_compute_target: ${rawTarget.trim()} ⇒ AKS`
        : 'aml-deploy file without deployment_compute_target ⇒ ACI',
      targetKey: anchor(m, firstKeyPtr(m)),
      computeRef: refAt(m, '/deployment_compute_target'),
      cpu: num(m, '/cpu_cores'),
      memoryGb: num(m, '/memory_gb'),
      defaultMemory: { gb: V1_DEFAULT_MEMORY_GB, key: 'memory_gb' },
      defaultCpu: V1_DEFAULT_CPU,
      gpu,
      gpuAsks,
      replicas,
      autoscaleEnabled,
      minReplicas: num(m, '/autoscale_min_replicas'),
      maxReplicas: num(m, '/autoscale_max_replicas'),
      scaling: {
        maxKey: 'autoscale_max_replicas',
        replicasKey: 'num_replicas',
        defaultMax: V1_DEFAULT_AUTOSCALE_MAX,
        implicit: hasTarget && autoscaleEnabled === undefined && replicas === undefined,
      },
      tags: tagsOf(m),
      skipDeployment: bool(m, '/skip_deployment')?.value === true ? true : undefined,
      linksModelByFolder: true,
      unresolvedComputeNote:
        'The aml-deploy action falls back to ACI when `deployment_compute_target` is not an existing AKS compute (the ACI rules then apply).',
    };
    return { deployments: [prune(d)] };
  },
});
