import { createHash } from 'node:crypto';
import type { Finding, Result, Severity } from '../core/types.js';
import { SARIF_MAX_RESULTS } from '../core/github-limits.js';
import { PROJECT_URL, helpUri, type RuleMeta } from '../core/rules.js';

export { SARIF_MAX_RESULTS };

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Key of our entry in `partialFingerprints` (versioned: a new scheme gets a new key). */
export const FINGERPRINT_KEY = 'modelDeployGate/v1';

export interface SarifOptions {
  /** Results kept per run (default 25,000, GitHub's limit); errors and unsuppressed findings first. */
  maxResults?: number;
}

type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifRule {
  id: string;
  name?: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
      region: SarifRegion;
    };
  }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: 'inSource' | 'external'; status: 'accepted'; justification: string }>;
  /** The finding's fix (`--fix`): the text edits of one file (SARIF 2.1.0 §3.55). */
  fixes?: SarifFix[];
}

export interface SarifFix {
  description: SarifMessage;
  artifactChanges: Array<{
    artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
    replacements: Array<{ deletedRegion: Required<SarifRegion>; insertedContent: { text: string } }>;
  }>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        semanticVersion: string;
        informationUri: string;
        rules: SarifRule[];
      };
    };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
    properties?: { truncated: true; totalResults: number; includedResults: number; note: string };
  }>;
}

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** SARIF 2.1.0 log with one run (for github/codeql-action/upload-sarif). */
export function toSarif(result: Result, rules: readonly RuleMeta[], opts: SarifOptions = {}): SarifLog {
  const max = Math.max(0, opts.maxResults ?? SARIF_MAX_RESULTS);
  const metas = [...rules];
  const known = new Set(metas.map((r) => r.id));
  // A finding of a rule the caller did not list (e.g. an internal one) still needs a driver rule.
  for (const f of result.findings) {
    if (!known.has(f.ruleId)) {
      known.add(f.ruleId);
      const see = `See ${helpUri(f.ruleId)}`;
      metas.push({ id: f.ruleId, defaultSeverity: f.severity, description: f.ruleId, remediation: see, help: see });
    }
  }
  const index = new Map(metas.map((r, i) => [r.id, i]));
  const prints = fingerprints(result.findings);

  let keep = result.findings.map((_, i) => i);
  let properties: SarifLog['runs'][number]['properties'];
  if (keep.length > max) {
    const ranked = [...keep].sort((a, b) => priority(result.findings[a]) - priority(result.findings[b]) || a - b);
    const chosen = new Set(ranked.slice(0, max));
    keep = keep.filter((i) => chosen.has(i));
    properties = {
      truncated: true,
      totalResults: result.findings.length,
      includedResults: keep.length,
      note:
        `Only ${keep.length} of ${result.findings.length} results are included (GitHub accepts at most ${SARIF_MAX_RESULTS} per run); ` +
        'errors and unsuppressed findings were kept first. The JSON report lists every finding.',
    };
  }

  const run: SarifLog['runs'][number] = {
    tool: {
      driver: {
        name: result.tool.name,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: PROJECT_URL,
        rules: metas.map(driverRule),
      },
    },
    columnKind: 'utf16CodeUnits',
    results: keep.map((i) => sarifResult(result.findings[i], index.get(result.findings[i].ruleId) ?? 0, prints[i])),
  };
  if (properties) run.properties = properties;
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

export function renderSarif(result: Result, rules: readonly RuleMeta[], opts?: SarifOptions): string {
  return `${JSON.stringify(toSarif(result, rules, opts), null, 2)}\n`;
}

function priority(f: Finding): number {
  return (f.suppressed ? 3 : 0) + RANK[f.severity];
}

function driverRule(r: RuleMeta): SarifRule {
  const uri = helpUri(r.id);
  const name = r.id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
  return {
    id: r.id,
    // SARIF1001: a name equal to the id (ignoring case, e.g. `schema`) must be omitted.
    ...(name.toLowerCase() === r.id.toLowerCase() ? {} : { name }),
    shortDescription: { text: r.description },
    fullDescription: { text: `${r.description} ${r.remediation}` },
    // The why and its source, once per rule: finding messages say only what is wrong and the fix.
    help: {
      text: `${r.help}\n\nHow to fix: ${r.remediation}\n\nDocs: ${uri}`,
      markdown: `${r.help}\n\n**How to fix:** ${r.remediation}\n\n[Rule documentation](${uri})`,
    },
    helpUri: uri,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { tags: ['azure-ml', 'deployment'] },
  };
}

function sarifResult(f: Finding, ruleIndex: number, print: string): SarifResult {
  const startLine = Math.max(1, f.line);
  const startColumn = Math.max(1, f.column);
  const region: SarifRegion = { startLine, startColumn };
  // A region must not end before it starts; a degenerate end is dropped rather than invented.
  if (f.endLine > startLine || (f.endLine === startLine && f.endColumn > startColumn)) {
    region.endLine = f.endLine;
    region.endColumn = Math.max(1, f.endColumn);
  }
  const r: SarifResult = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(f.file), uriBaseId: '%SRCROOT%' }, region } }],
    partialFingerprints: { [FINGERPRINT_KEY]: print },
  };
  if (f.suppressed) {
    const s = f.suppressed;
    const justification =
      s.by === 'waiver' ? `${s.reason} (waiver; owner ${s.owner ?? 'unknown'}, expires ${s.expires ?? 'unknown'})` : s.reason;
    r.suppressions = [{ kind: s.by === 'inline' ? 'inSource' : 'external', status: 'accepted', justification }];
  }
  const fix = f.suppressed ? undefined : sarifFix(f);
  if (fix) r.fixes = [fix];
  return r;
}

/** A fix as SARIF: each edit replaces a region (empty for an insertion) with new text; columns are UTF-16 units. */
function sarifFix(f: Finding): SarifFix | undefined {
  const x = f.fix;
  if (!x || x.edits.length === 0 || x.edits.some((e) => !e.span)) return undefined;
  return {
    description: { text: x.description },
    artifactChanges: [
      {
        artifactLocation: { uri: fileUri(x.file ?? f.file), uriBaseId: '%SRCROOT%' },
        replacements: x.edits.map((e) => ({
          deletedRegion: { startLine: e.span!.line, startColumn: e.span!.column, endLine: e.span!.endLine, endColumn: e.span!.endColumn },
          insertedContent: { text: e.text },
        })),
      },
    ],
  };
}

/** A relative URI reference: each path segment percent-encoded (spaces, `#`, `%` in file names). */
function fileUri(file: string): string {
  return file
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/**
 * Fingerprints stable across runs and line moves: rule, file and message with its numbers blanked
 * (values and line references change without the finding becoming a new one), plus an occurrence
 * counter so that equal findings in one file (two documents of a multi-document file) stay distinct.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const order = findings.map((_, i) => i).sort((a, b) => findings[a].line - findings[b].line || findings[a].column - findings[b].column || a - b);
  const seen = new Map<string, number>();
  const out: string[] = new Array<string>(findings.length);
  for (const i of order) {
    const f = findings[i];
    const base = `${f.ruleId}\u0000${f.file}\u0000${f.message.replace(/\d+(?:\.\d+)?/g, '0')}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out[i] = createHash('sha256').update(`${base}\u0000${n}`).digest('hex');
  }
  return out;
}
