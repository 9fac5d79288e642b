import * as path from 'node:path';
import type { Deployment, FailOn, Finding, Inventory, InventoryRow, LoadedFile, Manifest, Ref, Result, Severity, Stage, Summary } from './types.js';
import { walk, loadAll, DEFAULT_MAX_FILE_BYTES } from './load/files.js';
import { recognise, normalise } from './formats/index.js';
import { buildInventory } from './inventory/build.js';
import { SkuCatalog } from './catalog/skus.js';
import { loadConfig } from './policy/config.js';
import { runRules, makeFinding, sentence } from './policy/registry.js';
import { applySuppressions, SUPPRESSION_MARKER } from './policy/suppress.js';
import { ALL_RULES } from './policy/rules/index.js';
import { VERSION } from './version.js';

export interface EngineOptions {
  /** Repository root: every path in the output is relative to it. */
  root: string;
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
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** The one function both entry points call: files + settings → Result. Throws ConfigError on invalid config. */
export async function evaluate(opts: EngineOptions): Promise<Result> {
  const root = path.resolve(opts.root);
  const knownRules = ALL_RULES.map((r) => r.id);
  const config = await loadConfig(root, opts.configPath, knownRules);
  if (opts.defaultStage) config.defaultStage = opts.defaultStage;

  const candidates = await walk({ root, include: config.include, exclude: config.exclude });
  const files = await loadAll(candidates, opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);

  const findings: Finding[] = [];
  for (const f of files) {
    for (const p of f.problems) {
      findings.push(
        makeFinding('parse-error', severityFor('parse-error', config.rules), sentence(p.message), f.path, {
          line: p.line,
          column: p.column,
          endLine: p.line,
          endColumn: p.column,
        }),
      );
    }
  }
  const manifests: Manifest[] = [];
  for (const f of files) {
    const found = recognise(f);
    for (const m of found) manifests.push(m);
    // Keep memory flat on large repos: parsed documents that are not manifests, and texts without an
    // inline suppression, are not needed past this point.
    if (found.length === 0) f.docs = [];
    if (!f.text.includes(SUPPRESSION_MARKER)) f.text = '';
  }
  const norm = normalise(manifests);
  const inventory = buildInventory(root, files, manifests, norm, config);
  const skus = new SkuCatalog(config.skus);
  const ruleRun = runRules(ALL_RULES, inventory, config, skus);
  findings.push(...ruleRun.findings.filter((f) => config.rules[f.ruleId] !== 'off'));
  if (config.rules['parse-error'] === 'off') removeRule(findings, 'parse-error');

  const fileMap = new Map<string, LoadedFile>(files.map((f) => [f.path, f]));
  const suppressed = applySuppressions(
    findings.filter((f) => config.rules[f.ruleId] !== 'off'),
    fileMap,
    config,
    opts.now ?? new Date(),
    new Set(knownRules),
  );
  let all = suppressed.findings.filter((f) => config.rules[f.ruleId] !== 'off');

  // Scope: a diff-aware run keeps findings of changed files and of the manifests that depend on them.
  let deployments = inventory.deployments;
  let inScopeFiles = files;
  // A changed config file changes every verdict: the run gates everything (SPEC §6).
  const configPath = config.source?.path;
  const changed = opts.changed && configPath !== undefined && opts.changed.includes(configPath) ? undefined : opts.changed;
  const scopeReason = changed === opts.changed ? opts.scopeReason : `${opts.scopeReason}; the config file ${configPath} changed, so everything is gated`;
  if (changed) {
    const scope = dependents(new Set(changed), inventory);
    all = all.filter((f) => scope.has(f.file) || (f.ruleId === 'waiver-expired' && f.file === configPath));
    deployments = deployments.filter((d) => scope.has(d.manifest.file.path));
    inScopeFiles = files.filter((f) => scope.has(f.path));
  }
  if (opts.paths && opts.paths.length > 0) {
    const only = opts.paths;
    const wanted = (p: string) => only.some((x) => p === x || p.startsWith(`${x}/`));
    all = all.filter((f) => wanted(f.file) || (f.ruleId === 'waiver-expired' && f.file === configPath));
    deployments = deployments.filter((d) => wanted(d.manifest.file.path));
    inScopeFiles = inScopeFiles.filter((f) => wanted(f.path));
  }
  const inScopeFileSet = new Set(inScopeFiles);
  const deploymentFiles = new Set(deployments.map((d) => d.manifest.file.path));

  all.sort(compareFindings);
  const summary = summarise(all, opts.failOn);
  const narrowed = changed !== undefined || (opts.paths?.length ?? 0) > 0;
  const skipped = ruleRun.skipped.filter((s) => !narrowed || deploymentFiles.has(s.file));
  return {
    version: 1,
    tool: { name: 'model-deploy-gate', version: VERSION },
    scope: {
      mode: changed ? 'changed' : 'all',
      reason: scopeReason,
      filesScanned: inScopeFiles.length,
      manifests: narrowed
        ? inventory.manifests.filter((m) => inScopeFileSet.has(m.file)).length
        : inventory.manifests.length,
    },
    summary,
    findings: all,
    inventory: deployments.map((d) => inventoryRow(d, skus)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)),
    skipped,
    waivers: suppressed.waivers,
    failOn: opts.failOn,
  };
}

