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

/** GitHub's pulls.listFiles returns at most 3,000 files. */
export const PULL_FILES_CAP = 3000;

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
  for await (const page of pages) {
    for (const f of page.data) {
      files.push({ filename: f.filename, status: f.status, previous_filename: f.previous_filename, patch: f.patch });
    }
    // Reaching the cap means GitHub stopped listing: a PR of exactly `cap` files is treated the same (fail safe).
    if (files.length >= cap) return { files, capped: true };
  }
  return { files, capped: false };
}
