import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { main, type Io } from '../../src/cli/main.js';
import { writeRepo } from '../helpers.js';

function put(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s), err: (s) => (err += s), cwd };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('CLI', () => {
  test('exit 0 on a clean repo, 1 on a policy failure, with the text report', async () => {
    const root = writeRepo({ 'deploy/dev/d.yml': 'computeType: aci\nauthEnabled: true\n', 'deploy/prod/p.yml': 'computeType: local\n' });
    try {
      const fail = await cli(['--root', root], '/');
      expect(fail.code).toBe(1);
      expect(fail.out).toContain('deploy/prod/p.yml:1:1');
      expect(fail.out).toContain('local-not-for-production');
      const pass = await cli(['--root', root, 'deploy/dev'], '/');
      expect(pass.code).toBe(0);
      expect(pass.out).not.toContain('deploy/prod');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('--format json --output writes the SPEC §8 report', async () => {
    const root = writeRepo({ 'deploy/prod/p.yml': 'computeType: local\n' });
    try {
      const r = await cli(['--format', 'json', '--output', 'out.json', '--fail-on', 'never'], root);
      expect(r.code).toBe(0);
      const report = JSON.parse(readFileSync(path.join(root, 'out.json'), 'utf8'));
      expect(Object.keys(report)).toEqual(expect.arrayContaining(['version', 'tool', 'scope', 'summary', 'findings', 'inventory', 'skipped']));
      expect(report.findings[0]).toMatchObject({ ruleId: 'local-not-for-production', file: 'deploy/prod/p.yml', line: 1, column: 1 });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('--format github prints workflow commands', async () => {
    const root = writeRepo({ 'deploy/prod/p.yml': 'computeType: local\n' });
    try {
      const r = await cli(['--format', 'github'], root);
      expect(r.out).toMatch(/^::error file=deploy\/prod\/p.yml,line=1,col=1,.*title=local-not-for-production::/m);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('usage errors and invalid config exit 2, never 1', async () => {
    expect((await cli(['--format', 'xml'], '/')).code).toBe(2);
    expect((await cli(['--bogus'], '/')).code).toBe(2);
    expect((await cli(['--explain', 'no-such-rule'], '/')).code).toBe(2);
    const missing = await cli(['--root', '/nonexistent-mdg-root'], '/');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('not a directory');
    expect(missing.err).not.toContain('internal error:');
    const root = writeRepo({ '.model-deploy-gate.yml': 'limits:\n  aci-max-memory-gb: lots\n', 'd.yml': 'computeType: aci\n' });
    try {
      const r = await cli([], root);
      expect(r.code).toBe(2);
      expect(r.err).toContain('.model-deploy-gate.yml:2');
      expect((await cli(['/etc'], root)).code).toBe(2); // path outside the root
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('--list-rules and --explain', async () => {
    const list = await cli(['--list-rules'], '/');
    expect(list.code).toBe(0);
    expect(list.out.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(26);
    const ex = await cli(['--explain', 'aci-memory-limit'], '/');
    expect(ex.out).toContain('docs/rules/aci-memory-limit.md');
  });

  test('--explain prints what the rule checks, its help (why, then the source it cites), the fix and the configuration', async () => {
    const ex = await cli(['--explain', 'managed-instance-count-ha'], '/');
    expect(ex.code).toBe(0);
    expect(ex.out).toBe(
      'managed-instance-count-ha (default severity: warning, production deployments only)\n\n' +
        'What it checks: A production managed online deployment should run at least 3 instances for high availability.\n\n' +
        'Why: Azure ML recommends at least three instances for production managed online deployments, so that node upgrades and failures do not ' +
        'take the endpoint down. Azure reserves 20 % extra quota for upgrades (⌈1.2 × instances⌉ × vCPUs), so more instances need more quota ' +
        '(see `quota-exceeded`).\n\n' +
        'Source: Azure ML managed online deployment YAML reference (`reference-yaml-deployment-managed-online.md` @280c976c); ' +
        'the quota allocation include (`quota-allocation-online-deployment.md` @efb1e263).\n\n' +
        'How to fix: Set instance_count to 3 or more for production managed online deployments.\n' +
        'Fixable: `--fix` repairs its findings where the answer is determined (see the docs page).\n\n' +
        'Configure: rules: { managed-instance-count-ha: error | warning | notice | off } in .github/model-deploy-gate.yml\n' +
        'Suppress one finding (YAML): # model-deploy-gate: ignore managed-instance-count-ha -- <reason>\n' +
        'Docs: https://github.com/model-deploy-gate/model-deploy-gate/blob/main/docs/rules/managed-instance-count-ha.md\n',
    );
    const parse = await cli(['--explain', 'parse-error'], '/');
    expect(parse.out).toContain('Configure: it cannot be turned off or suppressed');
    expect(parse.out).not.toContain('ignore parse-error');
  });

  test('--changed-from gates only what changed since the ref (plus dependents)', async () => {
    const root = writeRepo({
      'deploy/prod/old.yml': 'computeType: local\n',
      'models/m/model.yml': '$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json\nname: m\nversion: 1\npath: azureml://datastores/x/paths/y\n',
    });
    const git = (...a: string[]) => execFileSync('git', a, { cwd: root, stdio: 'pipe' });
    try {
      git('init', '-q', '-b', 'main');
      git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '-A');
      git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'base');
      writeFileSync(path.join(root, 'deploy/prod/new.yml'), 'computeType: aci\n');
      const r = await cli(['--changed-from', 'main', '--format', 'json'], root);
      const report = JSON.parse(r.out);
      expect(report.scope.mode).toBe('changed');
      expect([...new Set(report.findings.map((f: { file: string }) => f.file))]).toEqual(['deploy/prod/new.yml']);
      expect((await cli(['--changed-from', 'no-such-ref'], root)).code).toBe(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('--changed-from: changed and untracked files whose names git would quote are gated (no fail-open on odd names)', async () => {
    // git quotes such names in its default output ("d\303\251.yml"); read as-is they match no file.
    const odd = ['deploy/prod/dé.yml', 'deploy/prod/tab\tx.yml', 'deploy/prod/"quoted".yml', 'deploy/prod/back\\slash.yml', 'déploiement/prod/p.yml'];
    const root = writeRepo({ 'deploy/prod/old.yml': 'computeType: local\n' });
    const git = (...a: string[]) => execFileSync('git', a, { cwd: root, stdio: 'pipe' });
    try {
      git('init', '-q', '-b', 'main');
      git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '-A');
      git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'base');
      // Committed on a branch (the diff against the merge base) and untracked (ls-files --others).
      git('checkout', '-q', '-b', 'pr');
      for (const f of odd.slice(0, 3)) put(root, f, 'computeType: local\n');
      git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '-A');
      git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'odd names');
      for (const f of odd.slice(3)) put(root, f, 'computeType: local\n');
      const r = await cli(['--changed-from', 'main', '--format', 'json'], root);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.out);
      expect(report.scope.mode).toBe('changed');
      expect([...new Set(report.findings.map((f: { file: string }) => f.file))].sort()).toEqual([...odd].sort());
      // From a subfolder of the repository, with an odd name in the prefix too.
      const sub = await cli(['--root', path.join(root, 'déploiement'), '--changed-from', 'main', '--format', 'json'], root);
      expect(JSON.parse(sub.out).scope.mode).toBe('changed');
      expect([...new Set(JSON.parse(sub.out).findings.map((f: { file: string }) => f.file))]).toEqual(['prod/p.yml']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
