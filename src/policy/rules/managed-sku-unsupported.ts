import { TARGETS } from '../../catalog/targets.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment, skuLabel, unknownSku } from '../kit/describe.js';

const row = TARGETS['managed-online'];

export const rule: DeploymentRule = {
  id: 'managed-sku-unsupported',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'A managed online deployment must use a VM size allowed on managed online endpoints.',
  remediation: 'Pick an instance_type from the managed online endpoint SKU list (e.g. Standard_DS3_v2, Standard_E4s_v3, Standard_NC6s_v3).',
  appliesTo: (d) => d.target === row.id,
  check(d, ctx) {
    if (!d.instanceType) return;
    const f = d.instanceType;
    const sku = ctx.skus.get(f.value);
    if (sku?.managedOnline) return;
    const at = { manifest: f.manifest, ptr: f.ptr };
    if (!sku) {
      // Not in the catalogue is not proof that Azure rejects it: say so, and say what was not checked.
      ctx.skip(d, unknownSku(f.value));
      ctx.report(
        at,
        `\`instance_type: ${f.value}\` of ${describeDeployment(d)} is not in the SKU catalogue, so the gate cannot tell whether a ${row.title} allows it ` +
          'and did not evaluate the rules that need its size. ' +
          `Fix: if the size is on the managed online SKU list, declare it in config \`skus: { ${f.value}: { vcpus: …, memory-gb: …, gpus: …, managed-online: true } }\`; otherwise use a listed size (e.g. Standard_DS3_v2).`,
        { severity: 'notice' },
      );
      return;
    }
    const alt = ctx.skus.smallestWith(sku.memoryGb, { gpu: sku.gpus > 0, managedOnly: true });
    ctx.report(
      at,
      `\`instance_type: ${f.value}\` of ${describeDeployment(d)} is ${skuLabel(sku)}, which is not on the managed online endpoint SKU list; ` +
        `Azure rejects the deployment. Fix: use a listed size${alt ? ` with the same RAM or more, such as ${skuLabel(alt)}` : ''}.`,
    );
  },
};
