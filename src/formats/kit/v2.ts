// What the CLI v2 YAML families share: where their table-level findings point, how they read an
// environment image, how they treat unknown keys.
import type { Fact, Manifest } from '../../core/types.js';
import { isMapping } from '../../core/pointer.js';
import { firstKeyPtr, str, valueAt } from './values.js';

/** Where table-level findings on a v2 file point: `$schema`, else `type`, else the first key. */
export function v2TargetKey(m: Manifest): string {
  if ('$schema' in m.data) return '/$schema';
  if ('type' in m.data) return '/type';
  return firstKeyPtr(m);
}

/** How the kind was recognised, for messages. */
export function kindReason(m: Manifest): string {
  return typeof m.data.$schema === 'string' ? m.kind : `${m.kind} (recognised by its keys)`;
}

/** Environment image: a string reference (`azureml:env:1`, registry id) or an inline `image`. */
export function environmentImage(m: Manifest): Fact<string> | undefined {
  const env = valueAt(m, '/environment');
  if (typeof env === 'string') return str(m, '/environment');
  if (isMapping(env)) return str(m, '/environment/image');
  return undefined;
}

/** What the v2 families share in their family object. */
export const V2_FAMILY = {
  unknownKeyEffect: 'rejected by the Azure ML CLI v2 (the command fails)',
  label: (m: Manifest): string => m.kind,
  targetKey: v2TargetKey,
} as const;

/** Compute administrator passwords (v2 compute YAML). */
export const ADMIN_PASSWORD_SECRETS = [
  {
    ptr: '/admin_password',
    what: 'a compute administrator password (`admin_password`)',
    fix: 'remove it, rotate the password, and use `ssh_settings.ssh_key_value` with a public key or pass the password with `--set` from a secret',
  },
  {
    ptr: '/ssh_settings/admin_password',
    what: 'a compute administrator password (`ssh_settings.admin_password`)',
    fix: 'remove it, rotate the password, and use `ssh_settings.ssh_key_value` with a public key or pass the password with `--set` from a secret',
  },
] as const;
