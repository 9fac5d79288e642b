// The one function both entry points call: config → load → formats → inventory → policy → Result.
// On a pull request the policy is the base branch's; a config the PR changes is evaluated too and
// compared (policy-change).
import * as path from 'node:path';
import { SkuCatalog } from './catalog/skus.js';
import picomatch from 'picomatch';
import { CONFIG_FILES, configFrom, readConfigSource } from './config/load.js';
import { BUILTIN_EXCLUDES } from './config/parse.js';
import { diffPolicies, extraExcludes, summarisePolicy } from './config/policy.js';
import { problemText, type Config, type ConfigProblem, type ConfigSource } from './config/types.js';
import { spanAt } from './core/pointer.js';
import { plural } from './core/text.js';
import { VERSION } from './core/version.js';
import type { FailOn, Finding, LoadedFile, PolicyChange, PolicyInfo, Result, Severity, Span, Stage } from './core/types.js';
import { looksLikeManifest, outOfScopeAsset } from './formats/prefilter.js';
import { normalise, recognise } from './formats/recognise.js';
import { buildInventory } from './inventory/build.js';
import { dependents } from './inventory/dependents.js';
import { compareAssetRows, compareRows, computeRow, endpointRow, inventoryRow, modelRow } from './inventory/rows.js';
import { walk } from './load/files.js';
import { DEFAULT_MAX_FILE_BYTES, loadAll, parseBuffer } from './load/read.js';
import { quotaNeeds } from './policy/kit/quota.js';
import { Registry } from './policy/registry.js';
import { ALL_RULES } from './policy/rules/index.js';
import { applySuppressions, SUPPRESSION_MARKER } from './policy/suppress/apply.js';
import { compareFindings, summarise } from './policy/verdict.js';

/** Where the policy that judges a run comes from (SPEC §5, §6). */
export type PolicyFrom = 'base' | 'head' | 'checkout';

/**
 * The policy of a run, as config texts (the action reads them from the base commit and the
 * checkout). Without it the engine reads the config from the checkout (`from: 'checkout'`).
 */
export interface PolicyOptions {
  from: PolicyFrom;
  /** The config that judges the run; null: there is none (the built-in defaults). Paths relative to `root`. */
  source: ConfigSource | null;
  /** The commit `source` was read at (shown in the reports). */
  commit?: string;
  /**
   * `from: 'base'`: the pull request's own config (null: it has none, or deletes it). When it differs
   * from `source` the run gates everything, is evaluated a second time with it, and gets a
   * `policy-change` finding saying what it would turn off, lower, waive or relax.
   */
  proposed?: ConfigSource | null;
  /** `from: 'base'`: the pull request's config exists but cannot be read (reported as an invalid config). */
  proposedProblems?: ConfigProblem[];
  /** `from: 'head'`: the base branch's config, only to notice that the PR changes it (the run then gates everything). */
  baseline?: ConfigSource | null;
  /** Why the judging policy is not the one asked for (e.g. the base branch's config is invalid). */
  note?: string;
}

export interface EngineOptions {
  /** Repository root: every path in the output is relative to it. */
  root: string;
  /** The policy, already loaded; else it comes from `policy`, else from `configPath` or the default locations. */
  config?: Config;
  /** The policy as config texts (base branch, pull request); see PolicyOptions. */
  policy?: PolicyOptions;
  /** Explicit config file (CLI --config / action input `config`), relative to root or absolute. */
  configPath?: string;
  /**
   * Report only on these repo-relative files/folders (CLI positional paths). Everything is still
   * loaded, so models and computes defined elsewhere resolve (SPEC §6: definitions come from the
   * whole checkout).
   */
  paths?: string[];
  failOn: FailOn;
  /** Overrides config `default-stage`. */
  defaultStage?: Stage;
  /**
   * Changed files (repo-relative, `/`) for a diff-aware run; undefined = audit everything.
   * Findings are kept for these files plus every manifest that depends on one of them.
   */
  changed?: string[];
  /** Why this scope (event name, "git diff main...HEAD", …) for the report. */
  scopeReason: string;
  /** Clock for waiver expiry (tests). */
  now?: Date;
  maxFileBytes?: number;
  /**
   * Texts that stand in for files on disk (repo-relative path → text): `--fix` evaluates its edits
   * in memory before it writes them, and `--fix-dry-run` never writes.
   */
  overlay?: ReadonlyMap<string, string>;
}

/** A run's outcome: the result, or the config problems that kept it from running (exit 2 at the edges). */
export type Outcome = { ok: true; result: Result } | { ok: false; problems: ConfigProblem[] };

export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);

const POLICY_CHANGE = 'policy-change';
/** Relaxations listed in the message of a policy-change finding (the rest are counted). */
const MAX_LISTED = 12;

