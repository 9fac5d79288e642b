import type { Anchor, Deployment } from '../../core/types.js';
import { isMapping } from '../../core/pointer.js';
import { valueAt } from '../../formats/kit/values.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment } from '../kit/describe.js';

const REGISTRY = /^azureml:\/\/registries\//i;

/** The model and environment keys of a deployment that name a registry asset. */
function registryAssets(d: Deployment): Array<{ at: Anchor; what: string; ref: string }> {
  const m = d.manifest;
  const out: Array<{ at: Anchor; what: string; ref: string }> = [];
  for (const [key, what] of [
    ['model', 'model'],
    ['environment', 'environment'],
  ] as const) {
    const v = valueAt(m, `/${key}`);
    const raw = typeof v === 'string' ? v : isMapping(v) && typeof v.path === 'string' ? v.path : undefined;
    const ptr = typeof v === 'string' ? `/${key}` : `/${key}/path`;
    if (raw !== undefined && REGISTRY.test(raw.trim())) out.push({ at: { manifest: m, ptr }, what, ref: raw.trim() });
  }
  return out;
}

export const rule: DeploymentRule = {
  id: 'kubernetes-registry-asset',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'A Kubernetes online deployment cannot use a model or environment from a registry (`azureml://registries/…`).',
  remediation: 'Register the model/environment in the workspace (or copy it from the registry) and reference it as `azureml:NAME:VERSION`.',
  appliesTo: (d) => d.flavor === 'kubernetes-online',
  check(d, ctx) {
    for (const a of registryAssets(d)) {
      ctx.report(
        a.at,
        `${describeDeployment(d)} uses the registry ${a.what} \`${a.ref}\`, but Kubernetes online endpoints do not support models or environments from registries. ` +
          `Fix: register the ${a.what} in the workspace and reference it as \`azureml:<name>:<version>\`, or deploy to a managed online endpoint.`,
      );
    }
  },
};
