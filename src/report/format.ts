// Cell formatting shared by the text and markdown reports.
import { plural } from '../core/text.js';
import type { InventoryRow, PolicyInfo, Summary } from '../core/types.js';

export { plural };

/** `3 errors, 5 warnings, 1 notice` */
export function counts(s: Summary): string {
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notices, 'notice')}`;
}

/** Binary units, as Azure's GB (GiB) and the rest of the product. */
export function bytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${Math.round(v * 100) / 100} ${units[i]}`;
}

export function modeLabel(r: InventoryRow): string {
  return r.mode === 'realtime' ? 'real-time' : 'batch';
}

/** `Standard_DS3_v2 × 3`, `× 2` (count without SKU), `Standard_F4s_v2`, or empty. */
export function skuCell(r: InventoryRow): string {
  if (r.instanceType && r.instances !== null) return `${r.instanceType} × ${r.instances}`;
  if (r.instanceType) return r.instanceType;
  if (r.instances !== null) return `× ${r.instances}`;
  return '';
}

export function memoryCell(r: InventoryRow): string {
  return r.memoryGb === null ? '' : `${Math.round(r.memoryGb * 1000) / 1000} GiB`;
}

export function modelCell(r: InventoryRow): string {
  if (r.model === null && r.modelSizeBytes === null) return '';
  const size = r.modelSizeBytes === null ? '' : bytes(r.modelSizeBytes);
  if (r.model === null) return size;
  return size ? `${r.model} (${size})` : r.model;
}

export function gpuCell(r: InventoryRow): string {
  return r.gpus === null ? '' : r.gpus === 0 ? 'no' : String(r.gpus);
}

/** A value quoted as code (the markdown report renders code spans inert). */
function q(s: string): string {
  return `\`${s}\``;
}

/** Which policy judged the run, in a phrase (`the base branch's config `x` at abc123`). */
export function policyHeadline(p: PolicyInfo): string {
  const at = p.commit ? ` at ${p.commit.slice(0, 12)}` : '';
  switch (p.from) {
    case 'base':
      return p.file ? `the base branch's config ${q(p.file)}${at}` : `the built-in defaults (the base branch${at} has no config)`;
    case 'head':
      return p.file ? `the pull request's own config ${q(p.file)} (policy-from: head)` : 'the built-in defaults (the pull request has no config; policy-from: head)';
    case 'checkout':
      return p.file ? `the config ${q(p.file)}` : 'the built-in defaults (no config file)';
  }
}

/** Everything the policy silences or relaxes, one line each (SPEC §6: always listed). */
export function policyItems(p: PolicyInfo): string[] {
  const out: string[] = [];
  if (p.note) out.push(p.note);
  if (p.off.length) out.push(`Rules turned off: ${p.off.map(q).join(', ')}`);
  if (p.lowered.length) out.push(`Severities lowered: ${p.lowered.map((l) => `${q(l.rule)} ${l.from} → ${l.to}`).join(', ')}`);
  if (p.limits.length) out.push(`Limits changed: ${p.limits.map((l) => `${q(l.limit)} ${l.value} (default ${l.default})`).join(', ')}`);
  if (p.defaultStage !== 'unknown') out.push(`Default stage: ${p.defaultStage}`);
  if (p.excluded.patterns.length) {
    out.push(`Excluded by the config: ${plural(p.excluded.files, 'file')} (${p.excluded.patterns.map(q).join(', ')})`);
  }
  if (p.waivers.inForce || p.waivers.expired) {
    out.push(`Waivers: ${p.waivers.inForce} in force${p.waivers.expired ? `, ${p.waivers.expired} expired` : ''}`);
  }
  if (out.length === 0) out.push('Nothing is turned off, lowered, relaxed, excluded or waived');
  const c = p.change;
  if (c) {
    const verb = c.kind === 'deleted' ? 'deletes' : c.kind === 'added' ? 'adds' : 'changes';
    const head = `The pull request ${verb} the config ${q(c.file)} (not in effect until merged; see the policy-change finding)`;
    out.push(
      c.invalid
        ? `${head}: its version is invalid`
        : `${head}: it relaxes ${plural(c.relaxes.length, 'setting')} and would hide ${plural(c.hidden, 'finding')} of this run` +
            (c.wouldResult ? `; with it this run would ${c.wouldResult}` : ''),
    );
  }
  return out;
}
