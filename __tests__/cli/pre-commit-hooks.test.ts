// .pre-commit-hooks.yaml: the hook pre-commit users add. Its shape is checked here; where the
// `pre-commit` command is installed, pre-commit validates the file and runs the hook for real.
import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = path.join(REPO, '.pre-commit-hooks.yaml');
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string> };
const hooks = load(readFileSync(FILE, 'utf8')) as Array<Record<string, unknown>>;

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const withPreCommit = hasPreCommit ? test : test.skip;

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Child processes without the npm_* settings of `npm test` (pre-commit runs npm itself). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...extra };
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && !(k in extra)) env[k] = v;
  return env;
}

describe('.pre-commit-hooks.yaml', () => {
  test('one node hook whose entry is the package bin, given the staged files', () => {
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    expect(hook).toMatchObject({ id: 'model-deploy-gate', name: 'model-deploy-gate', language: 'node', entry: pkg.name, pass_filenames: true, require_serial: true });
    expect(Object.keys(pkg.bin)).toEqual([hook.entry]);
    // Only keys pre-commit's manifest schema knows.
    const known = ['id', 'name', 'entry', 'language', 'alias', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'additional_dependencies', 'args', 'always_run', 'fail_fast', 'pass_filenames', 'description', 'language_version', 'log_file', 'minimum_pre_commit_version', 'require_serial', 'stages', 'verbose'];
    expect(Object.keys(hook).filter((k) => !known.includes(k))).toEqual([]);
  });

  test('files: every kind of manifest file, nothing else', () => {
    const files = new RegExp(String(hooks[0].files));
    for (const p of ['deploy/prod/aci.yml', 'online/blue.yaml', '.cloud/.azure/deploy.json', 'models/fraud/MLmodel', 'MLmodel']) expect([p, files.test(p)]).toEqual([p, true]);
    for (const p of ['README.md', 'src/index.ts', 'models/fraud/model.pkl', 'notMLmodel', 'a.yml.bak']) expect([p, files.test(p)]).toEqual([p, false]);
  });

  withPreCommit('pre-commit validates the manifest', () => {
    expect(() => execFileSync('pre-commit', ['validate-manifest', FILE], { encoding: 'utf8' })).not.toThrow();
  });

  withPreCommit(
    'pre-commit try-repo runs the hook: a staged production ACI config fails, a dev one passes',
    () => {
      const home = mkdtempSync(path.join(tmpdir(), 'mdg-pre-commit-home-'));
      const repo = mkdtempSync(path.join(tmpdir(), 'mdg-pre-commit-repo-'));
      temps.push(home, repo);
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
      git('init', '-q');
      for (const [rel, text] of Object.entries({ 'deploy/prod/aci.yml': 'computeType: ACI\n', 'deploy/dev/aci.yml': 'computeType: ACI\nauthEnabled: true\n' })) {
        mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
        writeFileSync(path.join(repo, rel), text);
      }
      git('add', '.');
      const tryRepo = (...files: string[]) =>
        spawnSync('pre-commit', ['try-repo', REPO, 'model-deploy-gate', '--files', ...files], {
          cwd: repo,
          env: cleanEnv({ PRE_COMMIT_HOME: home }),
          encoding: 'utf8',
          timeout: 240_000,
        });
      const fail = tryRepo('deploy/prod/aci.yml', 'deploy/dev/aci.yml');
      expect(fail.status).toBe(1);
      expect(fail.stdout).toMatch(/model-deploy-gate\.+Failed/);
      expect(fail.stdout).toMatch(/deploy\/prod\/aci\.yml:1:1\s+error\s+aci-not-for-production/);
      const pass = tryRepo('deploy/dev/aci.yml');
      expect(pass.stdout).toMatch(/model-deploy-gate\.+Passed/);
      expect(pass.status).toBe(0);
    },
    300_000,
  );
});
