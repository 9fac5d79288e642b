import type { Manifest } from '../../types.js';
import type { Rule, RuleContext } from '../types.js';
import { fieldOf, knownFields, suggestKey, unknownKeyEffect, v1OtherTypes, type Fields } from '../../formats/fields.js';
import { v1ComputeType } from '../../formats/v1-config.js';
import { isMapping } from '../../formats/util.js';
import { pointerJoin } from '../../load/source.js';

function kindLabel(m: Manifest): string {
  if (m.kind === 'v1DeploymentConfig') {
    const ct = typeof m.data.computeType === 'string' ? m.data.computeType : '?';
    return `v1 deployment config (computeType ${ct})`;
  }
  switch (m.kind) {
    case 'amlDeployAction':
      return 'aml-deploy parameters file';
    case 'amlComputeAction':
      return 'aml-compute parameters file';
    case 'amlRegisterModelAction':
      return 'aml-registermodel parameters file';
    case 'mlflowModel':
      return 'MLmodel file';
    default:
      return m.kind;
  }
}

function article(label: string): string {
  return `${/^([aeiou]|ML)/i.test(label) ? 'an' : 'a'} ${label}`;
}

function message(m: Manifest, key: string, dotted: string, known: string[]): string {
  const effect = unknownKeyEffect(m);
  if (key === '') {
    return `An empty key (a line starting with \`:\`?) in ${article(kindLabel(m))}: ${effect}. Remove the line or write the key name before the colon.`;
  }
  if (m.kind === 'v1DeploymentConfig' && v1ComputeType(m) !== undefined) {
    const others = v1OtherTypes(dotted);
    if (others.length > 0) {
      const ct = typeof m.data.computeType === 'string' ? m.data.computeType : '';
      return (
        `\`${dotted}\` is read only for computeType ${others.join('/')}: for computeType ${ct} the v1 CLI/SDK ignores it, ` +
        `so this setting has no effect. Remove it, or change computeType if that target is what you meant.`
      );
    }
  }
  const hint = suggestKey(key, known);
  const fix = hint
    ? `Did you mean \`${hint}\`?`
    : `Remove it or fix its spelling${known.length > 0 ? ` (known keys here: ${known.filter((k) => k !== '$schema').slice(0, 12).join(', ')}${known.length > 13 ? ', …' : ''})` : ''}.`;
  return `Unknown key \`${dotted}\` in ${article(kindLabel(m))}: ${effect}. ${fix}`;
}

function walk(ctx: RuleContext, m: Manifest, data: Record<string, unknown>, fields: Fields, ptr: string, dotted: string): void {
  const known = Object.keys(fields);
  for (const key of Object.keys(data)) {
    const childPtr = pointerJoin(ptr, key);
    const childDotted = dotted ? `${dotted}.${key}` : key;
    const node = fieldOf(fields, key);
    if (node === undefined) {
      ctx.report({ manifest: m, ptr: childPtr }, message(m, key, childDotted, known));
      continue;
    }
    const v = data[key];
    if (typeof node === 'object' && isMapping(v)) walk(ctx, m, v, node, childPtr, childDotted);
  }
}

export const rule: Rule = {
  id: 'unknown-key',
  defaultSeverity: 'warning',
  description:
    'A key that Azure would ignore (v1 configs, aml-actions files) or reject (CLI v2 YAML): misspelled, mis-cased, or valid only for another computeType.',
  remediation: 'Rename the key to the one Azure reads (the message suggests the nearest known key) or remove it.',
  check(ctx: RuleContext): void {
    for (const m of ctx.inventory.manifests) walk(ctx, m, m.data, knownFields(m), '', '');
  },
};
