/**
 * Exit codes of the BUILT CLI (SPEC §7): 0 pass, 1 policy failure, 2 usage / invalid config /
 * internal error. A crash must never look like a policy failure, and a hostile repository is a
 * policy failure (parse-error findings), not a crash.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRepo } from '../helpers.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** MDG_CLI points at another build of the same entry (e.g. a scratch ncc build); default: the committed bundle. */
const CLI = process.env.MDG_CLI ?? path.join(repo, 'dist/cli/index.js');

/** Runs the bundle; a missing bundle fails the test that needs it (never a silent pass). */
function cli(args: string[]): { code: number | null; out: string; err: string } {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run bundle\` (the CLI exit-code tests need the built bundle)`);
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ACI_64 = 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 64\n';
const CLEAN_V2 = [
  '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json',
  'name: blue',
  'endpoint_name: churn',
  'model: azureml:churn:1',
  'environment: azureml:sklearn-env:1',
  'instance_type: Standard_DS3_v2',
  'instance_count: 1',
  '',
].join('\n');

const roots: string[] = [];
let passRoot: string;
let failRoot: string;
let hostileRoot: string;
let badConfigRoot: string;

beforeAll(() => {
  passRoot = writeRepo({ 'deploy/dev/blue.yml': CLEAN_V2 });
  failRoot = writeRepo({ 'deploy/dev/aci.yml': ACI_64 });
  const laughs = ['computeType: ACI', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= 9; i++) laughs.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  hostileRoot = writeRepo({
    'deploy/dev/bomb.yml': laughs.join('\n') + '\n',
    'deploy/dev/template.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: {{ mem }}\n',
    'deploy/dev/deep.yml': 'computeType: ACI\nx: ' + '['.repeat(10_000) + '\n',
    'deploy/dev/tabs.yml': 'computeType: ACI\ncontainerResourceRequirements:\n\tcpu: 1\n',
    'deploy/dev/blue.yml': CLEAN_V2,
  });
  badConfigRoot = writeRepo({ 'deploy/dev/blue.yml': CLEAN_V2, '.model-deploy-gate.yml': 'limits:\n  aci-max-memory-gb: lots\n' });
  roots.push(passRoot, failRoot, hostileRoot, badConfigRoot);
});

afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('built CLI exit codes', () => {
  test('0: no policy failure', () => {
    const r = cli(['--root', passRoot]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  test('1: a policy failure', () => {
    const r = cli(['--root', failRoot]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/aci-memory-limit/);
  });

  test('0: a policy failure with --fail-on never', () => {
    expect(cli(['--root', failRoot, '--fail-on', 'never']).code).toBe(0);
  });

  test('1, not 2: a hostile repository is a policy failure (parse-error findings), the clean file still listed', () => {
    const r = cli(['--root', hostileRoot, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { findings: Array<{ ruleId: string; file: string }>; inventory: Array<{ file: string }> };
    const pe = report.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.file).sort();
    expect(pe).toEqual(['deploy/dev/bomb.yml', 'deploy/dev/deep.yml', 'deploy/dev/tabs.yml', 'deploy/dev/template.yml']);
    expect(report.inventory.map((i) => i.file)).toContain('deploy/dev/blue.yml');
  });

  const usage: Array<[string, string[]]> = [
    ['unknown option', ['--bogus']],
    ['bad --format', ['--format', 'xml']],
    ['bad --fail-on', ['--fail-on', 'sometimes']],
    ['bad --default-stage', ['--default-stage', 'prod']],
    ['unknown rule for --explain', ['--explain', 'no-such-rule']],
    ['a path outside the root', ['/etc/passwd']],
  ];
  for (const [name, args] of usage) {
    test(`2: usage error (${name})`, () => {
      const r = cli(['--root', passRoot, ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/model-deploy-gate:/);
    });
  }

  test('2: invalid config, with the file and line in the message', () => {
    const r = cli(['--root', badConfigRoot]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.model-deploy-gate\.yml:2:\d+/);
  });

  test('2: an explicit --config that does not exist', () => {
    expect(cli(['--root', passRoot, '--config', 'nope.yml']).code).toBe(2);
  });

  test('2: internal error (report cannot be written), never 1', () => {
    const r = cli(['--root', failRoot, '--format', 'json', '--output', path.join(failRoot, 'no/such/dir/report.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/internal error|ENOENT/);
  });

  test('2: a root that does not exist', () => {
    expect(cli(['--root', path.join(passRoot, 'does-not-exist')]).code).toBe(2);
  });
});
