// A rule-page example that is a pull request (docs/rules/policy-change.md): files under `base/` are
// the base commit's (only its config is read, as the action reads it), the others are the pull
// request's checkout. Runs the real engine with the base branch's policy.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CONFIG_FILES } from '../../src/config/load.js';
import type { ConfigSource } from '../../src/config/types.js';
import type { Result } from '../../src/core/types.js';
import { evaluate } from '../../src/engine.js';
import { resultOf } from '../helpers.js';

export function judgePullRequest(files: Record<string, string>, now: Date): Result {
  const root = mkdtempSync(path.join(tmpdir(), 'mdg-pr-example-'));
  try {
    const head: Record<string, string> = {};
    for (const [p, text] of Object.entries(files)) if (!p.startsWith('base/')) head[p] = text;
    for (const [p, text] of Object.entries(head)) {
      mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
      writeFileSync(path.join(root, p), text);
    }
    const at = (tree: Record<string, string>, prefix: string): ConfigSource | null => {
      const found = CONFIG_FILES.find((c) => tree[prefix + c] !== undefined);
      return found === undefined ? null : { path: found, text: tree[prefix + found]! };
    };
    return resultOf(
      evaluate({
        root,
        failOn: 'error',
        scopeReason: 'pull_request',
        changed: Object.keys(head),
        now,
        policy: { from: 'base', source: at(files, 'base/'), proposed: at(head, '') },
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
