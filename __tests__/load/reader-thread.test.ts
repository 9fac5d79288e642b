// The reader thread (src/load/reader-thread.ts, dist/read-worker/index.js): a walk handed over to a
// second thread reads the same files, in the same order, with the same problems, as one thread — on
// hostile trees too (links out of the workspace, loops, FIFOs, files too large) — and a reader that
// fails, crashes or falls silent loses nothing: the main thread walks the rest.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILTIN_EXCLUDES } from '../../src/config/parse.js';
import { looksLikeManifest, prefilterScreen } from '../../src/formats/prefilter.js';
import { PipelineCollector } from '../../src/engine/deployed.js';
import type { Candidate, WalkOptions } from '../../src/load/files.js';
import { READ_AHEAD } from '../../src/load/reader-protocol.js';
import { readCheckout, READER_THREAD_ENV, useReaderThread, type CheckoutRead } from '../../src/load/reader-thread.js';
import { tempRepos } from '../helpers.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(REPO, 'dist');
const INCLUDE = ['**/*.yml', '**/*.yaml', '**/*.json', '**/MLmodel'];
const temp = tempRepos('mdg-reader-');
afterEach(temp.cleanup);

const saved = process.env[READER_THREAD_ENV];
beforeAll(() => {
  if (!existsSync(path.join(DIST, 'read-worker/index.js'))) throw new Error('dist/read-worker/index.js is missing: run `npm run bundle` first');
});
afterAll(() => {
  if (saved === undefined) delete process.env[READER_THREAD_ENV];
  else process.env[READER_THREAD_ENV] = saved;
  useReaderThread('file:///nonexistent/entry.js', 'none.js');
});

/**
 * Everything a run gets from reading the checkout: the result, the files the walk visited, and the
 * pipeline texts the engine's collector keeps (with the screens the engine gives the reader).
 */
function read(root: string, mode: 'on' | 'off', opts: { keep?: (c: Candidate) => boolean; maxBytes?: number; defer?: boolean; worker?: string; screens?: boolean; early?: boolean } = {}) {
  process.env[READER_THREAD_ENV] = mode;
  useReaderThread(pathToFileURL(path.join(DIST, 'index.js')).href, opts.worker ?? 'read-worker/index.js', opts.early === true);
  const visited: string[] = [];
  const pipelines = new PipelineCollector();
  const walkOpts: WalkOptions = {
    root,
    include: INCLUDE,
    exclude: [...BUILTIN_EXCLUDES],
    onFile: (rel, abs, excluded) => {
      visited.push(`${rel}${excluded ? ' (excluded)' : ''}`);
      pipelines.onFile(rel, abs);
    },
  };
  const screens = opts.screens === false ? {} : { screens: [prefilterScreen(), PipelineCollector.screen], onDropped: pipelines.onDropped };
  const r = readCheckout(walkOpts, opts.keep ?? (() => true), { prefilter: looksLikeManifest, maxBytes: opts.maxBytes, defer: opts.defer, onText: pipelines.onText, ...screens });
  pipelines.readRest();
  const texts = [...pipelines.sources].sort((a, b) => (a.path < b.path ? -1 : 1)).map((p) => `${p.path}\u0000${p.text}`);
  return { r, visited, texts, deployed: [...pipelines.deployed()].sort() };
}

/** The parts of a read that a verdict depends on (`threaded` aside). */
function comparable(r: CheckoutRead) {
  return { candidates: r.candidates, excluded: r.excluded, files: r.files.map((f) => ({ ...f, docs: f.docs.map((d) => ({ value: d.value, start: d.start, index: d.index, keys: [...d.keys], values: [...d.values] })) })) };
}

/** A tree of many folders, so that the walk is handed over after the first one. */
function wideRepo(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) {
    files[`teams/t${i % 7}/p${i}/deploy/prod/deployment.yml`] = `computeType: ACI\ncontainerResourceRequirements:\n  cpu: ${1 + (i % 4)}\n  memoryInGB: ${i}\n`;
    files[`teams/t${i % 7}/p${i}/package.json`] = `{ "name": "p${i}" }\n`;
    files[`teams/t${i % 7}/p${i}/.github/workflows/cd.yml`] = `on: push\njobs:\n  d:\n    runs-on: x\n    steps:\n      - run: az ml online-deployment create -f deploy/prod/deployment.yml\n`;
    files[`teams/t${i % 7}/p${i}/scripts/deploy.sh`] = `az ml online-deployment create -f ../deploy/prod/deployment.yml\n`;
  }
  files['bad/broken.yml'] = 'computeType: [ACI\n';
  files['noise/k8s.yaml'] = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
  files['noise/package.json'] = '{ "name": "x", "version": "1.0.0" }\n';
  files['noise/bom.yml'] = '\ufeffcomputeType: ACI\n';
  files['pipelines/azure-pipelines.yml'] = 'stages:\n  - stage: Prod\n    jobs:\n      - job: d\n        steps:\n          - script: az ml online-deployment create -f teams/t1/p1/deploy/prod/deployment.yml\n';
  files['pipelines/vars.yml'] = 'variables:\n  env: prod\n';
  files['bad/utf16.json'] = '';
  files['bad/nul.yml'] = 'computeType: ACI\u0000\n';
  return temp.repo(files);
}

