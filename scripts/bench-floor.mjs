#!/usr/bin/env node
// The benchmark's floor: the least work any tool that reads these manifests must do — walk the tree,
// read every candidate file (*.yml, *.yaml, *.json, MLmodel; not under node_modules/.git/dist) and
// parse it with js-yaml `loadAll` (JSON included; errors are caught and counted). No pre-filter, no
// positions, no rules. `scripts/bench.mjs` reports the gate's time as a ratio of this one.
//
//   node scripts/bench-floor.mjs DIR     → prints {"files":…,"docs":…,"errors":…,"bytes":…}
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadAll } from 'js-yaml';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist']);
const CANDIDATE = /\.(?:ya?ml|json)$/i;

function floor(root) {
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
      } else if (ent.isFile() && (CANDIDATE.test(ent.name) || ent.name === 'MLmodel')) {
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

if (process.argv[2] !== undefined) {
  process.stdout.write(JSON.stringify(floor(path.resolve(process.argv[2]))) + '\n');
} else {
  process.stderr.write('Usage: node scripts/bench-floor.mjs DIR\n');
  process.exitCode = 2;
}
