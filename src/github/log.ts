// Log lines that hold repository text (names, keys, values, file names, messages, the text report)
// must never be read by the runner as workflow commands. The runner looks at every line of stdout
// and stderr, after stripping leading whitespace, for `::command …::` and, anywhere in the line, for
// the legacy `##[command …]` form; it splits lines at \n and \r alike. A line that could hold either
// is printed inside a `::stop-commands::<token>` … `::<token>::` block with a fresh random token,
// which the runner honours for both forms. The gate's own annotations go through runner.ts,
// which escapes their data (`%`, `\r`, `\n`) and properties (also `:` and `,`).
import * as core from './runner.js';
import { inertLines } from '../core/inert.js';

export { COMMANDISH, inertLines, stopToken } from '../core/inert.js';

/** core.info for text that may hold repository content. */
export function info(text: string): void {
  for (const line of inertLines(text)) core.info(line);
}
