// CLI v2 online deployments: managed (`managedOnlineDeployment`) and Kubernetes
// (`kubernetesOnlineDeployment`), AZURE-ML-FACTS §2c.3–§2c.4.
import type { Fields, KubeResources, Manifest } from '../core/types.js';
import { isMapping, ptrOf } from '../core/pointer.js';
import { KUBERNETES_DEFAULT_MAX_INSTANCES } from '../catalog/azure-defaults.js';
import { define, type DetectInput, type QuotaFields } from './family.js';
import { DEPLOYMENT_BASE, PROBE, QUANTITIES, leaves } from './kit/fields.js';
import { quantityFact } from './kit/quantity.js';
import { modelRef } from './kit/refs.js';
import { map, obj, text, V2, type Schema } from './kit/schema.js';
import { V2_FAMILY, environmentImage, kindReason, v2TargetKey } from './kit/v2.js';
import { anchor, num, prune, str, tagsOf, text as textAt, valueAt } from './kit/values.js';
import type { DraftDeployment } from './types.js';

const MANAGED = 'managedOnlineDeployment';
const KUBERNETES = 'kubernetesOnlineDeployment';

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

function schema(kind: string): Schema {
  const kube = kind === KUBERNETES;
  const f = V2;
  const probe = obj({ initial_delay: f.int(0), period: f.int(1), timeout: f.int(1), success_threshold: f.int(1), failure_threshold: f.int(1) });
  const quantities = obj({ cpu: { mdgQuantity: { kind: 'cpu' } }, memory: { mdgQuantity: { kind: 'memory' } }, 'nvidia.com/gpu': f.int(0), gpu: f.int(0) });
  return obj(
    {
      name: text,
      endpoint_name: text,
      instance_type: text,
      instance_count: f.int(1, { hint: 'A deployment needs at least one instance.' }),
      type: f.oneOf(kube ? ['kubernetes'] : ['managed']),
      app_insights_enabled: f.flag,
      model_mount_path: text,
      egress_public_network_access: f.oneOf(['enabled', 'disabled']),
      scale_settings: obj(
        {
          type: f.oneOf(kube ? ['default', 'target_utilization'] : ['default'], kube ? undefined : 'Managed online deployments scale through Azure Monitor autoscale, not in this file.'),
          min_instances: f.int(0),
          max_instances: f.int(1),
          polling_interval: f.int(1),
          target_utilization_percentage: f.int(1, { max: 100 }),
        },
        { mdgMinMax: [['min_instances', 'max_instances']] },
      ),
      request_settings: obj({ request_timeout_ms: f.int(1), max_concurrent_requests_per_instance: f.int(1), max_queue_wait_ms: f.int(0) }),
      liveness_probe: probe,
      readiness_probe: probe,
      tags: map,
      properties: map,
      environment_variables: map,
      ...(kube ? { resources: obj({ requests: quantities, limits: quantities }) } : {}),
    },
    kube ? { required: ['type'] } : { required: ['instance_type', 'instance_count'] },
  );
}

function kubeResources(m: Manifest, block: 'requests' | 'limits'): KubeResources | undefined {
  if (!isMapping(valueAt(m, ptrOf('resources', block)))) return undefined;
  return prune<KubeResources>({
    cpu: quantityFact(m, ptrOf('resources', block, 'cpu')),
    memory: quantityFact(m, ptrOf('resources', block, 'memory')),
    // The SDK also accepts the pre-renamed `gpu`.
    gpu: num(m, ptrOf('resources', block, 'nvidia.com/gpu')) ?? num(m, ptrOf('resources', block, 'gpu')),
  });
}

function scaleSettings(m: Manifest): Record<string, unknown> {
  const s = valueAt(m, '/scale_settings');
  return isMapping(s) ? s : (Object.create(null) as Record<string, unknown>);
}

/**
 * What the CLI v2 loader (azure-ai-ml `OnlineDeployment._load`) picks, whatever `$schema` says:
 * exactly `type: kubernetes` is a Kubernetes online deployment; anything else is managed.
 */
const byType = ({ rawType }: DetectInput): string => (rawType === 'kubernetes' ? KUBERNETES : MANAGED);

