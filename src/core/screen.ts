// A text screen: a cheap test of a file's path and text, kept as data so that it crosses to the
// reader thread (load/read-worker.ts) and runs there as the very same test. The families' pre-filter
// (formats/prefilter.ts) and the pipelines' candidate test (inventory/pipelines/index.ts) are built
// from screens.
import * as path from 'node:path';

export interface ScreenPattern {
  /** RegExp source and flags the text must match. */
  text: string;
  flags: string;
  /** When set: the pattern applies only to paths this RegExp (source, flags) matches. */
  path?: { source: string; flags: string };
  /** When set: a string the text holds wherever the pattern matches (tested first: far cheaper). */
  literal?: string;
}

export interface TextScreen {
  /** Base names that pass whatever the text says. */
  fileNames: readonly string[];
  /** The text passes when one applicable pattern matches. */
  patterns: readonly ScreenPattern[];
}

/** The screen as a test (built once; RegExps without `g` keep no state between calls). */
export function screenTest(screen: TextScreen): (relPath: string, text: string) => boolean {
  const names = new Set(screen.fileNames);
  const tests = screen.patterns.map((p) => ({ text: new RegExp(p.text, p.flags), path: p.path ? new RegExp(p.path.source, p.path.flags) : undefined, literal: p.literal }));
  return (relPath, text) => {
    if (names.size > 0 && names.has(path.posix.basename(relPath))) return true;
    for (const t of tests) {
      if ((t.literal === undefined || text.includes(t.literal)) && (t.path === undefined || t.path.test(relPath)) && t.text.test(text)) return true;
    }
    return false;
  };
}

/** A pattern of a screen from a RegExp (`literal`: a string every match needs, see ScreenPattern). */
export function pattern(text: RegExp, pathRe?: RegExp, literal?: string): ScreenPattern {
  return { text: text.source, flags: text.flags, ...(pathRe ? { path: { source: pathRe.source, flags: pathRe.flags } } : {}), ...(literal !== undefined ? { literal } : {}) };
}
