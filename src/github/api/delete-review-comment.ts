import type { Client } from '../client.js';
import type { RepoRef } from './types.js';

/** Deletes one review comment (`DELETE /repos/{o}/{r}/pulls/comments/{id}`). */
export async function deleteReviewComment(client: Client, repo: RepoRef, commentId: number): Promise<void> {
  await client.rest.pulls.deleteReviewComment({ owner: repo.owner, repo: repo.name, comment_id: commentId });
}