function severityFor(ruleId: string, overrides: Record<string, string>): Severity {
  const o = overrides[ruleId];
  return o === 'warning' || o === 'notice' || o === 'error' ? o : 'error';
}

function removeRule(findings: Finding[], ruleId: string): void {
  for (let i = findings.length - 1; i >= 0; i--) if (findings[i].ruleId === ruleId) findings.splice(i, 1);
}

/**
 * Changed files plus every manifest whose deployment uses a changed definition: any model metadata
 * of its model's name (facts merge from several files), any compute definition of its compute's
 * name, the files under its model's local path, and (Kubernetes) its endpoint.
 */
function dependents(changed: Set<string>, inv: Inventory): Set<string> {
  const scope = new Set(changed);
  const touches = (p: string | undefined) => p !== undefined && changed.has(p);
  const changedList = [...changed];
  const under = (dir: string | undefined) =>
    dir !== undefined && changedList.some((c) => dir === '' || c === dir || c.startsWith(dir + '/'));
  // Names defined by changed files: a new or edited definition can resolve (or break) a reference.
  const modelNames = new Set(inv.models.filter((m) => m.name && touches(m.manifest?.file.path)).map((m) => m.name));
  const computeNames = new Set(inv.computes.filter((c) => touches(c.manifest?.file.path)).map((c) => c.name.toLowerCase()));
  const endpointNames = new Set(inv.endpoints.filter((e) => e.name && touches(e.manifest.file.path)).map((e) => e.name));
  const named = (ref: Ref | undefined, names: Set<string | undefined>, fold = false) =>
    ref !== undefined && !ref.external && names.has(fold ? ref.name.toLowerCase() : ref.name);
  for (const d of inv.deployments) {
    const file = d.manifest.file.path;
    if (scope.has(file)) continue;
    if (
      touches(d.model?.manifest?.file.path) ||
      (d.model?.name !== undefined && modelNames.has(d.model.name)) ||
      named(d.modelRef, modelNames) ||
      touches(d.compute?.manifest?.file.path) ||
      named(d.computeRef, computeNames, true) ||
      touches(d.computeRef?.at.manifest.file.path) ||
      (d.manifest.kind === 'kubernetesOnlineDeployment' && d.endpointName !== undefined && endpointNames.has(d.endpointName)) ||
      under(d.model?.localPath)
    ) {
      scope.add(file);
    }
  }
  // Findings about an in-scope deployment may sit in its endpoint file (inherited compute key).
  for (const d of inv.deployments) {
    const ep = d.computeRef?.at.manifest.file.path;
    if (ep && scope.has(d.manifest.file.path)) scope.add(ep);
  }
  return scope;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

export function summarise(findings: Finding[], failOn: FailOn): Summary {
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

function inventoryRow(d: Deployment, skus: SkuCatalog): InventoryRow {
  const sku = d.target === 'managed-online' ? skus.get(d.instanceType?.value) : d.target === 'compute-cluster' ? skus.get(d.compute?.vmSize) : undefined;
  const model = d.modelRef
    ? refLabel(d.modelRef)
    : d.model
      ? [d.model.name, d.model.version].filter(Boolean).join(':') || d.model.localPath || null
      : null;
  const memoryGb =
    d.memoryGb?.value ??
    (d.requests?.memory ? round(d.requests.memory.value / 2 ** 30) : undefined) ??
    (sku && sku.memoryGb > 0 ? sku.memoryGb : undefined) ??
    v1DefaultMemoryGb(d) ??
    null;
  return {
    file: d.manifest.file.path,
    line: d.manifest.doc.start.line,
    kind: d.manifest.kind,
    name: d.name ?? d.endpointName ?? null,
    target: d.target,
    stage: d.stage,
    mode: d.mode,
    instanceType: d.instanceType?.value ?? d.compute?.vmSize ?? null,
    instances: d.instanceCount?.value ?? d.replicas?.value ?? d.maxReplicas?.value ?? null,
    memoryGb,
    gpus: d.gpu?.value ?? sku?.gpus ?? null,
    model: model || null,
    modelSizeBytes: d.model?.sizeBytes ?? null,
    compute: d.computeRef?.raw ?? null,
  };
}

/** Azure's default memory of a v1 ACI/AKS web service (`memoryInGB` / aml-deploy `memory_gb` omitted: 0.5 GB). */
function v1DefaultMemoryGb(d: Deployment): number | undefined {
  if (d.manifest.kind === 'amlDeployAction') return 0.5;
  return d.manifest.kind === 'v1DeploymentConfig' && d.target !== 'local' ? 0.5 : undefined;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** `fraud-detector:3`, `fraud-detector@latest` (SPEC §8); registry/ARM ids and local paths as written. */
function refLabel(ref: Ref): string {
  if (ref.external || ref.path !== undefined || !/^azureml:/i.test(ref.raw)) return ref.raw;
  return `${ref.name}${ref.version ? `:${ref.version}` : ''}${ref.label ? `@${ref.label}` : ''}`;
}
