// What every end-to-end suite does: build the fixture repository and event, start the fake API
// that knows the pull request, and check at the end that GitHub would have accepted every request.
import { expect } from '@jest/globals';
import { FakeGitHubApi, type FakeGitHubOptions } from './fake-github-api.js';
import type { FileChanges } from './git-fixture.js';
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
