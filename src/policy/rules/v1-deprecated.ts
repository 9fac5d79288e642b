import type { Deployment, Manifest } from '../../core/types.js';
import type { ManifestRule } from '../rule.js';
import { help } from '../kit/help.js';

/** End-of-support dates (machine-learning-cli-v1-deprecation.md @19fa85dd), said in the tense the run's date needs. */
const ENDS = [
  { what: 'SDK v1 support', date: '2026-06-30' },
  { what: 'CLI v1 support', date: '2025-09-30' },
];

function endOfSupport(now: Date): string {
  const today = now.toISOString().slice(0, 10);
  return ENDS.map((e) => `${e.what} ${e.date < today ? 'ended' : 'ends'} on ${e.date}`).join(' and ');
}

/** The first deployment of each manifest, indexed once per deployment list. */
const byList = new WeakMap<readonly Deployment[], Map<Manifest, Deployment>>();
function deploymentOf(m: Manifest, deployments: readonly Deployment[]): Deployment | undefined {
  let index = byList.get(deployments);
  if (!index) {
    index = new Map();
    for (const d of deployments) if (!index.has(d.manifest)) index.set(d.manifest, d);
    byList.set(deployments, index);
  }
  return index.get(m);
}

export const rule: ManifestRule = {
  id: 'v1-deprecated',
  scope: 'manifest',
  defaultSeverity: 'warning',
  description: 'SDK/CLI v1 deployment configs and the aml-deploy/aml-compute/aml-registermodel actions are deprecated.',
  remediation: 'Move to CLI/SDK v2 YAML (managed or Kubernetes online deployments, amlCompute, model); the message names the SKU.',
  help: help(
    'End of support: Azure ML CLI v1 on 2025-09-30, SDK v1 on 2026-06-30. Existing v1 web services keep running, but new v1 ACI/AKS ' +
      'deployments are deprecated and unsupported, and the aml-deploy / aml-compute / aml-registermodel actions were deprecated in 2021 ' +
      'in favour of CLI v2. The message names the v2 equivalent and, from `cpu` / `memoryInGB`, the managed online SKU of the ACI → ' +
      'managed online migration table; `model-deploy-gate migrate` writes the v2 files.',
    'MicrosoftDocs/azure-ai-docs `includes/machine-learning-cli-v1-deprecation.md` @19fa85dd',
    '"Upgrade to v2 managed online endpoints" (`migrate-to-v2-managed-online-endpoints.md` @12579eb3)',
  ),
  check(m: Manifest, ctx) {
    const dep = m.family.deprecation;
    if (!m.family.v1 || !dep) return;
    const d: Deployment | undefined = deploymentOf(m, ctx.inventory.deployments);
    ctx.report(
      { manifest: m, ptr: m.family.targetKey(m) },
      `This is ${dep.what}, deprecated (${endOfSupport(ctx.now)}): ${dep.replacement(m, d)}.`,
    );
  },
};
