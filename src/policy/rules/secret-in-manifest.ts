import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Rule } from '../types.js';
import type { Manifest, ManifestKind } from '../../types.js';
import { keyPath, valueAt } from './support.js';

const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
/** Key files worth opening are small; anything larger is not a PEM key. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;

const COMPUTE_KINDS: ReadonlySet<ManifestKind> = new Set<ManifestKind>([
  'amlCompute',
  'kubernetesCompute',
  'computeInstance',
  'vmCompute',
  'amlComputeAction',
]);

/** Values that stand for a secret supplied elsewhere (`${{ secrets.X }}`, `$(X)`, `{{ x }}`, `<key>`), or nothing. */
function isPlaceholder(v: string): boolean {
  const s = v.trim();
  return s === '' || /^(\$\{\{.*\}\}|\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|<[^>]*>|\$[A-Za-z_][A-Za-z0-9_]*)$/.test(s);
}

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

interface Hit {
  ptr: string;
  what: string;
  fix: string;
}

function findSecrets(m: Manifest): Hit[] {
  const hits: Hit[] = [];
  const str = (ptr: string): string | undefined => {
    const v = valueAt(m, ptr);
    return typeof v === 'string' && !isPlaceholder(v) ? v : undefined;
  };
  if (m.kind === 'v1DeploymentConfig') {
    for (const k of ['primaryKey', 'secondaryKey']) {
      const ptr = `/keys/${k}`;
      if (str(ptr) !== undefined) {
        hits.push({
          ptr,
          what: `a service authentication key (\`keys.${k}\`)`,
          fix: 'omit `keys` so Azure generates the keys, or pass them at deploy time from a secret store (`az ml service regen-key`, GitHub secrets)',
        });
      }
    }
  }
  for (const ptr of ['/sslKey', '/ssl_key_pem_file']) {
    const v = str(ptr);
    if (v === undefined) continue;
    if (PEM_PRIVATE_KEY.test(v)) {
      hits.push({ ptr, what: `a TLS private key inline (\`${keyPath(ptr)}\`)`, fix: 'remove the key from the file, rotate it, and supply it at deploy time from a secret store' });
    } else if (v.length < 4096 && namesPrivateKeyFile(m, v)) {
      hits.push({
        ptr,
        what: `a path to a TLS private key file committed in the repository (\`${keyPath(ptr)}\`)`,
        fix: 'delete the key file from the repository (and its history), rotate the key, and write it from a secret at deploy time',
      });
    }
  }
  if (COMPUTE_KINDS.has(m.kind)) {
    for (const ptr of ['/admin_password', '/ssh_settings/admin_password']) {
      if (str(ptr) !== undefined) {
        hits.push({
          ptr,
          what: `a compute administrator password (\`${keyPath(ptr)}\`)`,
          fix: 'remove it, rotate the password, and use `ssh_settings.ssh_key_value` with a public key or pass the password with `--set` from a secret',
        });
      }
    }
  }
  return hits;
}

export const rule: Rule = {
  id: 'secret-in-manifest',
  defaultSeverity: 'error',
  description: 'A key or password is committed in a manifest (service keys, TLS private keys, compute admin passwords).',
  remediation: 'Remove the secret from the repository, rotate it, and supply it at deploy time from a secret store.',
  check(ctx) {
    for (const m of ctx.inventory.manifests) {
      for (const h of findSecrets(m)) {
        // Never echo the value: the finding names the key only.
        ctx.report(
          { manifest: m, ptr: h.ptr },
          `${m.file.path} commits ${h.what}; anyone who can read the repository can use it. Fix: ${h.fix}.`,
        );
      }
    }
  },
};
