import type { ComputeInfo, Fact, Manifest, ModelInfo } from '../types.js';
import type { DraftDeployment, Normalised } from './index.js';
import { anchor, bool, firstKeyPtr, num, parseRef, prune, str, tagsOf, text, valueAt } from './util.js';

/**
 * Azure/aml-deploy parameters file. No `deployment_compute_target` (absent, empty, null) ⇒ ACI;
 * otherwise AKS on that compute (the rules judge a target that resolves to another kind).
 * Table-level findings point at the file's first key (there is no `computeType`).
 */
export function normaliseAmlDeploy(m: Manifest): Partial<Normalised> {
  const target = str(m, '/deployment_compute_target');
  const rawTarget = valueAt(m, '/deployment_compute_target');
  const hasTarget = typeof rawTarget === 'string' && rawTarget.trim() !== '';
  const gpuCores = num(m, '/gpu_cores');
  const enableGpu = bool(m, '/enable_gpu');
  let gpu: Fact<number> | undefined = gpuCores;
  if (enableGpu?.value === true && !(gpuCores && gpuCores.value > 0)) gpu = { value: 1, ptr: '/enable_gpu', manifest: m };
  const d: DraftDeployment = {
    manifest: m,
    name: text(m, '/name'),
    target: hasTarget ? 'aks' : 'aci',
    mode: 'realtime',
    targetReason: hasTarget
      ? `aml-deploy file with deployment_compute_target: ${rawTarget.trim()} ⇒ AKS`
      : 'aml-deploy file without deployment_compute_target ⇒ ACI',
    targetKey: anchor(m, firstKeyPtr(m)),
    computeRef: target ? parseRef(target.value, anchor(m, target.ptr)) : undefined,
    cpu: num(m, '/cpu_cores'),
    memoryGb: num(m, '/memory_gb'),
    gpu,
    replicas: num(m, '/num_replicas'),
    autoscaleEnabled: bool(m, '/autoscale_enabled'),
    minReplicas: num(m, '/autoscale_min_replicas'),
    maxReplicas: num(m, '/autoscale_max_replicas'),
    tags: tagsOf(m),
    skipDeployment: bool(m, '/skip_deployment')?.value === true ? true : undefined,
  };
  return { deployments: [prune(d)] };
}

/** `compute_type` of an aml-compute file, or the kind its keys imply when it is missing or unknown. */
export function amlComputeType(m: Manifest): 'amlcompute' | 'aks' {
  const t = typeof m.data.compute_type === 'string' ? m.data.compute_type.trim().toLowerCase() : '';
  if (t === 'amlcluster') return 'amlcompute';
  if (t === 'akscluster') return 'aks';
  if ('vm_priority' in m.data || 'min_nodes' in m.data || 'max_nodes' in m.data) return 'amlcompute';
  if ('agent_count' in m.data || 'cluster_purpose' in m.data) return 'aks';
  return 'amlcompute';
}

/** Azure/aml-compute parameters file: an AML compute cluster or a legacy AKS cluster, with the action's defaults. */
export function normaliseAmlCompute(m: Manifest): Partial<Normalised> {
  const type = amlComputeType(m);
  const name = text(m, '/name') ?? '';
  let info: ComputeInfo;
  if (type === 'amlcompute') {
    const rawPr = valueAt(m, '/vm_priority');
    const pr = typeof rawPr === 'string' ? rawPr.trim().toLowerCase() : rawPr === undefined || rawPr === null ? undefined : '';
    const minNodes = num(m, '/min_nodes')?.value ?? 0;
    const maxNodes = num(m, '/max_nodes')?.value ?? 4;
    info = {
      name,
      type,
      vmSize: text(m, '/vm_size') ?? 'Standard_DS3_v2',
      minNodes,
      maxNodes,
      nodes: maxNodes,
      // Absent ⇒ the action's default; a placeholder or a bad value ⇒ unknown (the schema rule reports it).
      tier: pr === undefined ? 'dedicated' : pr === 'lowpriority' ? 'lowpriority' : pr === 'dedicated' ? 'dedicated' : undefined,
      manifest: m,
      source: 'repo',
    };
  } else {
    const purpose = text(m, '/cluster_purpose');
    info = {
      name,
      type,
      vmSize: text(m, '/vm_size') ?? 'Standard_D3_v2',
      nodes: num(m, '/agent_count')?.value ?? 3,
      // The action sets DEV_TEST when the string mentions dev or test, FAST_PROD otherwise.
      purpose: purpose !== undefined && /dev|test/i.test(purpose) ? 'DevTest' : 'FastProd',
      manifest: m,
      source: 'repo',
    };
  }
  return { computes: [prune(info)] };
}

/** Azure/aml-registermodel parameters file: the v1 model's declared memory requirement. */
export function normaliseAmlRegisterModel(m: Manifest): Partial<Normalised> {
  const mem = num(m, '/memory_gb');
  const info: ModelInfo = {
    name: text(m, '/model_name'),
    memoryGb: mem?.value,
    manifest: m,
    source: 'repo',
    memorySource: mem ? `memory_gb: ${mem.value} in ${m.file.path}` : undefined,
  };
  return { models: [prune(info)] };
}
