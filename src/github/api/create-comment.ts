import type { Client } from '../client.js';
import type { RepoRef } from './types.js';

export async function createComment(
  client: Client,
  repo: RepoRef,
  issueNumber: number,
  body: string,
): Promise<{ id: number; htmlUrl: string }> {
  const res = await client.rest.issues.createComment({ owner: repo.owner, repo: repo.name, issue_number: issueNumber, body });
  return { id: res.data.id, htmlUrl: res.data.html_url };
}
