// The pure parts of the action's defences: checkout verification, the base-policy plan, origins,
// inert log lines, size cuts, the file-list completeness check.
import { describe, expect, test } from '@jest/globals';
import { checkoutMatters, checkoutProblem } from '../../src/github/checkout.js';
import { originOf } from '../../src/github/client.js';
import { fitBytes, fitCodePoints } from '../../src/github/limits.js';
import { inertLines } from '../../src/github/log.js';
import { contentsBlob, planPolicy, PolicyError, type BlobAt } from '../../src/github/policy.js';
import { resolveScope } from '../../src/github/scope.js';
import { parseSettings, type Settings } from '../../src/github/settings.js';
import { writtenBy } from '../../src/github/api/find-comment.js';
import { mayHaveTakenEffect, postOnce } from '../../src/github/api/post-once.js';
import { writeRepo } from '../helpers.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const M = 'c'.repeat(40);

function settings(event: string, payload: unknown, inputs: Record<string, string> = {}, ws = '/ws'): Settings {
  return parseSettings((n) => inputs[n] ?? '', { GITHUB_WORKSPACE: ws, GITHUB_EVENT_NAME: event, GITHUB_SHA: M, GITHUB_REPOSITORY: 'o/r' }, payload);
}
const pr = (extra: Record<string, unknown> = {}) => ({
  pull_request: { number: 7, head: { sha: A, repo: { full_name: 'o/r' } }, base: { sha: B, ref: 'main', repo: { full_name: 'o/r' } }, changed_files: 2, ...extra },
});

