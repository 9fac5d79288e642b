// Review suggestions: the fixes of findings on lines the pull request changed become GitHub
// suggested changes in one review (batched within GitHub's limits), found again on the next push
// by a hidden marker and its author, and replaced — never duplicated. Fixes elsewhere (lines the
// PR did not change, fork PRs, no token, suggestions off) go to the job summary as a unified diff.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding, Result } from '../core/types.js';
import { applyEdits, fixFile, selectFixes } from '../fix/apply.js';
import { unifiedDiff } from '../fix/diff.js';
import { lineReplacement, suggestionBlock } from '../fix/suggest.js';
import { errorMessage, httpStatus, type Client } from './client.js';
import { createReview, type ReviewComment } from './api/create-review.js';
import { deleteReviewComment } from './api/delete-review-comment.js';
import { getAuthenticatedLogin } from './api/get-authenticated-user.js';
import { getFileAt } from './api/get-file-at.js';
import { listReviewComments } from './api/list-review-comments.js';
import { listReviews } from './api/list-reviews.js';
import type { RepoRef } from './api/types.js';
import { updateReview } from './api/update-review.js';
import { COMMENT_MAX_CHARS } from './limits.js';
import { isInside } from './paths.js';
import type { PullRequestInfo } from './settings.js';

export const SUGGESTIONS_MARKER = '<!-- model-deploy-gate:suggestions -->';
/** Review comments per review request (GitHub states no number; this keeps each request small). */
export const SUGGESTIONS_PER_REVIEW = 50;
/** Reviews per run; fixes beyond them go to the job summary. */
export const MAX_SUGGESTION_REVIEWS = 4;
/** The job summary's share for the fixes' diff (the summary as a whole is capped at 1 MiB). */
export const FIXES_SUMMARY_MAX_BYTES = 256 * 1024;
/** The identity of GITHUB_TOKEN, which `GET /user` does not answer for. */
const ACTIONS_BOT = 'github-actions[bot]';

export interface PlannedSuggestion {
  path: string;
  startLine: number;
  line: number;
  body: string;
  findings: Finding[];
}

export interface SuggestionPlan {
  /** Suggestions on lines the PR changed. */
  inline: PlannedSuggestion[];
  /** Every fixable finding, by target file, with the text read (for the summary's diff). */
  files: Map<string, { text: string; findings: Finding[] }>;
}

/** Repository text made inert for markdown outside code spans (no HTML, links, images or mentions). */
function inert(s: string): string {
  const parts = s.split('`');
  const plain = (p: string) => p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([[\]!\\])/g, '\\$1').replace(/@(?=\w)/g, '@\u200b');
  if (parts.length % 2 === 0) return plain(s).replace(/`/g, '\\`');
  return parts.map((p, i) => (i % 2 === 1 ? p : plain(p))).join('`');
}

function commentBody(findings: Finding[], lines: string[]): string {
  const what = findings.map((f) => `**model-deploy-gate** · \`${f.ruleId}\` (${f.severity}): ${inert(f.fix!.description)}`).join('\n');
  const body = `${what}\n\n${suggestionBlock(lines)}`;
  return body.length <= COMMENT_MAX_CHARS ? body : '';
}

/** Reads a repo-relative file of the workspace (BOM removed: fix offsets are the parsers'), if it is inside it. */
export function workspaceReader(workspace: string): (file: string) => string | undefined {
  return (file) => {
    const abs = path.resolve(workspace, ...file.split('/'));
    if (!isInside(workspace, abs)) return undefined;
    try {
      return readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
  };
}

/**
 * Which fixes become suggestions: per file, the fixes that apply together; fixes whose lines
 * overlap are merged into one suggestion; a suggestion goes inline only when every line it
 * replaces is one the PR added or changed (`changedLines`, from the PR's file list).
 */
export function planSuggestions(findings: readonly Finding[], read: (file: string) => string | undefined, changedLines?: Map<string, Set<number>>): SuggestionPlan {
  const files = new Map<string, { text: string; findings: Finding[] }>();
  const inline: PlannedSuggestion[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.fix || f.suppressed) continue;
    const file = fixFile(f)!;
    byFile.set(file, [...(byFile.get(file) ?? []), f]);
  }
  for (const [file, list] of byFile) {
    const text = read(file);
    if (text === undefined) continue;
    const chosen = selectFixes(list).get(file);
    if (!chosen) continue;
    files.set(file, { text, findings: chosen.findings });
    // Group fixes whose line ranges overlap: one suggestion each group.
    const groups: Array<{ findings: Finding[]; start: number; end: number }> = [];
    const ranged = chosen.findings
      .map((f) => ({ f, r: lineReplacement(text, f.fix!.edits) }))
      .filter((x) => x.r !== undefined)
      .sort((x, y) => x.r!.startLine - y.r!.startLine);
    for (const { f, r } of ranged) {
      const last = groups[groups.length - 1];
      if (last && r!.startLine <= last.end) {
        last.findings.push(f);
        last.end = Math.max(last.end, r!.endLine);
      } else {
        groups.push({ findings: [f], start: r!.startLine, end: r!.endLine });
      }
    }
    const changed = changedLines?.get(file);
    for (const g of groups) {
      const r = lineReplacement(text, g.findings.flatMap((f) => f.fix!.edits));
      if (!r || !changed) continue;
      let onDiff = true;
      for (let l = r.startLine; l <= r.endLine; l++) if (!changed.has(l)) onDiff = false;
      const body = onDiff ? commentBody(g.findings, r.lines) : '';
      if (body) inline.push({ path: file, startLine: r.startLine, line: r.endLine, body, findings: g.findings });
    }
  }
  inline.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  return { inline: inline.slice(0, SUGGESTIONS_PER_REVIEW * MAX_SUGGESTION_REVIEWS), files };
}

