import { checkedPages } from './pages.js';
import type { Client } from '../client.js';
import type { RepoRef } from './types.js';

export interface ReviewSummary {
  id: number;
  body: string;
  login: string;
  commitId: string;
  state: string;
}

/** Every review of a pull request (`GET /repos/{o}/{r}/pulls/{n}/reviews`, 100 per page). */
export async function listReviews(client: Client, repo: RepoRef, pullNumber: number): Promise<ReviewSummary[]> {
  const pages = client.paginate.iterator(client.rest.pulls.listReviews, { owner: repo.owner, repo: repo.name, pull_number: pullNumber, per_page: 100 });
  const valid = (r: Record<string, unknown>) => (typeof r['id'] === 'number' ? undefined : 'a review without an id');
  const out: ReviewSummary[] = [];
  for await (const reviews of checkedPages(pages, 'the review list', valid)) {
    for (const r of reviews) {
      const user = r['user'] as { login?: unknown } | null | undefined;
      out.push({
        id: r['id'] as number,
        body: typeof r['body'] === 'string' ? r['body'] : '',
        login: typeof user?.login === 'string' ? user.login : '',
        commitId: typeof r['commit_id'] === 'string' ? r['commit_id'] : '',
        state: typeof r['state'] === 'string' ? r['state'] : '',
      });
    }
  }
  return out;
}
