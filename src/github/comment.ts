// One sticky PR comment, found by a hidden marker and edited in place.
import type { Client } from './client.js';
import { createComment } from './api/create-comment.js';
import { findComment, type Author } from './api/find-comment.js';
import { postOnce } from './api/post-once.js';
import { updateComment } from './api/update-comment.js';
import type { RepoRef } from './api/types.js';
import { COMMENT_MAX_CHARS, fitChars } from './limits.js';
import type { CommentMode } from './settings.js';

export const COMMENT_MARKER = '<!-- model-deploy-gate -->';

export function commentBody(markdown: string): string {
  const head = `${COMMENT_MARKER}\n`;
  return head + fitChars(markdown, COMMENT_MAX_CHARS - head.length);
}

/**
 * What to do with the sticky comment. `on-failure` posts only on failure, but an existing comment
 * is still updated when the PR turns green, so a stale failure report never lingers.
 */
export function commentAction(mode: CommentMode, failed: boolean, exists: boolean): 'post' | 'skip' {
  if (mode === 'off') return 'skip';
  if (mode === 'always' || failed || exists) return 'post';
  return 'skip';
}

export async function upsertComment(
  client: Client,
  repo: RepoRef,
  args: {
    issueNumber: number;
    mode: CommentMode;
    failed: boolean;
    markdown: string;
    /** The identity the token acts as: only its own comment is ever edited. */
    author: Author;
    retry: { attempts: number; waitMs: number };
  },
): Promise<{ action: 'created' | 'updated' | 'skipped'; htmlUrl?: string }> {
  const find = () => findComment(client, repo, args.issueNumber, COMMENT_MARKER, args.author);
  const existing = await find();
  if (commentAction(args.mode, args.failed, existing !== undefined) === 'skip') return { action: 'skipped' };
  const body = commentBody(args.markdown);
  if (existing) {
    const c = await updateComment(client, repo, existing.id, body);
    return { action: 'updated', htmlUrl: c.htmlUrl };
  }
  // Posted once; after a lost answer the comment list is read again (there was none before, so one
  // found now is the one just posted, with this body) before another is posted.
  const c = await postOnce(() => createComment(client, repo, args.issueNumber, body), find, args.retry);
  return { action: 'created', htmlUrl: c.htmlUrl };
}
