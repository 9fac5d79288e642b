// The one function both entry points call: config → load → formats → inventory → policy → Result.
import * as path from 'node:path';
import { SkuCatalog } from './catalog/skus.js';
import { loadConfig } from './config/load.js';
import type { Config, ConfigProblem } from './config/types.js';
import { VERSION } from './core/version.js';
import type { FailOn, Finding, LoadedFile, Result, Stage } from './core/types.js';
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

export interface EngineOptions {
  /** Repository root: every path in the output is relative to it. */
  root: string;
  /** The policy, already loaded; else it is read from `configPath` or the default locations. */
  config?: Config;
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

export function evaluate(opts: EngineOptions): Outcome {
  const root = path.resolve(opts.root);
  let config = opts.config;
  if (!config) {
    const loaded = loadConfig(root, opts.configPath, RULE_IDS);
    if (!loaded.ok) return loaded;
    config = loaded.config;
  }
  if (opts.defaultStage) config = { ...config, defaultStage: opts.defaultStage };
  return { ok: true, result: run(root, config, opts) };
}

function run(root: string, config: Config, opts: EngineOptions): Result {
  const candidates = walk({ root, include: config.include, exclude: config.exclude });
  const loaded = loadAll(candidates, { prefilter: looksLikeManifest, maxBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES });
  const overlay = opts.overlay;
  const files = overlay
    ? loaded.map((f) => {
        const text = overlay.get(f.path);
        return text === undefined ? f : (parseBuffer({ path: f.path, abs: f.abs }, Buffer.from(text, 'utf8'), looksLikeManifest) ?? f);
      })
    : loaded;
  return judge(root, candidates.length, files, config, opts);
}

/**
 * Everything after reading: recognition, inventory, rules, suppressions, scope. `candidates` is how
 * many files the walk selected, `files` the ones the loader kept. Exported for the in-memory test
 * harness, which feeds it files that never touch the disk.
 */
export function judge(root: string, candidates: number, files: LoadedFile[], config: Config, opts: EngineOptions): Result {
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
  // A changed config file changes every verdict: the run gates everything (SPEC §6).
  const configPath = config.source?.path;
  const changed = opts.changed && configPath !== undefined && opts.changed.includes(configPath) ? undefined : opts.changed;
  const scopeReason = changed === opts.changed ? opts.scopeReason : `${opts.scopeReason}; the config file ${configPath} changed, so everything is gated`;
  const keepConfigFinding = (f: Finding) => f.ruleId === 'waiver-expired' && f.file === configPath;
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
  };
}
