import { MalformedResponseError, type Client } from '../client.js';
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
  let n = 1;
  const malformed = (why: string): Error => new Error(`the GitHub API sent a malformed page ${n} of the comment list (${why})`);
  try {
    for await (const page of pages) {
      const data: unknown = page.data;
      if (!Array.isArray(data)) throw malformed('not a JSON array');
      for (const c of data as unknown[]) {
        const r = (c ?? {}) as Record<string, unknown>;
        if (typeof r['id'] !== 'number') throw malformed('a comment without an id');
        if (typeof r['body'] === 'string' && r['body'].includes(marker)) return { id: r['id'] };
      }
      n++;
    }
  } catch (e) {
    if (e instanceof MalformedResponseError) throw malformed(e.message);
    throw e;
  }
  return undefined;
}
