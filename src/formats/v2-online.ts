import type { Endpoint, Fact, KubeResources, Manifest } from '../types.js';
import type { DraftDeployment, Normalised } from './index.js';
import {
  anchor,
  firstKeyPtr,
  isMapping,
  modelRef,
  num,
  parseRef,
  ptrOf,
  prune,
  quantityFact,
  str,
  tagsOf,
  text,
  valueAt,
} from './util.js';

/** Where table-level findings on a v2 file point: `$schema`, else `type`, else the first key. */
export function v2TargetKey(m: Manifest): string {
  if ('$schema' in m.data) return '/$schema';
  if ('type' in m.data) return '/type';
  return firstKeyPtr(m);
}

/** How the kind was recognised, for messages. */
export function kindReason(m: Manifest): string {
  return typeof m.data.$schema === 'string' ? m.kind : `${m.kind} (recognised by its keys)`;
}

/** Environment image: a string reference (`azureml:env:1`, registry id) or an inline `image`. */
export function environmentImage(m: Manifest): Fact<string> | undefined {
  const env = valueAt(m, '/environment');
  if (typeof env === 'string') return str(m, '/environment');
  if (isMapping(env)) return str(m, '/environment/image');
  return undefined;
}

function kubeResources(m: Manifest, block: 'requests' | 'limits'): KubeResources | undefined {
  const base = ptrOf('resources', block);
  if (!isMapping(valueAt(m, base))) return undefined;
  const gpuPtr = ptrOf('resources', block, 'nvidia.com/gpu');
  const r: KubeResources = {
    cpu: quantityFact(m, ptrOf('resources', block, 'cpu')),
    memory: quantityFact(m, ptrOf('resources', block, 'memory')),
    // The SDK also accepts the pre-renamed `gpu`.
    gpu: num(m, gpuPtr) ?? num(m, ptrOf('resources', block, 'gpu')),
  };
  return prune(r);
}

function endpoint(m: Manifest, kind: Endpoint['kind']): Endpoint {
  const compute = str(m, '/compute');
  return prune({
    manifest: m,
    name: text(m, '/name'),
    kind,
    computeRef: compute ? parseRef(compute.value, anchor(m, compute.ptr)) : undefined,
  });
}

/** v2 online endpoints and deployments (managed and Kubernetes). */
export function normaliseV2Online(m: Manifest): Partial<Normalised> {
  switch (m.kind) {
    case 'managedOnlineEndpoint':
      return { endpoints: [endpoint(m, 'managed')] };
    case 'kubernetesOnlineEndpoint':
      return { endpoints: [endpoint(m, 'kubernetes')] };
    case 'managedOnlineDeployment':
    case 'kubernetesOnlineDeployment':
      break;
    default:
      return {};
  }
  const kube = m.kind === 'kubernetesOnlineDeployment';
  const d: DraftDeployment = {
    manifest: m,
    name: text(m, '/name'),
    endpointName: text(m, '/endpoint_name'),
    target: kube ? 'aks' : 'managed-online',
    mode: 'realtime',
    targetReason: kube ? `${kindReason(m)}: Azure ML Kubernetes online deployment` : kindReason(m),
    targetKey: anchor(m, v2TargetKey(m)),
    instanceType: str(m, '/instance_type'),
    instanceCount: num(m, '/instance_count'),
    requestTimeoutMs: num(m, '/request_settings/request_timeout_ms'),
    environmentImage: environmentImage(m),
    modelRef: modelRef(m),
    tags: tagsOf(m),
  };
  if (kube) {
    d.requests = kubeResources(m, 'requests');
    d.limits = kubeResources(m, 'limits');
    d.gpu = d.limits?.gpu ?? d.requests?.gpu;
    d.replicas = d.instanceCount;
    const scaleType = text(m, '/scale_settings/type')?.toLowerCase();
    // Kubernetes scales by target utilisation when the type is given so or min/max are set.
    if (scaleType === 'target_utilization' || (scaleType === undefined && ('min_instances' in scaleSettings(m) || 'max_instances' in scaleSettings(m)))) {
      d.autoscaleEnabled = { value: true, ptr: scaleType ? '/scale_settings/type' : '/scale_settings', manifest: m };
      d.minReplicas = num(m, '/scale_settings/min_instances');
      d.maxReplicas = num(m, '/scale_settings/max_instances');
    }
  }
  return { deployments: [prune(d)] };
}

function scaleSettings(m: Manifest): Record<string, unknown> {
  const s = valueAt(m, '/scale_settings');
  return isMapping(s) ? s : (Object.create(null) as Record<string, unknown>);
}
