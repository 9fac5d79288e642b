// Which commit the workspace holds, checked against the event before anything is judged. With
// pull_request_target, actions/checkout checks out the BASE branch by default: gating that workspace
// would put a green check on the pull request's head for content that was never read.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Settings } from './settings.js';

/** `git rev-parse HEAD` in the workspace, or undefined when it is not a git checkout (or git is missing). */
export async function checkedOutCommit(workspace: string): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--verify', '-q', 'HEAD^{commit}'], { cwd: workspace, encoding: 'utf8' });
    const sha = stdout.trim().toLowerCase();
    return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/** True when the event is a pull request whose head the workspace must hold (checkoutProblem has something to check). */
export function checkoutMatters(settings: Pick<Settings, 'event'>): boolean {
  const e = settings.event;
  return e.pullRequest !== undefined && (e.name === 'pull_request' || e.name === 'pull_request_target');
}

/** Why the workspace cannot stand for the pull request, or undefined when it can. */
export function checkoutProblem(settings: Pick<Settings, 'event'>, head: string | undefined): string | undefined {
  const e = settings.event;
  const pr = e.pullRequest;
  if (!pr || !checkoutMatters(settings)) return undefined;
  const accepted = new Set([pr.headSha, ...(pr.mergeSha ? [pr.mergeSha] : []), ...(e.name === 'pull_request' && e.sha ? [e.sha] : [])]);
  const guidance =
    e.name === 'pull_request_target'
      ? 'With pull_request_target, actions/checkout checks out the base branch unless told otherwise. Check out the pull request as data ' +
        '(`ref: ${{ github.event.pull_request.head.sha }}`, `persist-credentials: false`, and run nothing from it), or use the pull_request event.'
      : 'Check out the commit the event names (the default of actions/checkout).';
  if (head === undefined) {
    if (e.name === 'pull_request') return undefined;
    return (
      `cannot tell which commit the workspace holds (it is not a git checkout), so it cannot be verified to be pull request #${pr.number}'s head ` +
      `${pr.headSha.slice(0, 12)}; nothing was judged. ${guidance}`
    );
  }
  if (accepted.has(head)) return undefined;
  return (
    `the workspace holds commit ${head.slice(0, 12)}, not pull request #${pr.number}'s head ${pr.headSha.slice(0, 12)}` +
    `${pr.mergeSha ? ` or its merge commit ${pr.mergeSha.slice(0, 12)}` : ''}: its files were not read, so nothing was judged. ${guidance}`
  );
}