describe('reader thread: the same read as one thread', () => {
  test('a wide tree: the same files, problems, documents, positions, visited files and texts, in the same order', () => {
    const root = wideRepo();
    writeFileSync(path.join(root, 'bad/utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"computeType": "ACI"}', 'utf16le')]));
    writeFileSync(path.join(root, 'bad/latin1.yml'), Buffer.from('computeType: ACI\ndescription: caf\xe9\n', 'latin1'));
    writeFileSync(path.join(root, 'noise/latin1.yml'), Buffer.from('name: caf\xe9\n', 'latin1'));
    const one = read(root, 'off');
    const two = read(root, 'on');
    expect(two.r.threaded).toBe(true);
    expect(one.r.threaded).toBe(false);
    expect(one.r.files.length).toBeGreaterThan(40);
    expect(comparable(two.r)).toEqual(comparable(one.r));
    expect(two.visited).toEqual(one.visited);
    expect(two.texts).toEqual(one.texts);
    expect(two.deployed).toEqual(one.deployed);
    expect(one.texts.some((t) => t.startsWith('pipelines/azure-pipelines.yml'))).toBe(true);
    expect(one.deployed.length).toBeGreaterThanOrEqual(40);
    expect(one.r.files.map((f) => f.problems.length).filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
    // Without screens the reader hands over every file as bytes: the same read again.
    expect(comparable(read(root, 'on', { screens: false }).r)).toEqual(comparable(one.r));
  });

  test('hostile links, loops, FIFOs, a file that fills the read buffer and one over the cap are read as on one thread', () => {
    const outside = temp.dir();
    writeFileSync(path.join(outside, 'secret.yml'), 'computeType: AKS\n');
    const root = wideRepo();
    mkdirSync(path.join(root, 'links'));
    symlinkSync(path.join(outside, 'secret.yml'), path.join(root, 'links/out.yml'));
    symlinkSync(outside, path.join(root, 'links/outdir'));
    symlinkSync('/nonexistent/model-deploy-gate/x.yml', path.join(root, 'links/dangling.yml'));
    symlinkSync('.', path.join(root, 'links/self'));
    symlinkSync(path.join(root, 'teams'), path.join(root, 'links/teams-again'));
    execFileSync('mkfifo', [path.join(root, 'links/fifo.yml')]);
    // Bigger than one read: the main thread reads it itself; bigger than the cap: a problem.
    writeFileSync(path.join(root, 'large.yml'), `computeType: ACI\n#${'x'.repeat(READ_AHEAD + 10)}\n`);
    mkdirSync(path.join(root, 'big'));
    writeFileSync(path.join(root, 'big/over-cap.yml'), `computeType: ACI\n#${'y'.repeat(70_000)}\n`);
    const one = read(root, 'off', { maxBytes: 64 * 1024 });
    const two = read(root, 'on', { maxBytes: 64 * 1024 });
    expect(two.r.threaded).toBe(true);
    expect(comparable(two.r)).toEqual(comparable(one.r));
    expect(two.visited).toEqual(one.visited);
    const problems = Object.fromEntries(one.r.files.filter((f) => f.problems.length).map((f) => [f.path, f.problems[0].message]));
    expect(problems['links/out.yml']).toMatch(/outside the workspace/);
    expect(problems['links/dangling.yml']).toMatch(/cannot be resolved/);
    expect(problems['big/over-cap.yml']).toMatch(/file too large/);
    expect(problems['large.yml']).toMatch(/file too large/);
    expect(one.r.files.some((f) => f.path.startsWith('links/outdir/'))).toBe(false);
    expect(one.r.files.some((f) => f.path.startsWith('links/teams-again/'))).toBe(true);
  });

  test('the config’s own excludes are counted, not read, on both threads; deferred reads keep their texts unparsed', () => {
    const root = wideRepo();
    const keep = (c: Candidate) => !c.path.startsWith('teams/t3/');
    const one = read(root, 'off', { keep, defer: true });
    const two = read(root, 'on', { keep, defer: true });
    expect(one.r.excluded).toBeGreaterThan(0);
    expect(comparable(two.r)).toEqual(comparable(one.r));
    expect(two.r.files.every((f) => f.docs.length === 0)).toBe(true);
    expect(two.r.files.some((f) => f.text.length > 0)).toBe(true);
  });

  test('a worker started before the read (as the entry points do) reads the same; a small checkout stops it unused', () => {
    const root = wideRepo();
    const one = read(root, 'off');
    const two = read(root, 'on', { early: true });
    expect(two.r.threaded).toBe(true);
    expect(comparable(two.r)).toEqual(comparable(one.r));
    expect(two.visited).toEqual(one.visited);
    expect(two.texts).toEqual(one.texts);
    // Not forced: a checkout of fewer than HANDOFF candidates is read on the main thread.
    const small = temp.repo({ 'deploy/a.yml': 'computeType: ACI\n', 'deploy/b/c.yml': 'computeType: AKS\n' });
    delete process.env[READER_THREAD_ENV];
    useReaderThread(pathToFileURL(path.join(DIST, 'index.js')).href, 'read-worker/index.js', true);
    const r = readCheckout({ root: small, include: INCLUDE, exclude: [...BUILTIN_EXCLUDES] }, () => true, { prefilter: looksLikeManifest });
    expect(r.threaded).toBe(false);
    expect(r.files.map((f) => f.path)).toEqual(['deploy/a.yml', 'deploy/b/c.yml']);
  });

  test('without the bundle, or with the thread turned off, every read is on the main thread', () => {
    const root = wideRepo();
    expect(read(root, 'on', { worker: 'no-such-worker.js' }).r.threaded).toBe(false);
    expect(read(root, 'off').r.threaded).toBe(false);
  });
});

