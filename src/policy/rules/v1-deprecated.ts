import type { Deployment, Manifest } from '../../core/types.js';
import type { ManifestRule } from '../rule.js';

const END = 'SDK v1 support ends 2026-06-30 and CLI v1 support ended 2025-09-30';

export const rule: ManifestRule = {
  id: 'v1-deprecated',
  scope: 'manifest',
  defaultSeverity: 'warning',
  description: 'SDK/CLI v1 deployment configs and the aml-deploy/aml-compute/aml-registermodel actions are deprecated.',
  remediation: 'Move to CLI/SDK v2 YAML (managed or Kubernetes online deployments, amlCompute, model); the message names the SKU.',
  check(m: Manifest, ctx) {
    const dep = m.family.deprecation;
    if (!m.family.v1 || !dep) return;
    const d: Deployment | undefined = ctx.inventory.deployments.find((x) => x.manifest === m);
    ctx.report(
      { manifest: m, ptr: m.family.targetKey(m) },
      `This is ${dep.what}; ${END}` +
        (dep.webService ? ', and v1 ACI/AKS web services are legacy for new deployments. ' : '. ') +
        `Fix: ${dep.replacement(m, d)}.`,
    );
  },
};
