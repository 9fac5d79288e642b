// What every end-to-end suite does: build the fixture repository and event, start the fake API
// that knows the pull request, and check at the end that GitHub would have accepted every request.
import { expect } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeGitHubApi, type FakeGitHubOptions } from './fake-github-api.js';
import { tempDir, type FileChanges } from './git-fixture.js';
import { eventFixture, type EventFixture, type EventKind } from './payloads.js';

export interface Setup {
  ev: EventFixture;
  gh: FakeGitHubApi;
}

/** The fixture repository as `kind` sees it, and a fake API whose pull request lists its real diff. */
export async function setup(kind: EventKind, opts: { fixture?: string; extra?: { base?: FileChanges; head?: FileChanges }; api?: Partial<FakeGitHubOptions> } = {}): Promise<Setup> {
  const ev = eventFixture(kind, opts.fixture ?? 'fraud-platform', opts.extra);
  const gh = new FakeGitHubApi({ repository: ev.repository, gitDir: ev.repo.dir, ...opts.api });
  await gh.start();
  if (ev.pullNumber !== undefined) gh.setPull({ number: ev.pullNumber, headSha: ev.repo.head, baseSha: ev.repo.base, files: ev.repo.changed });
  return { ev, gh };
}

/** GitHub would have accepted every request, and the fake answered only what the description allows. */
export function expectValidTraffic(gh: FakeGitHubApi): void {
  expect(gh.violationLines()).toEqual([]);
  expect(gh.responseErrors).toEqual([]);
}

/** ACI in production: aci-not-for-production (error) and v1-deprecated (warning), both at line 1. */
export const ACI = `computeType: ACI
containerResourceRequirements:
  cpu: 1
  memoryInGB: 4
`;

export const CHECK_NAME = 'model-deploy-gate';
export const MARKER = '<!-- model-deploy-gate -->';

/** A copy of the checked-out workspace without `.git`: a checkout with no history (git diff and git show fail). */
export function withoutHistory(ev: EventFixture): string {
  const dir = tempDir('mdg-nogit-');
  const copy = (from: string, to: string): void => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const src = path.join(from, entry.name);
      const dst = path.join(to, entry.name);
      if (entry.isDirectory()) {
        fs.mkdirSync(dst, { recursive: true });
        copy(src, dst);
      } else if (entry.isFile()) fs.copyFileSync(src, dst);
    }
  };
  copy(ev.repo.dir, dir);
  return dir;
}

/** Changes the event payload (and its file) after setup, e.g. `changed_files`. */
export function editPayload(ev: EventFixture, edit: (payload: Record<string, unknown>) => void): void {
  edit(ev.payload);
  fs.writeFileSync(ev.path, JSON.stringify(ev.payload, null, 2));
}

/** The PR's `changed_files` in the payload and the fake's pull request made to agree with the fake's file list. */
export function syncChangedFiles(ev: EventFixture, gh: FakeGitHubApi): void {
  const pull = gh.pulls.get(ev.pullNumber!)!;
  editPayload(ev, (p) => {
    (p['pull_request'] as Record<string, unknown>)['changed_files'] = new Set(pull.files.map((f) => f.filename)).size;
  });
}

/** The job summary as a reader sees its text: markdown backslash escapes and zero-width spaces removed. */
export function plainSummary(run: { summary: string }): string {
  return run.summary.replace(/\u200b/g, '').replace(/\\([\\`*_[\]~|$!])/g, '$1');
}

const started: FakeGitHubApi[] = [];

/**
 * `setup`, with the fake API stopped by `stopAll` (in afterAll): the end-to-end tests are independent
 * (each has its own repository and fake API), so they run concurrently — most of their time is spent
 * waiting for the child process and the fake's scripted delays.
 */
export async function fresh(...args: Parameters<typeof setup>): Promise<Setup> {
  const s = await setup(...args);
  started.push(s.gh);
  return s;
}

/** Another fake server to stop with the others. */
export function track(gh: FakeGitHubApi): FakeGitHubApi {
  started.push(gh);
  return gh;
}

export async function stopAll(): Promise<void> {
  for (const gh of started.splice(0)) await gh.stop();
}
