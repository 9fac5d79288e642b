#!/usr/bin/env node
// Fuzzes the real pipeline with mutated real manifests (examples/ and ../shared/corpus when present).
//
//   node scripts/fuzz.mjs --count 5000 --seed 1 [--seconds 240] [--jobs 2] [--only 123] [--save DIR]
//                         [--kinds damage,equivalent,file-name,outside] [--dump-equivalent DIR]
//
// --dump-equivalent DIR writes each equivalent rewrite next to its plain file (N.plain.EXT,
// N.rewritten.EXT, N.json), for __tests__/robustness/pyyaml-oracle.py to load with Azure's own
// loaders (PyYAML safe_load, Python json).
//
// Each input is a damaged manifest, an equivalent rewrite (same data for Azure's loaders), a
// hostile file or folder name, or a reference out of the workspace (see fuzz-core.ts).
// Inputs are split over worker threads that run the TypeScript sources through tsx (a
// devDependency, so this works on a fresh clone after `npm ci`). A worker that stops answering is
// a hang: it is terminated, the input is reported, and a new worker carries on.
// Prints `fuzz: N inputs, V violations, T s` and exits 1 on any violation (2 on a usage error).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as path from 'node:path';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (isMainThread) {
  await main();
} else {
  await work(workerData);
}

async function work({ seed, start, stride, count, only, deadlineMs, timeBoundMs, engineEvery, kinds, dump }) {
  // tsx's API rather than `--import tsx`: loader hooks given to a worker's execArgv are not applied on Node 20.
  const { tsImport } = await import('tsx/esm/api');
  const core = await tsImport(pathToFileURL(path.join(repoRoot, '__tests__/robustness/fuzz-core.ts')).href, import.meta.url);
  const seeds = core.loadSeeds(core.defaultRoots(repoRoot));
  parentPort.postMessage({ type: 'ready', seeds: seeds.length, planted: seeds.filter((s) => s.plant).length, trace: core.traceActive() });
  function* indexes() {
    if (only !== undefined) yield only;
    else for (let i = start; i < count; i += stride) yield i;
  }
  await core.runInputs({
    seeds,
    seed,
    indexes: indexes(),
    engineEvery,
    timeBoundMs,
    deadlineMs,
    kinds,
    onResult: (r) => parentPort.postMessage({ type: 'result', r }),
    onEquivalent: dump
      ? (index, s, rw) => {
          const ext = /\.json$/i.test(s.file.rel) ? 'json' : 'yml';
          writeFileSync(path.join(dump, `${index}.plain.${ext}`), s.file.bytes);
          writeFileSync(path.join(dump, `${index}.rewritten.${ext}`), rw.bytes);
          writeFileSync(path.join(dump, `${index}.json`), JSON.stringify({ seed: s.id, ops: rw.ops, caseFold: rw.caseFold }));
        }
      : undefined,
  });
  core.removeCanary();
  parentPort.postMessage({ type: 'done' });
}

