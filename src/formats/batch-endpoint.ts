// CLI v2 batch endpoint (`batchEndpoint`, AZURE-ML-FACTS §2c.5).
import type { Fields } from '../core/types.js';
import { define } from './family.js';
import { ENDPOINT_BASE, leaves } from './kit/fields.js';
import { map, obj, text, V2, type Schema } from './kit/schema.js';
import { V2_FAMILY } from './kit/v2.js';
import { prune, text as textAt } from './kit/values.js';

const KIND = 'batchEndpoint';
const FIELDS: Fields = { ...ENDPOINT_BASE, defaults: leaves('deployment_name', 'model_deployment_name') };

function schema(): Schema {
  return obj({
    name: text,
    description: text,
    auth_mode: V2.oneOf(['aad_token']),
    tags: map,
    properties: map,
    defaults: obj({ deployment_name: text }),
  });
}

export const batchEndpoint = define({
  id: 'batch-endpoint',
  kinds: [KIND],
  schemas: { batchendpoint: KIND },
  prefilter: {},
  ...V2_FAMILY,
  fields: () => ({ ...FIELDS, $schema: true }),
  schema,
  normalise: (m) => ({ endpoints: [prune({ manifest: m, name: textAt(m, '/name'), kind: 'batch' as const })] }),
});
