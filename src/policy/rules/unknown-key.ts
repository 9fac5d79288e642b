import { isMapping, pointerJoin, pointerSplit, valueIn } from '../../core/pointer.js';
import { article, suggestKey } from '../../core/text.js';
import type { Fields, Manifest } from '../../core/types.js';
import type { ManifestRule, RuleContext } from '../rule.js';
import { help } from '../kit/help.js';

function message(m: Manifest, key: string, dotted: string, known: string[]): string {
  const effect = m.family.unknownKeyEffect;
  const label = article(m.family.label(m));
  if (key === '') {
    return `An empty key (a line starting with \`:\`?) in ${label}, ${effect}: remove the line or write the key name before the colon.`;
  }
  const advice = m.family.keyAdvice?.(m, dotted);
  if (advice) return advice;
  const hint = suggestKey(key, known);
  const fix = hint
    ? `did you mean \`${hint}\`?`
    : `remove it or fix its spelling${known.length > 0 ? ` (known keys here: ${known.filter((k) => k !== '$schema').slice(0, 12).join(', ')}${known.length > 13 ? ', …' : ''})` : ''}.`;
  return `Unknown key \`${dotted}\` in ${label}, ${effect}: ${fix}`;
}

function walk(ctx: RuleContext, m: Manifest, data: Record<string, unknown>, fields: Fields, ptr: string, dotted: string): void {
  // Pointers, dotted names and the known-key list are made only where they are used (a report or a
  // nested mapping): most keys are known scalars.
  for (const key of Object.keys(data)) {
    const node = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (node === undefined) {
      const childDotted = dotted ? `${dotted}.${key}` : key;
      ctx.report({ manifest: m, ptr: pointerJoin(ptr, key) }, message(m, key, childDotted, Object.keys(fields)));
      continue;
    }
    const v = data[key];
    if (typeof node === 'object' && isMapping(v)) walk(ctx, m, v, node, pointerJoin(ptr, key), dotted ? `${dotted}.${key}` : key);
  }
}

export const rule: ManifestRule = {
  id: 'unknown-key',
  scope: 'manifest',
  defaultSeverity: 'warning',
  description:
    'A key that Azure would ignore (v1 configs, aml-actions files) or reject (CLI v2 YAML): misspelled, mis-cased, or valid only for another computeType.',
  remediation: 'Rename the key to the one Azure reads (the message suggests the nearest known key) or remove it.',
  help: help(
    '- v1 configs and the aml-actions **ignore** unknown keys silently: `"enableAppInsights": "True"` deploys with Application Insights ' +
      'off, `"ComputeTarget": "aks-cluster"` deploys without naming the cluster, and `cpu`/`memory` in `registermodel.json` register no ' +
      'resource requirement.\n' +
      '- The CLI v2 **rejects** fields its schema does not define, so the deployment command fails.\n\n' +
      'The message says which of the two happens.',
    "the formats' own loaders: azureml-core `deploy_config_dict_to_obj` (v1 keys), the aml-* actions' `code/schemas.py`, azure-ai-ml `_schema` (CLI v2 fields)",
  ),
  check(m, ctx) {
    walk(ctx, m, m.data, m.family.fields(m), '', '');
  },
  fix(m, at) {
    // The rename the message offers, when the family reads the renamed key without complaint.
    const segs = pointerSplit(at.ptr);
    const key = segs[segs.length - 1];
    if (!key) return undefined;
    let fields: Fields = m.family.fields(m);
    for (const s of segs.slice(0, -1)) {
      const node = Object.hasOwn(fields, s) ? fields[s] : undefined;
      if (typeof node !== 'object') return undefined;
      fields = node;
    }
    const dottedKey = segs.join('.');
    if (m.family.keyAdvice?.(m, dottedKey)) return undefined;
    const to = suggestKey(key, Object.keys(fields));
    const parentPtr = segs.slice(0, -1).reduce((a, s) => pointerJoin(a, s), '');
    const parent = valueIn(m.data, parentPtr);
    if (!to || !isMapping(parent) || Object.hasOwn(parent, to)) return undefined;
    const renamed = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(parent)) renamed[k === key ? to : k] = parent[k];
    const data = segs.length === 1 ? renamed : replaceAt(m.data, segs.slice(0, -1), renamed);
    const toPtr = pointerJoin(parentPtr, to);
    if (m.family.validate({ ...m, data }).some((i) => i.ptr === toPtr || i.ptr.startsWith(`${toPtr}/`))) return undefined;
    return { description: `rename \`${dottedKey}\` to \`${to}\``, changes: [{ rename: at.ptr, to }] };
  },
};

/** A copy of `root` with the mapping at `segs` replaced by `value` (the copies have null prototypes). */
function replaceAt(root: Record<string, unknown>, segs: string[], value: Record<string, unknown>): Record<string, unknown> {
  if (segs.length === 0) return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(root)) out[k] = root[k];
  const child = root[segs[0]];
  out[segs[0]] = replaceAt(isMapping(child) ? child : (Object.create(null) as Record<string, unknown>), segs.slice(1), value);
  return out;
}
