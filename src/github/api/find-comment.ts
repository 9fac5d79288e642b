import { checkedPages } from './pages.js';
import type { Client } from '../client.js';
import type { RepoRef } from './types.js';

/** Who a comment's author must be: the identity the token acts as. */
export interface Author {
  login: string;
  type: string;
}

/** The comment's author is `author` (login compared case-insensitively, as GitHub does, and the account type). */
export function writtenBy(comment: Record<string, unknown>, author: Author): boolean {
  const user = comment['user'];
  if (user === null || typeof user !== 'object') return false;
  const u = user as Record<string, unknown>;
  return typeof u['login'] === 'string' && u['login'].toLowerCase() === author.login.toLowerCase() && u['type'] === author.type;
}

/**
 * The first comment of the issue/PR that holds `marker` AND was written by `author`. Anyone who can
 * comment can plant the marker (a hidden HTML comment), and a token with write access may edit
 * anyone's comment: matching the marker alone would overwrite other people's comments.
 */
export async function findComment(
  client: Client,
  repo: RepoRef,
  issueNumber: number,
  marker: string,
  author: Author,
): Promise<{ id: number; htmlUrl: string } | undefined> {
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
      if (typeof c['body'] === 'string' && c['body'].includes(marker) && writtenBy(c, author)) {
        return { id: c['id'] as number, htmlUrl: typeof c['html_url'] === 'string' ? c['html_url'] : '' };
      }
    }
  }
  return undefined;
}
