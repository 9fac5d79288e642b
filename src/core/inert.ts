// Text that may hold repository content, printed where a GitHub runner reads it (a step's stdout and
// stderr). The runner looks at every line, after stripping leading whitespace, for `::command …::`
// and, anywhere in the line, for the legacy `##[command …]` form; it splits lines at \n and \r alike.
// A text that could hold either is printed inside a `::stop-commands::<token>` … `::<token>::` block
// with a fresh random token, which the runner honours for both forms.
import { randomBytes } from 'node:crypto';

/** What the runner could take for a command in some line of `text`. */
export const COMMANDISH = /::|##\[/;

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

/** `text` (ending in a line break if it had one) inside a stop-commands block when it needs one. */
export function inertText(text: string): string {
  if (!COMMANDISH.test(text)) return text;
  const body = text.endsWith('\n') ? text : `${text}\n`;
  const token = stopToken(text);
  return `::stop-commands::${token}\n${body}::${token}::\n`;
}

/**
 * A JSON text with no workflow command in it and the same value: no line of `JSON.stringify` output
 * starts with `::`, and `##[` occurs only inside strings, where `[` may be written `\u005b`.
 */
export function inertJson(text: string): string {
  return text.replace(/##\[/g, '##\\u005b');
}
