// Event payloads taken from GitHub's real webhook examples (@octokit/webhooks-examples), with only
// the commit-specific fields rewritten to name the commits of a fixture git repository: the PR's
// head/base SHAs, `changed_files` (and the line counts), a push's `after`, a merge group's SHAs.
// Everything else — the users, URLs, repository objects, labels — is GitHub's own example.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fixtureRepo, git, tempDir, type FileChanges, type FixtureRepo } from './git-fixture.js';

const require = createRequire(import.meta.url);

interface WebhookDefinition {
  name: string;
  actions: string[];
  examples: Array<Record<string, unknown>>;
}

/** The package's `main`: every event with its examples. */
export const EXAMPLES_FILE = require.resolve('@octokit/webhooks-examples');

let definitions: WebhookDefinition[] | undefined;

function examples(event: string): Array<Record<string, unknown>> {
  definitions ??= JSON.parse(fs.readFileSync(EXAMPLES_FILE, 'utf8')) as WebhookDefinition[];
  const def = definitions.find((d) => d.name === event);
  if (!def) throw new Error(`@octokit/webhooks-examples has no ${event} event`);
  return def.examples;
}

/** A deep copy of the first real example of `event` (with `action`, when given). */
export function realExample(event: string, action?: string): Record<string, unknown> {
  const found = examples(event).find((e) => action === undefined || e['action'] === action);
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${event} example with action ${action}`);
  return structuredClone(found);
}

export type EventKind = 'opened' | 'synchronize' | 'fork' | 'pull_request_target' | 'merge_group' | 'workflow_dispatch' | 'push';

export interface EventFixture {
  kind: EventKind;
  /** GITHUB_EVENT_NAME */
  eventName: string;
  payload: Record<string, unknown>;
  /** GITHUB_EVENT_PATH: the payload written as JSON. */
  path: string;
  /** GITHUB_REPOSITORY: the example's repository. */
  repository: string;
  /** GITHUB_SHA and GITHUB_REF as the runner sets them for this event. */
  githubSha: string;
  githubRef: string;
  /** The commit the workspace is checked out at (what actions/checkout would check out). */
  checkedOut: string;
  /** The PR head commit (check runs belong here), or the commit the run is about. */
  headSha: string;
  repo: FixtureRepo;
  pullNumber?: number;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => v as Obj;

/**
 * A fork of the example's base repository. @octokit/webhooks-examples has no pull_request
 * example from a fork (all have head.repo == base.repo), so one is derived from the real
 * `opened` example by changing only `head.repo`: a copy of the base repository renamed to
 * `contributor/<name>` with `fork: true`. `head.label` and `head.user` are left as they are.
 */
function forkRepo(baseRepo: Obj): Obj {
  const fork = structuredClone(baseRepo);
  const name = String(fork['name']);
  const owner = obj(fork['owner']);
  fork['id'] = Number(fork['id']) + 1;
  fork['node_id'] = 'R_kgDOForkedRepo';
  fork['full_name'] = `contributor/${name}`;
  fork['fork'] = true;
  fork['html_url'] = `https://github.com/contributor/${name}`;
  fork['url'] = `https://api.github.com/repos/contributor/${name}`;
  fork['owner'] = { ...owner, login: 'contributor', id: 7777777, node_id: 'U_contributor', html_url: 'https://github.com/contributor', url: 'https://api.github.com/users/contributor' };
  return fork;
}

function pullRequestPayload(action: 'opened' | 'synchronize', repo: FixtureRepo, fork: boolean): Obj {
  const payload = realExample('pull_request', action);
  const pr = obj(payload['pull_request']);
  obj(pr['head'])['sha'] = repo.head;
  obj(pr['base'])['sha'] = repo.base;
  if (fork) obj(pr['head'])['repo'] = forkRepo(obj(obj(pr['base'])['repo']));
  pr['changed_files'] = repo.changed.length;
  pr['additions'] = repo.changed.reduce((n, f) => n + f.additions, 0);
  pr['deletions'] = repo.changed.reduce((n, f) => n + f.deletions, 0);
  pr['commits'] = 2;
  if (action === 'synchronize') {
    payload['before'] = repo.previousHead;
    payload['after'] = repo.head;
  }
  return payload;
}

