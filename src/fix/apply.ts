// Choosing which fixes of a run go together, and applying text edits. Pure functions of strings.
import type { Finding, TextEdit } from '../core/types.js';

/** The file a finding's fix edits (its own, unless the fix says otherwise). */
export function fixFile(f: Finding): string | undefined {
  return f.fix ? (f.fix.file ?? f.file) : undefined;
}

export interface FileFixes {
  file: string;
  /** Non-overlapping, sorted by offset; an edit two findings share appears once. */
  edits: TextEdit[];
  /** The findings whose whole fix is in `edits`, in the order they were taken. */
  findings: Finding[];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false; // two insertions at one offset: both go in, in order
  return a.start < b.end && b.start < a.end;
}

function same(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/**
 * The fixes that can be applied together, by file: unsuppressed findings with a fix, in order; a
 * fix whose edits collide with one taken before is left for the next pass (`--fix` runs the gate
 * again after each pass). `accept` narrows the files a fix may touch (e.g. the CLI's paths).
 */
export function selectFixes(findings: readonly Finding[], accept: (file: string) => boolean = () => true): Map<string, FileFixes> {
  const out = new Map<string, FileFixes>();
  for (const f of findings) {
    if (!f.fix || f.suppressed || f.fix.edits.length === 0) continue;
    const file = fixFile(f)!;
    if (!accept(file)) continue;
    let entry = out.get(file);
    if (!entry) out.set(file, (entry = { file, edits: [], findings: [] }));
    const fresh: TextEdit[] = [];
    let clash = false;
    for (const e of f.fix.edits) {
      if (entry.edits.some((x) => same(x, e))) continue;
      if (entry.edits.some((x) => overlaps(x, e)) || fresh.some((x) => overlaps(x, e))) {
        clash = true;
        break;
      }
      fresh.push(e);
    }
    if (clash) continue;
    entry.edits.push(...fresh);
    entry.edits.sort((a, b) => a.start - b.start || a.end - b.end);
    entry.findings.push(f);
  }
  for (const [k, v] of out) if (v.findings.length === 0) out.delete(k);
  return out;
}

/** `text` with `edits` applied (non-overlapping; insertions at one offset keep their order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    if (e.start < at) throw new RangeError(`overlapping edits at offset ${e.start}`);
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
