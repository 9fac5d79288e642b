import type { ParseProblem, Span } from '../core/types.js';
import { allocate, arena } from './arena.js';

/** Offsets → 1-based line/column. Columns count UTF-16 code units, as editors and GitHub do. */
export class LineIndex {
  /** Offset where each line starts (4 bytes a line, in a shared arena chunk: kept for every manifest). */
  private readonly starts: Int32Array;
  private readonly base: number;
  private readonly n: number;

  constructor(text: string) {
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
    allocate(n);
    const starts = arena.buf;
    const base = arena.at;
    starts[base] = 0;
    let k = base + 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
    this.starts = starts;
    this.base = base;
    this.n = n;
  }

  lineOf(offset: number): number {
    const starts = this.starts;
    const base = this.base;
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[base + mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[this.base + line - 1] + 1 };
  }

  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  get lineCount(): number {
    return this.n;
  }
}

/**
 * An unrendered `{{ … }}` template token (Jinja, Helm, envsubst-style) — not a `${{ … }}` expression,
 * which Azure ML pipelines and GitHub workflows use as plain values.
 */
const TEMPLATE_TOKEN = /(?<!\$)\{\{[^{}\n]*\}\}/g;

/** First template token in a text, if any. */
export function findTemplateToken(text: string): number {
  TEMPLATE_TOKEN.lastIndex = 0;
  const m = TEMPLATE_TOKEN.exec(text);
  return m ? m.index : -1;
}

/**
 * The parse problem of a file whose syntax error is caused by an unrendered template (a token on the
 * error's line or the line before it; a token elsewhere says nothing about this error). The file is a
 * template: the problem points at its first token (SPEC §4).
 */
export function templateProblem(text: string, lines: LineIndex, errorOffset: number, parser: string, reason: string): ParseProblem | undefined {
  const errLine = lines.position(Math.max(0, Math.min(errorOffset, text.length))).line;
  let first: { index: number; token: string } | undefined;
  let causes = false;
  TEMPLATE_TOKEN.lastIndex = 0;
  for (let m = TEMPLATE_TOKEN.exec(text); m; m = TEMPLATE_TOKEN.exec(text)) {
    first ??= { index: m.index, token: m[0] };
    const line = lines.position(m.index).line;
    if (line > errLine) break;
    if (line >= errLine - 1) causes = true;
  }
  if (!first || !causes) return undefined;
  const p = lines.position(first.index);
  return {
    message: `file is an unrendered template (${first.token} at line ${p.line}): render it before gating, or exclude it in the config. ${parser}: ${reason}`,
    line: p.line,
    column: p.column,
    template: true,
    syntax: true,
  };
}
