import { isMapping, pointerJoin } from '../../core/pointer.js';
import { plural } from '../../core/text.js';
import type { Manifest } from '../../core/types.js';
import { placeholderKind } from '../../formats/kit/placeholder.js';
import type { ManifestRule } from '../rule.js';
import { help } from '../kit/help.js';

interface Hit {
  ptr: string;
  key: string;
  value: string;
}

const MAX_NAMED = 5;
const MAX_VALUE_CHARS = 80;

function placeholders(m: Manifest): Hit[] {
  const out: Hit[] = [];
  // The keys down to the current value; its pointer and dotted name are made only for a hit (most
  // values are none, and a string per node for each was most of what this rule allocated).
  const at: Array<string | number> = [];
  const hit = (v: string) => {
    let ptr = '';
    let dotted = '';
    for (const k of at) {
      ptr = pointerJoin(ptr, k);
      dotted = typeof k === 'number' ? `${dotted}[${k}]` : dotted ? `${dotted}.${k}` : k;
    }
    out.push({ ptr, key: dotted, value: v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v });
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (placeholderKind(v)) hit(v);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        at.push(i);
        walk(v[i]);
        at.pop();
      }
    } else if (isMapping(v)) {
      for (const k of Object.keys(v)) {
        at.push(k);
        walk(v[k]);
        at.pop();
      }
    }
  };
  walk(m.data);
  return out;
}

export const rule: ManifestRule = {
  id: 'template',
  scope: 'manifest',
  defaultSeverity: 'notice',
  description:
    'A manifest still holds placeholders (`<your model name>`, `INSERT-…-HERE`, `$(VAR)`, `${VAR}`, `#{VAR}#`, `__VAR__`, `{{ … }}`): those values are unknown, so the rules that read them are not evaluated.',
  remediation: 'Gate the rendered file (the one the pipeline deploys), or write the real values.',
  help: help(
    'Sample repositories and templated pipelines commit files whose values are filled in at deploy time (`az ml online-deployment create ' +
      '-f … --set …`, token-replacement tasks). The gate judges the committed file; it should say which values it could not judge rather ' +
      'than guess. The values are unknown to every rule, so the rules that read them are not evaluated.',
    'the placeholder conventions of Azure DevOps (`$(VAR)`, Replace Tokens `#{VAR}#`), GitHub Actions (`${{ }}`) and the Azure ML samples (`<your …>`)',
  ),
  check(m, ctx) {
    const hits = placeholders(m);
    if (hits.length === 0) return;
    const named = hits.slice(0, MAX_NAMED).map((h) => `\`${h.key}: ${h.value}\``);
    const more = hits.length > MAX_NAMED ? ` and ${hits.length - MAX_NAMED} more` : '';
    ctx.report(
      { manifest: m, ptr: hits[0].ptr },
      `${plural(hits.length, 'value')} of this file ${hits.length === 1 ? 'is a placeholder' : 'are placeholders'} (${named.join(', ')}${more}), ` +
        'so the rules that read them were not evaluated: gate the rendered file, or write the real values.',
    );
  },
};
