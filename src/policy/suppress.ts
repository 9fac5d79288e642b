import picomatch from 'picomatch';
import type { Finding, LoadedFile, Severity, Span, SuppressionInfo, WaiverInForce } from '../types.js';
import { makeFinding } from './registry.js';
import { CONFIG_FILES, nearest } from './config.js';
import type { Config, Waiver } from './types.js';

export const INVALID_SUPPRESSION = 'invalid-suppression';
export const WAIVER_EXPIRED = 'waiver-expired';

/** Days before expiry from which a waiver in force is flagged in the reports. */
export const EXPIRING_SOON_DAYS = 30;

export const SUPPRESSION_MARKER = 'model-deploy-gate:';
const MARKER = SUPPRESSION_MARKER;
const SYNTAX = '# model-deploy-gate: ignore <rule-id>[,<rule-id>] -- <reason>';

/**
 * The suppression machinery cannot silence itself: an inline comment (or a waiver) for an
 * expired waiver would defeat the expiry, one for a broken suppression would hide the breakage.
 */
const UNSUPPRESSIBLE = new Set([INVALID_SUPPRESSION, WAIVER_EXPIRED]);

interface Directive {
  /** 1-based line the directive applies to. */
  target: number;
  ids: Set<string>;
  reason: string;
}

/**
 * Applies inline suppressions (YAML files only) and config waivers (SPEC §5).
 * Returns the findings (copies; suppressed ones marked, none removed) followed by the
 * `invalid-suppression` and `waiver-expired` findings it produced (unsorted), and the waivers in force.
 */
export function applySuppressions(
  findings: Finding[],
  files: Map<string, LoadedFile>,
  config: Config,
  now: Date,
  knownRuleIds: Set<string>,
): { findings: Finding[]; waivers: WaiverInForce[] } {
  const extra: Finding[] = [];
  const invalidSeverity = severityOf(config, INVALID_SUPPRESSION, 'warning');
  const expiredSeverity = severityOf(config, WAIVER_EXPIRED, 'error');

  // Inline directives, by file then target line.
  const directives = new Map<string, Map<number, Directive[]>>();
  for (const file of files.values()) {
    if (!file.text.includes(MARKER)) continue;
    const problems: Finding[] = [];
    const found = file.syntax === 'yaml' ? scanYaml(file, knownRuleIds, problems) : scanJson(file, problems);
    if (invalidSeverity) for (const p of problems) extra.push({ ...p, severity: invalidSeverity });
    if (found.length === 0) continue;
    const byLine = new Map<number, Directive[]>();
    for (const d of found) {
      const list = byLine.get(d.target) ?? [];
      list.push(d);
      byLine.set(d.target, list);
    }
    directives.set(file.path, byLine);
  }

  const out = findings.map((f): Finding => {
    if (f.suppressed || UNSUPPRESSIBLE.has(f.ruleId)) return f;
    const d = directives.get(f.file)?.get(f.line)?.find((x) => x.ids.has(f.ruleId));
    return d ? { ...f, suppressed: { by: 'inline', reason: d.reason } } : f;
  });

  // Waivers: the first matching waiver in force suppresses; expired ones only count what came back.
  const today = utcDay(now);
  const soon = utcDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + EXPIRING_SOON_DAYS)));
  const entries = config.waivers.map((w) => ({
    w,
    expired: w.expires < today,
    match: picomatch(w.path.replace(/^\.\//, ''), { dot: true }),
    matched: 0,
  }));
  for (let i = 0; i < out.length; i++) {
    const f = out[i];
    if (f.suppressed || UNSUPPRESSIBLE.has(f.ruleId)) continue;
    const matching = entries.filter((e) => e.w.rule === f.ruleId && e.match(f.file));
    const inForce = matching.find((e) => !e.expired);
    if (inForce) {
      inForce.matched++;
      const info: SuppressionInfo = { by: 'waiver', reason: inForce.w.reason, owner: inForce.w.owner, expires: inForce.w.expires };
      out[i] = { ...f, suppressed: info };
    } else {
      // Reported again because their waiver expired.
      for (const e of matching) e.matched++;
    }
  }

  const waivers: WaiverInForce[] = [];
  for (const e of entries) {
    if (e.expired) {
      if (expiredSeverity) extra.push(expiredFinding(config, e.w, e.matched, expiredSeverity));
      continue;
    }
    waivers.push({
      rule: e.w.rule,
      path: e.w.path,
      reason: e.w.reason,
      owner: e.w.owner,
      expires: e.w.expires,
      expiringSoon: e.w.expires <= soon,
      matched: e.matched,
    });
  }
  return { findings: [...out, ...extra], waivers };
}

/** YYYY-MM-DD of a date in UTC. */
function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The configured severity of a rule this module reports, or null when it is turned off. */
function severityOf(config: Config, ruleId: string, fallback: Severity): Severity | null {
  const o = config.rules[ruleId];
  if (o === 'off') return null;
  return o ?? fallback;
}

function finding(ruleId: string, message: string, file: string, span: Span): Finding {
  return makeFinding(ruleId, 'warning', message, file, span);
}

// ------------------------------------------------------------------ inline directives

interface CommentAt {
  /** 0-based line index. */
  index: number;
  /** 1-based column of `#` / `//`. */
  column: number;
  /** Text after the marker. */
  body: string;
  /** Nothing but whitespace before the comment. */
  ownLine: boolean;
  lineLength: number;
}

function scanYaml(file: LoadedFile, known: Set<string>, problems: Finding[]): Directive[] {
  const lines = file.text.split('\n');
  const out: Directive[] = [];
  for (const c of comments(lines, /#/g)) {
    // A `#` inside a quoted or block scalar is data, not a comment.
    if (insideScalar(file, c.index + 1, c.column)) continue;
    const span: Span = { line: c.index + 1, column: c.column, endLine: c.index + 1, endColumn: c.lineLength + 1 };
    const bad = (message: string) => problems.push(finding(INVALID_SUPPRESSION, message, file.path, span));
    const m = /^ignore(?:\s+|$)(.*)$/.exec(c.body);
    if (!m) {
      bad(`Unknown model-deploy-gate directive "${c.body.split(/\s/)[0] ?? ''}"; the only directive is \`${SYNTAX}\``);
      continue;
    }
    const sep = m[1].indexOf('--');
    const idsPart = sep === -1 ? m[1] : m[1].slice(0, sep);
    const reason = sep === -1 ? '' : m[1].slice(sep + 2).trim();
    const ids = idsPart.split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0) {
      bad(`Inline suppression names no rule, so it suppresses nothing; write \`${SYNTAX}\``);
      continue;
    }
    if (reason === '') {
      bad(
        `Inline suppression of ${ids.join(', ')} has no reason, so it is not honoured: add one after " -- ", e.g. ` +
          `\`# model-deploy-gate: ignore ${ids.join(',')} -- <why this is acceptable, ticket>\``,
      );
      continue;
    }
    const valid = new Set<string>();
    for (const id of ids) {
      if (UNSUPPRESSIBLE.has(id)) {
        bad(`\`${id}\` cannot be suppressed inline: fix the cause (an expired waiver must be renewed or removed in the config; a broken suppression must be corrected)`);
      } else if (!known.has(id)) {
        const near = nearest(id, [...known]);
        bad(`Inline suppression names an unknown rule id "${id}"${near ? ` (did you mean "${near}"?)` : ''}; it suppresses nothing. Rule ids are listed by \`model-deploy-gate --list-rules\``);
      } else {
        valid.add(id);
      }
    }
    if (valid.size === 0) continue;
    out.push({ target: c.ownLine ? nextCodeLine(lines, c.index) : c.index + 1, ids: valid, reason });
  }
  return out;
}

/** JSON has no place for these comments (SPEC §5: JSON uses waivers): say so instead of silently ignoring them. */
function scanJson(file: LoadedFile, problems: Finding[]): Directive[] {
  const lines = file.text.split('\n');
  for (const c of comments(lines, /\/\/|\/\*|#/g)) {
    if (!/^ignore\b/.test(c.body)) continue;
    problems.push(
      finding(
        INVALID_SUPPRESSION,
        'Inline suppressions are honoured in YAML files only; for a JSON file add a waiver to the config ' +
          '(`waivers:` with rule, path, reason, owner and expires)',
        file.path,
        { line: c.index + 1, column: c.column, endLine: c.index + 1, endColumn: c.lineLength + 1 },
      ),
    );
  }
  return [];
}

/** Lines holding `<comment-start> model-deploy-gate: …` where the comment start begins a line or follows whitespace. */
function* comments(lines: string[], starts: RegExp): Generator<CommentAt> {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const at = line.indexOf(MARKER);
    if (at === -1) continue;
    starts.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = starts.exec(line)) !== null && m.index < at) {
      const before = line.slice(0, m.index);
      const between = line.slice(m.index + m[0].length, at);
      if ((before === '' || /\s$/.test(before)) && /^[\s*]*$/.test(between)) {
        yield {
          index: i,
          column: m.index + 1,
          body: line.slice(at + MARKER.length).replace(/\*\/\s*$/, '').trim(),
          ownLine: before.trim() === '',
          lineLength: line.length,
        };
        break;
      }
    }
  }
}

