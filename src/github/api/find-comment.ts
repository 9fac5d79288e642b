import { checkedPages } from './pages.js';
import type { Client } from '../client.js';
import type { RepoRef } from './types.js';

/** The first comment of the issue/PR whose body contains `marker`, if any. */
export async function findComment(
  client: Client,
  repo: RepoRef,
  issueNumber: number,
  marker: string,
): Promise<{ id: number } | undefined> {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    owner: repo.owner,
    repo: repo.name,
    issue_number: issueNumber,
    per_page: 100,
  });
  // An unreadable page must not read as "no sticky comment yet": that would post a duplicate.
  const valid = (c: Record<string, unknown>) => (typeof c['id'] === 'number' ? undefined : 'a comment without an id');
  for await (const comments of checkedPages(pages, 'the comment list', valid)) {
    for (const c of comments) {
      if (typeof c['body'] === 'string' && c['body'].includes(marker)) return { id: c['id'] as number };
    }
  }
  return undefined;
}