function sameSource(a: ConfigSource | null, b: ConfigSource | null): boolean {
  if (a === null || b === null) return a === b;
  return a.path === b.path && a.text === b.text;
}

/** The config change a run sees, if any: the PR's config differs from the one that judges. */
function configChange(p: PolicyOptions | undefined): { changed: boolean; path?: string; deleted?: boolean } {
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

export function evaluate(opts: EngineOptions): Outcome {
  const root = path.resolve(opts.root);
  let config = opts.config;
  const policy = opts.policy;
  if (!config) {
    let source: ConfigSource | null;
    if (policy) source = policy.source;
    else {
      const found = readConfigSource(root, opts.configPath);
      if (!found.ok) return found;
      source = found.source;
    }
    const loaded = configFrom(source, RULE_IDS);
    if (!loaded.ok) return loaded;
    config = loaded.config;
  }
  if (opts.defaultStage) config = { ...config, defaultStage: opts.defaultStage };
  const change = configChange(policy);
  const meta: PolicyMeta = { from: policy?.from ?? 'checkout', commit: policy?.commit, note: policy?.note, changed: change.changed, changedPath: change.path, deleted: change.deleted };
  const result = run(root, config, opts, meta);
  if (policy?.from === 'base' && change.changed) addPolicyChange(root, config, policy, opts, meta, result);
  return { ok: true, result };
}

interface PolicyMeta {
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
function addPolicyChange(root: string, config: Config, policy: PolicyOptions, opts: EngineOptions, meta: PolicyMeta, result: Result): void {
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
    const theirs = run(root, nextConfig, { ...opts, changed: undefined }, { from: 'head', changed: true });
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
        ? ` With its config, ${plural(change.hidden, 'finding')} of this run (${plural(hiddenErrors, 'error')}) would be hidden` +
          (theirs.summary.result === 'pass' && result.summary.result === 'fail' ? ' and the run would pass' : '') +
          '.'
        : ' With its config, no finding of this run would be hidden.';
    message =
      `${what}${body}.${effect} This run was judged by the base branch's policy; the new policy takes effect once merged ` +
      '(have the config owners review it).';
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

function run(root: string, config: Config, opts: EngineOptions, meta: PolicyMeta): Result {
  // Files kept out by the config's own excludes are counted (SPEC §5: always reported), so the walk
  // applies only the built-in excludes and the config's are applied here.
  const extra = extraExcludes(config);
  let candidates = walk({ root, include: config.include, exclude: extra.length ? BUILTIN_EXCLUDES : config.exclude });
  let excludedFiles = 0;
  if (extra.length) {
    const isExcluded = picomatch(extra, { dot: true, flags: 's' });
    const before = candidates.length;
    candidates = candidates.filter((c) => !isExcluded(c.path));
    excludedFiles = before - candidates.length;
  }
  const loaded = loadAll(candidates, { prefilter: looksLikeManifest, maxBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES });
  // `--fix` gates its edited texts in memory.
  const overlay = opts.overlay;
  const files = overlay
    ? loaded.map((f) => {
        const text = overlay.get(f.path);
        return text === undefined ? f : (parseBuffer({ path: f.path, abs: f.abs }, Buffer.from(text, 'utf8'), looksLikeManifest) ?? f);
      })
    : loaded;
  return judge(root, candidates.length, files, config, opts, meta, excludedFiles);
}

/**
 * Everything after reading: recognition, inventory, rules, suppressions, scope. `candidates` is how
 * many files the walk selected, `files` the ones the loader kept. Exported for the in-memory test
 * harness, which feeds it files that never touch the disk.
 */
export function judge(
  root: string,
  candidates: number,
  files: LoadedFile[],
  config: Config,
  opts: EngineOptions,
  meta: PolicyMeta = { from: opts.policy?.from ?? 'checkout', changed: false },
  excludedFiles = 0,
): Result {
  const registry = new Registry(ALL_RULES, config);

  const findings: Finding[] = [];
  for (const f of files) {
    // A syntax error in an Azure ML asset the gate does not judge (a pipeline job, a component) is
    // visible but not an error: Azure's own loader stops at it too, so nothing it deploys is hidden.
    const outOfScope = f.problems.every((p) => p.syntax) ? outOfScopeAsset(f.text) : undefined;
    for (const p of f.problems) {
      const span = { line: p.line, column: p.column, endLine: p.line, endColumn: p.column };
      const message = outOfScope
        ? `${p.message}. The file looks like an Azure ML ${outOfScope}, which the gate does not gate, so this is a notice`
        : p.message;
      const finding = registry.make('parse-error', f.path, span, message, outOfScope ? 'notice' : undefined);
      if (finding) findings.push(finding);
    }
  }
  const manifests = [];
  for (const f of files) {
    const found = recognise(f);
    manifests.push(...found);
    // Keep memory flat on large repos: parsed documents that are not manifests, and texts without an
    // inline suppression, are not needed past this point (manifest texts stay until the rules have
    // made their fixes: a fix is an edit of the text).
    if (found.length === 0) f.docs = [];
    if (found.length === 0 && !f.text.includes(SUPPRESSION_MARKER)) f.text = '';
  }
  const inventory = buildInventory(root, files, manifests, normalise(manifests), config);
  const skus = new SkuCatalog(config.skus);
  const ruleRun = registry.run(inventory, skus, opts.now ?? new Date());
  findings.push(...ruleRun.findings);
  for (const f of files) if (!f.text.includes(SUPPRESSION_MARKER)) f.text = '';
  const suppressed = applySuppressions(findings, files, config, opts.now ?? new Date(), registry);
  // A suppressed or waived finding is accepted as it is: it offers no fix.
  let all = suppressed.findings.map(({ fix, ...f }) => (fix && !f.suppressed ? { ...f, fix } : f));

  // Scope: a diff-aware run keeps findings of changed files and of the manifests that depend on them.
  let deployments = inventory.deployments;
  let inScopeFiles = files;
  // A changed config file changes every verdict: the run gates everything (SPEC §6). So does a
  // config the pull request adds, changes or deletes (the action compares the base and head texts).
  const configPath = config.source?.path;
  const listed = opts.changed !== undefined && configPath !== undefined && opts.changed.includes(configPath);
  const changed = opts.changed && (listed || meta.changed) ? undefined : opts.changed;
  const changedConfig = (listed ? configPath : meta.changedPath) ?? configPath ?? 'file';
  const scopeReason =
    changed === opts.changed
      ? opts.scopeReason
      : `${opts.scopeReason}; the config ${changedConfig} ${meta.deleted ? 'is deleted' : 'changed'}, so everything is gated`;
  const keepConfigFinding = (f: Finding) => (f.ruleId === 'waiver-expired' && f.file === configPath) || f.ruleId === POLICY_CHANGE;
  if (changed) {
    const scope = dependents(new Set(changed), inventory);
    all = all.filter((f) => scope.has(f.file) || keepConfigFinding(f));
    deployments = deployments.filter((d) => scope.has(d.manifest.file.path));
    inScopeFiles = files.filter((f) => scope.has(f.path));
  }
  // `.` or the root itself selects everything.
  const only = (opts.paths ?? []).filter((p) => p !== '' && p !== '.');
  if (only.length > 0) {
    const wanted = (p: string) => only.some((x) => p === x || p.startsWith(`${x}/`));
    all = all.filter((f) => wanted(f.file) || keepConfigFinding(f));
    deployments = deployments.filter((d) => wanted(d.manifest.file.path));
    inScopeFiles = inScopeFiles.filter((f) => wanted(f.path));
  }
  const inScopeFileSet = new Set(inScopeFiles);
  const inScopePaths = new Set(inScopeFiles.map((f) => f.path));
  const deploymentFiles = new Set(deployments.map((d) => d.manifest.file.path));

  all.sort(compareFindings);
  const narrowed = changed !== undefined || only.length > 0;
  return {
    version: 1,
    tool: { name: 'model-deploy-gate', version: VERSION },
    scope: {
      mode: changed ? 'changed' : 'all',
      reason: scopeReason,
      filesScanned: inScopeFiles.length,
      manifests: narrowed ? inventory.manifests.filter((m) => inScopeFileSet.has(m.file)).length : inventory.manifests.length,
      candidates,
      prefiltered: candidates - files.length,
    },
    summary: summarise(all, opts.failOn),
    findings: all,
    inventory: deployments.map((d) => inventoryRow(d, skus)).sort(compareRows),
    endpoints: inventory.endpoints
      .filter((e) => !narrowed || inScopePaths.has(e.manifest.file.path))
      .map((e) => endpointRow(e, inventory.deployments))
      .sort(compareAssetRows),
    models: inventory.models.filter((m) => !narrowed || !m.manifest || inScopePaths.has(m.manifest.file.path)).map(modelRow).sort(compareAssetRows),
    computes: inventory.computes.filter((c) => !narrowed || !c.manifest || inScopePaths.has(c.manifest.file.path)).map(computeRow).sort(compareAssetRows),
    skipped: ruleRun.skipped.filter((s) => !narrowed || deploymentFiles.has(s.file)),
    waivers: suppressed.waivers,
    failOn: opts.failOn,
    quota: quotaNeeds(inventory.deployments, skus, config.quota),
    policy: policyInfo(config, meta, excludedFiles, suppressed.waivers.length, opts.now ?? new Date()),
  };
}

function policyInfo(config: Config, meta: PolicyMeta, excludedFiles: number, inForce: number, now: Date): PolicyInfo {
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
