// CLI v2 compute instance (`computeInstance`): a single development VM, never a deployment target.
import type { Fields } from '../core/types.js';
import { define } from './family.js';
import { COMPUTE_BASE, IDENTITY, NETWORK, SSH, leaves } from './kit/fields.js';
import { identitySchema, map, obj, text, V2, type Schema } from './kit/schema.js';
import { ADMIN_PASSWORD_SECRETS, V2_FAMILY } from './kit/v2.js';
import { prune, text as textAt } from './kit/values.js';

const KIND = 'computeInstance';
const FIELDS: Fields = {
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
};

function schema(): Schema {
  return obj({ name: text, type: V2.oneOf(['computeinstance']), size: text, identity: identitySchema(), tags: map });
}

export const computeInstance = define({
  id: 'compute-instance',
  kinds: [KIND],
  schemas: { computeinstance: KIND },
  prefilter: { types: ['computeinstance'] },
  // azure-ai-ml `Compute._load`: `type` decides, in any case.
  detect: ({ type }) => (type === 'computeinstance' ? KIND : undefined),
  ...V2_FAMILY,
  fields: () => FIELDS,
  schema,
  secrets: ADMIN_PASSWORD_SECRETS,
  normalise: (m) => ({
    computes: [prune({ name: textAt(m, '/name') ?? '', type: 'computeinstance' as const, vmSize: textAt(m, '/size'), nodes: 1, manifest: m, source: 'repo' as const })],
  }),
});
