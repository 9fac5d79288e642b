import type { Client } from '../client.js';
import { NO_RETRY } from './post-once.js';
import type { CheckOutput, Conclusion, RepoRef } from './types.js';

/**
 * Creates a check run: completed when `conclusion` is given, else in progress (more batches follow).
 * Sent once (no automatic retry: see postOnce); `externalId` lets a later look find it.
 */
export async function createCheckRun(
  client: Client,
  repo: RepoRef,
  args: { name: string; headSha: string; output: CheckOutput; conclusion?: Conclusion; detailsUrl?: string; externalId: string },
): Promise<{ id: number; htmlUrl: string }> {
  const res = await client.rest.checks.create({
    owner: repo.owner,
    repo: repo.name,
    name: args.name,
    head_sha: args.headSha,
    details_url: args.detailsUrl,
    external_id: args.externalId,
    ...(args.conclusion ? { status: 'completed' as const, conclusion: args.conclusion } : { status: 'in_progress' as const }),
    output: args.output,
    request: NO_RETRY,
  });
  return { id: res.data.id, htmlUrl: res.data.html_url ?? '' };
}

/** The check run of this name on `headSha` whose `external_id` is `externalId`, if GitHub has it. */
export async function findCheckRun(
  client: Client,
  repo: RepoRef,
  args: { name: string; headSha: string; externalId: string },
): Promise<{ id: number; htmlUrl: string } | undefined> {
  const res = await client.rest.checks.listForRef({
    owner: repo.owner,
    repo: repo.name,
    ref: args.headSha,
    check_name: args.name,
    filter: 'all',
    per_page: 100,
  });
  const runs = Array.isArray(res.data?.check_runs) ? res.data.check_runs : [];
  const run = runs.find((r) => r.name === args.name && r.external_id === args.externalId);
  return run ? { id: run.id, htmlUrl: run.html_url ?? '' } : undefined;
}
