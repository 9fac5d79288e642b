// The one function both entry points call: config → load → formats → inventory → policy → Result.
// On a pull request the policy is the base branch's; a config the PR changes is evaluated too and
// compared (policy-change).
import * as path from 'node:path';
import picomatch from 'picomatch';
import { SkuCatalog } from './catalog/skus.js';
import { configFrom, readConfigSource } from './config/load.js';
import { BUILTIN_EXCLUDES } from './config/parse.js';
import { extraExcludes } from './config/policy.js';
import type { Config, ConfigSource } from './config/types.js';
import { VERSION } from './core/version.js';
import { growYoungGeneration } from './core/heap.js';
import type { Finding, LoadedFile, QuotaEntry, Result } from './core/types.js';
import type { EngineOptions, Outcome } from './engine/options.js';
import { deployedAs, firstDeployer, PipelineCollector, type Deployed } from './engine/deployed.js';
import { addPolicyChange, configChange, policyInfo, POLICY_CHANGE, type PolicyMeta } from './engine/policy-change.js';
import { looksLikeManifest, outOfScopeAsset, prefilterScreen } from './formats/prefilter.js';
import { normalise, recognise } from './formats/recognise.js';
import { buildInventory } from './inventory/build.js';
import { dependents } from './inventory/dependents.js';
import { commandValuesOf, withCommandValues } from './inventory/overrides.js';
import { AheadOfNeed, parseNeeded } from './engine/needed.js';
import { compareAssetRows, compareRows, computeRow, endpointRow, inventoryRow, modelRow } from './inventory/rows.js';
import { DEFAULT_MAX_FILE_BYTES, loadCandidate, parseBuffer, parseLoaded } from './load/read.js';
import { readCheckout } from './load/reader-thread.js';
import { quotaEntries, quotaNeeds } from './policy/kit/quota.js';
import { Registry } from './policy/registry.js';
import { ALL_RULES } from './policy/rules/index.js';
import { applySuppressions, SUPPRESSION_MARKER } from './policy/suppress/apply.js';
import { compareFindings, summarise } from './policy/verdict.js';

export type { EngineOptions, Outcome, PolicyFrom, PolicyOptions } from './engine/options.js';

/** The young generation's cap during a full audit's read (both semi-spaces, MiB). */
const YOUNG_GENERATION_MIB = 8;

export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);

export function evaluate(opts: EngineOptions): Outcome {
  const prepared = prepare(opts);
  if (!prepared.ok) return prepared;
  const { root, config, meta } = prepared;
  const result = finish(read(root, config, opts, meta, opts.changed !== undefined), config, opts, meta);
  return { ok: true, result: withPolicyChange(root, config, opts, meta, result) };
}

/**
 * `evaluate` for a changed-file list that is still being computed: the CLI's git calls run while the
 * checkout is walked and read. A failure of `changed` wins over config problems, as if it ran first.
 */
export async function evaluateAsync(opts: Omit<EngineOptions, 'changed'>, changed: Promise<string[]>): Promise<Outcome> {
  const prepared = prepare(opts);
  if (!prepared.ok) {
    await changed;
    return prepared;
  }
  const { root, config, meta } = prepared;
  const state = read(root, config, opts, meta, true);
  const all = { ...opts, changed: await changed };
  const result = finish(state, config, all, meta);
  return { ok: true, result: withPolicyChange(root, config, all, meta, result) };
}

function prepare(opts: Omit<EngineOptions, 'changed'>): { ok: true; root: string; config: Config; meta: PolicyMeta } | Exclude<Outcome, { ok: true }> {
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
  return { ok: true, root, config, meta };
}

/** A pull request that changes the base branch's policy is also judged by its own (policy-change). */
function withPolicyChange(root: string, config: Config, opts: EngineOptions, meta: PolicyMeta, result: Result): Result {
  const policy = opts.policy;
  if (policy?.from === 'base' && meta.changed) {
    const full = (next: Config) => finish(read(root, next, opts, { from: 'head', changed: true }, false), next, { ...opts, changed: undefined }, { from: 'head', changed: true });
    addPolicyChange(config, policy, opts, meta, result, full);
  }
  return result;
}

/** A run after the walk and the reads. */
interface ReadState {
  root: string;
  candidates: number;
  files: LoadedFile[];
  excludedFiles: number;
  deployed: Deployed;
  pipelines: string[];
  /** Files were read without being parsed (a diff-aware run that may parse only what it needs). */
  deferred: boolean;
  /** What parseNeeded would do that was done during the read. */
  ahead?: AheadOfNeed;
}

