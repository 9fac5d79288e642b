// Applies inline suppressions (YAML files only) and config waivers (SPEC §5) to the findings.
import type { Config } from '../../config/types.js';
import type { Finding, LoadedFile, WaiverInForce } from '../../core/types.js';
import type { Registry } from '../registry.js';
import { SUPPRESSION_MARKER, scanDirectives, type Directive } from './inline.js';
import { expiredWaiver, inForce, waiverEntries, waiverFor } from './waivers.js';

export const INVALID_SUPPRESSION = 'invalid-suppression';
export const WAIVER_EXPIRED = 'waiver-expired';

/**
 * The suppression machinery cannot silence itself: an inline comment (or a waiver) for an
 * expired waiver would defeat the expiry, one for a broken suppression would hide the breakage;
 * nor can a rule that says the gate could not look.
 */
function unsuppressible(registry: Registry): Set<string> {
  return new Set([INVALID_SUPPRESSION, WAIVER_EXPIRED, ...registry.rules.filter((r) => r.unsilenceable).map((r) => r.id)]);
}

/**
 * Returns the findings (copies; suppressed ones marked, none removed) followed by the
 * `invalid-suppression` and `waiver-expired` findings it produced (unsorted), and the waivers in force.
 */
export function applySuppressions(
  findings: Finding[],
  files: Iterable<LoadedFile>,
  config: Config,
  now: Date,
  registry: Registry,
): { findings: Finding[]; waivers: WaiverInForce[] } {
  const extra: Finding[] = [];
  const known = new Set(registry.rules.map((r) => r.id));
  const never = unsuppressible(registry);

  // Inline directives, by file then target line.
  const directives = new Map<string, Map<number, Directive[]>>();
  for (const file of files) {
    if (!file.text.includes(SUPPRESSION_MARKER)) continue;
    const found = scanDirectives(file, known, never);
    for (const p of found.problems) {
      const f = registry.make(INVALID_SUPPRESSION, file.path, p.span, p.message);
      if (f) extra.push(f);
    }
    if (found.directives.length === 0) continue;
    const byLine = new Map<number, Directive[]>();
    for (const d of found.directives) {
      const list = byLine.get(d.target) ?? [];
      list.push(d);
      byLine.set(d.target, list);
    }
    directives.set(file.path, byLine);
  }

  const out = findings.map((f): Finding => {
    if (f.suppressed || never.has(f.ruleId)) return f;
    const d = directives.get(f.file)?.get(f.line)?.find((x) => x.ids.has(f.ruleId));
    return d ? { ...f, suppressed: { by: 'inline', reason: d.reason } } : f;
  });

  // Waivers: the first matching waiver in force suppresses; expired ones only count what came back.
  const entries = waiverEntries(config, now);
  for (let i = 0; i < out.length; i++) {
    const f = out[i];
    if (f.suppressed || never.has(f.ruleId)) continue;
    const w = waiverFor(entries, f);
    if (w) out[i] = { ...f, suppressed: { by: 'waiver', reason: w.waiver.reason, owner: w.waiver.owner, expires: w.waiver.expires } };
  }
  for (const e of entries) {
    if (!e.expired) continue;
    const x = expiredWaiver(config, e);
    const f = registry.make(WAIVER_EXPIRED, x.file, x.span, x.message);
    if (f) extra.push(f);
  }
  return { findings: [...out, ...extra], waivers: inForce(entries, now) };
}

export { SUPPRESSION_MARKER } from './inline.js';
