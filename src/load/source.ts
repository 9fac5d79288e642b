import type { Span } from '../types.js';

/** Offsets → 1-based line/column. Columns count UTF-16 code units, as editors and GitHub do. */
export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
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

  get lineCount(): number {
    return this.starts.length;
  }
}

/** JSON Pointer segment escaping (RFC 6901). */
export function pointerJoin(base: string, segment: string | number): string {
  const s = String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
  return `${base}/${s}`;
}

export function pointerSplit(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A plain object without a prototype: keys such as `__proto__` are ordinary data. */
export function dict(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** First `{{ … }}` template token in a text, if any. */
export function findTemplateToken(text: string): number {
  const m = /\{\{[^{}\n]*\}\}/.exec(text);
  return m ? m.index : -1;
}
