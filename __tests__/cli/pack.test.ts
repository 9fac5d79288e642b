// Installed as users install a linter: `npm pack` → `npm install <tarball>` in another project →
// its `bin` on a repository. Needs the built bundle (npm run bundle) and npm (from its cache or the registry).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; files: string[] };

/** npm run by `npm test` exports npm_* settings (prefix, package…) that must not steer the nested npm. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return env;
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env: cleanEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const temps: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

interface Packed {
  filename: string;
  size: number;
  files: Array<{ path: string }>;
}

let packed: Packed;
let tarball: string;
/** An empty folder with manifests and the package installed in it. */
let project: string;

beforeAll(() => {
  if (!existsSync(path.join(REPO, 'dist/cli/index.js'))) throw new Error('dist/cli/index.js is missing: run `npm run bundle` first');
  const out = temp('mdg-pack-');
  [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', out], REPO)) as Packed[];
  tarball = path.join(out, packed.filename);

  project = temp('mdg-user-');
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(project, rel)), { recursive: true });
    writeFileSync(path.join(project, rel), text);
  };
  write('package.json', '{ "name": "ml-platform", "private": true }\n');
  write('deploy/prod/aciDeploymentConfig.yml', 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 2\n');
  write('deploy/dev/aciDeploymentConfig.yml', 'computeType: ACI\nauthEnabled: true\n');
  npm(['install', '--no-save', '--ignore-scripts', '--prefer-offline', tarball], project);
}, 240_000);

/** Runs the installed command with `npx --no` (never a download) in the project; `--` keeps options like --version for it. */
function npx(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('npx', ['--no', '--', pkg.name, ...args], { cwd: project, env: cleanEnv(), encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm pack', () => {
  test('the package holds the CLI bundle, its reader thread, its bin and the README — no tests, fixtures, sources or docs', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual(
      expect.arrayContaining(['README.md', 'package.json', pkg.bin[pkg.name], 'dist/cli/index.js', 'dist/cli/licenses.txt', 'dist/read-worker/index.js', 'dist/read-worker/package.json']),
    );
    expect(files.filter((f) => /^(__tests__|src|docs|examples|schema|scripts|\.github|\.ci)\//.test(f) || f.startsWith('dist/index'))).toEqual([]);
    expect(files.length).toBeLessThanOrEqual(12);
    expect(packed.size).toBeLessThan(1024 * 1024);
  });

  test('the bin is an executable script that runs the bundle', () => {
    const bin = readFileSync(path.join(REPO, pkg.bin[pkg.name]), 'utf8');
    expect(bin.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(bin).toContain("import '../dist/cli/index.js';");
  });
});

describe('installed from the tarball', () => {
  test('`npx model-deploy-gate` fails the production ACI config with exit 1 and names the rule', () => {
    const r = npx([]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/deploy\/prod\/aciDeploymentConfig\.yml:1:1\s+error\s+aci-not-for-production/);
    expect(r.out).toMatch(/result: FAIL \[2 files scanned, 2 manifests/);
  });

  // Once a bug: the path "." became "" and the engine's path filter kept nothing, so the run passed on 0 files.
  test('`npx model-deploy-gate .` gates the whole folder like no argument does', () => {
    const r = npx(['.']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/result: FAIL \[2 files scanned, 2 manifests/);
  });

  test('file arguments (as pre-commit passes them) report only those files: the dev config passes with exit 0', () => {
    const r = npx(['deploy/dev/aciDeploymentConfig.yml']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/result: PASS \[1 file scanned, 1 manifest/);
    expect(r.out).not.toContain('deploy/prod/');
    const prod = npx(['deploy/prod/aciDeploymentConfig.yml', 'deploy/dev/aciDeploymentConfig.yml']);
    expect(prod.code).toBe(1);
    expect(prod.out).toMatch(/aci-not-for-production/);
  });

  test('--version prints the package version', () => {
    const r = npx(['--version']);
    expect([r.code, r.out.trim()]).toEqual([0, pkg.version]);
  });
});
