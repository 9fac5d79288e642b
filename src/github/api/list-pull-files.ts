import { PULL_FILES_CAP } from '../../core/github-limits.js';
import { checkedPages } from './pages.js';
import type { Client } from '../client.js';
import type { RepoRef } from './types.js';

export interface PullFile {
  filename: string;
  status: string;
  previous_filename?: string;
  /** Unified diff of the file; absent for binary or very large diffs. */
  patch?: string;
}

export interface PullFiles {
  files: PullFile[];
  /** The API returns at most `cap` files: the list may be incomplete. */
  capped: boolean;
}

export { PULL_FILES_CAP };

export async function listPullFiles(
  client: Client,
  repo: RepoRef,
  pullNumber: number,
  cap = PULL_FILES_CAP,
): Promise<PullFiles> {
  const files: PullFile[] = [];
  const pages = client.paginate.iterator(client.rest.pulls.listFiles, {
    owner: repo.owner,
    repo: repo.name,
    pull_number: pullNumber,
    per_page: 100,
  });
  // A page that cannot be read must fail the listing: gating the pages before it alone would pass unseen files.
  const valid = (f: Record<string, unknown>) =>
    typeof f['filename'] === 'string' && typeof f['status'] === 'string' ? undefined : 'an entry without filename or status';
  for await (const entries of checkedPages(pages, 'the file list', valid)) {
    for (const r of entries) {
      const patch = typeof r['patch'] === 'string' ? r['patch'] : undefined;
      const previous = typeof r['previous_filename'] === 'string' ? r['previous_filename'] : undefined;
      files.push({ filename: r['filename'] as string, status: r['status'] as string, previous_filename: previous, patch });
    }
    // Reaching the cap means GitHub stopped listing: a PR of exactly `cap` files is treated the same (fail safe).
    if (files.length >= cap) return { files, capped: true };
  }
  return { files, capped: false };
}
