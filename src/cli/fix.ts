// `--fix` and `--fix-dry-run`: apply the fixes of the findings in memory, run the gate again on the
// edited texts, repeat until no fix is left (a fix can make another finding fixable), then write the
// files (`--fix`) or print one unified diff (`--fix-dry-run`). Running `--fix` twice changes nothing
// the second time: the loop stops only when the gate has no fix left to offer.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ConfigProblem } from '../config/types.js';
import type { Result } from '../core/types.js';
import { evaluate, type EngineOptions } from '../engine.js';
import { applyEdits, selectFixes } from '../fix/apply.js';
import { unifiedDiff } from '../fix/diff.js';
import { LineIndex } from '../parse/lines.js';
import { parseJsonc } from '../parse/jsonc.js';
import { parseYaml } from '../parse/yaml.js';

/** Passes of fix → gate; real chains are one or two long (a renamed key that a size rule then reads). */
const MAX_PASSES = 5;

export interface AppliedFix {
  /** The finding's file and line (before any edit). */
  file: string;
  line: number;
  ruleId: string;
  description: string;
  /** The file the fix edits. */
  target: string;
  pass: number;
}

export interface FileChange {
  path: string;
  before: string;
  after: string;
  /** The file starts with a UTF-8 byte order mark (kept on write; the parsers' offsets come after it). */
  bom: boolean;
}

export interface FixPlan {
  changes: FileChange[];
  applied: AppliedFix[];
  /** The gate's result over the fixed texts. */
  after: Result;
  /** The result before any fix. */
  before: Result;
}

export type FixOutcome = { ok: true; plan: FixPlan } | { ok: false; problems: ConfigProblem[] };

/** Parse problems (syntax, duplicate keys) of a text, the way the gate reads the file. */
function problemCount(file: string, text: string): number {
  const lines = new LineIndex(text);
  return (/\.json$/i.test(file) ? parseJsonc(text, lines) : parseYaml(text, lines)).problems.length;
}

function readText(root: string, file: string): { text: string; bom: boolean } {
  const raw = readFileSync(path.join(root, ...file.split('/')), 'utf8');
  return raw.charCodeAt(0) === 0xfeff ? { text: raw.slice(1), bom: true } : { text: raw, bom: false };
}

/** Every fix the gate can make, applied in memory pass after pass; nothing is written. */
export function planFixes(opts: EngineOptions): FixOutcome {
  const root = path.resolve(opts.root);
  const only = opts.paths ?? [];
  const accept = (file: string) => only.length === 0 || only.some((p) => file === p || file.startsWith(`${p}/`));
  const overlay = new Map<string, string>();
  const originals = new Map<string, { text: string; bom: boolean }>();
  const applied: AppliedFix[] = [];
  let before: Result | undefined;
  let after: Result | undefined;
  for (let pass = 1; pass <= MAX_PASSES + 1; pass++) {
    const outcome = evaluate({ ...opts, overlay });
    if (!outcome.ok) return outcome;
    before ??= outcome.result;
    after = outcome.result;
    if (pass > MAX_PASSES) break;
    const chosen = selectFixes(outcome.result.findings, accept);
    let changed = false;
    for (const [file, fx] of chosen) {
      let orig = originals.get(file);
      if (!orig) originals.set(file, (orig = readText(root, file)));
      const current = overlay.get(file) ?? orig.text;
      let next = applyEdits(current, fx.edits);
      let taken = fx.findings;
      // Fixes of one file that do not overlap can still clash (two spellings of one key): when the
      // file would read worse together, take only the first this pass; the next pass sees the rest.
      if (taken.length > 1 && problemCount(file, next) > problemCount(file, current)) {
        taken = taken.slice(0, 1);
        next = applyEdits(current, taken[0].fix!.edits);
      }
      if (next === current) continue;
      overlay.set(file, next);
      changed = true;
      for (const f of taken) {
        applied.push({ file: f.file, line: f.line, ruleId: f.ruleId, description: f.fix!.description, target: file, pass });
      }
    }
    if (!changed) break;
  }
  const changes: FileChange[] = [];
  for (const [file, text] of [...overlay].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const orig = originals.get(file)!;
    if (text !== orig.text) changes.push({ path: file, before: orig.text, after: text, bom: orig.bom });
  }
  return { ok: true, plan: { changes, applied, before: before!, after: after! } };
}

/** Writes the fixed texts (keeping a byte order mark where there was one). */
export function writeChanges(root: string, changes: readonly FileChange[]): void {
  for (const c of changes) writeFileSync(path.join(path.resolve(root), ...c.path.split('/')), (c.bom ? '\uFEFF' : '') + c.after, 'utf8');
}

/** One diff of every changed file, for `git apply` in the root. */
export function planDiff(changes: readonly FileChange[]): string {
  const bom = (c: FileChange) => (c.bom ? '\uFEFF' : '');
  return changes.map((c) => unifiedDiff(c.path, bom(c) + c.before, bom(c) + c.after)).join('');
}

/** What was fixed, one line per fix: `file:line  rule-id  description`. */
export function appliedText(applied: readonly AppliedFix[]): string {
  if (applied.length === 0) return 'No fixable findings.\n';
  const files = new Set(applied.map((a) => a.target)).size;
  const lines = applied.map((a) => `  ${a.file}:${a.line}  ${a.ruleId}  ${a.description}${a.target !== a.file && !a.description.includes(a.target) ? ` (in ${a.target})` : ''}`);
  return `Fixed ${applied.length} finding${applied.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}:\n${lines.join('\n')}\n`;
}
