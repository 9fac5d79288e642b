// The registry: the only maker of findings. It resolves `off` and severity overrides once, runs each
// deployment rule once per deployment it applies to, and records what could not be evaluated.
import type { SkuCatalog } from '../catalog/skus.js';
import type { Config } from '../config/types.js';
import { spanAt } from '../core/pointer.js';
import { helpUri } from '../core/rules.js';
import { sentence } from '../core/text.js';
import type { Anchor, Deployment, Finding, Inventory, Manifest, Severity, SkippedEntry, Span } from '../core/types.js';
import { fixOf } from './attach-fix.js';
import { commandValueAt, commandValueClause, withClause } from './kit/command-values.js';
import type { Rule, RuleContext } from './rule.js';

export const STAGE_UNKNOWN =
  'stage unknown: declare it with tags.stage, config `stages:` globs, a path word (prod/dev/…) or `default-stage`';

export class Registry {
  private readonly byId: Map<string, Rule>;

  constructor(
    readonly rules: readonly Rule[],
    private readonly config: Config,
  ) {
    this.byId = new Map(rules.map((r) => [r.id, r]));
  }

  /** The severity findings of this rule get, or null when the config turns it off. */
  severity(ruleId: string): Severity | null {
    const rule = this.byId.get(ruleId);
    const o = this.config.rules[ruleId];
    if (o === 'off') return rule?.unsilenceable ? rule.defaultSeverity : null;
    return o ?? rule?.defaultSeverity ?? 'error';
  }

  /**
   * A finding of `ruleId` at a span, or undefined when the rule is off. A rule may lower its own
   * severity for one finding (`severity`) unless the config overrode it.
   */
  make(ruleId: string, file: string, span: Span, message: string, severity?: Severity): Finding | undefined {
    const configured = this.severity(ruleId);
    if (configured === null) return undefined;
    const o = this.config.rules[ruleId];
    const sev = o !== undefined && o !== 'off' ? o : (severity ?? configured);
    return {
      ruleId,
      severity: sev,
      message: sentence(message),
      file,
      line: span.line,
      column: span.column,
      endLine: span.endLine,
      endColumn: span.endColumn,
      helpUri: helpUri(ruleId),
      suppressed: null,
    };
  }

  /** Runs every enabled rule over the inventory. One finding per rule per key. */
  run(inventory: Inventory, skus: SkuCatalog, now: Date = new Date()): { findings: Finding[]; skipped: SkippedEntry[] } {
    const findings: Finding[] = [];
    const skippedByFile = new Map<string, Map<string, Set<string>>>(); // file → why → rules
    const addSkip = (file: string, why: string, ruleId: string) => {
      let byWhy = skippedByFile.get(file);
      if (!byWhy) skippedByFile.set(file, (byWhy = new Map()));
      let set = byWhy.get(why);
      if (!set) byWhy.set(why, (set = new Set()));
      set.add(ruleId);
    };
    const active = inventory.deployments.filter((d) => !d.skipDeployment);

    for (const rule of this.rules) {
      if (rule.scope === 'engine' || this.severity(rule.id) === null) continue;
      const seen = new Set<string>();
      // What `check` is looking at, for the rule's `fix` of what it reports.
      let subject: Deployment | Manifest | undefined;
      const ctx: RuleContext = {
        inventory,
        config: this.config,
        skus,
        limits: this.config.limits,
        rules: this.rules,
        now,
        report: (at: Anchor, message: string, opts?: { severity?: Severity }) => {
          const span = spanAt(at.manifest.doc, at.ptr);
          const key = `${at.manifest.file.path}\u0000${span.line}:${span.column}`;
          if (seen.has(key)) return;
          seen.add(key);
          // A value the command line sets: the finding says so, and no edit of the file can fix it.
          const given = commandValueAt(at.manifest, at.ptr);
          const f = this.make(rule.id, at.manifest.file.path, span, given ? withClause(message, commandValueClause(given)) : message, opts?.severity);
          if (f && rule.fix && !given) {
            const fix = fixOf(rule, subject, at, ctx);
            if (fix) f.fix = fix;
          }
          if (f) findings.push(f);
        },
        skip: (what: Deployment | Manifest, why: string) => addSkip('file' in what ? what.file.path : what.manifest.file.path, why, rule.id),
      };
      switch (rule.scope) {
        case 'deployment':
          for (const d of active) {
            if (!rule.appliesTo(d)) continue;
            if (rule.productionOnly && d.stage !== 'production') {
              if (d.stage === 'unknown') addSkip(d.manifest.file.path, STAGE_UNKNOWN, rule.id);
              continue;
            }
            subject = d;
            rule.check(d, ctx);
          }
          break;
        case 'manifest':
          for (const m of inventory.manifests) {
            subject = m;
            rule.check(m, ctx);
          }
          break;
        case 'inventory':
          rule.check(ctx);
          break;
      }
    }

    const skipped: SkippedEntry[] = [];
    for (const [file, byWhy] of skippedByFile) {
      for (const [why, ids] of byWhy) skipped.push({ file, rules: [...ids].sort(), why });
    }
    skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.why < b.why ? -1 : a.why > b.why ? 1 : 0));
    return { findings, skipped };
  }
}
