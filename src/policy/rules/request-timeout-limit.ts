import { TARGETS } from '../../catalog/targets.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment, keyPath, num } from '../kit/describe.js';

const row = TARGETS['managed-online'];

export const rule: DeploymentRule = {
  id: 'request-timeout-limit',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'request_settings.request_timeout_ms of a managed online deployment must not exceed 180000 ms.',
  remediation: 'Set request_timeout_ms to 180000 or less; move longer work to a batch endpoint or an asynchronous pattern.',
  appliesTo: (d) => d.target === row.id,
  check(d, ctx) {
    const max = ctx.limits['managed-max-request-timeout-ms'];
    const f = d.requestTimeoutMs;
    if (!f || f.value <= max) return;
    ctx.report(
      { manifest: f.manifest, ptr: f.ptr },
      `\`${keyPath(f.ptr)}: ${f.value}\` of ${describeDeployment(d)} exceeds the ${num(max)} ms maximum of a ${row.title}; ` +
        `Azure rejects the deployment. Fix: set it to ${num(max)} or less, and move scoring that takes longer to a batch endpoint ` +
        '(the compute target table lists compute clusters for batch inference).',
    );
  },
  fix(d, _at, ctx) {
    const f = d.requestTimeoutMs;
    const max = ctx.limits[d.target === row.id ? 'managed-max-request-timeout-ms' : 'kubernetes-max-request-timeout-ms'];
    if (!f) return undefined;
    return { description: `set \`${keyPath(f.ptr)}: ${max}\`, the maximum`, changes: [{ set: f.ptr, value: max }] };
  },
};
