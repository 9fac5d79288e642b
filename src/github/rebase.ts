// The engine reports paths relative to the scanned root (`working-directory`); GitHub needs them
// relative to the repository (annotations, check runs, SARIF), as does the JSON report (SPEC §8).
import type { Result } from '../core/types.js';
import { rootToRepo } from './paths.js';

export function rebaseResult(result: Result, rootPrefix: string): Result {
  if (rootPrefix === '') return result;
  const at = (p: string): string => rootToRepo(p, rootPrefix);
  return {
    ...result,
    findings: result.findings.map((f) => ({ ...f, file: at(f.file), ...(f.fix?.file !== undefined ? { fix: { ...f.fix, file: at(f.fix.file) } } : {}) })),
    inventory: result.inventory.map((r) => ({ ...r, file: at(r.file) })),
    skipped: result.skipped.map((s) => ({ ...s, file: at(s.file) })),
    ...(result.quota ? { quota: result.quota.map((q) => ({ ...q, deployments: q.deployments.map((d) => ({ ...d, file: at(d.file) })) })) } : {}),
    ...(result.policy
      ? {
          policy: {
            ...result.policy,
            file: result.policy.file === null ? null : at(result.policy.file),
            ...(result.policy.change ? { change: { ...result.policy.change, file: at(result.policy.change.file) } } : {}),
          },
        }
      : {}),
  };
}