function read(root: string, config: Config, opts: Omit<EngineOptions, 'changed'>, meta: PolicyMeta, diffAware: boolean): ReadState {
  // Files kept out by the config's own excludes are counted (SPEC §5: always reported), so the walk
  // applies only the built-in excludes and the config's are applied here.
  const extra = extraExcludes(config);
  const isExcluded = extra.length ? picomatch(extra, { dot: true, flags: 's' }) : () => false;
  // Pipelines are read wherever the built-in excludes let the walk go, also under the config's own
  // excludes: they say which stage a file is deployed to, they are not gated themselves.
  const pipelines = new PipelineCollector();
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // A diff-aware run reads and pre-filters the whole checkout, and may then parse only what the
  // changed files need (finish). Not when the whole checkout is gated anyway (a changed policy),
  // when waivers count their findings over it, or when `--fix` gates its edits in memory.
  const defer = diffAware && !opts.exhaustive && !opts.overlay && !meta.changed && config.waivers.length === 0;
  // A full audit keeps every parsed document until the report, a pull-request run every text and
  // its file record until it knows what it needs: a larger young generation copies them fewer times
  // (core/heap.ts; in a PR run at 10k: 191 scavenges, 318 ms → 66, 183 ms).
  growYoungGeneration(YOUNG_GENERATION_MIB);
  const ahead = defer ? new AheadOfNeed() : undefined;
  const checkout = readCheckout(
    { root, include: config.include, exclude: extra.length ? BUILTIN_EXCLUDES : config.exclude, onFile: pipelines.onFile },
    extra.length ? (c) => !isExcluded(c.path) : () => true,
    {
      prefilter: looksLikeManifest,
      maxBytes,
      onText: pipelines.onText,
      defer,
      // While the reader thread reads: the pipelines' parse, and what parseNeeded does in any case.
      spare: { kept: ahead ? ahead.kept : () => undefined, run: () => pipelines.parseAhead() || (ahead?.run() ?? false) },
      screens: [prefilterScreen(), PipelineCollector.screen],
      // looksLikeManifest is screenTest(prefilterScreen()).
      prefilterScreen: true,
      onDropped: pipelines.onDropped,
    },
  );
  const loaded = checkout.files;
  pipelines.readRest();
  const deployed = pipelines.deployed();
  // A file a pipeline deploys is gated whatever its name or content looks like (`deploy.yml.j2`, a
  // file the pre-filter passed over): Azure loads it. The config's excludes still hold.
  const have = new Set(loaded.map((f) => f.path));
  for (const rel of deployed.keys()) {
    if (have.has(rel) || isExcluded(rel)) continue;
    const f = loadCandidate({ path: rel, abs: path.join(root, rel) }, { prefilter: () => true, maxBytes, defer });
    if (f) loaded.push(f);
  }
  // `--fix` gates its edited texts in memory.
  const overlay = opts.overlay;
  const files = overlay
    ? loaded.map((f) => {
        const text = overlay.get(f.path);
        return text === undefined ? f : (parseBuffer({ path: f.path, abs: f.abs }, Buffer.from(text, 'utf8'), looksLikeManifest) ?? f);
      })
    : loaded;
  return { root, candidates: checkout.candidates, files, excludedFiles: checkout.excluded, deployed, pipelines: pipelines.sources.map((s) => s.path), deferred: defer, ahead };
}

function finish(state: ReadState, config: Config, opts: EngineOptions, meta: PolicyMeta): Result {
  const { root, files, deployed, pipelines } = state;
  const input: JudgeInput = { candidates: state.candidates, files, excludedFiles: state.excludedFiles, deployed, pipelines };
  if (state.deferred) {
    // The whole checkout is gated when the changed files include the config (judge says so).
    const configPath = config.source?.path;
    const changed = opts.changed;
    if (changed && (configPath === undefined || !changed.includes(configPath))) {
      // Files deployed with values on the command line are parsed as if changed: a name the command
      // line gives is in no file's text, so no text test could find what it defines or references.
      const seed = new Set([...changed, ...deployedBy(changed, deployed, pipelines), ...withLiteralCommandValues(deployed)]);
      input.quota = parseNeeded(root, files, config, deployed, seed, opts.onParse, state.ahead);
    } else {
      for (const f of files) parseLoaded(f);
    }
  }
  return judge(root, input, config, opts, meta);
}

/** What `judge` works on: the files read, and what the pipelines deploy. */
export interface JudgeInput {
  /** How many files the walk selected. */
  candidates: number;
  /** The files the loader kept (and those pipelines deploy). */
  files: LoadedFile[];
  /** Files the config's own excludes kept out. */
  excludedFiles?: number;
  deployed?: Deployed;
  /** Paths of the pipeline texts read (workflows, templates, variable files, scripts). */
  pipelines?: readonly string[];
  /**
   * A pull-request run that parsed only part of the checkout (`files` holds the rest unparsed): the
   * quota entries of the other files that may add to the vCPU quota, which is the repository's.
   */
  quota?: readonly QuotaEntry[];
}

