import type { Anchor, Deployment, Finding, Inventory, Manifest, Severity, SkippedEntry, Span } from '../types.js';
import type { SkuCatalog } from '../catalog/skus.js';
import { pointerSplit, pointerJoin } from '../load/source.js';
import { helpUri } from '../report/links.js';
import type { Config, Rule, RuleContext } from './types.js';

/** Span of the key a pointer names; falls back to its value, then the nearest ancestor, then the document start. */
export function spanOf(anchor: Anchor): Span {
  const { doc } = anchor.manifest;
  let segs = pointerSplit(anchor.ptr);
  for (;;) {
    const ptr = segs.reduce((acc, s) => pointerJoin(acc, s), '');
    const s = doc.keys.get(ptr) ?? (ptr !== '' ? doc.values.get(ptr) : undefined);
    if (s) return s;
    if (segs.length === 0) return doc.start;
    segs = segs.slice(0, -1);
  }
}

export function makeFinding(ruleId: string, severity: Severity, message: string, file: string, span: Span): Finding {
  return {
    ruleId,
    severity,
    message,
    file,
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
    helpUri: helpUri(ruleId),
    suppressed: null,
  };
}

export interface RuleRun {
  findings: Finding[];
  skipped: SkippedEntry[];
}

/** Runs every enabled rule over the inventory. One finding per rule per key. */
export function runRules(rules: readonly Rule[], inventory: Inventory, config: Config, skus: SkuCatalog): RuleRun {
  const findings: Finding[] = [];
  const skippedByFile = new Map<string, Map<string, Set<string>>>(); // file → why → rules
  const addSkip = (file: string, why: string, ruleId: string) => {
    let byWhy = skippedByFile.get(file);
    if (!byWhy) skippedByFile.set(file, (byWhy = new Map()));
    let set = byWhy.get(why);
    if (!set) byWhy.set(why, (set = new Set()));
    set.add(ruleId);
  };

  for (const rule of rules) {
    const override = config.rules[rule.id];
    if (override === 'off') continue;
    const severity: Severity = override ?? rule.defaultSeverity;
    const seen = new Set<string>();
    const ctx: RuleContext = {
      inventory,
      config,
      skus,
      limits: config.limits,
      report(at: Anchor, message: string, sev?: Severity) {
        const span = spanOf(at);
        const key = `${at.manifest.file.path}\u0000${span.line}:${span.column}`;
        if (seen.has(key)) return;
        seen.add(key);
        // A rule may lower itself (e.g. memory-headroom on a size-only lower bound) unless the user overrode it.
        findings.push(makeFinding(rule.id, override ?? sev ?? severity, sentence(message), at.manifest.file.path, span));
      },
      skip(what: Deployment | Manifest, why: string) {
        const file = 'file' in what ? what.file.path : what.manifest.file.path;
        addSkip(file, why, rule.id);
      },
    };
    rule.check(ctx);
    if (rule.stageDependent && rule.appliesTo) {
      for (const d of inventory.deployments) {
        if (d.stage === 'unknown' && !d.skipDeployment && rule.appliesTo(d)) {
          addSkip(
            d.manifest.file.path,
            'stage unknown: declare it with tags.stage, config `stages:` globs, a path word (prod/dev/…) or `default-stage`',
            rule.id,
          );
        }
      }
    }
  }

  const skipped: SkippedEntry[] = [];
  for (const [file, byWhy] of skippedByFile) {
    for (const [why, ids] of byWhy) skipped.push({ file, rules: [...ids].sort(), why });
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.why < b.why ? -1 : a.why > b.why ? 1 : 0));
  return { findings, skipped };
}

/** Messages are sentences: capitalise a leading lowercase word (not a path, key or rule id). */
export function sentence(message: string): string {
  return /^[a-z]+[\s,;:]/.test(message) ? message[0].toUpperCase() + message.slice(1) : message;
}
