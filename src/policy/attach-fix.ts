// The registry's one hook for fixes: ask the rule for the fix of the finding it just reported, and
// turn the rule's declarative changes into byte-exact text edits of the file.
import { sentence } from '../core/text.js';
import type { Anchor, Deployment, FindingFix, LoadedFile, Manifest } from '../core/types.js';
import { LineMap } from '../fix/lines.js';
import { planEdits } from '../fix/plan.js';
import type { Rule, RuleContext, RuleFix } from './rule.js';

const lineMaps = new WeakMap<LoadedFile, LineMap>();

function linesOf(file: LoadedFile): LineMap {
  let m = lineMaps.get(file);
  if (!m || m.text !== file.text) lineMaps.set(file, (m = new LineMap(file.text)));
  return m;
}

/**
 * The fix of a finding of `rule` at `at` (`subject` is the deployment or manifest being checked),
 * or undefined when the rule has none for it or its changes cannot be made exactly. A fix that
 * throws is dropped: a fix is never worth failing the gate for.
 */
export function fixOf(rule: Rule, subject: Deployment | Manifest | undefined, at: Anchor, ctx: RuleContext): FindingFix | undefined {
  let proposal: RuleFix | undefined;
  try {
    if (rule.scope === 'deployment' && rule.fix && subject && !('file' in subject)) proposal = rule.fix(subject, at, ctx);
    else if (rule.scope === 'manifest' && rule.fix && subject && 'file' in subject) proposal = rule.fix(subject, at, ctx);
    else if (rule.scope === 'inventory' && rule.fix) proposal = rule.fix(at, ctx);
  } catch {
    return undefined;
  }
  if (!proposal || proposal.changes.length === 0) return undefined;
  const m = proposal.in ?? at.manifest;
  const file = m.file;
  if (!file.text) return undefined;
  const edits = planEdits({ text: file.text, syntax: file.syntax, doc: m.doc, lines: linesOf(file) }, proposal.changes);
  if (!edits || edits.length === 0) return undefined;
  const fix: FindingFix = { description: sentence(proposal.description), edits };
  if (file.path !== at.manifest.file.path) fix.file = file.path;
  return fix;
}
