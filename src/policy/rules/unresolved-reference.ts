import type { Deployment, Ref } from '../../core/types.js';
import type { InventoryRule, Rule } from '../rule.js';
import { isUnresolved } from '../kit/gaps.js';
import { POLICY, help } from '../kit/help.js';

/** The deployment rules that read the model's / the compute's facts for this deployment (or any deployment). */
function blocked(rules: readonly Rule[], what: 'model' | 'compute', d: Deployment | undefined): string[] {
  const out: string[] = [];
  for (const r of rules) {
    if (r.scope !== 'deployment') continue;
    const need = r.needs?.[what];
    if (!need || (d && !r.appliesTo(d)) || (d && typeof need === 'function' && !need(d))) continue;
    out.push(r.id);
  }
  return out;
}

function notFound(ref: Ref, what: 'model' | 'compute'): string {
  if (ref.resolution === 'version-mismatch' && ref.versionsFound?.length) {
    const found = ref.versionsFound.join(', ');
    return `${what} reference "${ref.raw}" names version ${ref.version ?? '?'} of "${ref.name}", but the repository only defines version${ref.versionsFound.length > 1 ? 's' : ''} ${found}`;
  }
  return `${what} reference "${ref.raw}" is defined neither in the repository nor in config \`${what}s:\``;
}

export const rule: InventoryRule = {
  id: 'unresolved-reference',
  scope: 'inventory',
  defaultSeverity: 'notice',
  description: 'A model or compute reference is found nowhere in the repository or config, so the rules that need its facts cannot run.',
  remediation: 'Declare the model in config `models:` / the compute in `computes:` (or add its YAML to the repository).',
  help: help(
    "The size, memory, accelerator and cluster rules of the compute target table need the model's and the compute's facts; the gate " +
      'never passes a rule silently because it could not look. The message lists the rules that could not be evaluated (they also appear ' +
      'under *skipped*).',
    POLICY,
  ),
  check(ctx) {
    const seen = new Set<string>();
    const once = (ref: Ref): boolean => {
      const k = `${ref.at.manifest.file.path}\u0000${ref.at.manifest.doc.index}\u0000${ref.at.ptr}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    };
    for (const d of ctx.inventory.deployments) {
      if (d.skipDeployment) continue;
      const mr = d.modelRef;
      if (mr && isUnresolved(mr) && once(mr)) {
        const rules = blocked(ctx.rules, 'model', d);
        const fix =
          mr.resolution === 'version-mismatch'
            ? `add metadata for version ${mr.version ?? '?'} (a model YAML with \`name: ${mr.name}\` and \`version: ${mr.version ?? '?'}\`), fix the version, or declare`
            : 'add its model YAML, or declare';
        ctx.report(
          mr.at,
          `${notFound(mr, 'model')}, so ${rules.length ? rules.join(', ') : 'the model-based rules'} could not run: ` +
            `${fix} \`${mr.name}\` in \`models:\` with its \`memory-gb\`, \`size-bytes\` and \`accelerator\`.`,
        );
      }
      const cr = d.computeRef;
      if (cr && isUnresolved(cr) && once(cr)) {
        const rules = blocked(ctx.rules, 'compute', d);
        const note = d.unresolvedComputeNote && cr.at.manifest === d.manifest ? ` ${d.unresolvedComputeNote}` : '';
        ctx.report(
          cr.at,
          `${notFound(cr, 'compute')}, so ${rules.length ? rules.join(', ') : 'the compute-based rules'} could not run: ` +
            `add its compute YAML, or declare \`${cr.name}\` in \`computes:\` with its \`type\`, \`vm-size\` and \`nodes\`.${note}`,
        );
      }
    }
    for (const e of ctx.inventory.endpoints) {
      const cr = e.computeRef;
      if (!cr || !isUnresolved(cr) || !once(cr)) continue;
      ctx.report(
        cr.at,
        `${notFound(cr, 'compute')}, so ${blocked(ctx.rules, 'compute', undefined).join(', ')} could not run for the deployments of this endpoint: ` +
          `add the kubernetesCompute YAML, or declare \`${cr.name}\` in \`computes:\` with \`type: kubernetes\`, \`vm-size\` and \`nodes\`.`,
      );
    }
  },
};
