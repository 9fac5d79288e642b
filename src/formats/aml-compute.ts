// CLI v2 Azure ML compute cluster (`amlCompute`, `type: amlcompute`), with Azure's defaults
// (AZURE-ML-FACTS §2c.6).
import type { Fields } from '../core/types.js';
import { AML_COMPUTE_DEFAULT_MAX_INSTANCES, AML_COMPUTE_DEFAULT_SIZE } from '../catalog/azure-defaults.js';
import { define } from './family.js';
import { COMPUTE_BASE, IDENTITY, NETWORK, SSH, leaves } from './kit/fields.js';
import { identitySchema, map, obj, text, V2, type Schema } from './kit/schema.js';
import { ADMIN_PASSWORD_SECRETS, V2_FAMILY } from './kit/v2.js';
import { num, prune, text as textAt, valueAt } from './kit/values.js';

const KIND = 'amlCompute';

const FIELDS: Fields = {
  ...COMPUTE_BASE,
  ...leaves('size', 'tier', 'min_instances', 'max_instances', 'idle_time_before_scale_down', 'ssh_public_access_enabled', 'enable_node_public_ip', 'enable_os_patching'),
  ssh_settings: SSH,
  network_settings: NETWORK,
  identity: IDENTITY,
};

function schema(): Schema {
  const f = V2;
  return obj(
    {
      name: text,
      type: f.oneOf(['amlcompute']),
      size: text,
      tier: f.oneOf(['dedicated', 'low_priority']),
      min_instances: f.int(0),
      max_instances: f.int(1, { hint: 'A cluster that can never start a node runs nothing.' }),
      idle_time_before_scale_down: f.int(0),
      ssh_public_access_enabled: f.flag,
      enable_node_public_ip: f.flag,
      identity: identitySchema(),
      tags: map,
    },
    { mdgMinMax: [['min_instances', 'max_instances']] },
  );
}

export const amlCompute = define({
  id: 'aml-compute',
  kinds: [KIND],
  schemas: { amlcompute: KIND },
  prefilter: { types: ['amlcompute'] },
  detect: ({ type }) => (type === 'amlcompute' ? KIND : undefined),
  ...V2_FAMILY,
  fields: () => FIELDS,
  schema,
  secrets: ADMIN_PASSWORD_SECRETS,
  normalise(m) {
    const rawTier = valueAt(m, '/tier');
    const tier = typeof rawTier === 'string' ? rawTier.trim().toLowerCase().replace(/[_-]/g, '') : undefined;
    const maxNodes = num(m, '/max_instances')?.value ?? AML_COMPUTE_DEFAULT_MAX_INSTANCES;
    const info = prune({
      name: textAt(m, '/name') ?? '',
      type: 'amlcompute' as const,
      vmSize: textAt(m, '/size') ?? AML_COMPUTE_DEFAULT_SIZE,
      minNodes: num(m, '/min_instances')?.value ?? 0,
      maxNodes,
      nodes: maxNodes,
      tier:
        rawTier === undefined || rawTier === null
          ? ('dedicated' as const)
          : tier === 'lowpriority'
            ? ('lowpriority' as const)
            : tier === 'dedicated'
              ? ('dedicated' as const)
              : undefined,
      manifest: m,
      source: 'repo' as const,
    });
    return { computes: [info] };
  },
});
