import type { Client } from '../client.js';
import type { RepoRef } from './types.js';

export interface ReviewComment {
  path: string;
  body: string;
  /** Last line of the range (new file), RIGHT side. */
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
}

/** Posts a submitted review (`event: COMMENT`) with line comments on the PR head commit. */
export async function createReview(
  client: Client,
  repo: RepoRef,
  args: { pullNumber: number; commitId: string; body: string; comments: ReviewComment[] },
): Promise<{ id: number; htmlUrl: string; login: string }> {
  const res = await client.rest.pulls.createReview({
    owner: repo.owner,
    repo: repo.name,
    pull_number: args.pullNumber,
    commit_id: args.commitId,
    body: args.body,
    event: 'COMMENT',
    comments: args.comments,
  });
  return { id: res.data.id, htmlUrl: res.data.html_url, login: res.data.user?.login ?? '' };
}
