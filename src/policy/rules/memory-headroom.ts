import type { Sku } from '../../catalog/skus.js';
import { TARGETS } from '../../catalog/targets.js';
import type { Anchor, Deployment } from '../../core/types.js';
import { ptrOf } from '../../core/pointer.js';
import { toNumber, valueAt } from '../../formats/kit/values.js';
import type { Change, DeploymentRule, RuleContext } from '../rule.js';
import { EPS, GIB, ceil1, describeDeployment, describeModel, instanceTypeOf, keyPath, num, skuLabel, unknownSku } from '../kit/describe.js';
import { computeVmSize, memoryFromCompute, scalesOut } from '../kit/facts.js';
import { computeGap, hasLinkedModel } from '../kit/gaps.js';
import { TABLE, help } from '../kit/help.js';

interface Supply {
  gb: number;
  at: Anchor;
  /** How the memory was found, for the message. */
  what: string;
  /** A per-container setting (raise it) vs the RAM of a VM size (pick a bigger SKU). */
  setting: boolean;
  sku?: Sku;
}

type SupplyResult = Supply | { skip: string } | undefined;

function memorySupply(d: Deployment, ctx: RuleContext): SupplyResult {
  if (d.target === 'local') return undefined; // a Local web service gets the host's memory
  if (d.memoryGb) {
    const f = d.memoryGb;
    return { gb: f.value, at: { manifest: f.manifest, ptr: f.ptr }, what: `\`${keyPath(f.ptr)}: ${num(f.value)}\``, setting: true };
  }
  if (d.defaultMemory) {
    const { gb, key } = d.defaultMemory;
    return { gb, at: d.targetKey, what: `the default ${num(gb)} GB (no \`${key}\`)`, setting: true };
  }
  if (d.requests?.memory) {
    const f = d.requests.memory;
    return { gb: f.value / GIB, at: { manifest: f.manifest, ptr: f.ptr }, what: `\`${keyPath(f.ptr)}\` (${num(f.value / GIB)} GiB)`, setting: true };
  }
  if (d.target === 'managed-online') {
    if (!d.instanceType) return undefined; // schema reports the missing key
    const sku = ctx.skus.get(d.instanceType.value);
    if (!sku) return { skip: unknownSku(d.instanceType.value) };
    const f = d.instanceType;
    return { gb: sku.memoryGb, at: { manifest: f.manifest, ptr: f.ptr }, what: `\`instance_type: ${f.value}\` (${num(sku.memoryGb)} GiB)`, setting: false, sku };
  }
  if (d.computeRef) {
    const gap = computeGap(d);
    if (gap) return { skip: gap };
    const c = d.compute;
    if (!c) return undefined;
    if (c.type === 'kubernetes') {
      return { skip: `memory per instance on Kubernetes compute "${c.name}" comes from its instance type; set \`resources.requests.memory\`` };
    }
    const size = computeVmSize(c);
    if (!size) return { skip: `the VM size of compute "${c.name}" is unknown; declare \`vm-size\` in config \`computes:\`` };
    const sku = ctx.skus.get(size);
    if (!sku) return { skip: unknownSku(size) };
    return { gb: sku.memoryGb, at: d.computeRef.at, what: `compute "${c.name}" (${size}, ${num(sku.memoryGb)} GiB per node)`, setting: false, sku };
  }
  if (d.instanceType && d.flavor !== 'kubernetes-online') {
    const sku = ctx.skus.get(d.instanceType.value);
    if (sku) {
      const f = d.instanceType;
      return { gb: sku.memoryGb, at: { manifest: f.manifest, ptr: f.ptr }, what: `\`${keyPath(f.ptr)}: ${f.value}\` (${num(sku.memoryGb)} GiB)`, setting: false, sku };
    }
  }
  return { skip: 'memory per instance is unknown (no memory request and no catalogue VM size)' };
}

function wantsGpu(d: Deployment, sku: Sku | undefined): boolean {
  return (sku?.gpus ?? 0) > 0 || (d.gpu?.value ?? 0) > 0 || (d.limits?.gpu?.value ?? 0) > 0 || d.model?.accelerator === 'gpu';
}

