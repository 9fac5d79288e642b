import { httpStatus, type Client } from '../client.js';
import type { RepoRef } from './types.js';

/** A file's text at a commit (`GET /repos/{o}/{r}/contents/{path}?ref=`), or undefined when it is not there (404). */
export async function getFileAt(client: Client, repo: RepoRef, file: string, ref: string): Promise<string | undefined> {
  try {
    const res = await client.rest.repos.getContent({ owner: repo.owner, repo: repo.name, path: file, ref });
    const data = res.data as { type?: unknown; encoding?: unknown; content?: unknown };
    if (Array.isArray(res.data) || data.type !== 'file' || data.encoding !== 'base64' || typeof data.content !== 'string') return undefined;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (e) {
    if (httpStatus(e) === 404) return undefined;
    throw e;
  }
}
