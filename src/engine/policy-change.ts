// A pull request that changes the gate's config: the run is judged by the base branch's policy, run
// again with the PR's, and one `policy-change` finding says what the new policy would turn off,
// lower, waive or relax, and which findings it would hide (SPEC §6, revised 2026-12).
import { CONFIG_FILES, configFrom } from '../config/load.js';
import { diffPolicies, extraExcludes, summarisePolicy } from '../config/policy.js';
import { problemText, type Config, type ConfigSource } from '../config/types.js';
import { spanAt } from '../core/pointer.js';
import { plural } from '../core/text.js';
import type { Finding, PolicyChange, PolicyInfo, Result, Severity, Span } from '../core/types.js';
import { Registry } from '../policy/registry.js';
import { ALL_RULES } from '../policy/rules/index.js';
import { compareFindings, summarise } from '../policy/verdict.js';
import type { EngineOptions, PolicyFrom, PolicyOptions } from './options.js';

const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);

export const POLICY_CHANGE = 'policy-change';
/** Relaxations listed in the message of a policy-change finding (the rest are counted). */
const MAX_LISTED = 12;

function sameSource(a: ConfigSource | null, b: ConfigSource | null): boolean {
  if (a === null || b === null) return a === b;
  return a.path === b.path && a.text === b.text;
}

/** The config change a run sees, if any: the PR's config differs from the one that judges. */
export function configChange(p: PolicyOptions | undefined): { changed: boolean; path?: string; deleted?: boolean } {
  if (!p) return { changed: false };
  if (p.from === 'base' && (p.proposedProblems?.length ?? 0) > 0) return { changed: true, path: p.proposedProblems![0]!.file };
  if (p.from === 'base' && p.proposed !== undefined && !sameSource(p.source, p.proposed)) {
    return p.proposed === null ? { changed: true, path: p.source?.path, deleted: true } : { changed: true, path: p.proposed.path };
  }
  if (p.from === 'head' && p.baseline !== undefined && !sameSource(p.baseline, p.source)) {
    return p.source === null ? { changed: true, path: p.baseline?.path, deleted: true } : { changed: true, path: p.source.path };
  }
  return { changed: false };
}

export interface PolicyMeta {
  from: PolicyFrom;
  commit?: string;
  note?: string;
  /** The pull request changes the config: gate everything. */
  changed: boolean;
  /** The config file it adds, changes or deletes. */
  changedPath?: string;
  /** It deletes it. */
  deleted?: boolean;
}

/** Unsuppressed findings by rule, file and line (how two runs are compared). */
function activeKeys(findings: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) {
    if (f.suppressed || f.ruleId === POLICY_CHANGE) continue;
    const k = `${f.ruleId}\u0000${f.file}\u0000${f.line}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/**
 * Evaluates the run again with the pull request's config and adds one `policy-change` finding
 * (made by the judging policy's registry, after suppressions: the PR cannot silence it).
 */
/** `rerun(config)`: the same run under another config, gating everything. */
export function addPolicyChange(config: Config, policy: PolicyOptions, opts: EngineOptions, meta: PolicyMeta, result: Result, rerun: (config: Config) => Result): void {
  const registry = new Registry(ALL_RULES, config);
  const proposed = policy.proposed ?? null;
  const file = proposed?.path ?? meta.changedPath ?? policy.source?.path ?? CONFIG_FILES[0];
  const kind: PolicyChange['kind'] = proposed === null && !policy.proposedProblems?.length ? 'deleted' : policy.source === null ? 'added' : 'changed';
  const change: PolicyChange = { file, kind, relaxes: [], other: [], hidden: 0 };
  let span: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  let message: string;
  let severity: Severity | undefined;

  const problems = policy.proposedProblems?.length ? policy.proposedProblems : undefined;
  const next = problems ? { ok: false as const, problems } : configFrom(proposed, RULE_IDS);
  if (!next.ok) {
    const p = next.problems[0]!;
    change.invalid = problemText(p);
    if (p.line > 0) span = { line: p.line, column: Math.max(1, p.column), endLine: p.line, endColumn: Math.max(1, p.column) };
    message =
      `The pull request's config ${code(file)} is invalid, so every run would fail once it is merged: ${change.invalid}. ` +
      "This run was judged by the base branch's policy.";
  } else {
    let nextConfig = next.config;
    if (opts.defaultStage) nextConfig = { ...nextConfig, defaultStage: opts.defaultStage };
    const items = diffPolicies(config, nextConfig, ALL_RULES);
    const relaxing = items.filter((i) => i.relaxes);
    change.relaxes = relaxing.map((i) => i.text);
    change.other = items.filter((i) => !i.relaxes).map((i) => i.text);
    // The same run under the PR's policy: which findings would it hide?
    const theirs = rerun(nextConfig);
    const kept = activeKeys(theirs.findings);
    let hiddenErrors = 0;
    for (const f of result.findings) {
      if (f.suppressed || f.ruleId === POLICY_CHANGE) continue;
      const k = `${f.ruleId}\u0000${f.file}\u0000${f.line}`;
      const left = kept.get(k) ?? 0;
      if (left > 0) kept.set(k, left - 1);
      else {
        change.hidden++;
        if (f.severity === 'error') hiddenErrors++;
      }
    }
    change.wouldResult = theirs.summary.result;
    const first = relaxing[0] ?? items[0];
    if (first?.ptr && nextConfig.source) span = spanAt(nextConfig.source.doc, first.ptr);
    const what =
      kind === 'deleted'
        ? `The pull request deletes the config ${code(file)}, so the built-in defaults would apply`
        : `The pull request ${kind === 'added' ? 'adds the config' : 'changes the config'} ${code(file)}`;
    // What relaxes first, then the rest (raised severities, ignored settings).
    const ordered = [...relaxing, ...items.filter((i) => !i.relaxes)];
    const listed = ordered.slice(0, MAX_LISTED).map((i) => i.text);
    const more = ordered.length - listed.length;
    const body = listed.length ? `: it ${listed.join('; it ')}${more > 0 ? `; and ${plural(more, 'more change')}` : ''}` : ' (no setting changes)';
    const effect =
      change.hidden > 0
        ? `Its config would hide ${plural(change.hidden, 'finding')} of this run (${plural(hiddenErrors, 'error')})` +
          (theirs.summary.result === 'pass' && result.summary.result === 'fail' ? ' and pass the run' : '')
        : 'Its config would hide no finding of this run';
    message = `${what}${body}. ${effect}: have the config owners review it (the base branch's policy judged this run).`;
    if (relaxing.length === 0 && change.hidden === 0) severity = 'notice';
  }
  result.policy = { ...result.policy!, change };
  const f = registry.make(POLICY_CHANGE, file, span, message, severity);
  if (f) {
    result.findings.push(f);
    result.findings.sort(compareFindings);
    result.summary = summarise(result.findings, opts.failOn);
  }
}

function code(s: string): string {
  return `\`${s}\``;
}

export function policyInfo(config: Config, meta: PolicyMeta, excludedFiles: number, inForce: number, now: Date): PolicyInfo {
  const today = now.toISOString().slice(0, 10);
  const info: PolicyInfo = {
    from: meta.from,
    file: config.source?.path ?? null,
    ...summarisePolicy(config, ALL_RULES),
    defaultStage: config.defaultStage,
    excluded: { patterns: extraExcludes(config), files: excludedFiles },
    waivers: { inForce, expired: config.waivers.filter((w) => w.expires < today).length },
  };
  if (meta.commit) info.commit = meta.commit;
  if (meta.note) info.note = meta.note;
  return info;
}
