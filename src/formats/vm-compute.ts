// CLI v2 attached virtual machine (`vmCompute`, `type: virtualmachine`): never a deployment target.
import type { Fields } from '../core/types.js';
import { define } from './family.js';
import { COMPUTE_BASE, SSH } from './kit/fields.js';
import { map, obj, text, V2, type Schema } from './kit/schema.js';
import { ADMIN_PASSWORD_SECRETS, V2_FAMILY } from './kit/v2.js';
import { prune, text as textAt } from './kit/values.js';

const KIND = 'vmCompute';
const FIELDS: Fields = { ...COMPUTE_BASE, ssh_settings: SSH };

function schema(): Schema {
  return obj({ name: text, type: V2.oneOf(['virtualmachine']), resource_id: text, tags: map });
}

export const vmCompute = define({
  id: 'vm-compute',
  kinds: [KIND],
  schemas: { vmcompute: KIND },
  prefilter: { types: ['virtualmachine'] },
  // azure-ai-ml `Compute._load`: `type` decides, in any case.
  detect: ({ type }) => (type === 'virtualmachine' ? KIND : undefined),
  ...V2_FAMILY,
  fields: () => FIELDS,
  schema,
  secrets: ADMIN_PASSWORD_SECRETS,
  normalise: (m) => ({
    computes: [prune({ name: textAt(m, '/name') ?? '', type: 'virtualmachine' as const, nodes: 1, manifest: m, source: 'repo' as const })],
  }),
});
