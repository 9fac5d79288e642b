// Lines of a text as fixes see them: 1-based line/column ↔ offsets (UTF-16 units, as the parsers'
// spans), each line's terminator, and the indentation of a line. Pure; imports only core.
import type { Span } from '../core/types.js';

export class LineMap {
  /** Offset of the first character of each line. */
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  get count(): number {
    return this.starts.length;
  }

  /** Offset of a 1-based line and column (clamped to the text). */
  offset(line: number, column: number): number {
    const l = Math.min(Math.max(1, line), this.starts.length);
    return Math.min(this.text.length, this.starts[l - 1] + Math.max(1, column) - 1);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[line - 1] + 1 };
  }

  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Offset where a 1-based line starts (the text's length past the last line). */
  lineStart(line: number): number {
    return line > this.starts.length ? this.text.length : this.starts[Math.max(1, line) - 1];
  }

  /** Offset just past a line's content: before its `\r\n` / `\n`, or the end of the text. */
  contentEnd(line: number): number {
    const next = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    return next > this.lineStart(line) && this.text[next - 1] === '\r' && next < this.text.length ? next - 1 : next;
  }

  /** The line's text without its terminator. */
  content(line: number): string {
    return this.text.slice(this.lineStart(line), this.contentEnd(line));
  }

  /** The line's terminator: `\r\n`, `\n`, or '' for a last line without one. */
  terminator(line: number): string {
    return this.text.slice(this.contentEnd(line), line < this.starts.length ? this.starts[line] : this.text.length);
  }

  /** The terminator new lines should get near `line`: that line's own, else the file's first, else `\n`. */
  eol(line: number): string {
    const own = this.terminator(Math.min(line, this.count));
    if (own) return own;
    return /\r\n/.test(this.text) ? '\r\n' : '\n';
  }
}

/** Leading spaces of a line (tabs are not YAML indentation). */
export function indentOf(line: string): number {
  const m = /^ */.exec(line);
  return m ? m[0].length : 0;
}
