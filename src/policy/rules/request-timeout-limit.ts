import { TARGETS } from '../../catalog/targets.js';
import type { Deployment } from '../../core/types.js';
import type { DeploymentRule } from '../rule.js';
import { keyPath, num } from '../kit/describe.js';
import { TABLE, help } from '../kit/help.js';

/** The endpoint kinds with a request timeout maximum, and the limit that holds it. */
function maximum(d: Deployment): { limit: 'managed-max-request-timeout-ms' | 'kubernetes-max-request-timeout-ms'; title: string } | undefined {
  if (d.target === 'managed-online') return { limit: 'managed-max-request-timeout-ms', title: TARGETS['managed-online'].title };
  if (d.flavor === 'kubernetes-online') return { limit: 'kubernetes-max-request-timeout-ms', title: 'Kubernetes online endpoint' };
  return undefined;
}

export const rule: DeploymentRule = {
  id: 'request-timeout-limit',
  scope: 'deployment',
  defaultSeverity: 'error',
  description:
    'request_settings.request_timeout_ms must not exceed 180000 ms on a managed online deployment, 300000 ms on a Kubernetes online deployment.',
  remediation: 'Set request_timeout_ms to the maximum or less; move longer work to a batch endpoint or an asynchronous pattern.',
  help: help(
    'Managed online endpoints allow at most 180 seconds per request, Kubernetes online endpoints 300 seconds; Azure rejects a larger ' +
      'value. Work that takes longer belongs in a batch endpoint (the compute target table lists compute clusters for batch inference).',
    'Azure ML managed online deployment YAML reference (`reference-yaml-deployment-managed-online.md` @280c976c)',
    '"Manage and increase quotas" (`how-to-manage-quotas.md` @0c509fa9)',
    TABLE,
  ),
  appliesTo: (d) => maximum(d) !== undefined,
  check(d, ctx) {
    const m = maximum(d);
    const f = d.requestTimeoutMs;
    if (!m || !f) return;
    const max = ctx.limits[m.limit];
    if (f.value <= max) return;
    ctx.report(
      { manifest: f.manifest, ptr: f.ptr },
      `\`${keyPath(f.ptr)}: ${f.value}\` exceeds the ${num(max)} ms maximum of a ${m.title}: ` +
        `set it to ${num(max)} or less, and move scoring that takes longer to a batch endpoint.`,
    );
  },
  fix(d, _at, ctx) {
    const m = maximum(d);
    const f = d.requestTimeoutMs;
    if (!m || !f) return undefined;
    const max = ctx.limits[m.limit];
    return { description: `set \`${keyPath(f.ptr)}: ${max}\`, the maximum`, changes: [{ set: f.ptr, value: max }] };
  },
};
