import type { Anchor, Deployment } from '../../core/types.js';
import { isMapping } from '../../core/pointer.js';
import { isPlaceholder } from '../../formats/kit/placeholder.js';
import { valueAt } from '../../formats/kit/values.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment, keyPath } from '../kit/describe.js';
import { help } from '../kit/help.js';

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

/** The workspace reference of the same asset, once registered there: `azureml:NAME:VERSION` / `azureml:NAME@LABEL`. */
function workspaceRef(ref: string): string {
  const m = /\/(?:models|environments)\/([^/]+)\/(versions|labels)\/([^/]+)\/?$/i.exec(ref);
  if (!m || isPlaceholder(ref)) return 'azureml:NAME:VERSION';
  return `azureml:${m[1]}${m[2].toLowerCase() === 'versions' ? ':' : '@'}${m[3]}`;
}

export const rule: DeploymentRule = {
  id: 'kubernetes-registry-asset',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'A Kubernetes online deployment cannot use a model or environment from a registry (`azureml://registries/…`).',
  remediation: 'Register the model/environment in the workspace (or copy it from the registry) and reference it as `azureml:NAME:VERSION`.',
  help: help(
    "Azure ML's Kubernetes compute does not support models and environments from the model catalog or from registries (\"Limitations " +
      'for a Kubernetes compute"); the CLI v2 refuses them for Kubernetes deployments (`exit_if_registry_assets`). Managed online endpoints accept them.',
    'MicrosoftDocs/azure-ai-docs `articles/machine-learning/how-to-attach-kubernetes-anywhere.md` @34cf4994',
    'azure-ai-ml `KubernetesOnlineDeploymentSchema`',
  ),
  appliesTo: (d) => d.flavor === 'kubernetes-online',
  check(d, ctx) {
    for (const a of registryAssets(d)) {
      ctx.report(
        a.at,
        // A placeholder in the reference is the template notice's to name, not this message's.
        `${describeDeployment(d)} uses the registry ${a.what} ${isPlaceholder(a.ref) ? `at \`${keyPath(a.at.ptr)}\`` : `\`${a.ref}\``}, which Kubernetes online endpoints do not support: ` +
          `register the ${a.what} in the workspace and reference it as \`${workspaceRef(a.ref)}\`, or deploy to a managed online endpoint.`,
      );
    }
  },
};
