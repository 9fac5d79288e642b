// Finding and reading the config file (SPEC §5). Returns values; the entry points decide what a
// problem means (exit 2, setFailed).
import { closeSync, fstatSync, openSync, realpathSync } from 'node:fs';
import { readOpen } from '../core/files.js';
import * as path from 'node:path';
import type { ConfigOutcome, ConfigProblem, ConfigSource } from './types.js';
import { defaultConfig, parseConfig } from './parse.js';

/** Looked up in this order when no explicit path is given (repo-relative). */
export const CONFIG_FILES = ['.github/model-deploy-gate.yml', '.model-deploy-gate.yml'] as const;

/** A config file is small; anything bigger is a mistake (or an attack on the parser). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Where a config was found: `source` is null when no file exists (built-in defaults apply). */
export type SourceOutcome = { ok: true; source: ConfigSource | null } | { ok: false; problems: ConfigProblem[] };

/** Repo-relative with `/` when inside root, else the absolute path. */
function displayPath(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return abs.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Reads the config text: `explicitPath` (relative to root or absolute; must exist), else
 * `.github/model-deploy-gate.yml`, else `.model-deploy-gate.yml`, else none. A file whose real
 * path leaves the root (a symbolic link, or a link in any folder on the way) is refused, never read.
 */
export function readConfigSource(root: string, explicitPath?: string): SourceOutcome {
  const absRoot = path.resolve(root);
  let realRoot: string;
  try {
    realRoot = realpathSync(absRoot);
  } catch {
    realRoot = absRoot;
  }
  const candidates = explicitPath !== undefined ? [path.resolve(absRoot, explicitPath)] : CONFIG_FILES.map((f) => path.join(absRoot, f));
  for (const abs of candidates) {
    const file = displayPath(absRoot, abs);
    const problem = (message: string): SourceOutcome => ({ ok: false, problems: [{ file, line: 0, column: 0, message }] });
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && explicitPath === undefined) continue;
      return problem(code === 'ENOENT' ? 'config file not found (given explicitly, so it must exist)' : `cannot read config file: ${code ?? (err as Error).message}`);
    }
    if (!inside(realRoot, real)) {
      return problem('the config file resolves outside the repository (a symbolic link); it is not read. Keep the config inside the repository');
    }
    let fd: number;
    try {
      fd = openSync(real, 'r');
    } catch (err) {
      return problem(`cannot read config file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) return problem('config path is not a file');
      if (st.size > MAX_CONFIG_BYTES) return problem(`config file is ${st.size} bytes, over the ${MAX_CONFIG_BYTES}-byte cap`);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(readOpen(fd, st.size));
      } catch {
        return problem('config file is not valid UTF-8 text');
      }
      return { ok: true, source: { path: file, text } };
    } finally {
      closeSync(fd);
    }
  }
  return { ok: true, source: null };
}

/** The config a source gives (none: the built-in defaults). */
export function configFrom(source: ConfigSource | null, knownRules?: readonly string[]): ConfigOutcome {
  return source ? parseConfig(source.text, source.path, knownRules) : { ok: true, config: defaultConfig() };
}

/** Finds, reads and validates the configuration. */
export function loadConfig(root: string, explicitPath?: string, knownRules?: readonly string[]): ConfigOutcome {
  const found = readConfigSource(root, explicitPath);
  return found.ok ? configFrom(found.source, knownRules) : found;
}
