import type { Client } from '../client.js';
import { NO_RETRY } from './post-once.js';
import type { RepoRef } from './types.js';

/** Posts a comment once (no automatic retry: see postOnce). */
export async function createComment(
  client: Client,
  repo: RepoRef,
  issueNumber: number,
  body: string,
): Promise<{ id: number; htmlUrl: string }> {
  const res = await client.rest.issues.createComment({ owner: repo.owner, repo: repo.name, issue_number: issueNumber, body, request: NO_RETRY });
  return { id: res.data.id, htmlUrl: res.data.html_url };
}
