// Inline suppressions (SPEC §5): `# model-deploy-gate: ignore <rule-id>[,<rule-id>] -- <reason>` on
// the finding's line or the line above, YAML only. A directive without a reason, or naming an unknown
// rule, is not honoured and is itself reported.
import type { LoadedFile, Span } from '../../core/types.js';
import { nearest } from '../../core/text.js';

export const SUPPRESSION_MARKER = 'model-deploy-gate:';
const MARKER = SUPPRESSION_MARKER;
export const SYNTAX = '# model-deploy-gate: ignore <rule-id>[,<rule-id>] -- <reason>';

export interface Directive {
  /** 1-based line the directive applies to. */
  target: number;
  ids: Set<string>;
  reason: string;
}

/** A problem with a directive: where, and what to say (an `invalid-suppression` finding). */
export interface DirectiveProblem {
  span: Span;
  message: string;
}

/**
 * The directives of one file, and what is wrong with the ones that are not honoured.
 * `unsuppressible` rules are refused (their findings say the gate could not look or its own rules broke).
 */
export function scanDirectives(
  file: LoadedFile,
  known: ReadonlySet<string>,
  unsuppressible: ReadonlySet<string>,
): { directives: Directive[]; problems: DirectiveProblem[] } {
  const problems: DirectiveProblem[] = [];
  const directives = file.syntax === 'yaml' ? scanYaml(file, known, unsuppressible, problems) : scanJson(file, problems);
  return { directives, problems };
}


interface CommentAt {
  /** 0-based line index. */
  index: number;
  /** 1-based column of `#` / `//`. */
  column: number;
  /** Text after the marker. */
  body: string;
  /** Nothing but whitespace before the comment. */
  ownLine: boolean;
  lineLength: number;
}

function scanYaml(file: LoadedFile, known: ReadonlySet<string>, unsuppressible: ReadonlySet<string>, problems: DirectiveProblem[]): Directive[] {
  const lines = file.text.split('\n');
  const out: Directive[] = [];
  for (const c of comments(lines, /#/g)) {
    // A `#` inside a quoted or block scalar is data, not a comment.
    if (insideScalar(file, c.index + 1, c.column)) continue;
    const span: Span = { line: c.index + 1, column: c.column, endLine: c.index + 1, endColumn: c.lineLength + 1 };
    const bad = (message: string) => problems.push({ span, message });
    const m = /^ignore(?:\s+|$)(.*)$/.exec(c.body);
    if (!m) {
      bad(`Unknown model-deploy-gate directive "${c.body.split(/\s/)[0] ?? ''}": write \`${SYNTAX}\``);
      continue;
    }
    const sep = m[1].indexOf('--');
    const idsPart = sep === -1 ? m[1] : m[1].slice(0, sep);
    const reason = sep === -1 ? '' : m[1].slice(sep + 2).trim();
    const ids = idsPart.split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0) {
      bad(`Inline suppression names no rule, so it suppresses nothing: write \`${SYNTAX}\``);
      continue;
    }
    if (reason === '') {
      bad(
        `Inline suppression of ${ids.join(', ')} has no reason, so it is not honoured: add one after " -- ", e.g. ` +
          `\`# model-deploy-gate: ignore ${ids.join(',')} -- <why this is acceptable, ticket>\``,
      );
      continue;
    }
    const valid = new Set<string>();
    for (const id of ids) {
      if (unsuppressible.has(id)) {
        bad(`\`${id}\` cannot be suppressed inline: fix the cause (an expired waiver must be renewed or removed in the config; a broken suppression must be corrected)`);
      } else if (!known.has(id)) {
        const near = nearest(id, [...known]);
        bad(
          `Inline suppression names an unknown rule id "${id}", so it suppresses nothing: ` +
            (near ? `did you mean "${near}"?` : 'use a rule id that `model-deploy-gate --list-rules` lists'),
        );
      } else {
        valid.add(id);
      }
    }
    if (valid.size === 0) continue;
    out.push({ target: c.ownLine ? nextCodeLine(lines, c.index) : c.index + 1, ids: valid, reason });
  }
  return out;
}

/** JSON has no place for these comments (SPEC §5: JSON uses waivers): say so instead of silently ignoring them. */
function scanJson(file: LoadedFile, problems: DirectiveProblem[]): Directive[] {
  const lines = file.text.split('\n');
  for (const c of comments(lines, /\/\/|\/\*|#/g)) {
    if (!/^ignore\b/.test(c.body)) continue;
    problems.push({
      message:
        'Inline suppressions are honoured in YAML files only: for a JSON file add a waiver to the config ' +
        '(`waivers:` with rule, path, reason, owner and expires)',
      span: { line: c.index + 1, column: c.column, endLine: c.index + 1, endColumn: c.lineLength + 1 },
    });
  }
  return [];
}

/** Lines holding `<comment-start> model-deploy-gate: …` where the comment start begins a line or follows whitespace. */
function* comments(lines: string[], starts: RegExp): Generator<CommentAt> {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const at = line.indexOf(MARKER);
    if (at === -1) continue;
    starts.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = starts.exec(line)) !== null && m.index < at) {
      const before = line.slice(0, m.index);
      const between = line.slice(m.index + m[0].length, at);
      if ((before === '' || /\s$/.test(before)) && /^[\s*]*$/.test(between)) {
        yield {
          index: i,
          column: m.index + 1,
          body: line.slice(at + MARKER.length).replace(/\*\/\s*$/, '').trim(),
          ownLine: before.trim() === '',
          lineLength: line.length,
        };
        break;
      }
    }
  }
}

/** An own-line directive applies to the next line that is not a comment (stacked directives share it). */
function nextCodeLine(lines: string[], index: number): number {
  let j = index + 1;
  while (j < lines.length && /^\s*#/.test(lines[j])) j++;
  return j + 1;
}

function insideScalar(file: LoadedFile, line: number, column: number): boolean {
  for (const doc of file.docs) {
    for (const s of doc.values.values()) {
      if (line < s.line || line > s.endLine) continue;
      const afterStart = line > s.line || column > s.column;
      const beforeEnd = line < s.endLine || column < s.endColumn;
      if (afterStart && beforeEnd) return true;
    }
  }
  return false;
}

