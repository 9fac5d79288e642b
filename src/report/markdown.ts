import { CHECK_SUMMARY_MAX_CHARS, STEP_SUMMARY_MAX_BYTES } from '../core/github-limits.js';
import type { Finding, Result, Severity } from '../core/types.js';
import { bytes, code, cutToBytes, esc, escLine, inertText } from './inert.js';
import { counts, gpuCell, memoryCell, modeLabel, modelCell, plural, policyHeadline, policyItems, skuCell } from './format.js';

/** GitHub drops a step summary over 1 MiB. */
export const SUMMARY_MAX_BYTES = STEP_SUMMARY_MAX_BYTES;
/** Check-run summaries and PR comments: 65,535 characters (bytes are a safe upper bound). */
export const CHECK_RUN_MAX_BYTES = CHECK_SUMMARY_MAX_CHARS;

export interface MarkdownOptions {
  /** Hard ceiling for the output, in UTF-8 bytes: tables are truncated, with a note, to stay under it. */
  maxBytes: number;
  /** Link to a file and line (e.g. a blob URL at the PR head), if one can be made. */
  links?: (file: string, line: number) => string | undefined;
}

const SEVERITY_CELL: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', notice: 'ℹ️ notice' };

interface Table {
  /** Used in the truncation note: "… 12 more findings". */
  noun: string;
  header: string[];
  rows: string[];
}

interface Section {
  heading?: string;
  before: string[];
  table?: Table;
  after: string[];
}

/**
 * The job summary / check-run summary / PR comment body: verdict and counts, findings, deployment
 * inventory, skipped checks, waivers in force, suppressed count. Tables are cut (findings last) to
 * keep the output within `opts.maxBytes`.
 */
export function renderMarkdown(result: Result, opts: MarkdownOptions): string {
  const sections = buildSections(result, opts);
  const tables = sections.map((s) => s.table).filter((t): t is Table => t !== undefined && t.rows.length > 0);
  const kept = new Map<Table, number>(tables.map((t) => [t, t.rows.length]));

  if (bytes(assemble(sections, kept, opts.maxBytes)) > opts.maxBytes) {
    // Budget for rows = ceiling − everything else (with room reserved for each truncation note).
    for (const t of tables) kept.set(t, 0);
    const fixed = bytes(assemble(sections, kept, opts.maxBytes)) + tables.length * NOTE_RESERVE;
    let budget = Math.max(0, opts.maxBytes - fixed);
    const used = new Map<Table, number>(tables.map((t) => [t, 0]));
    const take = (t: Table, limit: number) => {
      let n = kept.get(t) ?? 0;
      let u = used.get(t) ?? 0;
      while (n < t.rows.length) {
        const cost = bytes(t.rows[n]) + 1;
        if (u + cost > limit || cost > budget) break;
        u += cost;
        budget -= cost;
        n++;
      }
      kept.set(t, n);
      used.set(t, u);
    };
    // Pass 1: an equal share each, so a flood of findings cannot hide the inventory or waivers.
    const share = Math.floor(budget / Math.max(1, tables.length));
    for (const t of byPriority(tables)) take(t, share);
    // Pass 2: what is left, in priority order.
    for (const t of byPriority(tables)) take(t, Infinity);
  }
  let out = assemble(sections, kept, opts.maxBytes);
  if (bytes(out) > opts.maxBytes) out = cutToBytes(out, opts.maxBytes);
  return out;
}

/** Room kept for each "… N more rows not shown" note. */
const NOTE_RESERVE = 256;

const PRIORITY = ['findings', 'waivers in force', 'skipped checks', 'deployments', 'VM families'];
function byPriority(tables: Table[]): Table[] {
  return [...tables].sort((a, b) => PRIORITY.indexOf(a.noun) - PRIORITY.indexOf(b.noun));
}

