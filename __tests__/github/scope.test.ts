import { describe, expect, it } from '@jest/globals';
import * as path from 'node:path';
import type { PullFiles } from '../../src/github/api/list-pull-files.js';
import { configCandidates, resolveScope, scopeFromFiles, wantsChanged, type ScopeSources } from '../../src/github/scope.js';
import { parseSettings } from '../../src/github/settings.js';

const WS = path.resolve('/ws');
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

function settings(event: string, payload: unknown, inputs: Record<string, string> = {}) {
  return parseSettings((n) => inputs[n] ?? '', { GITHUB_WORKSPACE: WS, GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_NAME: event }, payload);
}
const pr = { pull_request: { number: 3, head: { sha: A, repo: { full_name: 'o/r' } }, base: { sha: B, ref: 'main', repo: { full_name: 'o/r' } } } };

/** Sources that record what was asked of them. */
function sources(opts: { files?: PullFiles | Error; git?: string[] | Error }): ScopeSources & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    listFiles:
      opts.files === undefined
        ? undefined
        : async () => {
            asked.push('api');
            if (opts.files instanceof Error) throw opts.files;
            return opts.files!;
          },
    gitDiff: async (base, head) => {
      asked.push(`git ${base.slice(0, 1)}...${head.slice(0, 1)}`);
      if (opts.git === undefined) throw new Error('fatal: bad revision');
      if (opts.git instanceof Error) throw opts.git;
      return opts.git;
    },
  };
}

describe('wantsChanged', () => {
  it('auto means changed on PR and merge-queue events only', () => {
    for (const e of ['pull_request', 'pull_request_target', 'merge_group']) expect(wantsChanged('auto', e)).toBe(true);
    for (const e of ['push', 'workflow_dispatch', 'schedule', '']) expect(wantsChanged('auto', e)).toBe(false);
    expect(wantsChanged('all', 'pull_request')).toBe(false);
    expect(wantsChanged('changed', 'push')).toBe(true);
  });
});

describe('scopeFromFiles', () => {
  const opts = { rootPrefix: '', configFiles: ['.github/model-deploy-gate.yml'], source: 'test' };

  it('normalises, de-duplicates and sorts; rejects escaping paths with a warning', () => {
    const d = scopeFromFiles(['b.yml', './a.yml', 'b.yml', '../x.yml', '/abs.yml'], opts);
    expect(d.mode).toBe('changed');
    expect(d.changed).toEqual(['a.yml', 'b.yml']);
    expect(d.log.map((l) => l.level)).toEqual(['warning', 'warning']);
    expect(d.log[0]!.message).toContain('"../x.yml"');
  });

  it('a changed config file gates everything', () => {
    const d = scopeFromFiles(['a.yml', '.github/model-deploy-gate.yml'], opts);
    expect(d.mode).toBe('all');
    expect(d.reason).toMatch(/config file \.github\/model-deploy-gate\.yml changed/);
  });

  it('keeps files of the scanned folder only, relative to it', () => {
    const d = scopeFromFiles(['ml/a.yml', 'web/b.yml'], { ...opts, rootPrefix: 'ml' });
    expect(d.changed).toEqual(['a.yml']);
    expect(d.reason).toContain('1 outside the scanned folder ignored');
  });
});

describe('configCandidates', () => {
  it('is the explicit config, or both default names under the scanned folder', () => {
    expect(configCandidates(settings('push', {}, { config: 'cfg/gate.yml' }))).toEqual(['cfg/gate.yml']);
    expect(configCandidates(settings('push', {}, { 'working-directory': 'ml' }))).toEqual([
      'ml/.github/model-deploy-gate.yml',
      'ml/.model-deploy-gate.yml',
    ]);
  });
});

describe('resolveScope', () => {
  it('audits everything on workflow_dispatch without asking anything', async () => {
    const src = sources({ files: { files: [], capped: false } });
    const d = await resolveScope(settings('workflow_dispatch', {}), src);
    expect(d).toMatchObject({ mode: 'all', reason: 'workflow_dispatch event' });
    expect(src.asked).toEqual([]);
  });

  it('uses the PR file list: removed files dropped, renames by new name, changed lines kept', async () => {
    const src = sources({
      files: {
        capped: false,
        files: [
          { filename: 'new.yml', status: 'renamed', previous_filename: 'old.yml', patch: '@@ -1 +1 @@\n-a\n+b' },
          { filename: 'gone.yml', status: 'removed' },
          { filename: 'same.yml', status: 'modified' },
        ],
      },
    });
    const d = await resolveScope(settings('pull_request', pr), src);
    expect(d.mode).toBe('changed');
    expect(d.changed).toEqual(['new.yml', 'same.yml']);
    expect([...d.changedLines!.get('new.yml')!]).toEqual([1]);
    expect(src.asked).toEqual(['api']);
  });

  it('falls back to git diff when the API fails, logging a warning', async () => {
    const src = sources({ files: new Error('HttpError: Server Error'), git: ['x.yml'] });
    const d = await resolveScope(settings('pull_request', pr), src);
    expect(d).toMatchObject({ mode: 'changed', changed: ['x.yml'] });
    expect(d.reason).toMatch(/git diff bbbbbbbbbbbb\.\.\.aaaaaaaaaaaa, because listing the files of pull request #3 failed \(HttpError: Server Error\)/);
    expect(d.log[0]).toMatchObject({ level: 'warning' });
    expect(src.asked).toEqual(['api', 'git b...a']);
  });

  it('treats the 3,000-file cap as "list unavailable"', async () => {
    const d = await resolveScope(settings('pull_request', pr), sources({ files: { files: [], capped: true }, git: ['y.yml'] }));
    expect(d.changed).toEqual(['y.yml']);
    expect(d.reason).toMatch(/because pull request #3 changes 0 or more files, the most the GitHub API lists/);
  });

  it('without a token and without history, gates everything and says why', async () => {
    const d = await resolveScope(settings('pull_request', pr), sources({}));
    expect(d.mode).toBe('all');
    expect(d.reason).toMatch(/^no token to list the pull request files; git diff .* failed \(fatal: bad revision; fetch the history/);
  });

  it('merge_group diffs the queue base and head commits', async () => {
    const src = sources({ git: ['m.yml'] });
    const d = await resolveScope(settings('merge_group', { merge_group: { base_sha: B, head_sha: A } }), src);
    expect(d).toMatchObject({ mode: 'changed', changed: ['m.yml'] });
    expect(src.asked).toEqual(['git b...a']);
  });

  it('scope: changed on an event without a base gates everything', async () => {
    const d = await resolveScope(settings('workflow_dispatch', {}, { scope: 'changed' }), sources({}));
    expect(d.mode).toBe('all');
    expect(d.reason).toContain('no base commit to compare with');
  });

  it('a push of a new branch (before = 0…0) has no base', async () => {
    const d = await resolveScope(settings('push', { before: '0'.repeat(40), after: A }, { scope: 'changed' }), sources({ git: ['z'] }));
    expect(d.mode).toBe('all');
  });
});
