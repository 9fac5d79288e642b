// Ordering findings and turning them into the verdict (SPEC §4, §7: suppressed and waived findings never count).
import type { FailOn, Finding, Severity, Summary } from '../core/types.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

export function summarise(findings: readonly Finding[], failOn: FailOn): Summary {
  const s: Summary = { result: 'pass', errors: 0, warnings: 0, notices: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppressed) {
      s.suppressed++;
      continue;
    }
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.notices++;
  }
  const failing =
    failOn === 'never'
      ? false
      : failOn === 'error'
        ? s.errors > 0
        : failOn === 'warning'
          ? s.errors + s.warnings > 0
          : s.errors + s.warnings + s.notices > 0;
  s.result = failing ? 'fail' : 'pass';
  return s;
}
