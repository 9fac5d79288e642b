import { TARGETS } from '../../catalog/targets.js';
import type { Deployment } from '../../core/types.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment, keyPath, num } from '../kit/describe.js';

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
  appliesTo: (d) => maximum(d) !== undefined,
  check(d, ctx) {
    const m = maximum(d);
    const f = d.requestTimeoutMs;
    if (!m || !f) return;
    const max = ctx.limits[m.limit];
    if (f.value <= max) return;
    ctx.report(
      { manifest: f.manifest, ptr: f.ptr },
      `\`${keyPath(f.ptr)}: ${f.value}\` of ${describeDeployment(d)} exceeds the ${num(max)} ms maximum of a ${m.title}; ` +
        `Azure rejects the deployment. Fix: set it to ${num(max)} or less, and move scoring that takes longer to a batch endpoint ` +
        '(the compute target table lists compute clusters for batch inference).',
    );
  },
};
