import type { Client } from '../client.js';
import type { RepoRef } from './types.js';

/** Replaces a review's body (`PUT /repos/{o}/{r}/pulls/{n}/reviews/{id}`). */
export async function updateReview(client: Client, repo: RepoRef, pullNumber: number, reviewId: number, body: string): Promise<void> {
  await client.rest.pulls.updateReview({ owner: repo.owner, repo: repo.name, pull_number: pullNumber, review_id: reviewId, body });
}