export const rule: DeploymentRule = {
  id: 'memory-headroom',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: "Memory per replica/instance must be at least 150 % of the model's memory requirement (scale up first, then out).",
  remediation: "Give each replica ≥ 1.5 × the model's memory: raise the memory request or pick a larger VM size before adding replicas.",
  help: help(
    'The compute target table\'s sizing note: "scale up first, then out. Start with a machine that has 150 % of the RAM the model requires, ' +
      'profile, then add machines for concurrent inference." A replica without headroom is OOM-killed under load; more replicas do not ' +
      'give one replica more memory. When the model declares no memory requirement, its size is a lower bound and the finding is a warning.',
    TABLE,
  ),
  needs: { model: true, compute: memoryFromCompute },
  appliesTo: (d) => d.target !== 'local',
  check(d, ctx) {
    const ratio = ctx.limits['memory-headroom-ratio'];
    if (!hasLinkedModel(ctx, d)) return;
    const m = d.model;
    let needGb: number;
    let lowerBound = false;
    let needWhat: string;
    if (m.memoryGb !== undefined) {
      needGb = m.memoryGb;
      needWhat = `the ${num(needGb)} GiB that ${describeModel(d)} needs${m.memorySource ? ` (${m.memorySource})` : ''}`;
    } else if (m.sizeBytes !== undefined) {
      needGb = m.sizeBytes / GIB;
      lowerBound = true;
      const from = [m.sizeSource, 'no memory requirement declared'].filter((x) => x !== undefined);
      needWhat = `the ${num(needGb)} GiB size of ${describeModel(d)} (${from.join('; ')})`;
    } else {
      ctx.skip(d, `${describeModel(d)} declares no memory requirement or size; set \`memory-gb\` in config \`models:\` or \`memory_gb\` in its tags`);
      return;
    }
    if (needGb <= 0) return;
    const supply = memorySupply(d, ctx);
    if (!supply) return;
    if ('skip' in supply) {
      ctx.skip(d, supply.skip);
      return;
    }
    const wantGb = ratio * needGb;
    if (supply.gb >= wantGb - EPS) return;

    const managedOnly = d.target === 'managed-online';
    const alt = ctx.skus.smallestWith(wantGb, { gpu: wantsGpu(d, supply.sku), managedOnly });
    const fix: string[] = [];
    const row = TARGETS[d.target];
    if (supply.setting) {
      fix.push(`raise the memory per replica to at least ${num(ceil1(wantGb))} GB`);
      if (row.maxMemoryLimit) {
        // ACI has no nodes to size; past its RAM ceiling the fix is another target.
        const ceiling = ctx.limits[row.maxMemoryLimit];
        if (ceil1(wantGb) >= ceiling) {
          const managed = ctx.skus.smallestWith(wantGb, { gpu: false, managedOnly: true });
          fix.push(`that is past the ${num(ceiling)} GB limit of ${row.title}, so deploy to AKS, or to a managed online endpoint${managed ? ` with ${instanceTypeOf(managed)}` : ''}`);
        }
      } else if (alt) {
        fix.push(`run it on nodes of at least ${skuLabel(alt)}`);
      }
    } else if (alt) {
      fix.push(`use ${skuLabel(alt)} or larger`);
    } else {
      fix.push(`use a VM size with at least ${num(ceil1(wantGb))} GiB of RAM (none in the catalogue${managedOnly ? ' allowed on managed online endpoints' : ''})`);
    }
    if (scalesOut(d)) fix.push('scale up before adding replicas');
    ctx.report(
      supply.at,
      `${describeDeployment(d)} gives each replica ${supply.what}, less than ${num(wantGb)} GiB, ${num(ratio * 100)} % of ${needWhat}: ${fix.join('; ')}.`,
      lowerBound ? { severity: 'warning' } : undefined,
    );
  },
  fix(d, _at, ctx) {
    const ratio = ctx.limits['memory-headroom-ratio'];
    const m = d.model;
    const needGb = m?.memoryGb ?? (m?.sizeBytes !== undefined ? m.sizeBytes / GIB : undefined);
    if (needGb === undefined || needGb <= 0) return undefined;
    const supply = memorySupply(d, ctx);
    if (!supply || 'skip' in supply) return undefined;
    const wantGb = ratio * needGb;
    const why = `${num(ratio * 100)} % of the ${num(needGb)} GiB the model needs`;
    if (supply.setting) {
      const gb = ceil1(wantGb);
      const row = TARGETS[d.target];
      // Past ACI's RAM ceiling the answer is another target, not a number.
      if (row.maxMemoryLimit && gb >= ctx.limits[row.maxMemoryLimit]) return undefined;
      const req = d.requests?.memory;
      if (req && supply.at.ptr === req.ptr) {
        const q = `${gb}Gi`;
        const changes: Change[] = [{ set: req.ptr, value: q }];
        const lim = d.limits?.memory;
        if (lim && lim.value < gb * GIB - EPS) changes.push({ set: lim.ptr, value: q });
        return { description: `request \`memory: ${q}\` per replica (${why})`, changes };
      }
      const ptr = d.memoryGb?.ptr ?? (d.defaultMemory ? ptrOf(...d.defaultMemory.key.split('.')) : undefined);
      if (!ptr) return undefined;
      const changes: Change[] = [{ set: ptr, value: gb }];
      // v1 `memoryInGBLimit` must stay at or above `memoryInGB`.
      const limit = toNumber(valueAt(d.manifest, `${ptr}Limit`));
      if (limit !== undefined && limit < gb) changes.push({ set: `${ptr}Limit`, value: gb });
      return { description: `set \`${keyPath(ptr)}: ${num(gb)}\` (${why})`, changes };
    }
    // A cluster's VM size lives in the cluster's own definition: no edit of this file fixes it.
    if (!supply.sku || !d.instanceType || supply.at.ptr !== d.instanceType.ptr) return undefined;
    const alt = ctx.skus.smallestWith(wantGb, { gpu: wantsGpu(d, supply.sku), managedOnly: d.target === 'managed-online' });
    if (!alt) return undefined;
    return { description: `set \`${keyPath(d.instanceType.ptr)}: ${alt.name}\` (${num(alt.memoryGb)} GiB, ${why})`, changes: [{ set: d.instanceType.ptr, value: alt.name }] };
  },
};
