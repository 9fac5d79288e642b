// Findings at a key whose value a deploying step sets on the command line (inventory/overrides.ts):
// they say where the value comes from, and carry no fix (an edit of the file changes nothing Azure gets).
import type { CommandValue, Manifest } from '../../core/types.js';

/** The command-line value that sets the key at `ptr` (or a key above it), if any. */
export function commandValueAt(m: Manifest, ptr: string): CommandValue | undefined {
  const values = m.commandValues;
  if (!values) return undefined;
  // A key above the value (not the document itself: file-level findings are about the file).
  return values.find((v) => ptr === v.ptr || ptr.startsWith(`${v.ptr}/`) || (ptr !== '' && v.ptr.startsWith(`${ptr}/`)));
}

/** The clause a finding at a key set on the command line carries. */
export function commandValueClause(v: CommandValue): string {
  return `the value Azure gets comes from the command line: ${v.pipeline}:${v.line} deploys this file with \`${v.flag}\``;
}

/** `message` with `clause` before its closing punctuation. */
export function withClause(message: string, clause: string): string {
  // A closing question ("did you mean `x`?") stays whole.
  return message.endsWith('.') ? `${message.slice(0, -1)} (${clause}).` : `${message} (${clause}).`;
}
