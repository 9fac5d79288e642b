import { TARGETS } from '../../catalog/targets.js';
import type { DeploymentRule } from '../rule.js';
import { instanceTypeOf, keyPath, num } from '../kit/describe.js';
import { TABLE, help } from '../kit/help.js';

export const rule: DeploymentRule = {
  id: 'aci-memory-limit',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'ACI suits CPU workloads needing less than 48 GB of RAM.',
  remediation: 'Lower memoryInGB / memory_gb below the ACI limit, or deploy to AKS or a managed online endpoint.',
  help: help(
    'The compute target table: ACI is for "low-scale CPU workloads that require less than 48 GB of RAM". ' +
      'Larger requests fail to deploy or wait for regional capacity.',
    TABLE,
  ),
  appliesTo: (d) => TARGETS[d.target].maxMemoryLimit !== undefined,
  check(d, ctx) {
    const row = TARGETS[d.target];
    if (!row.maxMemoryLimit || !d.memoryGb) return;
    const limit = ctx.limits[row.maxMemoryLimit];
    const mem = d.memoryGb.value;
    if (mem < limit) return;
    const alt = ctx.skus.smallestWith(mem, { gpu: false, managedOnly: true });
    ctx.report(
      { manifest: d.memoryGb.manifest, ptr: d.memoryGb.ptr },
      `\`${keyPath(d.memoryGb.ptr)}: ${num(mem)}\` is at or above the ${num(limit)} GB limit of ${row.title}: ` +
        `request less than ${num(limit)} GB, or deploy to AKS, or to a managed online endpoint${alt ? ` with ${instanceTypeOf(alt)}` : ''}.`,
    );
  },
};