function assemble(sections: Section[], kept: Map<Table, number>, maxBytes: number): string {
  const parts: string[] = [];
  for (const s of sections) {
    if (s.heading) parts.push(s.heading, '');
    for (const l of s.before) parts.push(l);
    if (s.before.length) parts.push('');
    const t = s.table;
    if (t && t.rows.length > 0) {
      const n = kept.get(t) ?? t.rows.length;
      parts.push(row(t.header), row(t.header.map(() => '---')));
      for (let i = 0; i < n; i++) parts.push(t.rows[i]);
      parts.push('');
      if (n < t.rows.length) {
        parts.push(
          `_… ${t.rows.length - n} more ${t.noun} not shown: this report is limited to ${maxBytes} bytes. ` +
            'The JSON and SARIF reports list everything._',
          '',
        );
      }
    }
    for (const l of s.after) parts.push(l);
    if (s.after.length) parts.push('');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

function buildSections(result: Result, opts: MarkdownOptions): Section[] {
  const s = result.summary;
  const pass = s.result === 'pass';
  const sections: Section[] = [];
  const scope =
    result.scope.mode === 'changed'
      ? `changed files and the manifests that depend on them (${result.scope.reason})`
      : `all files (${result.scope.reason})`;
  sections.push({
    heading: `## ${pass ? '✅' : '❌'} model-deploy-gate: ${pass ? 'passed' : 'failed'}`,
    before: [
      `**${counts(s)}**${s.suppressed ? ` · ${s.suppressed} suppressed` : ''} · fails on: ${result.failOn === 'never' ? 'never' : `${result.failOn} or worse`}`,
      '',
      `Scope: ${escLine(scope)} — ${plural(result.scope.filesScanned, 'file')} scanned, ${plural(result.scope.manifests, 'manifest')}.`,
      ...(result.policy ? ['', `Policy: ${escLine(policyHeadline(result.policy))}.`] : []),
    ],
    after: [],
  });

  const active = result.findings.filter((f) => !f.suppressed);
  sections.push({
    heading: `### Findings (${active.length})`,
    before: active.length === 0 ? ['No findings.'] : fixNote(active),
    table: {
      noun: 'findings',
      header: ['Severity', 'Rule', 'Location', 'Message'],
      rows: active.map((f) => row([SEVERITY_CELL[f.severity], `[${esc(f.ruleId)}](${f.helpUri})`, location(f, opts), esc(f.message)])),
    },
    after: [],
  });

  sections.push({
    heading: `### Deployments (${result.inventory.length})`,
    before: result.inventory.length === 0 ? ['No deployments found in scope.'] : [],
    table: {
      noun: 'deployments',
      header: ['File', 'Name', 'Target', 'Stage', 'Mode', 'SKU × count', 'Memory', 'Model (size)', 'GPU', 'Stage from'],
      rows: result.inventory.map((r) =>
        row([
          link(`${r.file}:${r.line}`, opts.links?.(r.file, r.line)),
          esc(r.name ?? ''),
          esc(r.target),
          esc(r.stage),
          modeLabel(r),
          esc(skuCell(r)),
          memoryCell(r),
          esc(modelCell(r)),
          gpuCell(r),
          esc(r.stageSource),
        ]),
      ),
    },
    after: [],
  });

  if (result.quota && result.quota.length > 0) {
    sections.push({
      heading: '### vCPU quota of managed online deployments',
      before: [
        'Azure reserves ⌈1.2 × instances⌉ × vCPUs per deployment (20 % for upgrades; A100, H100, ND40rs_v2 and ND96* sizes: instances × vCPUs). ' +
          'Declare the quota of each family in config `quota:` to check it (`quota-exceeded`).',
      ],
      table: {
        noun: 'VM families',
        header: ['VM family', 'vCPUs needed', 'Quota', 'Deployments'],
        rows: result.quota.map((q) =>
          row([
            esc(q.family),
            String(q.vcpus),
            q.quota === undefined ? '—' : q.quota < q.vcpus ? `⚠ ${q.quota}` : String(q.quota),
            q.deployments.map((d) => `${code(d.file)} ${esc(`${d.instances} × ${d.instanceType}`)}: ${d.vcpus}`).join('<br>'),
          ]),
        ),
      },
      after: [],
    });
  }

  if (result.skipped.length > 0) {
    sections.push({
      heading: '### Skipped checks',
      before: ['These rules could not be evaluated, so a pass does not cover them:'],
      table: {
        noun: 'skipped checks',
        header: ['File', 'Rules not evaluated', 'Why'],
        rows: result.skipped.map((k) => row([code(k.file), k.rules.map(code).join(', '), esc(k.why)])),
      },
      after: [
        'Declare the stage in the manifest (`tags: { stage: production }` or `nonproduction`), or in the config ' +
          '(`stages: { production: [...], nonproduction: [...] }` globs, or `default-stage`). Declare facts about models, ' +
          'computes and VM sizes defined outside the repository under `models:`, `computes:` and `skus:` in ' +
          '`.github/model-deploy-gate.yml`.',
      ],
    });
  }

  if (result.waivers.length > 0) {
    sections.push({
      heading: `### Waivers in force (${result.waivers.length})`,
      before: [],
      table: {
        noun: 'waivers in force',
        header: ['Rule', 'Path', 'Owner', 'Expires', 'Findings waived', 'Reason'],
        rows: result.waivers.map((w) =>
          row([
            code(w.rule),
            code(w.path),
            // In a code span so that a team or user handle does not notify anyone on every update.
            code(w.owner),
            w.expiringSoon ? `⚠ ${esc(w.expires)} (within 30 days)` : esc(w.expires),
            String(w.matched),
            esc(w.reason),
          ]),
        ),
      },
      after: [],
    });
  }

  if (result.policy) {
    sections.push({
      heading: '### Policy',
      before: [
        `Judged by ${escLine(policyHeadline(result.policy))}.`,
        '',
        ...policyItems(result.policy).map((i) => `- ${escLine(i)}`),
      ],
      after: [],
    });
  }

  const suppressed = result.findings.filter((f) => f.suppressed);
  if (suppressed.length > 0 || s.suppressed > 0) {
    const inline = suppressed.filter((f) => f.suppressed?.by === 'inline').length;
    const waived = suppressed.length - inline;
    const n = Math.max(s.suppressed, suppressed.length);
    sections.push({
      heading: '### Suppressed findings',
      before: [
        `${plural(n, 'finding')} ${n === 1 ? 'is' : 'are'} suppressed (${inline} inline, ${waived} by waivers) and do not count toward the result; ` +
          'the JSON and SARIF reports list them, marked as suppressed.',
      ],
      after: [],
    });
  }
  return sections;
}

/** How many of the findings `--fix` repairs (review suggestions carry them on the PR's lines). */
function fixNote(active: Finding[]): string[] {
  const n = active.filter((f) => f.fix).length;
  return n === 0 ? [] : [`${plural(n, 'finding')} can be fixed automatically: run \`npx model-deploy-gate --fix\` (or \`--fix-dry-run\` for the diff).`];
}

function location(f: Finding, opts: MarkdownOptions): string {
  return link(`${f.file}:${f.line}`, opts.links?.(f.file, f.line));
}

function link(text: string, url: string | undefined): string {
  // The URL is the gate's own (a blob URL with the path percent-encoded); the text is inert.
  return url ? `[${inertText(text, false)}](${url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)})` : code(text);
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export { esc, escLine } from './inert.js';
