// Fix tests run the real path of `--fix`: a temp repository, the engine, planFixes, the written files.
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { expect } from '@jest/globals';
import { planFixes, writeChanges, type AppliedFix } from '../../src/cli/fix.js';
import type { Finding, Result, Stage } from '../../src/core/types.js';
import { writeRepo } from '../helpers.js';

export interface Fixed {
  /** Every file of the repository after `--fix` (path → text, byte for byte). */
  files: Record<string, string>;
  applied: AppliedFix[];
  /** The gate before any fix, and after the fixes. */
  before: Result;
  after: Result;
}

/** Runs `--fix` over `files`, then again to check that the second run changes nothing. */
export function fix(files: Record<string, string>, opts: { config?: string; defaultStage?: Stage; paths?: string[] } = {}): Fixed {
  const all = { ...files };
  if (opts.config !== undefined) all['.github/model-deploy-gate.yml'] = opts.config;
  const root = writeRepo(all);
  try {
    const eo = { root, failOn: 'error' as const, scopeReason: 'test', defaultStage: opts.defaultStage, paths: opts.paths };
    const first = planFixes(eo);
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    writeChanges(root, first.plan.changes);
    const out: Record<string, string> = {};
    for (const p of Object.keys(all)) out[p] = readFileSync(path.join(root, p), 'utf8');
    const second = planFixes(eo);
    if (!second.ok) throw new Error(JSON.stringify(second.problems));
    // `--fix` twice: the second run has nothing left to change.
    expect(second.plan.changes).toEqual([]);
    return { files: out, applied: first.plan.applied, before: first.plan.before, after: second.plan.before };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function findings(r: Result, ruleId: string): Finding[] {
  return r.findings.filter((f) => f.ruleId === ruleId && !f.suppressed);
}

/** The fix of the one finding of `ruleId`. */
export function fixOf(r: Result, ruleId: string): NonNullable<Finding['fix']> {
  const fs = findings(r, ruleId);
  expect(fs).toHaveLength(1);
  expect(fs[0].fix).toBeDefined();
  return fs[0].fix!;
}
