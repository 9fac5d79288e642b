import type { Rule } from '../types.js';
import { TARGETS } from '../../catalog/targets.js';
import { activeDeployments, describeDeployment, keyPath, num } from './support.js';

const row = TARGETS['managed-online'];

export const rule: Rule = {
  id: 'request-timeout-limit',
  defaultSeverity: 'error',
  description: 'request_settings.request_timeout_ms of a managed online deployment must not exceed 180000 ms.',
  remediation: 'Set request_timeout_ms to 180000 or less; move longer work to a batch endpoint or an asynchronous pattern.',
  appliesTo: (d) => d.target === row.id && !d.skipDeployment,
  check(ctx) {
    const max = ctx.limits['managed-max-request-timeout-ms'];
    for (const d of activeDeployments(ctx)) {
      if (d.target !== row.id || !d.requestTimeoutMs) continue;
      const f = d.requestTimeoutMs;
      if (f.value <= max) continue;
      ctx.report(
        { manifest: f.manifest, ptr: f.ptr },
        `\`${keyPath(f.ptr)}: ${f.value}\` of ${describeDeployment(d)} exceeds the ${num(max)} ms maximum of a ${row.title}; ` +
          `Azure rejects the deployment. Fix: set it to ${num(max)} or less, and move scoring that takes longer to a batch endpoint ` +
          '(the compute target table lists compute clusters for batch inference).',
      );
    }
  },
};