/** An own-line directive applies to the next line that is not a comment (stacked directives share it). */
function nextCodeLine(lines: string[], index: number): number {
  let j = index + 1;
  while (j < lines.length && /^\s*#/.test(lines[j])) j++;
  return j + 1;
}

function insideScalar(file: LoadedFile, line: number, column: number): boolean {
  for (const doc of file.docs) {
    for (const s of doc.values.values()) {
      if (line < s.line || line > s.endLine) continue;
      const afterStart = line > s.line || column > s.column;
      const beforeEnd = line < s.endLine || column < s.endColumn;
      if (afterStart && beforeEnd) return true;
    }
  }
  return false;
}

// ------------------------------------------------------------------ waivers

function expiredFinding(config: Config, w: Waiver, cameBack: number, severity: Severity): Finding {
  const file = config.source?.path ?? CONFIG_FILES[0];
  const doc = config.source?.doc;
  const item = doc?.values.get(`/waivers/${w.index}`);
  const key = doc?.keys.get(`/waivers/${w.index}/rule`);
  const span: Span = item
    ? { line: item.line, column: item.column, endLine: item.line, endColumn: key && key.line === item.line ? key.endColumn : item.column + 1 }
    : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const back =
    cameBack === 0
      ? 'it matches no finding now, so it can simply be deleted'
      : `the ${cameBack === 1 ? 'finding' : `${cameBack} findings`} it waived ${cameBack === 1 ? 'is' : 'are'} reported again`;
  const f = finding(
    WAIVER_EXPIRED,
    `Waiver for ${w.rule} on "${w.path}" (owner ${w.owner}) expired on ${w.expires}: ${back}. ` +
      'Fix the findings and delete the waiver, or, if the reason still holds, renew it with a new `expires` date.',
    file,
    span,
  );
  return { ...f, severity };
}
