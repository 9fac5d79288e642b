import { expect } from '@jest/globals';
import type { Finding, Result, Severity } from '../../../src/core/types.js';
import { byRule } from '../../helpers.js';

/** Asserts exactly one finding of `ruleId` at file:line with the severity, and returns it. */
export function one(r: Result, ruleId: string, file: string, line: number, severity: Severity): Finding {
  const fs = byRule(r, ruleId);
  expect(fs.map((f) => `${f.file}:${f.line}`)).toEqual([`${file}:${line}`]);
  expect(fs[0].severity).toBe(severity);
  return fs[0];
}

/** Asserts no finding of `ruleId` — in a run that saw manifests (a run that saw nothing proves nothing). */
export function none(r: Result, ruleId: string): void {
  expect(r.scope.manifests).toBeGreaterThan(0);
  expect(byRule(r, ruleId).map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
}

/** Rules listed under `skipped` for a file. */
export function skippedRules(r: Result, file: string): string[] {
  return r.skipped.filter((s) => s.file === file).flatMap((s) => s.rules);
}

export function skippedWhy(r: Result, file: string, ruleId: string): string[] {
  return r.skipped.filter((s) => s.file === file && s.rules.includes(ruleId)).map((s) => s.why);
}
