import type { Finding, Result, Severity } from '../core/types.js';
import { counts, gpuCell, memoryCell, modeLabel, modelCell, plural, policyHeadline, policyItems, skuCell } from './format.js';

export interface TextOptions {
  /** ANSI colours (off by default: the output is often piped or saved). */
  color?: boolean;
}

const COLOR: Record<Severity | 'dim' | 'bold' | 'pass', string> = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  notice: '\u001b[36m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
  pass: '\u001b[32m',
};
const RESET = '\u001b[0m';

/**
 * Terminal listing: `file:line:col  severity  rule-id  message` grouped by file (suppressed findings
 * are counted, not listed), then the deployment inventory, skipped checks, waivers in force, and the
 * summary line `N errors, N warnings, N notices (N suppressed) — result: FAIL`.
 */
export function renderText(result: Result, opts: TextOptions = {}): string {
  const paint = (k: keyof typeof COLOR, s: string) => (opts.color ? `${COLOR[k]}${s}${RESET}` : s);
  const out: string[] = [];

  const active = result.findings.filter((f) => !f.suppressed);
  const byFile = new Map<string, Finding[]>();
  for (const f of active) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  for (const [file, list] of byFile) {
    out.push(paint('bold', file));
    const locs = list.map((f) => `${f.file}:${f.line}:${f.column}`);
    const locW = Math.max(...locs.map((l) => l.length));
    const ruleW = Math.max(...list.map((f) => f.ruleId.length));
    list.forEach((f, i) => {
      const head = `  ${locs[i].padEnd(locW)}  ${paint(f.severity, f.severity.padEnd(7))}  ${f.ruleId.padEnd(ruleW)}  `;
      const indent = ' '.repeat(2 + locW + 2 + 7 + 2 + ruleW + 2);
      out.push(head + f.message.split(/\r?\n/).join(`\n${indent}`));
    });
    out.push('');
  }

  if (result.inventory.length > 0) {
    out.push(paint('bold', `Deployments (${result.inventory.length})`));
    const header = ['FILE', 'NAME', 'TARGET', 'STAGE', 'MODE', 'SKU × COUNT', 'MEMORY', 'MODEL (SIZE)', 'GPU', 'STAGE FROM'];
    const rows = result.inventory.map((r) => [
      `${r.file}:${r.line}`,
      r.name ?? '',
      r.target,
      r.stage,
      modeLabel(r),
      skuCell(r),
      memoryCell(r),
      modelCell(r),
      gpuCell(r),
      r.stageSource,
    ]);
    out.push(...table(header, rows).map((l, i) => (i === 0 ? paint('dim', l) : l)));
    out.push('');
  }

  if (result.skipped.length > 0) {
    out.push(paint('bold', 'Skipped checks (not evaluated, so not covered by a pass)'));
    for (const k of result.skipped) out.push(`  ${k.file}: ${k.rules.join(', ')} — ${k.why}`);
    out.push('  Declare the stage (manifest `tags.stage`, config `stages:` / `default-stage`) or the missing facts (config `models:`, `computes:`, `skus:`).');
    out.push('');
  }

  if (result.waivers.length > 0) {
    out.push(paint('bold', `Waivers in force (${result.waivers.length})`));
    for (const w of result.waivers) {
      const exp = w.expiringSoon ? paint('warning', `expires ${w.expires} (within 30 days)`) : `expires ${w.expires}`;
      out.push(`  ${w.rule} on ${w.path} — owner ${w.owner}, ${exp}, ${w.matched} waived — ${w.reason}`);
    }
    out.push('');
  }

  const fixable = active.filter((f) => f.fix).length;
  if (fixable > 0) out.push(`${plural(fixable, 'finding')} can be fixed automatically: rerun with --fix (or --fix-dry-run for the diff).`, '');
  if (result.policy) {
    out.push(paint('bold', `Policy: ${policyHeadline(result.policy)}`));
    for (const item of policyItems(result.policy)) out.push(`  ${item}`);
    out.push('');
  }

  out.push(summaryLine(result, paint));
  return `${out.join('\n')}\n`;
}

/** The closing line: counts, verdict, scope. */
export function summaryLine(result: Result, paint: (kind: 'pass' | 'error' | 'dim', s: string) => string = (_k, s) => s): string {
  const s = result.summary;
  const verdict = s.result === 'pass' ? paint('pass', 'PASS') : paint('error', 'FAIL');
  return (
    `${counts(s)} (${s.suppressed} suppressed) — result: ${verdict}` +
    paint('dim', ` [${plural(result.scope.filesScanned, 'file')} scanned, ${plural(result.scope.manifests, 'manifest')}, fail-on: ${result.failOn}]`)
  );
}

/** Left-aligned columns separated by two spaces; trailing blanks trimmed. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}
