// Log lines that hold repository text (names, keys, values, file names, messages, the text report)
// must never be read by the runner as workflow commands. The runner looks at every line of stdout
// and stderr, after stripping leading whitespace, for `::command …::` and, anywhere in the line, for
// the legacy `##[command …]` form; it splits lines at \n and \r alike. A line that could hold either
// is printed inside a `::stop-commands::<token>` … `::<token>::` block with a fresh random token,
// which the runner honours for both forms. The gate's own annotations go through @actions/core,
// which escapes their data (`%`, `\r`, `\n`) and properties (also `:` and `,`).
import { randomBytes } from 'node:crypto';
import * as core from '@actions/core';

/** What the runner could take for a command in some line of `text`. */
const COMMANDISH = /::|##\[/;

/** A token that does not occur in `text` (128 random bits: a clash is an accident, still checked). */
export function stopToken(text: string): string {
  for (;;) {
    const t = `mdg-${randomBytes(16).toString('hex')}`;
    if (!text.includes(t)) return t;
  }
}

/** The lines to print for `text` so that none of it is a workflow command. */
export function inertLines(text: string): string[] {
  if (!COMMANDISH.test(text)) return [text];
  const token = stopToken(text);
  return [`::stop-commands::${token}`, text, `::${token}::`];
}

/** core.info for text that may hold repository content. */
export function info(text: string): void {
  for (const line of inertLines(text)) core.info(line);
}
