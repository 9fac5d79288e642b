// Config waivers (SPEC §5): accepted findings by rule and path, each with a reason, an owner and an
// expiry date. An expired waiver stops waiving; its findings come back and it is itself reported.
import picomatch from 'picomatch';
import type { Config, Waiver } from '../../config/types.js';
import { CONFIG_FILES } from '../../config/load.js';
import { plural } from '../../core/text.js';
import type { Finding, Span, WaiverInForce } from '../../core/types.js';

/** Days before expiry from which a waiver in force is flagged in the reports. */
export const EXPIRING_SOON_DAYS = 30;

/** YYYY-MM-DD of a date in UTC. */
function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export interface WaiverEntry {
  waiver: Waiver;
  expired: boolean;
  matches(file: string): boolean;
  /** Findings it waives (in force) or would have waived (expired). */
  matched: number;
}

export function waiverEntries(config: Config, now: Date): WaiverEntry[] {
  const today = utcDay(now);
  return config.waivers.map((w) => ({
    waiver: w,
    expired: w.expires < today,
    matches: picomatch(w.path.replace(/^\.\//, ''), { dot: true, flags: 's' }),
    matched: 0,
  }));
}

/** The waiver in force for a finding, if any; an expired waiver that matches counts what came back. */
export function waiverFor(entries: WaiverEntry[], f: Finding): WaiverEntry | undefined {
  const matching = entries.filter((e) => e.waiver.rule === f.ruleId && e.matches(f.file));
  const inForce = matching.find((e) => !e.expired);
  if (inForce) inForce.matched++;
  else for (const e of matching) e.matched++;
  return inForce;
}

export function inForce(entries: WaiverEntry[], now: Date): WaiverInForce[] {
  const soon = utcDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + EXPIRING_SOON_DAYS)));
  return entries
    .filter((e) => !e.expired)
    .map((e) => ({
      rule: e.waiver.rule,
      path: e.waiver.path,
      reason: e.waiver.reason,
      owner: e.waiver.owner,
      expires: e.waiver.expires,
      expiringSoon: e.waiver.expires <= soon,
      matched: e.matched,
    }));
}

/** Where and what a `waiver-expired` finding says: the first line of the waiver entry in the config file. */
export function expiredWaiver(config: Config, e: WaiverEntry): { file: string; span: Span; message: string } {
  const w = e.waiver;
  const file = config.source?.path ?? CONFIG_FILES[0];
  const doc = config.source?.doc;
  const item = doc?.values.get(`/waivers/${w.index}`);
  const key = doc?.keys.get(`/waivers/${w.index}/rule`);
  const span: Span = item
    ? { line: item.line, column: item.column, endLine: item.line, endColumn: key && key.line === item.line ? key.endColumn : item.column + 1 }
    : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const what = `Waiver for ${w.rule} on "${w.path}" (owner ${w.owner}) expired on ${w.expires}`;
  const waived = e.matched === 1 ? 'the finding it waived counts' : `the ${plural(e.matched, 'finding')} it waived count`;
  return {
    file,
    span,
    message:
      e.matched === 0
        ? `${what} and matches no finding now: delete it.`
        : `${what}, so ${waived} again: fix ${e.matched === 1 ? 'it' : 'them'} and delete the waiver, or renew it with a new \`expires\` date if the reason still holds.`,
  };
}
