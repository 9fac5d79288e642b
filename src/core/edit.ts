// Source ranges and text edits: the ground floor of the ground floor (imports nothing). types.ts
// re-exports them; the fix contract (`Finding.fix`) lives here so that types.ts stays under the 400-line limit.

/** 1-based source range. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A minimal text edit of one file: replace the characters [start, end) of its text with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** The same range as 1-based lines/columns (for reports that address lines: SARIF, suggestions). */
  span?: Span;
}

/** The fix of a finding whose answer is determined (`--fix`, review suggestions, SARIF `fixes`). */
export interface FindingFix {
  /** What the fix does, in a sentence ("set `instance_count: 3`"). */
  description: string;
  /** Edits of the finding's file, non-overlapping, in order. */
  edits: TextEdit[];
  /** The file the edits change when it is not the finding's (repo-relative): e.g. the compute a deployment names. */
  file?: string;
}
