import { TARGETS } from '../../catalog/targets.js';
import type { DeploymentRule } from '../rule.js';
import { instanceTypeOf, skuFacts, unknownSku } from '../kit/describe.js';
import { help } from '../kit/help.js';

const row = TARGETS['managed-online'];

export const rule: DeploymentRule = {
  id: 'managed-sku-unsupported',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'A managed online deployment must use a VM size allowed on managed online endpoints.',
  remediation: 'Pick an instance_type from the managed online endpoint SKU list (e.g. Standard_DS3_v2, Standard_E4s_v3, Standard_NC6s_v3).',
  help: help(
    'Managed online endpoints accept only the sizes of the managed online endpoint SKU list; Azure rejects the deployment otherwise. ' +
      "A size missing from the gate's catalogue is not proof that Azure rejects it: that finding is a notice, and the rules that need " +
      'the size are skipped until it is declared in config `skus:`.',
    'Azure ML "Managed online endpoints SKU list" (`reference-managed-online-endpoints-vm-sku-list.md`, MicrosoftDocs/azure-ai-docs @1d987e37)',
  ),
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
        `\`instance_type: ${f.value}\` is not in the SKU catalogue, so the gate cannot tell whether a ${row.title} allows it: ` +
          `if it is on the managed online SKU list, declare it in config \`skus:\` (\`vcpus\`, \`memory-gb\`, \`gpus\`, \`managed-online: true\`), otherwise use a listed size such as Standard_DS3_v2.`,
        { severity: 'notice' },
      );
      return;
    }
    const alt = ctx.skus.smallestWith(sku.memoryGb, { gpu: sku.gpus > 0, managedOnly: true });
    ctx.report(
      at,
      `\`instance_type: ${f.value}\` (${skuFacts(sku)}) is not on the managed online endpoint SKU list: ` +
        `use a listed size${alt ? ` with the same RAM or more, such as ${instanceTypeOf(alt)}` : ''}.`,
    );
  },
  fix(d, _at, ctx) {
    const f = d.instanceType;
    const sku = f && ctx.skus.get(f.value);
    // An unknown size has no determined replacement: it may be allowed and only missing from the catalogue.
    if (!f || !sku || sku.managedOnline) return undefined;
    const alt = ctx.skus.smallestWith(sku.memoryGb, { gpu: sku.gpus > 0, managedOnly: true });
    if (!alt) return undefined;
    return { description: `set \`instance_type: ${alt.name}\`, the smallest allowed size with the same RAM or more`, changes: [{ set: f.ptr, value: alt.name }] };
  },
};
