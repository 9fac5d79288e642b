import { TARGETS } from '../../catalog/targets.js';
import type { DeploymentRule } from '../rule.js';
import { CITE, describeDeployment, keyPath, num, skuLabel } from '../kit/describe.js';

export const rule: DeploymentRule = {
  id: 'aci-memory-limit',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'ACI suits CPU workloads needing less than 48 GB of RAM.',
  remediation: 'Lower memoryInGB / memory_gb below the ACI limit, or deploy to AKS or a managed online endpoint.',
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
      `\`${keyPath(d.memoryGb.ptr)}: ${num(mem)}\` asks ${describeDeployment(d)} for ${num(mem)} GB on ${row.title}; ` +
        `the ${CITE} limits ACI to CPU workloads needing less than ${num(limit)} GB of RAM. ` +
        `Fix: request less than ${num(limit)} GB, or deploy to AKS or a managed online endpoint` +
        (alt ? ` (e.g. \`instance_type: ${alt.name}\`, ${skuLabel(alt)})` : '') +
        '.',
    );
  },
};
