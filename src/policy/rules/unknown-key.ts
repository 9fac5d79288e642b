import { isMapping, pointerJoin } from '../../core/pointer.js';
import { article, suggestKey } from '../../core/text.js';
import type { Fields, Manifest } from '../../core/types.js';
import type { ManifestRule, RuleContext } from '../rule.js';

function message(m: Manifest, key: string, dotted: string, known: string[]): string {
  const effect = m.family.unknownKeyEffect;
  const label = article(m.family.label(m));
  if (key === '') {
    return `An empty key (a line starting with \`:\`?) in ${label}: ${effect}. Remove the line or write the key name before the colon.`;
  }
  const advice = m.family.keyAdvice?.(m, dotted);
  if (advice) return advice;
  const hint = suggestKey(key, known);
  const fix = hint
    ? `Did you mean \`${hint}\`?`
    : `Remove it or fix its spelling${known.length > 0 ? ` (known keys here: ${known.filter((k) => k !== '$schema').slice(0, 12).join(', ')}${known.length > 13 ? ', …' : ''})` : ''}.`;
  return `Unknown key \`${dotted}\` in ${label}: ${effect}. ${fix}`;
}

function walk(ctx: RuleContext, m: Manifest, data: Record<string, unknown>, fields: Fields, ptr: string, dotted: string): void {
  const known = Object.keys(fields);
  for (const key of Object.keys(data)) {
    const childPtr = pointerJoin(ptr, key);
    const childDotted = dotted ? `${dotted}.${key}` : key;
    const node = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (node === undefined) {
      ctx.report({ manifest: m, ptr: childPtr }, message(m, key, childDotted, known));
      continue;
    }
    const v = data[key];
    if (typeof node === 'object' && isMapping(v)) walk(ctx, m, v, node, childPtr, childDotted);
  }
}

export const rule: ManifestRule = {
  id: 'unknown-key',
  scope: 'manifest',
  defaultSeverity: 'warning',
  description:
    'A key that Azure would ignore (v1 configs, aml-actions files) or reject (CLI v2 YAML): misspelled, mis-cased, or valid only for another computeType.',
  remediation: 'Rename the key to the one Azure reads (the message suggests the nearest known key) or remove it.',
  check(m, ctx) {
    walk(ctx, m, m.data, m.family.fields(m), '', '');
  },
};
