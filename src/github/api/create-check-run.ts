import type { Client } from '../client.js';
import type { CheckOutput, Conclusion, RepoRef } from './types.js';

/** Creates a check run: completed when `conclusion` is given, else in progress (more batches follow). */
export async function createCheckRun(
  client: Client,
  repo: RepoRef,
  args: { name: string; headSha: string; output: CheckOutput; conclusion?: Conclusion; detailsUrl?: string },
): Promise<{ id: number; htmlUrl: string }> {
  const res = await client.rest.checks.create({
    owner: repo.owner,
    repo: repo.name,
    name: args.name,
    head_sha: args.headSha,
    details_url: args.detailsUrl,
    ...(args.conclusion ? { status: 'completed' as const, conclusion: args.conclusion } : { status: 'in_progress' as const }),
    output: args.output,
  });
  return { id: res.data.id, htmlUrl: res.data.html_url ?? '' };
}