/**
 * Builds the fixture repository `fixture` (a folder under fixtures/, or an existing FixtureRepo),
 * checks the workspace out where the runner would for `kind`, and writes the event payload file.
 */
export function eventFixture(kind: EventKind, fixture: string | FixtureRepo, extra: { base?: FileChanges; head?: FileChanges } = {}): EventFixture {
  const repo = typeof fixture === 'string' ? fixtureRepo(fixture, extra) : fixture;
  let payload: Obj;
  let eventName: string = kind;
  let githubSha: string;
  let githubRef: string;
  let checkedOut: string;
  let headSha: string;
  let pullNumber: number | undefined;
  switch (kind) {
    case 'opened':
    case 'synchronize':
    case 'fork': {
      payload = pullRequestPayload(kind === 'synchronize' ? 'synchronize' : 'opened', repo, kind === 'fork');
      eventName = 'pull_request';
      pullNumber = Number(obj(payload['pull_request'])['number']);
      // pull_request runs on refs/pull/N/merge: GitHub's test merge of head into base.
      githubSha = repo.merge;
      githubRef = `refs/pull/${pullNumber}/merge`;
      checkedOut = repo.merge;
      headSha = repo.head;
      break;
    }
    case 'pull_request_target': {
      // Actions sends pull_request_target the pull_request webhook payload (there is no separate
      // example). It is the event for PRs from forks, so the fork-derived payload is used; the run
      // itself happens on the base branch with a write token.
      payload = pullRequestPayload('opened', repo, true);
      pullNumber = Number(obj(payload['pull_request'])['number']);
      githubSha = repo.base;
      githubRef = `refs/heads/${String(obj(obj(payload['pull_request'])['base'])['ref'])}`;
      checkedOut = repo.base;
      headSha = repo.head;
      break;
    }
    case 'merge_group': {
      payload = realExample('merge_group', 'checks_requested');
      const mg = obj(payload['merge_group']);
      // The queue's commit: the PR merged onto the base branch.
      mg['head_sha'] = repo.merge;
      mg['base_sha'] = repo.base;
      const hc = obj(mg['head_commit']);
      hc['id'] = repo.merge;
      hc['tree_id'] = git(repo.dir, 'rev-parse', `${repo.merge}^{tree}`);
      githubSha = repo.merge;
      githubRef = String(mg['head_ref']);
      checkedOut = repo.merge;
      headSha = repo.merge;
      break;
    }
    case 'workflow_dispatch': {
      payload = realExample('workflow_dispatch');
      githubRef = String(payload['ref']);
      githubSha = repo.head;
      checkedOut = repo.head;
      headSha = repo.head;
      break;
    }
    case 'push': {
      // The first real push example to a branch (a new branch: `before` is all zeros).
      payload = structuredClone(examples('push').find((e) => String(e['ref']).startsWith('refs/heads/'))!);
      payload['after'] = repo.head;
      const hc = obj(payload['head_commit']);
      hc['id'] = repo.head;
      hc['tree_id'] = git(repo.dir, 'rev-parse', `${repo.head}^{tree}`);
      githubRef = String(payload['ref']);
      githubSha = repo.head;
      checkedOut = repo.head;
      headSha = repo.head;
      break;
    }
  }
  repo.checkout(checkedOut);
  const file = path.join(tempDir('mdg-event-'), 'event.json');
  fs.writeFileSync(file, JSON.stringify(payload, null, 2));
  return {
    kind,
    eventName,
    payload,
    path: file,
    repository: String(obj(payload['repository'])['full_name']),
    githubSha,
    githubRef,
    checkedOut,
    headSha,
    repo,
    ...(pullNumber !== undefined ? { pullNumber } : {}),
  };
}
