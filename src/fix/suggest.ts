// Text edits as whole-line replacements: what a GitHub suggested change needs (it replaces lines
// start_line..line of the new file with the block's lines).
import type { TextEdit } from '../core/types.js';
import { applyEdits } from './apply.js';
import { LineMap } from './lines.js';

export interface LineReplacement {
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** What those lines become, without line terminators. */
  lines: string[];
}

/**
 * The lines `edits` touch and their new content. An insertion at the start of a line belongs to
 * the line before it (a new key under the last member reads as "this line, and one more").
 */
export function lineReplacement(text: string, edits: readonly TextEdit[]): LineReplacement | undefined {
  if (edits.length === 0) return undefined;
  const L = new LineMap(text);
  let a = Infinity;
  let b = 0;
  for (const e of edits) {
    let ea: number;
    let eb: number;
    const line = L.lineOf(e.start);
    if (e.start === e.end && line > 1 && e.start === L.lineStart(line)) {
      ea = eb = line - 1;
    } else {
      ea = line;
      eb = L.lineOf(e.end > e.start ? e.end - 1 : e.end);
    }
    a = Math.min(a, ea);
    b = Math.max(b, eb);
  }
  const from = L.lineStart(a);
  const to = b < L.count ? L.lineStart(b + 1) : text.length;
  if (edits.some((e) => e.start < from || e.end > to)) return undefined;
  const shifted = edits.map((e) => ({ start: e.start - from, end: e.end - from, text: e.text }));
  let region = applyEdits(text.slice(from, to), shifted);
  const terminated = L.terminator(b) !== '';
  if (terminated) region = region.replace(/\r?\n$/, '');
  return { startLine: a, endLine: b, lines: region.split(/\r?\n/) };
}

/** A fenced ```suggestion block whose fence no line of the content can close. */
export function suggestionBlock(lines: readonly string[]): string {
  let longest = 0;
  for (const l of lines) for (const m of l.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}suggestion\n${lines.join('\n')}\n${fence}`;
}