/** The files a step deploys with a literal value on the command line. */
function withLiteralCommandValues(deployed: Deployed): string[] {
  const out: string[] = [];
  for (const [rel, list] of deployed) if (list.some((e) => commandValuesOf(e).length > 0)) out.push(rel);
  return out;
}

/**
 * The files whose stage a change to pipelines may change: those a changed workflow or Azure DevOps
 * pipeline deploys; every deployed file when a changed file is a template, variable file or script
 * (the evidence names only the top pipeline).
 */
function deployedBy(changed: readonly string[], deployed: Deployed, pipelines: readonly string[]): string[] {
  const sources = new Set(pipelines);
  const touched = changed.filter((p) => sources.has(p));
  if (touched.length === 0) return [];
  const top = new Set<string>();
  for (const list of deployed.values()) for (const e of list) top.add(e.pipeline);
  const changedSet = new Set(touched);
  if (touched.some((p) => !top.has(p))) return [...deployed.keys()];
  return [...deployed].filter(([, list]) => list.some((e) => changedSet.has(e.pipeline))).map(([rel]) => rel);
}

/**
 * Everything after reading: recognition, inventory, rules, suppressions, scope. Exported for the
 * in-memory test harness, which feeds it files that never touch the disk.
 */
export function judge(
  root: string,
  input: JudgeInput,
  config: Config,
  opts: EngineOptions,
  meta: PolicyMeta = { from: opts.policy?.from ?? 'checkout', changed: false },
): Result {
  const { candidates, files } = input;
  const excludedFiles = input.excludedFiles ?? 0;
  const deployed: Deployed = input.deployed ?? new Map();
  const registry = new Registry(ALL_RULES, config);

  const findings: Finding[] = [];
  for (const f of files) {
    // A syntax error in an Azure ML asset the gate does not judge (a pipeline job, a component) is
    // visible but not an error: Azure's own loader stops at it too, so nothing it deploys is hidden.
    // Unless a pipeline deploys the file: then it is what Azure gets.
    if (f.problems.length === 0) continue;
    const deployer = firstDeployer(deployed, f.path);
    const outOfScope = !deployer && f.problems.every((p) => p.syntax) ? outOfScopeAsset(f.text) : undefined;
    for (const p of f.problems) {
      const span = { line: p.line, column: p.column, endLine: p.line, endColumn: p.column };
      const message = outOfScope
        ? `${p.message}. The file looks like an Azure ML ${outOfScope}, which the gate does not gate, so this is a notice`
        : deployer
          ? `${p.message} (${deployer})`
          : p.message;
      const finding = registry.make('parse-error', f.path, span, message, outOfScope ? 'notice' : undefined);
      if (finding) findings.push(finding);
    }
  }
  const manifests = [];
  for (const f of files) {
    const found = recognise(f, deployedAs(deployed, f.path));
    // What Azure gets: the command line's values over the file's (one variant per distinct set).
    manifests.push(...withCommandValues(found, deployed.get(f.path)));
    const deployer = found.length === 0 && f.problems.length === 0 ? firstDeployer(deployed, f.path) : undefined;
    if (deployer) {
      // Deployed, yet nothing in it Azure could load: the gate cannot check what Azure will do with it.
      const at = f.docs[0]?.start ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
      const finding = registry.make(
        'parse-error',
        f.path,
        at,
        `${deployer}, but the file holds no YAML or JSON mapping the Azure ML CLI could load, so the gate cannot check it. Fix: deploy a rendered manifest`,
      );
      if (finding) findings.push(finding);
    }
    // Keep memory flat on large repos: parsed documents that are not manifests, and texts without an
    // inline suppression, are not needed past this point (manifest texts stay until the rules have
    // made their fixes: a fix is an edit of the text).
    if (found.length === 0) f.docs = [];
    if (found.length === 0 && !f.text.includes(SUPPRESSION_MARKER)) f.text = '';
  }
  const inventory = buildInventory(root, files, manifests, normalise(manifests), config, deployed);
  if (input.quota) inventory.quotaPool = [...quotaEntries(inventory.deployments), ...input.quota];
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
    const scope = dependents(new Set([...changed, ...deployedBy(changed, deployed, input.pipelines ?? [])]), inventory);
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
      // Documents, not the variants a command line makes of them.
      manifests: new Set((narrowed ? inventory.manifests.filter((m) => inScopeFileSet.has(m.file)) : inventory.manifests).map((m) => m.doc)).size,
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
    quota: quotaNeeds(inventory.quotaPool ?? quotaEntries(inventory.deployments), skus, config.quota),
    policy: policyInfo(config, meta, excludedFiles, suppressed.waivers.length, opts.now ?? new Date()),
  };
}
