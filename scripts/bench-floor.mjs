#!/usr/bin/env node
// The benchmark's floor: the least work any tool that reads these manifests must do — walk the tree
// with the gate's default include globs (`**/*.yml`, `**/*.yaml`, `**/*.json`, `**/MLmodel`, dot
// folders included; `node_modules`, `.git`, `dist` pruned), read every candidate file and parse it
// with js-yaml `loadAll` (JSON files too: JSON is YAML; a JSONC file with comments is an error,
// caught and counted), then write a small JSON summary to a file, as the gate writes its report.
// No pre-filter, no positions, no rules. `scripts/bench.mjs` reports the gate's time as a ratio of
// this one, measured in the same run, interleaved.
//
//   node scripts/bench-floor.mjs DIR [--output FILE]   → {"files":…,"docs":…,"errors":…,"bytes":…}
//                                                        (stdout when no --output)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';

export const SKIP_DIRS = new Set(['node_modules', '.git', 'dist']);
const CANDIDATE = /\.(?:ya?ml|json)$/;

/** Same set as the gate's DEFAULT_INCLUDES (case-sensitive globs, like picomatch's). */
export function isCandidate(name) {
  return CANDIDATE.test(name) || name === 'MLmodel';
}

/** Repo-relative paths (POSIX) of every candidate file under root, in walk order. */
export function candidates(root) {
  const out = [];
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop();
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const ent of entries) {
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) {
        if (!SKIP_DIRS.has(ent.name)) stack.push(r);
      } else if (ent.isFile() && isCandidate(ent.name)) out.push(r);
    }
  }
  return out;
}

export function floor(root) {
  const stats = { files: 0, docs: 0, errors: 0, bytes: 0 };
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const ent of entries) {
      const abs = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        if (!SKIP_DIRS.has(ent.name)) stack.push(abs);
      } else if (ent.isFile() && isCandidate(ent.name)) {
        const text = readFileSync(abs, 'utf8');
        stats.files++;
        stats.bytes += text.length;
        try {
          stats.docs += loadAll(text).length;
        } catch {
          stats.errors++;
        }
      }
    }
  }
  return stats;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const o = args.indexOf('--output');
  const output = o >= 0 ? args[o + 1] : undefined;
  const dir = args.find((a, i) => !a.startsWith('--') && (o < 0 || i !== o + 1));
  if (dir === undefined || (o >= 0 && output === undefined)) {
    process.stderr.write('Usage: node scripts/bench-floor.mjs DIR [--output FILE]\n');
    process.exitCode = 2;
  } else {
    const summary = JSON.stringify(floor(path.resolve(dir))) + '\n';
    if (output !== undefined) writeFileSync(output, summary);
    else process.stdout.write(summary);
  }
}