/**
 * Under a Kubernetes `$schema` a file without `type` means Kubernetes, and is judged so; the schema
 * rule says that the CLI would load it as managed until `type: kubernetes` is added.
 */
const byTypeKubernetesSchema = (input: DetectInput): string => (input.rawType === undefined ? KUBERNETES : byType(input));

/** Keys only a job or a component has: a file with them is not a deployment. */
const JOB_KEYS = ['command', 'jobs', 'inputs', 'outputs', 'trial', 'search_space'];

export const onlineDeployment = define({
  id: 'online-deployment',
  kinds: [MANAGED, KUBERNETES],
  schemas: { managedonlinedeployment: byType, kubernetesonlinedeployment: byTypeKubernetesSchema, onlinedeployment: byType },
  prefilter: { keys: ['endpoint_name'], types: ['kubernetes'] },
  detect(input) {
    const { data, type } = input;
    if (JOB_KEYS.some((k) => k in data) || 'compute' in data) return undefined;
    const endpointName = 'endpoint_name' in data;
    if (type === 'kubernetes' && endpointName) return byType(input);
    if (type === 'pipeline' && 'component' in data) return undefined;
    // A batch deployment also has `endpoint_name`; it has a `compute`.
    if (endpointName && 'instance_type' in data) return MANAGED;
    // Deployment files often leave `endpoint_name` to the command line (`--endpoint-name`).
    if ('instance_type' in data && 'instance_count' in data && ('model' in data || 'environment' in data || 'code_configuration' in data)) return byType(input);
    return undefined;
  },
  ...V2_FAMILY,
  fields: (m) => ({ ...(m.kind === KUBERNETES ? KUBERNETES_DEPLOYMENT : ONLINE_DEPLOYMENT), $schema: true }),
  schema,
  normalise(m) {
    const kube = m.kind === KUBERNETES;
    const q = quotaFields(m);
    const d: DraftDeployment = {
      manifest: m,
      flavor: kube ? 'kubernetes-online' : 'managed-online',
      name: q.name,
      endpointName: textAt(m, '/endpoint_name'),
      target: q.target,
      mode: 'realtime',
      targetReason: kube ? `${kindReason(m)}: Azure ML Kubernetes online deployment` : kindReason(m),
      targetKey: anchor(m, v2TargetKey(m)),
      instanceType: q.instanceType,
      instanceCount: q.instanceCount,
      requestTimeoutMs: num(m, '/request_settings/request_timeout_ms'),
      environmentImage: environmentImage(m),
      modelRef: modelRef(m),
      tags: tagsOf(m),
    };
    if (kube) {
      d.inheritsEndpointCompute = true;
      d.requests = kubeResources(m, 'requests');
      d.limits = kubeResources(m, 'limits');
      d.gpu = d.limits?.gpu ?? d.requests?.gpu;
      d.replicas = d.instanceCount;
      d.scaling = { maxKey: 'scale_settings.max_instances', defaultMax: KUBERNETES_DEFAULT_MAX_INSTANCES, implicit: false };
      const scaleType = textAt(m, '/scale_settings/type')?.toLowerCase();
      const s = scaleSettings(m);
      // Kubernetes scales by target utilisation when the type says so or min/max are set.
      if (scaleType === 'target_utilization' || (scaleType === undefined && ('min_instances' in s || 'max_instances' in s))) {
        d.autoscaleEnabled = { value: true, ptr: scaleType ? '/scale_settings/type' : '/scale_settings', manifest: m };
        d.minReplicas = num(m, '/scale_settings/min_instances');
        d.maxReplicas = num(m, '/scale_settings/max_instances');
      }
    }
    return { deployments: [prune(d)] };
  },
  quota: quotaFields,
});

/** The deployment's fields the quota reads (`normalise` takes them from here too). */
function quotaFields(m: Manifest): QuotaFields & Pick<DraftDeployment, 'target'> {
  return {
    manifest: m,
    target: m.kind === KUBERNETES ? 'aks' : 'managed-online',
    name: textAt(m, '/name'),
    instanceType: str(m, '/instance_type'),
    instanceCount: num(m, '/instance_count'),
  };
}