/** The job summary's section: the fixes not posted as suggestions, as one unified diff ('' when none). */
export function summaryFixes(plan: SuggestionPlan, posted: readonly PlannedSuggestion[], why: string, maxBytes = FIXES_SUMMARY_MAX_BYTES): string {
  const done = new Set(posted.flatMap((s) => s.findings));
  let diff = '';
  let n = 0;
  for (const [file, { text, findings }] of [...plan.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const rest = findings.filter((f) => !done.has(f));
    if (rest.length === 0) continue;
    n += rest.length;
    diff += unifiedDiff(file, text, applyEdits(text, rest.flatMap((f) => f.fix!.edits)));
  }
  if (!diff) return '';
  if (Buffer.byteLength(diff, 'utf8') > maxBytes) {
    const cut = Buffer.from(diff, 'utf8').subarray(0, maxBytes).toString('utf8');
    diff = `${cut.slice(0, cut.lastIndexOf('\n') + 1)}… (diff cut to fit the job summary: run \`npx model-deploy-gate --fix-dry-run\` for all of it)\n`;
  }
  let longest = 0;
  for (const m of diff.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [
    `### Fixes (${n})`,
    '',
    `${n === 1 ? 'One fixable finding is' : `${n} fixable findings are`} not suggested in the pull request (${why}). ` +
      'Apply them with `npx model-deploy-gate --fix`, or save this diff and run `git apply` in the repository:',
    '',
    `${fence}diff`,
    diff.trimEnd(),
    fence,
    '',
  ].join('\n');
}

function key(c: { path: string; line: number | null; startLine: number | null; body: string }): string {
  return `${c.path}\u0000${c.line ?? ''}\u0000${c.startLine ?? ''}\u0000${c.body}`;
}

/**
 * Posts the suggestions as reviews of `SUGGESTIONS_PER_REVIEW` comments, then empties the reviews
 * this identity posted before (their comments deleted, their body marked superseded). Nothing is
 * posted when the same suggestions are already on the same commit.
 */
export async function publishSuggestions(
  client: Client,
  repo: RepoRef,
  args: { pullNumber: number; headSha: string; suggestions: PlannedSuggestion[] },
): Promise<{ posted: number; reviews: string[]; replaced: number; unchanged: boolean }> {
  const me = (await getAuthenticatedLogin(client)) ?? ACTIONS_BOT;
  const mine = (await listReviews(client, repo, args.pullNumber)).filter((r) => r.login === me && r.body.includes(SUGGESTIONS_MARKER));
  const old: Array<{ review: number; comments: Awaited<ReturnType<typeof listReviewComments>> }> = [];
  for (const r of mine) old.push({ review: r.id, comments: await listReviewComments(client, repo, args.pullNumber, r.id) });

  const wanted = args.suggestions.map((s) => key({ path: s.path, line: s.line, startLine: s.startLine < s.line ? s.startLine : null, body: s.body })).sort();
  const have = old.flatMap((o) => o.comments.map(key)).sort();
  if (mine.length > 0 && mine.every((r) => r.commitId === args.headSha) && wanted.length === have.length && wanted.every((k, i) => k === have[i])) {
    return { posted: 0, reviews: [], replaced: 0, unchanged: true };
  }

  const reviews: string[] = [];
  const batches: PlannedSuggestion[][] = [];
  for (let i = 0; i < args.suggestions.length; i += SUGGESTIONS_PER_REVIEW) batches.push(args.suggestions.slice(i, i + SUGGESTIONS_PER_REVIEW));
  for (const [i, batch] of batches.entries()) {
    const part = batches.length > 1 ? ` (part ${i + 1} of ${batches.length})` : '';
    const comments: ReviewComment[] = batch.map((s) => ({
      path: s.path,
      body: s.body,
      line: s.line,
      side: 'RIGHT',
      ...(s.startLine < s.line ? { start_line: s.startLine, start_side: 'RIGHT' as const } : {}),
    }));
    const n = batch.length;
    const body =
      `${SUGGESTIONS_MARKER}\n**model-deploy-gate** suggests ${n === 1 ? 'a fix' : `${n} fixes`} on lines this pull request changed${part}. ` +
      'Commit them from the review ("Commit suggestion", or "Add suggestion to batch"), or run `npx model-deploy-gate --fix` locally.';
    const created = await createReview(client, repo, { pullNumber: args.pullNumber, commitId: args.headSha, body, comments });
    reviews.push(created.htmlUrl);
  }
  // The previous suggestions go: a review once submitted cannot be deleted, its comments can.
  for (const o of old) {
    for (const c of o.comments) await deleteReviewComment(client, repo, c.id);
    await updateReview(
      client,
      repo,
      args.pullNumber,
      o.review,
      `~~model-deploy-gate suggestions~~ — superseded${args.suggestions.length > 0 ? ' by a newer review' : ': no fix left to suggest'} (commit ${args.headSha.slice(0, 12)}).`,
    );
  }
  return { posted: args.suggestions.length, reviews, replaced: old.length, unchanged: false };
}

export interface SuggestArgs {
  mode: 'on' | 'off';
  result: Result;
  workspace: string;
  changedLines?: Map<string, Set<number>>;
  pr?: PullRequestInfo;
  eventName: string;
  /** Set when there is a token and a repository. */
  repo?: RepoRef;
  client: () => Promise<Client>;
  info: (message: string) => void;
  warn: (message: string) => void;
}

/**
 * The action's step: suggestions in a review where they may go, the rest for the job summary.
 * Returns the summary's "Fixes" section ('' when no finding has a fix).
 */
export async function suggestFixes(a: SuggestArgs): Promise<string> {
  const plan = planSuggestions(a.result.findings, workspaceReader(a.workspace), a.changedLines);
  if (plan.files.size === 0) return '';
  const pr = a.pr;
  const why =
    a.mode === 'off'
      ? '`suggestions: off`'
      : !pr
        ? `the ${a.eventName || 'current'} event has no pull request`
        : !a.repo
          ? 'no token to post a review'
          : pr.fork && a.eventName !== 'pull_request_target'
            ? 'a pull request from a fork gets a read-only token'
            : !a.changedLines
              ? 'the lines the pull request changed are unknown (its file list came from git)'
              : undefined;
  if (why || !pr || !a.repo) {
    a.info(`No review suggestions: ${why}; the fixes are in the job summary.`);
    return summaryFixes(plan, [], why ?? 'no pull request');
  }
  try {
    const client = await a.client();
    // A suggestion replaces lines of the PR head: the workspace's text must be the head's (not the
    // base branch of pull_request_target, not a merge that moved lines), or the fix goes to the summary.
    const same = new Map<string, boolean>();
    for (const file of new Set(plan.inline.map((s) => s.path))) {
      const head = await getFileAt(client, a.repo, file, pr.headSha);
      same.set(file, head !== undefined && head.replace(/^\uFEFF/, '') === plan.files.get(file)?.text);
    }
    const stale = [...same].filter(([, ok]) => !ok).map(([f]) => f);
    if (stale.length) a.info(`No review suggestions for ${stale.join(', ')}: the checked-out text is not the pull request head's; those fixes are in the job summary.`);
    const inline = plan.inline.filter((s) => same.get(s.path));
    const r = await publishSuggestions(client, a.repo, { pullNumber: pr.number, headSha: pr.headSha, suggestions: inline });
    if (r.unchanged) a.info('Review suggestions unchanged since the last run on this commit.');
    else a.info(`Review suggestions: ${r.posted} posted${r.reviews.length ? ` (${r.reviews.join(', ')})` : ''}${r.replaced ? `, ${r.replaced} earlier review(s) emptied` : ''}.`);
    return summaryFixes(plan, inline, stale.length ? 'their lines are not among the lines this pull request changed, or the checkout is not its head' : 'their lines are not among the lines this pull request changed');
  } catch (e) {
    const status = httpStatus(e);
    const hint =
      status === 403 || status === 404
        ? 'the token lacks the `pull-requests: write` permission (add it to the job\'s `permissions:`)'
        : 'the GitHub API kept failing';
    a.warn(`No review suggestions (HTTP ${status ?? 'error'}: ${errorMessage(e)}): ${hint}. The fixes are in the job summary.`);
    return summaryFixes(plan, [], 'posting the review failed');
  }
}
