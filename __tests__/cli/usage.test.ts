// The CLI as people type it (issue #11): `.`, paths that do not exist, one-line usage errors with
// "did you mean", and a run that finds no manifest saying so.
import { afterEach, describe, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { main, type Io } from '../../src/cli/main.js';
import { tempRepos } from '../helpers.js';

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s), err: (s) => (err += s), cwd };
  const code = await main(argv, io);
  return { code, out, err };
}

const temp = tempRepos();
const repo = temp.repo;
afterEach(temp.cleanup);

const FILES = { 'deploy/prod/p.yml': 'computeType: local\n', 'deploy/dev/d.yml': 'computeType: aci\n' };

describe('paths as people type them', () => {
  test('`model-deploy-gate .` gates the whole folder, the same report as --root', async () => {
    const root = repo(FILES);
    const dot = await cli(['.', '--format', 'json'], root);
    const byRoot = await cli(['--root', root, '--format', 'json'], '/');
    expect(dot.code).toBe(1);
    expect(JSON.parse(dot.out).findings.length).toBeGreaterThan(0);
    expect(JSON.parse(dot.out)).toEqual(JSON.parse(byRoot.out));
  });

  test('`./` and the root given by its absolute path also select everything', async () => {
    const root = repo(FILES);
    for (const p of ['./', root]) {
      const r = await cli([p, '--format', 'json'], root);
      expect(JSON.parse(r.out).scope.manifests).toBe(2);
    }
  });

  test('a path that does not exist is a usage error (exit 2, one line)', async () => {
    const root = repo(FILES);
    const r = await cli(['deploy/prdo'], root);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toEqual(['model-deploy-gate: path "deploy/prdo" does not exist', "See 'model-deploy-gate --help'."]);
  });

  test('an empty --root is a usage error', async () => {
    const r = await cli(['--root', ''], '/');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--root is empty/);
  });

  test('a run that finds no manifest says so on stderr', async () => {
    const root = repo({ 'README.md': '# nothing\n', 'ci.yml': 'on: push\n' });
    const r = await cli(['.'], root);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/no Azure ML manifest found .*nothing was gated/);
  });
});

describe('usage errors: one line plus see --help, with did-you-mean', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--explain', 'memory-headrom'], /unknown rule "memory-headrom" \(did you mean "memory-headroom"\?\)/],
    [['--format', 'jsno'], /--format "jsno" is not one of text, json, sarif, markdown, github \(did you mean "json"\?\)/],
    [['--fail-on', 'warnings'], /--fail-on "warnings" is not one of error, warning, notice, never \(did you mean "warning"\?\)/],
    [['--default-stage', 'prod'], /--default-stage "prod" is not one of production, nonproduction, unknown \(did you mean "production"\?\)/],
    [['--formt', 'json'], /unknown option --formt \(did you mean "--format"\?\)/],
  ];
  test.each(cases)('%j', async (argv, message) => {
    const r = await cli(argv, path.resolve('.'));
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(message);
    expect(lines[1]).toBe("See 'model-deploy-gate --help'.");
  });
});
