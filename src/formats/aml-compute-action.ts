// Azure/aml-compute action parameters file (`.cloud/.azure/compute.json`, AZURE-ML-FACTS §2b):
// an Azure ML compute cluster (`amlcluster`) or a legacy AKS cluster (`akscluster`).
import type { ComputeInfo, FieldNode, Fields, Manifest } from '../core/types.js';
import {
  AKS_DEFAULT_NODES,
  AKS_DEFAULT_SIZE,
  AML_ACTION_CLUSTER_DEFAULT_MAX_NODES,
  AML_COMPUTE_DEFAULT_SIZE,
} from '../catalog/azure-defaults.js';
import { define } from './family.js';
import { obj, text, vocabulary, type Schema } from './kit/schema.js';
import { firstKeyPtr, num, prune, text as textAt, valueAt } from './kit/values.js';

const FIELDS: Fields = Object.fromEntries(
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

const KEYS = ['compute_type', 'vm_priority', 'cluster_purpose', 'agent_count', 'min_nodes'];

function schema(): Schema {
  const f = vocabulary(false, 'exact');
  return obj(
    {
      name: text,
      compute_type: f.oneOf(['amlcluster', 'akscluster']),
      vm_size: text,
      vm_priority: f.oneOf(['dedicated', 'lowpriority']),
      min_nodes: f.int(0),
      max_nodes: f.int(1),
      idle_seconds_before_scaledown: f.int(0),
      agent_count: f.int(1, { hint: 'An AKS cluster needs at least one node.' }),
      cluster_purpose: text,
      load_balancer_type: f.oneOf(['PublicIp', 'InternalLoadBalancer']),
      remote_login_port_public_access: f.oneOf(['Enabled', 'Disabled', 'NotSpecified']),
      identity_type: f.oneOf(['SystemAssigned', 'UserAssigned']),
    },
    { mdgMinMax: [['min_nodes', 'max_nodes']] },
  );
}

/** `compute_type`, or the kind its keys imply when it is missing or unknown. */
function computeType(m: Manifest): 'amlcompute' | 'aks' {
  const t = typeof m.data.compute_type === 'string' ? m.data.compute_type.trim().toLowerCase() : '';
  if (t === 'amlcluster') return 'amlcompute';
  if (t === 'akscluster') return 'aks';
  if ('vm_priority' in m.data || 'min_nodes' in m.data || 'max_nodes' in m.data) return 'amlcompute';
  if ('agent_count' in m.data || 'cluster_purpose' in m.data) return 'aks';
  return 'amlcompute';
}

export const amlComputeAction = define({
  id: 'aml-compute-action',
  kinds: ['amlComputeAction'],
  v1: true,
  prefilter: { keys: KEYS },
  detect: ({ data }) => (KEYS.some((k) => k in data) ? 'amlComputeAction' : undefined),
  label: () => 'aml-compute parameters file',
  unknownKeyEffect: 'ignored by the action (the setting has no effect)',
  fields: () => ({ ...FIELDS, $schema: true }),
  schema,
  targetKey: firstKeyPtr,
  secrets: [
    {
      ptr: '/admin_password',
      what: 'a compute administrator password (`admin_password`)',
      fix: 'remove it, rotate the password, and use `ssh_settings.ssh_key_value` with a public key or pass the password with `--set` from a secret',
    },
    { ptr: '/ssl_key_pem_file', what: 'ssl_key_pem_file', fix: '', pem: true },
  ],
  deprecation: {
    what: 'an Azure/aml-compute action parameters file (SDK v1)',
    replacement(m) {
      const raw = valueAt(m, '/compute_type');
      const t = typeof raw === 'string' ? raw.toLowerCase() : '';
      if (t === 'akscluster') {
        return 'replace the action with `az ml compute attach --type Kubernetes` (a v2 kubernetesCompute YAML)';
      }
      return 'replace the action with a v2 amlCompute YAML (`az ml compute create -f`: `size`, `tier`, `min_instances`, `max_instances`)';
    },
  },
  /** With the action's defaults (AZURE-ML-FACTS §2b). */
  normalise(m) {
    const type = computeType(m);
    const name = textAt(m, '/name') ?? '';
    let info: ComputeInfo;
    if (type === 'amlcompute') {
      const rawPr = valueAt(m, '/vm_priority');
      const pr = typeof rawPr === 'string' ? rawPr.trim().toLowerCase() : rawPr === undefined || rawPr === null ? undefined : '';
      const maxNodes = num(m, '/max_nodes')?.value ?? AML_ACTION_CLUSTER_DEFAULT_MAX_NODES;
      info = {
        name,
        type,
        vmSize: textAt(m, '/vm_size') ?? AML_COMPUTE_DEFAULT_SIZE,
        minNodes: num(m, '/min_nodes')?.value ?? 0,
        maxNodes,
        nodes: maxNodes,
        // Absent ⇒ the action's default; a placeholder or a bad value ⇒ unknown (the schema rule reports it).
        tier: pr === undefined ? 'dedicated' : pr === 'lowpriority' ? 'lowpriority' : pr === 'dedicated' ? 'dedicated' : undefined,
        manifest: m,
        source: 'repo',
      };
    } else {
      const purpose = textAt(m, '/cluster_purpose');
      info = {
        name,
        type,
        vmSize: textAt(m, '/vm_size') ?? AKS_DEFAULT_SIZE,
        nodes: num(m, '/agent_count')?.value ?? AKS_DEFAULT_NODES,
        // The action sets DEV_TEST when the string mentions dev or test, FAST_PROD otherwise.
        purpose: purpose !== undefined && /dev|test/i.test(purpose) ? 'DevTest' : 'FastProd',
        manifest: m,
        source: 'repo',
      };
    }
    return { computes: [prune(info)] };
  },
});
