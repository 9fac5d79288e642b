import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { main, type Io } from '../../src/cli/main.js';
import { unifiedDiff } from '../../src/fix/diff.js';
import { writeRepo } from '../helpers.js';

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s), err: (s) => (err += s), cwd };
  const code = await main(argv, io);
  return { code, out, err };
}

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';
const FILES: Record<string, string> = {
  // CRLF, comments, a quoted value.
  'online/prod/blue.yml': `$schema: ${SCHEMA}/managedOnlineDeployment.schema.json\r\nname: blue\r\nendpoint_name: fraud # shared\r\ninstance_type: Standard_D3_v2\r\ninstance_count: 1\r\nrequest_settings:\r\n  request_timeout_ms: "900000"\r\n`,
  // A typo whose fix makes the file readable by the size rule, which then has a fix of its own.
  'score/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGb: 1',
  'score/dev/model.yml': `$schema: ${SCHEMA}/model.schema.json\nname: m\nversion: 1\ntags:\n  memory_gb: 2\n`,
  // A byte order mark, JSONC.
  'svc/dev/deploymentconfig.json': '\uFEFF{\n  // qa\n  "computeType": "ACI",\n  "containerResourceRequirements": {"cpu": 1, "memoryInGb": 1}\n}\n',
};

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('--fix', () => {
  test('applies every fix in place (chained fixes included), reports what is left, and a second --fix changes nothing', async () => {
    const root = writeRepo(FILES);
    try {
      const first = await cli(['--fix'], root);
      expect(first.out).toMatch(/^Fixed 6 findings in 3 files:/);
      expect(first.out).toContain('online/prod/blue.yml:4  managed-sku-unsupported  Set `instance_type: Standard_DS3_v2`');
      expect(readFileSync(path.join(root, 'online/prod/blue.yml'), 'utf8')).toBe(
        FILES['online/prod/blue.yml'].replace('Standard_D3_v2', 'Standard_DS3_v2').replace('instance_count: 1', 'instance_count: 3').replace('"900000"', '"180000"'),
      );
      // memoryInGb → memoryInGB (unknown-key), then 1 → 3 (memory-headroom: 150 % of 2 GiB); no final newline added.
      expect(readFileSync(path.join(root, 'score/dev/aci.yml'), 'utf8')).toBe('computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 3');
      expect(readFileSync(path.join(root, 'svc/dev/deploymentconfig.json'), 'utf8')).toBe(FILES['svc/dev/deploymentconfig.json'].replace('"memoryInGb"', '"memoryInGB"'));
      // The gate ran again: the report below lists what is left (the v1 files' deprecation warnings).
      expect(first.out).toContain('v1-deprecated');
      expect(first.out).not.toMatch(/:\d+:\d+ +\w+ +managed-sku-unsupported/);
      expect(first.code).toBe(0);
      const before = Object.fromEntries(Object.keys(FILES).map((p) => [p, readFileSync(path.join(root, p), 'utf8')]));
      const second = await cli(['--fix'], root);
      expect(second.out).toMatch(/^No fixable findings\./);
      for (const p of Object.keys(FILES)) expect(readFileSync(path.join(root, p), 'utf8')).toBe(before[p]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('--fix with --format json keeps stdout a JSON report (the fix log goes to stderr)', async () => {
    const root = writeRepo({ 'score/dev/aci.yml': FILES['score/dev/aci.yml'] });
    try {
      const r = await cli(['--fix', '--format', 'json'], root);
      expect(JSON.parse(r.out).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['v1-deprecated']);
      expect(r.err).toMatch(/^Fixed 1 finding in 1 file:/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('--explain says whether a rule is fixable', async () => {
    expect((await cli(['--explain', 'request-timeout-limit'], '/')).out).toContain('Fixable: `--fix`');
    expect((await cli(['--explain', 'aci-not-for-production'], '/')).out).not.toContain('Fixable');
  });

  test('--fix and --fix-dry-run together are a usage error', async () => {
    const r = await cli(['--fix', '--fix-dry-run'], '/');
    expect(r.code).toBe(2);
  });
});

describe('--fix-dry-run', () => {
  test('prints a unified diff that `git apply` applies to exactly what --fix writes; nothing is written', async () => {
    const root = writeRepo(FILES);
    const twin = writeRepo(FILES);
    try {
      git(root, 'init', '-q');
      const dry = await cli(['--fix-dry-run'], root);
      for (const p of Object.keys(FILES)) expect(readFileSync(path.join(root, p), 'utf8')).toBe(FILES[p]);
      expect(dry.out).toMatch(/^--- a\/online\/prod\/blue\.yml\n\+\+\+ b\/online\/prod\/blue\.yml\n@@ /);
      expect(dry.out).toContain('\\ No newline at end of file');
      expect(dry.err).toMatch(/^Would fix 6 findings in 3 files:/);
      expect(dry.code).toBe(0);
      writeFileSync(path.join(root, 'fix.patch'), dry.out);
      git(root, 'apply', '--check', 'fix.patch');
      git(root, 'apply', 'fix.patch');
      await cli(['--fix'], twin);
      for (const p of Object.keys(FILES)) expect(readFileSync(path.join(root, p), 'utf8')).toBe(readFileSync(path.join(twin, p), 'utf8'));
      const after = await cli(['--fix-dry-run'], root);
      expect(after.out).toBe('');
      expect(after.err).toMatch(/^No fixable findings\./);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(twin, { recursive: true, force: true });
    }
  });
});

describe('unifiedDiff', () => {
  test('hunks with 3 lines of context; separate hunks for distant changes; insertions as added lines', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = before.replace('line 2\n', 'line two\n').replace('line 18\n', 'line 18\nline 18.5\n');
    expect(unifiedDiff('f.yml', before, after)).toBe(
      [
        '--- a/f.yml',
        '+++ b/f.yml',
        '@@ -1,5 +1,5 @@',
        ' line 1',
        '-line 2',
        '+line two',
        ' line 3',
        ' line 4',
        ' line 5',
        '@@ -16,5 +16,6 @@',
        ' line 16',
        ' line 17',
        ' line 18',
        '+line 18.5',
        ' line 19',
        ' line 20',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff('f.yml', 'a\n', 'a\n')).toBe('');
  });
});
