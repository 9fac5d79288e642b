import type { Client } from '../client.js';
import type { RepoRef } from './types.js';

export async function updateComment(
  client: Client,
  repo: RepoRef,
  commentId: number,
  body: string,
): Promise<{ id: number; htmlUrl: string }> {
  const res = await client.rest.issues.updateComment({ owner: repo.owner, repo: repo.name, comment_id: commentId, body });
  return { id: res.data.id, htmlUrl: res.data.html_url };
}
