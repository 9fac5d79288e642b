import type { Client } from '../client.js';
import type { CheckOutput, Conclusion, RepoRef } from './types.js';

/** Appends `output.annotations` to a check run; completes it when `conclusion` is given. */
export async function updateCheckRun(
  client: Client,
  repo: RepoRef,
  checkRunId: number,
  args: { output: CheckOutput; conclusion?: Conclusion },
): Promise<void> {
  await client.rest.checks.update({
    owner: repo.owner,
    repo: repo.name,
    check_run_id: checkRunId,
    ...(args.conclusion ? { status: 'completed' as const, conclusion: args.conclusion } : {}),
    output: args.output,
  });
}
