// Which findings become workflow-command annotations. GitHub shows at most 10 errors, 10 warnings
// and 10 notices per step and silently drops the rest, so the most useful ones are chosen here.
import { ANNOTATION_MESSAGE_MAX_BYTES, ANNOTATIONS_PER_STEP } from '../core/github-limits.js';
import { fitBytes } from './limits.js';
import type { Finding, Severity } from '../core/types.js';

/** Shown per step and per level by GitHub. */
export const PER_STEP_LIMIT = ANNOTATIONS_PER_STEP;

export type Budget = Record<Severity, number>;

export interface AnnotationCommand {
  level: Severity;
  message: string;
  properties: { title?: string; file?: string; startLine?: number; startColumn?: number };
}

export interface AnnotationPlan {
  commands: AnnotationCommand[];
  /** Unsuppressed findings left out. */
  omitted: number;
}

const LEVELS: Severity[] = ['error', 'warning', 'notice'];

function rank(f: Finding, changedLines?: Map<string, Set<number>>): number {
  const lines = changedLines?.get(f.file);
  if (lines?.has(f.line)) return 0;
  if (lines) return 1;
  return 2;
}

function toCommand(f: Finding): AnnotationCommand {
  return {
    level: f.severity,
    // runner.ts escapes the message and properties (%, \r, \n; and : , in properties): no command can be forged.
    message: fitBytes(`${f.message}\n${f.helpUri}`, ANNOTATION_MESSAGE_MAX_BYTES),
    properties: { title: f.ruleId, file: f.file, startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
  };
}

/**
 * Errors first, then warnings, then notices; within a level, findings on lines the PR changed,
 * then other findings in changed files, then the rest (stable: the engine's order).
 * `budget` is what is left per level after the caller's own messages (and its failure message).
 * When findings are left out, one notice slot is kept for the closing "N more" notice (`seeAlso`).
 */
export function planAnnotations(
  findings: Finding[],
  budget: Budget,
  opts: { changedLines?: Map<string, Set<number>>; seeAlso: string },
): AnnotationPlan {
  const open = findings.filter((f) => !f.suppressed);
  const byLevel = new Map<Severity, Finding[]>(LEVELS.map((l) => [l, []]));
  for (const f of open) byLevel.get(f.severity)!.push(f);
  for (const list of byLevel.values()) {
    const keyed = list.map((f, i) => ({ f, i, r: rank(f, opts.changedLines) }));
    keyed.sort((a, b) => a.r - b.r || a.i - b.i);
    list.splice(0, list.length, ...keyed.map((k) => k.f));
  }
  const take = (b: Budget): Finding[][] => LEVELS.map((l) => byLevel.get(l)!.slice(0, Math.max(0, b[l])));

  let chosen = take(budget);
  let shown = chosen.reduce((n, l) => n + l.length, 0);
  if (shown < open.length && budget.notice > 0) {
    chosen = take({ ...budget, notice: budget.notice - 1 });
    shown = chosen.reduce((n, l) => n + l.length, 0);
  }
  const commands = chosen.flat().map(toCommand);
  const omitted = open.length - shown;
  if (omitted > 0 && budget.notice > 0) {
    commands.push({
      level: 'notice',
      message:
        `${omitted} more finding${omitted === 1 ? '' : 's'} not shown as annotations here ` +
        `(GitHub shows at most ${PER_STEP_LIMIT} errors, ${PER_STEP_LIMIT} warnings and ${PER_STEP_LIMIT} notices per step). ` +
        `All ${open.length} are in ${opts.seeAlso}.`,
      properties: { title: 'model-deploy-gate: more findings' },
    });
  }
  return { commands, omitted };
}