function usage(msg) {
  process.stderr.write(
    `fuzz: ${msg}\nUsage: node scripts/fuzz.mjs --count N --seed S [--seconds T] [--jobs J] [--only INDEX] [--save DIR] [--time-bound MS] [--engine-every K] [--kinds LIST] [--dump-equivalent DIR]\n`,
  );
  process.exit(2);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        seconds: { type: 'string' },
        jobs: { type: 'string' },
        only: { type: 'string' },
        save: { type: 'string' },
        'time-bound': { type: 'string', default: '2000' },
        'engine-every': { type: 'string', default: '10' },
        'hang-after': { type: 'string', default: '30000' },
        kinds: { type: 'string' },
        'dump-equivalent': { type: 'string' },
      },
    }));
  } catch (err) {
    usage(err.message);
  }
  const num = (name, v, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) usage(`--${name} must be an integer ≥ ${min}`);
    return n;
  };
  const count = num('count', values.count, 1);
  const seed = num('seed', values.seed, 0);
  const only = values.only !== undefined ? num('only', values.only, 0) : undefined;
  const seconds = values.seconds !== undefined ? Number(values.seconds) : undefined;
  if (seconds !== undefined && !(seconds > 0)) usage('--seconds must be a positive number');
  const timeBoundMs = num('time-bound', values['time-bound'], 1);
  const engineEvery = num('engine-every', values['engine-every'], 0);
  const hangAfter = num('hang-after', values['hang-after'], 1000);
  const jobs = only !== undefined ? 1 : Math.max(1, Math.min(num('jobs', values.jobs ?? String(Math.min(availableParallelism(), 4)), 1), count));
  const saveDir = values.save ?? path.join(tmpdir(), `mdg-fuzz-seed${seed}`);
  const KINDS = ['damage', 'equivalent', 'file-name', 'outside'];
  const kinds = values.kinds !== undefined ? values.kinds.split(',').map((k) => k.trim()) : undefined;
  if (kinds && (kinds.length === 0 || kinds.some((k) => !KINDS.includes(k)))) usage(`--kinds takes a comma-separated list of ${KINDS.join(', ')}`);
  const dump = values['dump-equivalent'] !== undefined ? path.resolve(values['dump-equivalent']) : undefined;
  if (dump) mkdirSync(dump, { recursive: true });

  const t0 = performance.now();
  const deadline = seconds !== undefined ? t0 + seconds * 1000 : undefined;
  const results = [];
  const violations = [];
  let seedInfo;

  // One worker per stride; `from` lets a replacement worker resume after a hang.
  const runWorker = (stride, from) =>
    new Promise((resolve) => {
      const w = new Worker(fileURLToPath(import.meta.url), {
        workerData: {
          seed,
          start: from,
          stride: jobs,
          count,
          only,
          deadlineMs: deadline !== undefined ? Math.max(0, deadline - performance.now()) : undefined,
          timeBoundMs,
          engineEvery,
          kinds,
          dump,
        },
      });
      let next = from;
      let last = performance.now();
      let ready = false;
      let finished = false;
      const timer = setInterval(() => {
        // Startup (tsx compiling the sources) is not an input: give it the same generous bound.
        if (performance.now() - last <= hangAfter || finished) return;
        finished = true;
        clearInterval(timer);
        const index = only ?? next;
        violations.push({ index, seed: '(unknown: worker stopped answering)', ops: [], invariant: 'hang', detail: `no answer for ${hangAfter} ms${ready ? '' : ' (during startup)'}`, input: '' });
        results.push({ index, ms: hangAfter, problems: 0, violations: [] });
        w.terminate().then(() => resolve(only === undefined && ready && next + jobs < count ? runWorker(stride, next + jobs) : undefined));
      }, 1000);
      w.on('message', (msg) => {
        last = performance.now();
        if (msg.type === 'ready') {
          ready = true;
          seedInfo ??= msg;
        } else if (msg.type === 'result') {
          results.push(msg.r);
          violations.push(...msg.r.violations);
          next = msg.r.index + jobs;
        } else if (msg.type === 'done') {
          finished = true;
          clearInterval(timer);
          resolve();
        }
      });
      w.on('error', (err) => {
        if (finished) return;
        finished = true;
        clearInterval(timer);
        violations.push({ index: only ?? next, seed: '(worker crashed)', ops: [], invariant: 'worker-error', detail: err?.stack ?? String(err), input: '' });
        resolve();
      });
      w.on('exit', () => {
        if (finished) return;
        finished = true;
        clearInterval(timer);
        resolve();
      });
    });

  await Promise.all(Array.from({ length: jobs }, (_, k) => runWorker(k, only ?? k)));

  const secs = (performance.now() - t0) / 1000;
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const q = (p) => (times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))] : 0);
  const slowest = results.reduce((a, b) => (b.ms > (a?.ms ?? -1) ? b : a), undefined);
  if (seedInfo) {
    process.stdout.write(`fuzz: seed files ${seedInfo.seeds} (${seedInfo.planted} with a planted violation), seed ${seed}, ${jobs} worker(s)\n`);
    process.stdout.write(`fuzz: fs trace ${seedInfo.trace ? 'on (every open/read/list/stat during evaluate() is checked)' : 'OFF: only the canaries check that nothing outside is read'}\n`);
  }
  if (seedInfo?.trace) {
    process.stdout.write("fuzz: outside the workspace: nothing opened, listed or stat'ed unless reported below\n");
  }
  const byKind = (k) => results.filter((r) => r.kind === k);
  process.stdout.write(
    `fuzz: inputs by kind: ${KINDS.map((k) => `${k} ${byKind(k).length}`).join(', ')}` +
      `; renames applied ${byKind('file-name').filter((r) => !String(r.ops[0]).includes('none applies')).length}\n`,
  );
  process.stdout.write(
    `fuzz: per input ms p50 ${q(0.5).toFixed(1)}, p99 ${q(0.99).toFixed(1)}, max ${q(1).toFixed(1)}` +
      (slowest ? ` (index ${slowest.index}, ${slowest.seed})` : '') +
      `; ${results.filter((r) => r.problems > 0).length} inputs gave a parse-error\n`,
  );
  const planted = (k) => results.filter((r) => r.plant === k).length;
  process.stdout.write(
    `fuzz: planted violations: ${planted('kept')} kept in place (all must be reported), ${planted('moved')} moved by a structural edit, ` +
      `${planted('broken')} in files that no longer parse; ${results.filter((r) => r.swallowed).length} detection keys swallowed by YAML syntax\n`,
  );
  if (violations.length > 0) {
    mkdirSync(saveDir, { recursive: true });
    for (const v of violations.slice(0, 50)) {
      let saved = '';
      if (v.input) {
        const file = path.join(saveDir, `${v.index}-${path.basename(v.seed.replace(/#.*$/, ''))}`);
        writeFileSync(file, Buffer.from(v.input, 'base64'));
        saved = `\n    input saved: ${file}`;
      }
      process.stdout.write(
        `VIOLATION ${v.invariant} at input ${v.index} (${v.seed}; ${v.ops.join(', ') || '-'})${saved}\n` +
          `    replay: node scripts/fuzz.mjs --seed ${seed} --count ${count} --only ${v.index}\n` +
          v.detail.split('\n').slice(0, 8).map((l) => `    ${l}\n`).join(''),
      );
    }
    if (violations.length > 50) process.stdout.write(`… ${violations.length - 50} more\n`);
    const tally = new Map();
    for (const v of violations) tally.set(v.invariant, (tally.get(v.invariant) ?? 0) + 1);
    process.stdout.write(`fuzz: violations by invariant: ${[...tally].map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  }
  process.stdout.write(`fuzz: ${results.length} inputs, ${violations.length} violations, ${secs.toFixed(1)} s\n`);
  process.exitCode = violations.length > 0 ? 1 : 0;
}
