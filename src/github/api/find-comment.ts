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
  for await (const page of pages) {
    for (const c of page.data) {
      if (c.body?.includes(marker)) return { id: c.id };
    }
  }
  return undefined;
}
