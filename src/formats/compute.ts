// CLI v2 computes (AZURE-ML-FACTS §2c.6): one loader, azure-ai-ml `Compute._load`, which picks the kind
// from `type` (any case) — an Azure ML compute cluster, an Azure ML Kubernetes compute (an attached AKS
// or Arc cluster that runs v2 online and batch deployments), a compute instance or an attached VM (never
// deployment targets) — with Azure's defaults.
import type { ComputeInfo, ComputeType, Fields, Manifest } from '../core/types.js';
import { AML_COMPUTE_DEFAULT_MAX_INSTANCES, AML_COMPUTE_DEFAULT_SIZE } from '../catalog/azure-defaults.js';
import { define } from './family.js';
import { COMPUTE_BASE, IDENTITY, NETWORK, SSH, leaves } from './kit/fields.js';
import { identitySchema, map, obj, text, V2, vocabulary, type Schema } from './kit/schema.js';
import { ADMIN_PASSWORD_SECRETS, V2_FAMILY } from './kit/v2.js';
import { num, prune, text as textAt, valueAt } from './kit/values.js';

interface Kind {
  kind: string;
  type: ComputeType;
  /** The `type` value azure-ai-ml dispatches on. */
  typeValue: string;
  fields: Fields;
  /** Schema members beyond `name`, `type` and `tags`. */
  schema: () => Record<string, Schema>;
}

const KINDS: readonly Kind[] = [
  {
    kind: 'amlCompute',
    type: 'amlcompute',
    typeValue: 'amlcompute',
    fields: {
      ...COMPUTE_BASE,
      ...leaves('size', 'tier', 'min_instances', 'max_instances', 'idle_time_before_scale_down', 'ssh_public_access_enabled', 'enable_node_public_ip', 'enable_os_patching'),
      ssh_settings: SSH,
      network_settings: NETWORK,
      identity: IDENTITY,
    },
    schema: () => ({
      size: text,
      tier: V2.oneOf(['dedicated', 'low_priority']),
      min_instances: V2.int(0),
      max_instances: V2.int(1, { hint: 'A cluster that can never start a node runs nothing.' }),
      idle_time_before_scale_down: V2.int(0),
      ssh_public_access_enabled: V2.flag,
      enable_node_public_ip: V2.flag,
      identity: identitySchema(),
    }),
  },
  {
    kind: 'kubernetesCompute',
    type: 'kubernetes',
    typeValue: 'kubernetes',
    fields: { ...COMPUTE_BASE, namespace: true, identity: IDENTITY, properties: 'map' },
    schema: () => ({ namespace: text, resource_id: text, identity: identitySchema(), properties: map }),
  },
  {
    kind: 'computeInstance',
    type: 'computeinstance',
    typeValue: 'computeinstance',
    fields: {
      ...COMPUTE_BASE,
      ...leaves(
        'size', 'ssh_public_access_enabled', 'schedules', 'idle_time_before_shutdown', 'idle_time_before_shutdown_minutes',
        'setup_scripts', 'enable_node_public_ip', 'custom_applications', 'os_image_metadata', 'enable_sso',
        'enable_root_access', 'release_quota_on_stop', 'enable_os_patching',
      ),
      create_on_behalf_of: leaves('user_object_id', 'user_tenant_id'),
      network_settings: NETWORK,
      ssh_settings: SSH,
      identity: IDENTITY,
    },
    schema: () => ({ size: text, identity: identitySchema() }),
  },
  {
    kind: 'vmCompute',
    type: 'virtualmachine',
    typeValue: 'virtualmachine',
    fields: { ...COMPUTE_BASE, ssh_settings: SSH },
    schema: () => ({ resource_id: text }),
  },
];

function kindOf(kind: string): Kind {
  return KINDS.find((k) => k.kind === kind) ?? KINDS[0];
}

/** The kind a `type` value names (as `Compute._load` lower-cases it), if any. */
function byType(type: string | undefined): string | undefined {
  return KINDS.find((k) => k.typeValue === type)?.kind;
}

/** A cluster's tier: absent ⇒ dedicated (Azure's default); a placeholder or a bad value ⇒ unknown (schema reports it). */
function tierOf(m: Manifest): ComputeInfo['tier'] {
  const raw = valueAt(m, '/tier');
  if (raw === undefined || raw === null) return 'dedicated';
  const t = typeof raw === 'string' ? raw.trim().toLowerCase().replace(/[_-]/g, '') : undefined;
  return t === 'lowpriority' ? 'lowpriority' : t === 'dedicated' ? 'dedicated' : undefined;
}

export const compute = define({
  id: 'compute',
  kinds: ['amlCompute', 'kubernetesCompute', 'computeInstance', 'vmCompute'],
  schemas: { amlcompute: 'amlCompute', kubernetescompute: 'kubernetesCompute', computeinstance: 'computeInstance', vmcompute: 'vmCompute' },
  prefilter: { types: KINDS.map((k) => k.typeValue) },
  // After the online deployment family: `type: kubernetes` with `endpoint_name` is a deployment.
  detect: ({ type }) => byType(type),
  ...V2_FAMILY,
  fields: (m) => kindOf(m.kind).fields,
  schema: (kind) => {
    const k = kindOf(kind);
    return obj(
      // `Compute._load` dispatches on `type.lower()` and the schemas' StringTransformedEnum lower-cases: any case.
      { name: text, type: vocabulary(true, 'ci').oneOf([k.typeValue]), tags: map, ...k.schema() },
      k.kind === 'amlCompute' ? { mdgMinMax: [['min_instances', 'max_instances']] } : {},
    );
  },
  secrets: ADMIN_PASSWORD_SECRETS,
  normalise(m) {
    const k = kindOf(m.kind);
    const base = { name: textAt(m, '/name') ?? '', type: k.type, manifest: m, source: 'repo' as const };
    let info: ComputeInfo;
    if (k.type === 'amlcompute') {
      const maxNodes = num(m, '/max_instances')?.value ?? AML_COMPUTE_DEFAULT_MAX_INSTANCES;
      info = {
        ...base,
        vmSize: textAt(m, '/size') ?? AML_COMPUTE_DEFAULT_SIZE,
        minNodes: num(m, '/min_instances')?.value ?? 0,
        maxNodes,
        nodes: maxNodes,
        tier: tierOf(m),
      };
    } else if (k.type === 'computeinstance') {
      info = { ...base, vmSize: textAt(m, '/size'), nodes: 1 };
    } else if (k.type === 'virtualmachine') {
      info = { ...base, nodes: 1 };
    } else {
      info = base;
    }
    return { computes: [prune(info)] };
  },
});
