import type {
  Finding,
  FindingFix,
  InventoryRow,
  PolicyChange,
  PolicyInfo,
  QuotaNeed,
  Result,
  ScopeInfo,
  SkippedEntry,
  Summary,
  SuppressionInfo,
  WaiverInForce,
} from '../core/types.js';

/** The JSON report (SPEC §8), plus `waivers`. `failOn` is a run setting, not part of the report. */
export type JsonReport = Omit<Result, 'failOn'>;

/**
 * One of the report's lists whose items are made only as they are written: `writeJsonFile` makes a
 * slice at a time, so a large report is never held twice (the result and its copy: ≈ 3 MiB of peak
 * RSS at 10k manifests). `JSON.stringify` calls `toJSON`, so it renders exactly what the eager
 * report holds.
 */
export class ReportList<U> {
  private constructor(
    readonly length: number,
    /** The items `from` up to `to` (exclusive), made. */
    readonly slice: (from: number, to: number) => U[],
  ) {}

  static of<T, U>(items: readonly T[], make: (item: T) => U): ReportList<U> {
    return new ReportList(items.length, (from, to) => items.slice(from, to).map((t) => make(t)));
  }

  toJSON(): U[] {
    return this.slice(0, this.length);
  }
}

/** The JSON report with its lists still to be made (`writeJsonFile`); `JSON.stringify` of it equals that of `toJsonReport`. */
export type LazyJsonReport = { [K in keyof JsonReport]: JsonReport[K] extends (infer E)[] ? ReportList<E> | E[] : JsonReport[K] };

/**
 * The report object with a fixed key order (objects are rebuilt field by field, so extra
 * properties a caller may have attached never leak and diffs between runs stay minimal).
 */
export function toJsonReport(result: Result): JsonReport {
  return build(result, (items, make) => items.map((t) => make(t))) as JsonReport;
}

/** `toJsonReport` whose large lists are made as they are written (ReportList). */
export function toLazyJsonReport(result: Result): LazyJsonReport {
  return build(result, ReportList.of);
}

type Lister = <T, U>(items: readonly T[], make: (item: T) => U) => ReportList<U> | U[];

function build(result: Result, list: Lister): LazyJsonReport {
  return {
    version: 1,
    tool: { name: result.tool.name, version: result.tool.version },
    scope: {
      mode: result.scope.mode,
      reason: result.scope.reason,
      filesScanned: result.scope.filesScanned,
      manifests: result.scope.manifests,
      ...(result.scope.candidates !== undefined ? { candidates: result.scope.candidates } : {}),
      ...(result.scope.prefiltered !== undefined ? { prefiltered: result.scope.prefiltered } : {}),
    },
    summary: {
      result: result.summary.result,
      errors: result.summary.errors,
      warnings: result.summary.warnings,
      notices: result.summary.notices,
      suppressed: result.summary.suppressed,
    },
    findings: list(result.findings, finding),
    inventory: list(result.inventory, row),
    endpoints: list(result.endpoints, (e) => ({ ...e })),
    models: list(result.models, (m) => ({ ...m })),
    computes: list(result.computes, (c) => ({ ...c })),
    skipped: list(result.skipped, (s) => ({ file: s.file, rules: [...s.rules], why: s.why })),
    waivers: result.waivers.map((w) => ({
      rule: w.rule,
      path: w.path,
      reason: w.reason,
      owner: w.owner,
      expires: w.expires,
      expiringSoon: w.expiringSoon,
      matched: w.matched,
    })),
    ...(result.quota && result.quota.length > 0 ? { quota: result.quota.map(quota) } : {}),
    ...(result.policy ? { policy: policy(result.policy) } : {}),
  };
}

/** The policy that judged the run: always in the report (SPEC §6), so nothing it silences is invisible. */
function policy(p: PolicyInfo): PolicyInfo {
  const out: PolicyInfo = {
    from: p.from,
    file: p.file,
    ...(p.commit !== undefined ? { commit: p.commit } : {}),
    off: [...p.off],
    lowered: p.lowered.map((l) => ({ rule: l.rule, from: l.from, to: l.to })),
    limits: p.limits.map((l) => ({ limit: l.limit, value: l.value, default: l.default })),
    defaultStage: p.defaultStage,
    excluded: { patterns: [...p.excluded.patterns], files: p.excluded.files },
    waivers: { inForce: p.waivers.inForce, expired: p.waivers.expired },
  };
  if (p.note !== undefined) out.note = p.note;
  if (p.change) out.change = change(p.change);
  return out;
}

function change(c: PolicyChange): PolicyChange {
  const out: PolicyChange = { file: c.file, kind: c.kind, relaxes: [...c.relaxes], other: [...c.other], hidden: c.hidden };
  if (c.wouldResult !== undefined) out.wouldResult = c.wouldResult;
  if (c.invalid !== undefined) out.invalid = c.invalid;
  return out;
}

/** The JSON report as text (2-space indent, trailing newline). */
export function renderJson(result: Result): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}

/** The members of `o` named by `keys`, in that order (the report's documented key order). */
function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = o[k];
  return out;
}

const FINDING_KEYS = ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'helpUri'] as const;

function finding(f: Finding): Finding {
  return {
    ...pick(f, FINDING_KEYS),
    suppressed: f.suppressed ? suppression(f.suppressed) : null,
    ...(f.fix ? { fix: fixOf(f.fix) } : {}),
  };
}

function fixOf(x: FindingFix): FindingFix {
  return {
    description: x.description,
    ...(x.file !== undefined ? { file: x.file } : {}),
    edits: x.edits.map((e) => ({ start: e.start, end: e.end, text: e.text, ...(e.span ? { span: { ...e.span } } : {}) })),
  };
}

function quota(q: QuotaNeed): QuotaNeed {
  return { family: q.family, vcpus: q.vcpus, ...(q.quota !== undefined ? { quota: q.quota } : {}), deployments: q.deployments.map((d) => ({ ...d })) };
}

function suppression(s: SuppressionInfo): SuppressionInfo {
  const out: SuppressionInfo = { by: s.by, reason: s.reason };
  if (s.owner !== undefined) out.owner = s.owner;
  if (s.expires !== undefined) out.expires = s.expires;
  return out;
}

const ROW_KEYS = [
  'file', 'line', 'kind', 'name', 'target', 'stage', 'stageSource', 'mode', 'instanceType', 'instances', 'memoryGb', 'gpus',
  'model', 'modelSizeBytes', 'compute', 'modelResolution', 'computeResolution',
] as const;
const DEPLOYED_BY_KEYS = ['pipeline', 'line', 'command', 'stage', 'reason'] as const;

function row(r: InventoryRow): InventoryRow {
  return { ...pick(r, ROW_KEYS), deployedBy: r.deployedBy.map((e) => ({ ...pick(e, DEPLOYED_BY_KEYS), overrides: { ...e.overrides } })) };
}
