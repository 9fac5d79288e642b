// Work done ahead, while the main thread would wait for the reader thread (load/read.ts SpareWork):
// the pipelines' parse (DocsAhead), and what a pull-request run's parseNeeded does in any case (the
// text facts of every file read, the quota entries of every file that may add to the quota: AheadOfNeed).
// Done or not, the run's result is the same: each piece is a pure function of a text, and nothing
// sees it before the code that would have done it asks.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultConfig, BUILTIN_EXCLUDES } from '../../src/config/parse.js';
import type { LoadedFile } from '../../src/core/types.js';
import { evaluate } from '../../src/engine.js';
import { PipelineCollector } from '../../src/engine/deployed.js';
import { AheadOfNeed, parseNeeded } from '../../src/engine/needed.js';
import { looksLikeManifest } from '../../src/formats/prefilter.js';
import { DocsAhead, findDeployments, type PipelineSource } from '../../src/inventory/pipelines/index.js';
import { MAX_TOTAL_CHARS } from '../../src/inventory/pipelines/doc.js';
import { walk } from '../../src/load/files.js';
import { awaitingParse, loadAll } from '../../src/load/read.js';
import { READER_THREAD_ENV, useReaderThread } from '../../src/load/reader-thread.js';
import { toJsonReport } from '../../src/report/index.js';
import { resultOf } from '../helpers.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(REPO, 'dist');
const INCLUDE = ['**/*.yml', '**/*.yaml', '**/*.json', '**/MLmodel'];
const NOW = new Date('2026-06-01T00:00:00Z');

let synthetic: string;
beforeAll(() => {
  synthetic = mkdtempSync(path.join(os.tmpdir(), 'mdg-ahead-'));
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'gen-monorepo.mjs'), '--manifests', '300', '--seed', '5', '--out', synthetic]);
});
afterAll(() => rmSync(synthetic, { recursive: true, force: true }));

/** The synthetic checkout read as a pull-request run reads it (deferred), with its pipelines. */
function readDeferred(root: string): { files: LoadedFile[]; pipelines: PipelineCollector } {
  const pipelines = new PipelineCollector();
  const cands = walk({ root, include: INCLUDE, exclude: [...BUILTIN_EXCLUDES], onFile: pipelines.onFile });
  const files = loadAll(cands, { prefilter: looksLikeManifest, defer: true, onText: pipelines.onText });
  pipelines.readRest();
  return { files, pipelines };
}

function docsOf(f: LoadedFile) {
  return { problems: f.problems, docs: f.docs.map((d) => ({ value: d.value, start: d.start, index: d.index, keys: [...d.keys], values: [...d.values] })) };
}

describe('DocsAhead: pipeline texts parsed before findDeployments', () => {
  test('findDeployments finds the same with every text parsed ahead, with some, and with none', () => {
    const { pipelines } = readDeferred(synthetic);
    const sources = pipelines.sources;
    expect(sources.filter((s) => s.path.startsWith('.github/workflows/') || s.path.includes('/.github/workflows/')).length).toBeGreaterThan(10);
    const without = findDeployments(sources, pipelines.paths);
    expect(without.length).toBeGreaterThan(5);
    const all = new DocsAhead();
    for (const s of sources) all.add(s.path, s.text);
    expect(findDeployments(sources, pipelines.paths, all)).toEqual(without);
    const some = new DocsAhead();
    for (const s of sources.filter((_, i) => i % 3 === 0)) some.add(s.path, s.text);
    expect(findDeployments(sources, pipelines.paths, some)).toEqual(without);
  });

  test('a text parsed ahead is used only for that very text: a path given another text is parsed anew', () => {
    const wf = (file: string) => `on: push\njobs:\n  d:\n    runs-on: x\n    steps:\n      - run: az ml online-deployment create -f ${file}\n`;
    const files = new Set(['deploy/a.yml', 'deploy/b.yml', '.github/workflows/cd.yml']);
    const ahead = new DocsAhead();
    expect(ahead.add('.github/workflows/cd.yml', wf('deploy/a.yml'))).toBe(true);
    const sources: PipelineSource[] = [{ path: '.github/workflows/cd.yml', text: wf('deploy/b.yml') }];
    expect(findDeployments(sources, files, ahead).map((e) => e.manifest)).toEqual(['deploy/b.yml']);
    expect(findDeployments([{ path: '.github/workflows/cd.yml', text: wf('deploy/a.yml') }], files, ahead).map((e) => e.manifest)).toEqual(['deploy/a.yml']);
  });

  test('only YAML is parsed ahead, and no more text than one findDeployments call parses', () => {
    const ahead = new DocsAhead();
    expect(ahead.add('scripts/deploy.sh', 'az ml online-deployment create -f x.yml\n')).toBe(false);
    const chunk = `jobs: {}\n#${'x'.repeat(400 * 1024)}\n`;
    let added = 0;
    for (let i = 0; i < 100 && ahead.add(`.github/workflows/w${i}.yml`, chunk); i++) added++;
    expect(added).toBe(Math.floor(MAX_TOTAL_CHARS / chunk.length));
    expect(ahead.add('.github/workflows/tiny.yml', 'jobs: {}\n')).toBe(true);
  });
});

