// CLI v2 online endpoints: managed (`managedOnlineEndpoint`) and Kubernetes (`kubernetesOnlineEndpoint`,
// whose `compute` hosts its deployments), AZURE-ML-FACTS §2c.1–§2c.2.
import type { Endpoint, Fields, Manifest } from '../core/types.js';
import { define, type DetectInput } from './family.js';
import { ENDPOINT_BASE, IDENTITY, leaves } from './kit/fields.js';
import { refAt } from './kit/refs.js';
import { identitySchema, map, obj, text, V2, type Schema } from './kit/schema.js';
import { V2_FAMILY } from './kit/v2.js';
import { anchor, prune, str, text as textAt } from './kit/values.js';

const MANAGED = 'managedOnlineEndpoint';
const KUBERNETES = 'kubernetesOnlineEndpoint';

const ONLINE_ENDPOINT: Fields = {
  ...ENDPOINT_BASE,
  ...leaves('public_network_access'),
  identity: IDENTITY,
  traffic: 'map',
  mirror_traffic: 'map',
};
const KUBERNETES_ENDPOINT: Fields = { ...ONLINE_ENDPOINT, compute: true };

function schema(kind: string): Schema {
  const f = V2;
  return obj({
    name: text,
    description: text,
    auth_mode: f.oneOf(['key', 'aml_token', 'aad_token']),
    tags: map,
    properties: map,
    public_network_access: f.oneOf(['enabled', 'disabled']),
    identity: identitySchema(),
    traffic: map,
    mirror_traffic: map,
    ...(kind === KUBERNETES ? { compute: text } : {}),
  });
}

/**
 * What the CLI v2 loader (azure-ai-ml `OnlineEndpoint._load`) picks, whatever `$schema` says: an
 * endpoint with a (non-empty) `compute` is a Kubernetes online endpoint, any other one managed.
 */
const byCompute = ({ data }: DetectInput): string => (data.compute !== undefined && data.compute !== null && data.compute !== '' ? KUBERNETES : MANAGED);

const AUTH_MODES = ['key', 'aml_token', 'aad_token'];

function endpoint(m: Manifest, kind: Endpoint['kind']): Endpoint {
  return prune({ manifest: m, name: textAt(m, '/name'), kind, computeRef: refAt(m, '/compute') });
}

export const onlineEndpoint = define({
  id: 'online-endpoint',
  kinds: [MANAGED, KUBERNETES],
  schemas: { managedonlineendpoint: byCompute, kubernetesonlineendpoint: byCompute, onlineendpoint: byCompute },
  prefilter: { keys: ['auth_mode'] },
  /**
   * Without `$schema`: an endpoint is a file with `auth_mode` and no deployment or job keys. With a
   * `compute` it is a Kubernetes online endpoint; `key` / `aml_token` auth is online only. An
   * `aad_token` endpoint without compute may be a batch endpoint: only the deploying command tells.
   */
  detect(input) {
    const { data } = input;
    const auth = typeof data.auth_mode === 'string' ? data.auth_mode.trim().toLowerCase() : undefined;
    if (auth === undefined || !AUTH_MODES.includes(auth)) return undefined;
    if (['endpoint_name', 'command', 'jobs', 'inputs', 'model', 'instance_type', 'component'].some((k) => k in data)) return undefined;
    const kind = byCompute(input);
    return kind === KUBERNETES || auth !== 'aad_token' ? kind : undefined;
  },
  ...V2_FAMILY,
  fields: (m) => ({ ...(m.kind === KUBERNETES ? KUBERNETES_ENDPOINT : ONLINE_ENDPOINT), $schema: true }),
  schema,
  normalise: (m) => ({ endpoints: [endpoint(m, m.kind === KUBERNETES ? 'kubernetes' : 'managed')] }),
});
