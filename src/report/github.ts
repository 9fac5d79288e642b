import type { Finding, Result } from '../core/types.js';

function esc(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escProp(s: string): string {
  return esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', notice: 'notice' };

/** `--format github`: one workflow command per unsuppressed finding (for use in any CI step). */
export function githubCommands(result: Result): string {
  const lines: string[] = [];
  for (const f of result.findings) {
    if (f.suppressed) continue;
    lines.push(
      `::${COMMAND[f.severity]} file=${escProp(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escProp(f.ruleId)}::${esc(f.message)}`,
    );
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}