describe('AheadOfNeed: what parseNeeded does in any case, done early', () => {
  test('parseNeeded parses the same files and returns the same quota with all, part or none of it done ahead', () => {
    const config = defaultConfig();
    const runs = [0, 1, 0.5].map((share) => {
      const { files, pipelines } = readDeferred(synthetic);
      const deployed = pipelines.deployed();
      const ahead = new AheadOfNeed();
      for (const f of files) ahead.kept(f);
      const steps = Math.floor(files.length * share);
      for (let i = 0; i < steps; i++) expect(ahead.run()).toBe(true);
      if (share === 1) expect(ahead.run()).toBe(false);
      const parsedAhead = files.filter((f) => f.docs.length > 0).length;
      const seed = new Set(files.filter((f) => /\/deploy\/prod\/.*deployment\.yml$/.test(f.path)).slice(0, 2).map((f) => f.path));
      expect(seed.size).toBe(2);
      const parsed: string[] = [];
      const quota = parseNeeded(synthetic, files, config, deployed, seed, (p) => parsed.push(p), ahead);
      return {
        parsedAhead,
        parsed,
        quota,
        files: files.map((f) => ({ path: f.path, awaiting: awaitingParse(f), ...docsOf(f) })),
      };
    });
    // Nothing done ahead shows before parseNeeded asks for it.
    expect(runs.map((r) => r.parsedAhead)).toEqual([0, 0, 0]);
    expect(runs[0].quota.length).toBeGreaterThan(20);
    expect(runs[0].parsed.length).toBeLessThan(runs[0].files.length);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });
});

describe('pull-request runs with the reader thread on equal those on one thread', () => {
  const saved = process.env[READER_THREAD_ENV];
  beforeAll(() => {
    if (!existsSync(path.join(DIST, 'read-worker/index.js'))) throw new Error('dist/read-worker/index.js is missing: run `npm run bundle` first');
    useReaderThread(pathToFileURL(path.join(DIST, 'index.js')).href, 'read-worker/index.js');
  });
  afterAll(() => {
    if (saved === undefined) delete process.env[READER_THREAD_ENV];
    else process.env[READER_THREAD_ENV] = saved;
    useReaderThread('file:///nonexistent/entry.js', 'none.js');
  });

  function report(root: string, changed: string[], mode: 'on' | 'off'): string {
    process.env[READER_THREAD_ENV] = mode;
    const outcome = evaluate({ root, changed, failOn: 'notice', scopeReason: 'test', now: NOW });
    return JSON.stringify(toJsonReport(resultOf(outcome)));
  }

  test('the synthetic monorepo: changed deployments, a changed workflow, a folder, nothing', () => {
    const all: string[] = [];
    const list = (rel: string): void => {
      for (const e of readdirSync(path.join(synthetic, rel)).sort()) {
        const r = rel ? `${rel}/${e}` : e;
        if (statSync(path.join(synthetic, r)).isDirectory()) list(r);
        else all.push(r);
      }
    };
    list('');
    const deployments = all.filter((f) => /deploy\/prod\/.*\.ya?ml$/.test(f));
    const workflow = all.find((f) => f.includes('.github/workflows/'));
    expect(deployments.length).toBeGreaterThan(10);
    expect(workflow).toBeDefined();
    const sets = [deployments.slice(0, 1), deployments.slice(3, 9), [workflow!], all.filter((f) => path.posix.dirname(f) === path.posix.dirname(deployments[5])), []];
    for (const changed of sets) {
      const one = report(synthetic, changed, 'off');
      const two = report(synthetic, changed, 'on');
      expect({ changed, report: two }).toEqual({ changed, report: one });
      expect(JSON.parse(one).scope.mode).toBe('changed');
    }
  }, 60_000);
});
