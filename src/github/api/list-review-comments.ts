import { checkedPages } from './pages.js';
import type { Client } from '../client.js';
import type { RepoRef } from './types.js';

export interface ReviewCommentSummary {
  id: number;
  path: string;
  line: number | null;
  startLine: number | null;
  body: string;
}

/** The comments of one review (`GET /repos/{o}/{r}/pulls/{n}/reviews/{id}/comments`, 100 per page). */
export async function listReviewComments(client: Client, repo: RepoRef, pullNumber: number, reviewId: number): Promise<ReviewCommentSummary[]> {
  const pages = client.paginate.iterator(client.rest.pulls.listCommentsForReview, {
    owner: repo.owner,
    repo: repo.name,
    pull_number: pullNumber,
    review_id: reviewId,
    per_page: 100,
  });
  const valid = (c: Record<string, unknown>) => (typeof c['id'] === 'number' ? undefined : 'a review comment without an id');
  const out: ReviewCommentSummary[] = [];
  for await (const comments of checkedPages(pages, 'the review comments', valid)) {
    for (const c of comments) {
      out.push({
        id: c['id'] as number,
        path: typeof c['path'] === 'string' ? c['path'] : '',
        line: typeof c['line'] === 'number' ? c['line'] : null,
        startLine: typeof c['start_line'] === 'number' ? c['start_line'] : null,
        body: typeof c['body'] === 'string' ? c['body'] : '',
      });
    }
  }
  return out;
}