describe('checkoutProblem', () => {
  test('pull_request_target: the workspace must hold the head or the merge commit', () => {
    const s = settings('pull_request_target', pr({ merge_commit_sha: 'd'.repeat(40) }));
    expect(checkoutProblem(s, A)).toBeUndefined();
    expect(checkoutProblem(s, 'd'.repeat(40))).toBeUndefined();
    expect(checkoutProblem(s, B)).toMatch(/holds commit bbbbbbbbbbbb, not pull request #7's head aaaaaaaaaaaa or its merge commit dddddddddddd.*pull_request_target, actions\/checkout checks out the base branch/);
    // GITHUB_SHA is the base tip on pull_request_target: not accepted.
    expect(checkoutProblem(s, M)).toMatch(/holds commit cccccccccccc/);
    expect(checkoutProblem(s, undefined)).toMatch(/not a git checkout/);
  });

  test('pull_request: GITHUB_SHA (the test merge) is fine; no git is fine; another commit is not', () => {
    const s = settings('pull_request', pr());
    expect(checkoutProblem(s, M)).toBeUndefined();
    expect(checkoutProblem(s, undefined)).toBeUndefined();
    expect(checkoutProblem(s, B)).toMatch(/not pull request #7's head/);
    expect(checkoutProblem(settings('push', {}), B)).toBeUndefined();
  });

  test('git is asked for the checked-out commit exactly for the events checkoutProblem checks', () => {
    expect(checkoutMatters(settings('pull_request', pr()))).toBe(true);
    expect(checkoutMatters(settings('pull_request_target', pr()))).toBe(true);
    // A pull_request_target payload without the pull request cannot be checked: checkoutProblem passes it too.
    for (const [name, payload] of [['push', {}], ['merge_group', {}], ['workflow_dispatch', {}], ['schedule', {}], ['issue_comment', pr()]] as const) {
      expect(checkoutMatters(settings(name, payload))).toBe(false);
      expect(checkoutProblem(settings(name, payload), B)).toBeUndefined();
    }
  });
});

describe('planPolicy', () => {
  const reader = (files: Record<string, string>) => async (sha: string, p: string): Promise<BlobAt> => {
    expect(sha).toBe(B);
    return p in files ? { kind: 'file', text: files[p]! } : { kind: 'absent' };
  };
  const noGit = { hasCommit: async () => false, readAt: async (): Promise<BlobAt> => ({ kind: 'absent' }) };

  test('on a PR the base config judges and the checkout config is the proposal; from the API when git lacks the commit', async () => {
    const ws = writeRepo({ '.github/model-deploy-gate.yml': 'rules: { v1-deprecated: off }\n' });
    const plan = await planPolicy(settings('pull_request', pr(), {}, ws), { git: noGit, api: reader({ '.model-deploy-gate.yml': 'rules: {}\n' }) });
    expect(plan.policy).toEqual({
      from: 'base',
      commit: B,
      source: { path: '.model-deploy-gate.yml', text: 'rules: {}\n' },
      proposed: { path: '.github/model-deploy-gate.yml', text: 'rules: { v1-deprecated: off }\n' },
    });
    expect(plan.log[0]).toMatch(/base branch's config \.model-deploy-gate\.yml, read with the contents API at bbbbbbbbbbbb/);
  });

  test('with working-directory, the base is read at the repo path and reported root-relative', async () => {
    const ws = writeRepo({ 'ml/x': '' });
    const seen: string[] = [];
    const plan = await planPolicy(settings('pull_request', pr(), { 'working-directory': 'ml' }, ws), {
      git: noGit,
      api: async (_s, p) => (seen.push(p), p === 'ml/.github/model-deploy-gate.yml' ? { kind: 'file', text: 'rules: {}\n' } : { kind: 'absent' }),
    });
    expect(seen).toEqual(['ml/.github/model-deploy-gate.yml']);
    expect(plan.policy).toMatchObject({ source: { path: '.github/model-deploy-gate.yml' }, proposed: null });
  });

  test('an invalid or unusable base config: the built-in defaults judge, with a warning', async () => {
    const ws = writeRepo({ x: '' });
    const bad = await planPolicy(settings('pull_request', pr(), {}, ws), { git: noGit, api: reader({ '.github/model-deploy-gate.yml': 'rules: { nope: off }\n' }) });
    expect(bad.policy).toMatchObject({ from: 'base', source: null });
    expect(bad.warning).toMatch(/^The base branch's config is invalid \(.*unknown rule id "nope"/);
    const link = await planPolicy(settings('pull_request', pr(), {}, ws), { git: noGit, api: async () => ({ kind: 'refused', why: 'it is a symbolic link' }) });
    expect(link.warning).toMatch(/could not be used .*symbolic link/);
  });

  test('the base config cannot be read: PolicyError (fail closed); no base SHA: PolicyError unless policy-from: head', async () => {
    const ws = writeRepo({ x: '' });
    await expect(planPolicy(settings('pull_request', pr(), {}, ws), { git: noGit, api: async () => { throw new Error('HTTP 500'); } })).rejects.toThrow(PolicyError);
    await expect(planPolicy(settings('pull_request', pr(), {}, ws), { git: noGit })).rejects.toThrow(/contents API: no token/);
    await expect(planPolicy(settings('pull_request', {}, {}, ws), { git: noGit })).rejects.toThrow(/names no base commit/);
    expect((await planPolicy(settings('pull_request', {}, { 'policy-from': 'head' }, ws), { git: noGit })).policy).toBeUndefined();
  });

  test('policy-from: head: the checkout judges, the base config only tells a change', async () => {
    const ws = writeRepo({ '.github/model-deploy-gate.yml': 'rules: {}\n' });
    const plan = await planPolicy(settings('merge_group', { merge_group: { base_sha: B, head_sha: A } }, { 'policy-from': 'head' }, ws), { git: noGit, api: reader({}) });
    expect(plan.policy).toEqual({ from: 'head', source: { path: '.github/model-deploy-gate.yml', text: 'rules: {}\n' }, baseline: null });
  });

  test('other events: the checkout config, read by the engine', async () => {
    expect(await planPolicy(settings('push', {}), { git: noGit })).toEqual({ log: [] });
  });
});

describe('contentsBlob', () => {
  test('a file is decoded; folders, links, submodules and missing content are refused', () => {
    expect(contentsBlob({ type: 'file', encoding: 'base64', content: Buffer.from('a: 1\n').toString('base64') })).toEqual({ kind: 'file', text: 'a: 1\n' });
    expect(contentsBlob([])).toMatchObject({ kind: 'refused' });
    expect(contentsBlob({ type: 'symlink', target: '/etc/passwd' })).toMatchObject({ kind: 'refused' });
    expect(contentsBlob({ type: 'file', encoding: 'none', content: '' })).toMatchObject({ kind: 'refused' });
    expect(contentsBlob({ type: 'file', encoding: 'base64', content: Buffer.from([0xff, 0xfe]).toString('base64') })).toMatchObject({ kind: 'refused', why: expect.stringMatching(/UTF-8/) });
  });
});

describe('origins, log lines, sizes, authors, posting once', () => {
  test('originOf: scheme, host and port, default ports explicit', () => {
    expect(originOf('https://api.github.com/repos')).toBe('https://api.github.com:443');
    expect(originOf('https://API.github.com:443/x')).toBe('https://api.github.com:443');
    expect(originOf('http://api.github.com/x')).toBe('http://api.github.com:80');
    expect(originOf('https://api.github.com.evil.example/x')).not.toBe(originOf('https://api.github.com'));
    expect(originOf('not a url')).toBeUndefined();
  });

  test('inertLines: text that could hold a command is wrapped in a fresh stop-commands block', () => {
    expect(inertLines('plain text')).toEqual(['plain text']);
    const [stop, text, resume] = inertLines('a\n  ::error::x\n##[add-mask]y');
    expect(stop).toMatch(/^::stop-commands::mdg-[0-9a-f]{32}$/);
    expect(text).toBe('a\n  ::error::x\n##[add-mask]y');
    expect(resume).toBe(`::${stop!.slice('::stop-commands::'.length)}::`);
    expect(inertLines('x::y')[0]).not.toBe(inertLines('x::y')[0]);
  });

  test('fitBytes cuts on a code point within the byte limit; fitCodePoints counts code points', () => {
    const s = '😀'.repeat(30_000);
    const cut = fitBytes(s, 65_536);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(65_536);
    expect(cut).not.toMatch(/\uFFFD/);
    expect(fitBytes('short', 10)).toBe('short');
    expect([...fitCodePoints('é'.repeat(300), 255)]).toHaveLength(255);
  });

  test('writtenBy: login (any case) and account type must both match', () => {
    const bot = { login: 'github-actions[bot]', type: 'Bot' };
    expect(writtenBy({ user: { login: 'GitHub-Actions[bot]', type: 'Bot' } }, bot)).toBe(true);
    expect(writtenBy({ user: { login: 'github-actions[bot]', type: 'User' } }, bot)).toBe(false);
    expect(writtenBy({ user: { login: 'mallory', type: 'User' } }, bot)).toBe(false);
    expect(writtenBy({ user: null }, bot)).toBe(false);
  });

  test('postOnce: a failure that may have taken effect is looked for before posting again; a 4xx is not retried', async () => {
    const e500 = Object.assign(new Error('boom'), { status: 500 });
    let posts = 0;
    expect(await postOnce(async () => { posts++; throw e500; }, async () => 'found', { attempts: 3, waitMs: 0 })).toBe('found');
    expect(posts).toBe(1);
    posts = 0;
    await expect(postOnce(async () => { posts++; throw Object.assign(new Error('no'), { status: 403 }); }, async () => 'x', { attempts: 3, waitMs: 0 })).rejects.toThrow('no');
    expect(posts).toBe(1);
    posts = 0;
    await expect(postOnce(async () => { posts++; throw e500; }, async () => { throw new Error('cannot look'); }, { attempts: 3, waitMs: 0 })).rejects.toThrow('boom');
    expect(posts).toBe(1);
    expect(mayHaveTakenEffect(new Error('reset'))).toBe(true);
  });

  test('postOnce: it looks after a pause, so that a POST still on its way when its answer timed out is found, not sent twice', async () => {
    // The server creates the resource 20 ms after the client gave up on the answer.
    let created = false;
    let posts = 0;
    const post = async (): Promise<string> => {
      posts++;
      setTimeout(() => (created = true), 20);
      throw new Error('request timed out');
    };
    expect(await postOnce(post, async () => (created ? 'found' : undefined), { attempts: 3, waitMs: 50 })).toBe('found');
    expect(posts).toBe(1);
  });
});

describe('the PR file list is checked before it is trusted', () => {
  const gitDiff = async () => ['deploy/a.yml'];
  const s = settings('pull_request', pr());
  test('a file listed twice: not trusted, git diff instead', async () => {
    const d = await resolveScope(s, { listFiles: async () => ({ files: [{ filename: 'README.md', status: 'modified' }, { filename: 'README.md', status: 'modified' }], capped: false }), gitDiff });
    expect(d.reason).toMatch(/listed 1 file of pull request #7 twice/);
    expect(d.changed).toEqual(['deploy/a.yml']);
  });
  test('more files than the event says: not trusted either', async () => {
    const files = ['a', 'b', 'c'].map((f) => ({ filename: f, status: 'added' }));
    const d = await resolveScope(s, { listFiles: async () => ({ files, capped: false }), gitDiff });
    expect(d.log[0]!.message).toMatch(/listed 3 files, but the event says pull request #7 changes 2/);
  });
  test('a removed config is a config change: everything is gated', async () => {
    const files = [{ filename: '.github/model-deploy-gate.yml', status: 'removed' }, { filename: 'x.yml', status: 'added' }];
    const d = await resolveScope(s, { listFiles: async () => ({ files, capped: false }), gitDiff });
    expect(d).toMatchObject({ mode: 'all', reason: expect.stringMatching(/config file \.github\/model-deploy-gate\.yml is deleted/) });
  });
});