/** The candidates (manifest names of the default includes) among visited files, in walk order. */
function walkOrderCandidates(visited: string[]): string[] {
  return visited.filter((rel) => /\.(ya?ml|json)$/.test(rel) || rel.endsWith('/MLmodel'));
}

describe('reader thread: a reader that fails loses nothing', () => {
  /** A reader script next to the real one (it must be a file: the worker loads it by path). */
  function fakeReader(body: string): string {
    const dir = temp.dir();
    const file = path.join(dir, 'reader.mjs');
    writeFileSync(file, body);
    return path.relative(DIST, file);
  }

  test('a reader that throws at once: the main thread walks everything it handed over', () => {
    const root = wideRepo();
    const one = read(root, 'off');
    const two = read(root, 'on', { worker: fakeReader(`throw new Error('reader broken');\n`) });
    expect(two.r.threaded).toBe(false);
    expect(comparable(two.r)).toEqual(comparable(one.r));
    expect(two.visited).toEqual(one.visited);
  }, 30_000);

  test('a reader that reports a failure after giving part of the walk: nothing twice, nothing missing', () => {
    const root = wideRepo();
    const one = read(root, 'off');
    // The root folder holds only folders, so the reader is handed the whole walk: it gives its first
    // visited files and candidates (bytes not read: the main thread reads them), then fails.
    const visited = one.visited.slice(0, 6).flatMap((rel) => [rel, path.join(root, rel), 0]);
    const cands = walkOrderCandidates(one.visited.slice(0, 6)).map((rel) => [rel, path.join(root, rel)]);
    expect(cands.length).toBeGreaterThan(0);
    const reader = fakeReader(`
import { parentPort } from 'node:worker_threads';
parentPort.once('message', ({ port, control }) => {
const ctl = new Int32Array(control);
port.postMessage({ visited: ${JSON.stringify(visited)}, cands: ${JSON.stringify(cands)}, kinds: new Uint8Array(${cands.length}), lens: new Int32Array(${cands.length}).fill(-1), texts: ${JSON.stringify(cands.map(() => null))}, bytes: new ArrayBuffer(0) });
Atomics.add(ctl, 0, 1); Atomics.notify(ctl, 0);
Atomics.store(ctl, 2, 1); Atomics.add(ctl, 0, 1); Atomics.notify(ctl, 0);
port.close();
parentPort.close();
});
`);
    const two = read(root, 'on', { worker: reader });
    expect(two.r.threaded).toBe(false);
    expect(comparable(two.r)).toEqual(comparable(one.r));
    expect(two.visited).toEqual(one.visited);
    expect(two.texts).toEqual(one.texts);
  }, 30_000);

  test('a reader that falls silent is given up after its silence and the run completes', () => {
    const root = wideRepo();
    const one = read(root, 'off');
    const started = Date.now();
    const two = read(root, 'on', { worker: fakeReader(`setInterval(() => {}, 1000);\n`) });
    expect(two.r.threaded).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
    expect(comparable(two.r)).toEqual(comparable(one.r));
  }, 30_000);
});

describe('reader thread: the bundles', () => {
  test('the CLI bundle gives byte-identical JSON reports with the thread on and off (examples/ and a wide tree)', () => {
    for (const root of [path.join(REPO, 'examples'), wideRepo()]) {
      const reports = (['on', 'off'] as const).map((mode) => {
        const out = path.join(temp.dir(), 'report.json');
        const r = spawnSync(process.execPath, [path.join(DIST, 'cli/index.js'), '--root', root, '--format', 'json', '--output', out], {
          env: { ...process.env, [READER_THREAD_ENV]: mode },
          encoding: 'utf8',
        });
        expect(r.stderr).toBe('');
        expect([0, 1]).toContain(r.status);
        return readFileSync(out, 'utf8');
      });
      expect(reports[0]).toBe(reports[1]);
      expect(JSON.parse(reports[0]).scope.filesScanned).toBeGreaterThan(20);
    }
  }, 60_000);
});
