// CLI v2 Azure ML Kubernetes compute (`kubernetesCompute`, `type: kubernetes`: an attached AKS or
// Arc cluster that runs v2 online and batch deployments), AZURE-ML-FACTS §2c.6.
import type { Fields } from '../core/types.js';
import { define } from './family.js';
import { COMPUTE_BASE, IDENTITY } from './kit/fields.js';
import { identitySchema, map, obj, text, V2, type Schema } from './kit/schema.js';
import { ADMIN_PASSWORD_SECRETS, V2_FAMILY } from './kit/v2.js';
import { prune, text as textAt } from './kit/values.js';

const KIND = 'kubernetesCompute';
const FIELDS: Fields = { ...COMPUTE_BASE, namespace: true, identity: IDENTITY, properties: 'map' };

function schema(): Schema {
  return obj({ name: text, type: V2.oneOf(['kubernetes']), namespace: text, resource_id: text, identity: identitySchema(), properties: map });
}

export const kubernetesCompute = define({
  id: 'kubernetes-compute',
  kinds: [KIND],
  schemas: { kubernetescompute: KIND },
  prefilter: { types: ['kubernetes'] },
  // After the online deployment family: `type: kubernetes` with `endpoint_name` is a deployment.
  detect: ({ type }) => (type === 'kubernetes' ? KIND : undefined),
  ...V2_FAMILY,
  fields: () => FIELDS,
  schema,
  secrets: ADMIN_PASSWORD_SECRETS,
  normalise: (m) => ({ computes: [prune({ name: textAt(m, '/name') ?? '', type: 'kubernetes' as const, manifest: m, source: 'repo' as const })] }),
});
