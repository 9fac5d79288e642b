import { describe, expect, it } from '@jest/globals';
import * as path from 'node:path';
import { parseSettings, SettingsError } from '../../src/github/settings.js';

const WS = path.resolve('/work/space');
const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const env = (extra: Record<string, string> = {}) => ({ GITHUB_WORKSPACE: WS, GITHUB_REPOSITORY: 'acme/ml', GITHUB_EVENT_NAME: 'push', ...extra });
const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof SettingsError) return e.problems;
    throw e;
  }
  throw new Error('expected a SettingsError');
}

describe('parseSettings', () => {
  it('applies the documented defaults', () => {
    const s = parseSettings(reader({}), env(), {});
    expect(s).toMatchObject({
      token: '',
      scope: 'auto',
      failOn: 'error',
      defaultStage: undefined,
      checkRun: 'auto',
      comment: 'off',
      sarifFile: undefined,
      reportFile: undefined,
      workspace: WS,
      workingDirectory: WS,
      rootPrefix: '',
      repo: { owner: 'acme', name: 'ml' },
      apiUrl: 'https://api.github.com',
    });
  });

  it('resolves paths against the working directory, which must stay in the workspace', () => {
    const s = parseSettings(
      reader({ 'working-directory': 'ml/', config: 'gate.yml', 'sarif-file': 'out/r.sarif', 'report-file': '/tmp/r.json' }),
      env(),
      {},
    );
    expect(s.workingDirectory).toBe(path.join(WS, 'ml'));
    expect(s.rootPrefix).toBe('ml');
    expect(s.configPath).toBe(path.join(WS, 'ml/gate.yml'));
    expect(s.sarifFile).toBe(path.join(WS, 'ml/out/r.sarif'));
    expect(s.reportFile).toBe('/tmp/r.json');

    expect(problems(() => parseSettings(reader({ 'working-directory': '../x' }), env(), {}))[0]).toMatch(/working-directory.*outside the workspace/);
    expect(problems(() => parseSettings(reader({ 'working-directory': '/etc' }), env(), {}))[0]).toMatch(/outside the workspace/);
    expect(problems(() => parseSettings(reader({ config: '../../etc/passwd' }), env(), {}))[0]).toMatch(/`config`.*outside the workspace/);
  });

  it('lists every invalid input at once', () => {
    const p = problems(() =>
      parseSettings(reader({ scope: 'some', 'fail-on': 'sometimes', 'check-run': 'maybe', comment: 'loud', 'default-stage': 'prod' }), env(), {}),
    );
    expect(p).toEqual([
      '`scope` is "some"; expected one of: auto, changed, all.',
      '`fail-on` is "sometimes"; expected one of: error, warning, notice, never.',
      '`default-stage` is "prod"; expected one of: production, nonproduction, unknown.',
      '`check-run` is "maybe"; expected one of: auto, on, off.',
      '`comment` is "loud"; expected one of: off, on-failure, always.',
    ]);
  });

  it('accepts case and boolean aliases', () => {
    const s = parseSettings(reader({ 'fail-on': ' Warning ', 'check-run': 'false', comment: 'On-Failure' }), env(), {});
    expect([s.failOn, s.checkRun, s.comment]).toEqual(['warning', 'off', 'on-failure']);
  });

  it('reads a pull_request payload: head SHA for the check run, fork detection', () => {
    const payload = {
      pull_request: {
        number: 17,
        head: { sha: SHA_A, repo: { full_name: 'someone/ml' } },
        base: { sha: SHA_B, ref: 'main', repo: { full_name: 'acme/ml' } },
      },
    };
    const s = parseSettings(reader({}), env({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: 'c'.repeat(40) }), payload);
    expect(s.event).toEqual({
      name: 'pull_request',
      sha: 'c'.repeat(40),
      pullRequest: { number: 17, headSha: SHA_A, baseSha: SHA_B, baseRef: 'main', fork: true, headRepo: 'someone/ml' },
    });
  });

  it('ignores payload SHAs that are not SHAs (they would reach git)', () => {
    const payload = {
      pull_request: { number: 1, head: { sha: '--output=/tmp/x' }, base: { sha: SHA_B } },
      merge_group: { base_sha: SHA_B, head_sha: 'HEAD' },
    };
    const s = parseSettings(reader({}), env({ GITHUB_EVENT_NAME: 'pull_request' }), payload);
    expect(s.event.pullRequest).toBeUndefined();
    expect(s.event.mergeGroup).toBeUndefined();
  });

  it('reads merge_group and push commits', () => {
    const mg = parseSettings(reader({}), env({ GITHUB_EVENT_NAME: 'merge_group' }), { merge_group: { base_sha: SHA_B, head_sha: SHA_A } });
    expect(mg.event.mergeGroup).toEqual({ baseSha: SHA_B, headSha: SHA_A });
    const push = parseSettings(reader({}), env(), { before: SHA_B, after: SHA_A });
    expect(push.event.push).toEqual({ before: SHA_B, after: SHA_A });
  });

  it('rejects a malformed GITHUB_REPOSITORY and the same file for both reports', () => {
    expect(problems(() => parseSettings(reader({}), env({ GITHUB_REPOSITORY: 'nope' }), {}))).toEqual(['GITHUB_REPOSITORY "nope" is not "owner/name".']);
    expect(problems(() => parseSettings(reader({ 'sarif-file': 'r', 'report-file': './r' }), env(), {}))[0]).toMatch(/same file/);
  });
});
