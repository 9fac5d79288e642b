import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Manifest, SecretSpec } from '../../core/types.js';
import { isPlaceholder } from '../../formats/kit/placeholder.js';
import { valueAt } from '../../formats/kit/values.js';
import type { ManifestRule } from '../rule.js';
import { keyPath } from '../kit/describe.js';
import { POLICY, help } from '../kit/help.js';

const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
/** Key files worth opening are small; anything larger is not a PEM key. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;

/** True when `ref` names a file inside the repository (relative to the manifest's folder) holding a PEM private key. */
function namesPrivateKeyFile(m: Manifest, ref: string): boolean {
  const file = m.file;
  // The repository root is the absolute path minus the repo-relative path.
  const root = path.resolve(file.abs.slice(0, file.abs.length - file.path.length) || '.');
  const target = path.resolve(path.dirname(file.abs), ref);
  if (!inside(root, target)) return false;
  try {
    const real = fs.realpathSync(target);
    if (!inside(fs.realpathSync(root), real)) return false; // links are not followed out of the repository
    const st = fs.statSync(real);
    if (!st.isFile() || st.size > MAX_KEY_FILE_BYTES) return false;
    return PEM_PRIVATE_KEY.test(fs.readFileSync(real, 'utf8'));
  } catch {
    return false;
  }
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** What a secret key holds, or undefined when it holds nothing, a placeholder, or (PEM keys) no key. */
function hit(m: Manifest, s: SecretSpec): { what: string; fix: string } | undefined {
  const v = valueAt(m, s.ptr);
  if (typeof v !== 'string' || v.trim() === '' || isPlaceholder(v.trim())) return undefined;
  if (!s.pem) return { what: s.what, fix: s.fix };
  if (PEM_PRIVATE_KEY.test(v)) {
    return { what: `a TLS private key inline (\`${keyPath(s.ptr)}\`)`, fix: 'remove the key from the file, rotate it, and supply it at deploy time from a secret store' };
  }
  if (v.length < 4096 && namesPrivateKeyFile(m, v)) {
    return {
      what: `a path to a TLS private key file committed in the repository (\`${keyPath(s.ptr)}\`)`,
      fix: 'delete the key file from the repository (and its history), rotate the key, and write it from a secret at deploy time',
    };
  }
  return undefined;
}

export const rule: ManifestRule = {
  id: 'secret-in-manifest',
  scope: 'manifest',
  defaultSeverity: 'error',
  description: 'A key or password is committed in a manifest (service keys, TLS private keys, compute admin passwords).',
  remediation: 'Remove the secret from the repository, rotate it, and supply it at deploy time from a secret store.',
  help: help(
    'Anyone who can read the repository (and its history) can call the service or log into the compute. Keys belong in a secret store ' +
      'and are passed at deploy time. The finding names the key, never the value.',
    POLICY,
    'the secret fields of the formats: v1 `keys.primaryKey` / `keys.secondaryKey` / `sslKey` (azureml-core `deploy_config_dict_to_obj`), ' +
      'aml-* `ssl_key_pem_file`, compute `admin_password` (azure-ai-ml compute schemas)',
  ),
  check(m, ctx) {
    for (const s of m.family.secrets) {
      const h = hit(m, s);
      // Never echo the value: the finding names the key only.
      if (h) ctx.report({ manifest: m, ptr: s.ptr }, `This file commits ${h.what}: ${h.fix}.`);
    }
  },
};
