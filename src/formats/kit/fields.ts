// Building blocks of the known-key trees (AZURE-ML-FACTS.md §2, azure-ai-ml `_schema`) that
// several families share. Each family's own tree lives in its file.
import type { FieldNode, Fields } from '../../core/types.js';

/** Leaf keys. */
export function leaves(...keys: string[]): Fields {
  return Object.fromEntries(keys.map((k) => [k, true as FieldNode]));
}

/** A tree from dotted paths (`containerResourceRequirements.cpu`). */
export function treeOf(paths: readonly string[]): Fields {
  const root: Fields = {};
  for (const p of paths) {
    const segs = p.split('.');
    let cur = root;
    segs.forEach((s, i) => {
      if (i === segs.length - 1) {
        if (!(s in cur)) cur[s] = true;
      } else {
        const next = cur[s];
        if (typeof next === 'object') cur = next;
        else cur = cur[s] = {};
      }
    });
  }
  return root;
}

/** The member of a known-key tree for a key, if the key is known (own keys only: `constructor` is data). */
export function fieldOf(fields: Fields, key: string): FieldNode | undefined {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

// ---------------------------------------------------------------- CLI v2 YAML (§2c, §2d)

export const ROUTE = leaves('port', 'path');
export const ENVIRONMENT: Fields = {
  ...leaves('name', 'version', 'image', 'conda_file', 'description', 'os_type', 'datastore', 'id', 'stage', 'intellectual_property'),
  build: leaves('path', 'dockerfile_path', 'context'),
  inference_config: { liveness_route: ROUTE, readiness_route: ROUTE, scoring_route: ROUTE },
  tags: 'map',
  properties: 'map',
};
export const MODEL_ASSET: Fields = {
  ...leaves(
    'name', 'version', 'path', 'local_path', 'type', 'description', 'stage', 'job_name', 'utc_time_created',
    'id', 'latest_version', 'creation_context', 'datastore', 'intellectual_property', 'system_metadata',
  ),
  tags: 'map',
  properties: 'map',
  flavors: 'map',
};
export const CODE_CONFIGURATION: Fields = { code: leaves('local_path', 'path'), scoring_script: true };
export const PROBE = leaves('initial_delay', 'period', 'timeout', 'success_threshold', 'failure_threshold', 'method', 'scheme', 'path', 'port');
export const IDENTITY = leaves('type', 'principal_id', 'tenant_id', 'user_assigned_identities');
export const QUANTITIES = leaves('cpu', 'memory', 'nvidia.com/gpu', 'gpu');

export const DEPLOYMENT_BASE: Fields = {
  $schema: true,
  ...leaves('name', 'endpoint_name', 'description', 'code_path', 'scoring_script', 'provisioning_state', 'id'),
  tags: 'map',
  properties: 'map',
  model: MODEL_ASSET,
  code_configuration: CODE_CONFIGURATION,
  environment: ENVIRONMENT,
  environment_variables: 'map',
};

export const ENDPOINT_BASE: Fields = {
  $schema: true,
  ...leaves('name', 'description', 'auth_mode', 'scoring_uri', 'openapi_uri', 'provisioning_state', 'id', 'location', 'kind'),
  tags: 'map',
  properties: 'map',
};
export const SSH = leaves('admin_username', 'admin_password', 'ssh_key_value', 'ssh_private_key_file', 'ssh_port');
export const COMPUTE_BASE: Fields = {
  $schema: true,
  ...leaves('name', 'type', 'description', 'location', 'resource_id', 'id', 'provisioning_state', 'provisioning_errors', 'created_on'),
  tags: 'map',
};
export const NETWORK = leaves('vnet_name', 'subnet', 'private_ip_address', 'public_ip_address');
