#!/usr/bin/env node
// `npm run bench`: the gate against the budgets of issue #12, measured the way a user runs it.
//
//   node scripts/bench.mjs [--quick] [--sizes 2000,10000,50000] [--reps N] [--noise 0.5] [--seed 1]
//                          [--cli dist/cli/index.js] [--action dist/index.js] [--spectral PATH | --no-spectral]
//                          [--cache DIR] [--fresh] [--no-fail]
//
// What it does, in one run (so that machine load hits every figure alike):
//  - corpus: scripts/gen-monorepo.mjs writes N manifests + N × --noise (default 0.5) unrelated files
//    (workflows, package.json, Kubernetes, OpenAPI, conda, docs configs, …) into a temp dir outside
//    the repo, cached by (N, seed, noise, generator source hash); the noise ratio is printed and kept.
//  - per size, interleaved rep by rep: the floor (scripts/bench-floor.mjs: walk + read + js-yaml
//    loadAll of every candidate, summary JSON to a file) and the gate
//    (`node CLI --root DIR --format json --output FILE`: the full JSON report to a real file); at
//    10k also the pull-request run (`--changed-from HEAD~1` after a commit that changes 10
//    manifests); at 2k, after those reps, Spectral 6 with bench/spectral/.spectral.yaml over the
//    same files when it is installed. Wall time: median (min–max) of the reps, one unmeasured
//    warm-up first. Peak RSS and CPU time: GNU `/usr/bin/time -f '%M %U %S'` (getrusage of the
//    child) when it works here, else the preload scripts/bench-rss.cjs (process.resourceUsage() at
//    exit). A size whose runs took more wall than CPU time is flagged BUSY: another process
//    competed for the CPU and its figures are not to be trusted.
//    Spectral (optional, git-ignored): npm install --prefix bench/.spectral @stoplight/spectral-cli@6
//  - cold start: `node CLI --version` and the action bundle with no inputs on an empty workspace,
//    against bare `node -e 0` (interleaved, median of 15).
// Prints a table and PASS/FAIL per budget, writes bench-results/bench.json (git-ignored), exits 1 on
// a FAIL (unless --no-fail) and 2 when it cannot measure (missing bundle, gate crash).
// Budgets live here, never as timing assertions in tests.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generate } from './gen-monorepo.mjs';
import { candidates } from './bench-floor.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const PRELOAD = path.join(HERE, 'bench-rss.cjs');
const FLOOR = path.join(HERE, 'bench-floor.mjs');
const GEN = path.join(HERE, 'gen-monorepo.mjs');
const RULESET = path.join(REPO, 'bench', 'spectral', '.spectral.yaml');
const SPECTRAL_ONE_LINER = 'npm install --prefix bench/.spectral @stoplight/spectral-cli@6';

// Issue #12's goals. MiB = 2^20 bytes (ru_maxrss is in KiB).
const BUDGET = {
  ratioAt10k: 1.0, // 10k audit wall time ≤ 1.0 × the floor, JSON report written to a file
  rssMiBAt10k: 150, // peak RSS at 10k
  growth: 1.2, // time per manifest 50k / 2k
  rssMiBAt50k: 400, // peak RSS at 50k (strictly under)
  spectral: 20, // Spectral time / gate time at 2k, at least
  coldCli: 2, // `node CLI --version` ≤ 2 × `node -e 0`
  coldAction: 3, // action bundle, empty workspace, ≤ 3 × `node -e 0`
  pr: 0.5, // PR run with 10 changed files ≤ 0.5 × the full audit (10k)
};
const SOFT_LIMIT_MS = 5.5 * 60 * 1000; // past this, no rep beyond the minimum
const MIN_REPS = 3;
// Median wall / CPU time of a size's runs above these: another process competed for the CPU. On an
// idle 2-core machine the gate sits at 0.68–0.79 (GC helper threads add CPU time), the floor at 0.77–0.93.
const CONTENDED = { gate: 0.95, floor: 1.1 };
const PR_CHANGES = 10;
const API_FORMULA =
  'API calls per PR run = ceil(changed files / 100) pulls.listFiles pages (≤ 30: 3,000-file cap) ' +
  '+ max(1, ceil(annotations / 50)) checks.create/update (when check-run is on) ' +
  '+ ceil(PR comments / 100) issues.listComments pages + 1 comment create/update (when comment is on). ' +
  'Not measured here: the action end-to-end tests count the calls.';

const log = (s) => process.stderr.write(s + '\n');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, samples: xs.map((x) => Math.round(x * 10) / 10) });
const round = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
function fmtMs(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '-';
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}
const fmtStat = (s) => `${fmtMs(s.median)} (${fmtMs(s.min)}–${fmtMs(s.max)})`;
const fmtN = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** Environment of a child that must not see this shell's GitHub Actions context (the bench may run in CI). */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(k) || k === 'NODE_OPTIONS' || k === 'CI') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/**
 * Peak-RSS method: GNU time's %M (ru_maxrss of the waited-for child, KiB) if it runs here and agrees
 * with the in-process figure; else the --require preload. Decided once, recorded in bench.json.
 */
function pickRssMethod(tmp) {
  const probe = path.join(tmp, 'rss-probe');
  const viaPreload = () => {
    spawnSync(process.execPath, ['--require', PRELOAD, '-e', 'Buffer.alloc(64 << 20, 1)'], { env: { ...cleanEnv(), MDG_BENCH_RSS_FILE: probe } });
    return parseTimeFile(probe, { preload: true }).kib;
  };
  const preloadKiB = viaPreload();
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', probe, process.execPath, '-e', 'Buffer.alloc(64 << 20, 1)'], { env: cleanEnv() });
    const kib = r.status === 0 ? parseTimeFile(probe).kib : NaN;
    // Same allocation both ways; a 4× disagreement would be the old GNU time page-size bug.
    if (Number.isFinite(kib) && Number.isFinite(preloadKiB) && Math.abs(kib / preloadKiB - 1) < 0.15) {
      return { method: '/usr/bin/time -f "%M %U %S" (ru_maxrss and CPU time of the child)', useTime: true, probeKiB: { time: kib, preload: preloadKiB } };
    }
  }
  if (!Number.isFinite(preloadKiB)) throw new Error('cannot measure peak RSS: neither /usr/bin/time nor the scripts/bench-rss.cjs preload works');
  return { method: '--require scripts/bench-rss.cjs (process.resourceUsage() maxRSS and CPU time at exit)', useTime: false, probeKiB: { preload: preloadKiB } };
}

/** `KiB [userSeconds sysSeconds]` (GNU time -f '%M %U %S', or the preload's `KiB userMs sysMs`): last line. */
function parseTimeFile(file, { preload = false } = {}) {
  if (!existsSync(file)) return { kib: NaN, cpuMs: NaN };
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const [kib, u, sy] = lines[lines.length - 1].trim().split(/\s+/).map(Number);
  const cpuMs = u === undefined || sy === undefined ? NaN : preload ? u + sy : (u + sy) * 1000;
  return { kib, cpuMs };
}

/**
 * Runs one child. Resolves wall time (ms, spawn → exit), exit code, peak RSS (MiB, when rss is on)
 * and the tails of stdout/stderr.
 */
function run(cmd, args, { env = cleanEnv(), cwd = REPO, rss = null } = {}) {
  return new Promise((resolve, reject) => {
    let file = cmd;
    let argv = args;
    let childEnv = env;
    if (rss?.useTime) {
      file = '/usr/bin/time';
      argv = ['-f', '%M %U %S', '-o', rss.file, cmd, ...args];
    } else if (rss) {
      childEnv = { ...env, MDG_BENCH_RSS_FILE: rss.file };
      if (cmd === process.execPath) argv = ['--require', PRELOAD, ...args];
    }
    if (rss) rmSync(rss.file, { force: true });
    const t0 = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out = (out + d).slice(-8192)));
    child.stderr.on('data', (d) => (err = (err + d).slice(-8192)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let rssMiB = null;
      let cpuMs = null;
      if (rss) {
        const t = parseTimeFile(rss.file, { preload: !rss.useTime });
        rssMiB = Number.isFinite(t.kib) ? t.kib / 1024 : null;
        cpuMs = Number.isFinite(t.cpuMs) ? t.cpuMs : null;
      }
      resolve({ ms, code: code ?? (signal ? 128 : 0), rssMiB, cpuMs, out, err });
    });
  });
}

function git(cwd, ...args) {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...cleanEnv(),
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@example.invalid',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@example.invalid',
      GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
    },
    maxBuffer: 256 << 20,
  });
}

/** The synthetic monorepo for (n, seed, noise), generated once into the cache and reused. */
function corpus({ cacheRoot, n, seed, noise, genHash, fresh }) {
  const key = `m${n}-s${seed}-r${noise}-${genHash}`;
  const base = path.join(cacheRoot, key);
  const tree = path.join(base, 'tree');
  const statsFile = path.join(base, 'stats.json');
  if (!fresh && existsSync(statsFile) && existsSync(tree)) {
    return { tree, base, cached: true, gen: JSON.parse(readFileSync(statsFile, 'utf8')) };
  }
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  const t0 = Date.now();
  const gen = generate({ manifests: n, seed, out: tree, noise });
  gen.generateMs = Date.now() - t0;
  writeFileSync(statsFile, JSON.stringify(gen, null, 2) + '\n');
  return { tree, base, cached: false, gen };
}

/**
 * Makes the tree a git repository (commit 1: everything) with a second commit that changes
 * PR_CHANGES managed online deployments (instance_count + 1), spread evenly over the tree.
 * Idempotent: a cached tree keeps its two commits.
 */
function preparePr(c) {
  const marker = path.join(c.base, 'pr.json');
  if (existsSync(marker) && existsSync(path.join(c.tree, '.git'))) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(path.join(c.tree, '.git'), { recursive: true, force: true });
  const t0 = Date.now();
  git(c.tree, 'init', '-q');
  git(c.tree, 'add', '.');
  git(c.tree, 'commit', '-q', '-m', 'synthetic monorepo');
  const deployments = git(c.tree, 'ls-files')
    .split('\n')
    .filter((f) => /\/(blue|green)-deployment\.yml$/.test(f) && !f.includes('kubernetes-'))
    .sort();
  const step = Math.max(1, Math.floor(deployments.length / PR_CHANGES));
  const changed = [];
  for (let i = 0; i < deployments.length && changed.length < PR_CHANGES; i += step) {
    const abs = path.join(c.tree, deployments[i]);
    const text = readFileSync(abs, 'utf8');
    const next = text.replace(/^instance_count: (\d+)$/m, (_, k) => `instance_count: ${Number(k) + 1}`);
    if (next === text) continue;
    writeFileSync(abs, next);
    changed.push(deployments[i]);
  }
  git(c.tree, 'commit', '-q', '-a', '-m', `change ${changed.length} deployments`);
  const pr = { changed, gitSetupMs: Date.now() - t0 };
  writeFileSync(marker, JSON.stringify(pr, null, 2) + '\n');
  return pr;
}

/** Spectral CLI: --spectral, $SPECTRAL, bench/.spectral (git-ignored), node_modules/.bin, PATH. Never downloads. */
function findSpectral(explicit) {
  const tries = [
    explicit,
    process.env.SPECTRAL,
    path.join(REPO, 'bench', '.spectral', 'node_modules', '.bin', 'spectral'),
    path.join(REPO, 'node_modules', '.bin', 'spectral'),
  ].filter(Boolean);
  for (const p of tries) if (existsSync(p)) return path.resolve(p);
  const which = spawnSync('sh', ['-c', 'command -v spectral'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

function readReport(file) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return {
      bytes: statSync(file).size,
      mode: r.scope?.mode,
      filesScanned: r.scope?.filesScanned,
      manifests: r.scope?.manifests,
      findings: Array.isArray(r.findings) ? r.findings.length : null,
      errors: r.summary?.errors,
      warnings: r.summary?.warnings,
      notices: r.summary?.notices,
    };
  } catch (err) {
    return { error: `report unreadable: ${err.message}` };
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean', default: false },
      reps: { type: 'string' },
      noise: { type: 'string', default: '0.5' },
      seed: { type: 'string', default: '1' },
      cli: { type: 'string', default: 'dist/cli/index.js' },
      action: { type: 'string', default: 'dist/index.js' },
      spectral: { type: 'string' },
      'no-spectral': { type: 'boolean', default: false },
      cache: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'no-fail': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: node scripts/bench.mjs [--quick] [--sizes 2000,10000,50000] [--reps N] [--noise 0.5] [--seed S]\n' +
        '                              [--cli PATH] [--action PATH] [--spectral PATH | --no-spectral] [--cache DIR] [--fresh] [--no-fail]\n' +
        `Spectral (optional, git-ignored): ${SPECTRAL_ONE_LINER}\n`,
    );
    return 0;
  }
  const quick = values.quick;
  const sizes = (values.sizes ?? (quick ? '2000,10000' : '2000,10000,50000')).split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes positive integers, e.g. 2000,10000');
  sizes.sort((a, b) => a - b);
  const noise = Number(values.noise);
  if (!(noise >= 0)) throw new Error('--noise takes a number ≥ 0 (unrelated files per manifest)');
  const fixedReps = values.reps !== undefined ? Number(values.reps) : null;
  if (fixedReps !== null && !(Number.isInteger(fixedReps) && fixedReps >= 1)) throw new Error('--reps takes a positive integer');
  const repsFor = (n) => fixedReps ?? (quick ? 3 : n <= 2000 ? 7 : n <= 10000 ? 5 : 3);
  const spectralReps = fixedReps ?? (quick ? 1 : 3);
  const coldRuns = quick ? 9 : 15;
  const cli = path.resolve(REPO, values.cli);
  const action = path.resolve(REPO, values.action);
  if (!existsSync(cli)) {
    log(`bench: CLI bundle ${cli} not found: run \`npm run bundle\` (or pass --cli PATH)`);
    return 2;
  }
  const prSize = sizes.includes(10000) ? 10000 : null;
  const spectralSize = sizes.includes(2000) ? 2000 : null;
  const spectral = values['no-spectral'] ? null : findSpectral(values.spectral);

  const started = Date.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mdg-bench-run-'));
  const cacheRoot = path.resolve(values.cache ?? path.join(os.tmpdir(), 'mdg-bench-corpus'));
  const genHash = createHash('sha256').update(readFileSync(GEN)).digest('hex').slice(0, 10);
  const rssMethod = pickRssMethod(tmp);
  const cpus = os.cpus();
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      v8: process.versions.v8,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      loadAvgAtStart: os.loadavg().map((x) => round(x)),
    },
    cli: path.relative(REPO, cli) || cli,
    action: path.relative(REPO, action) || action,
    gitHead: (() => {
      try {
        return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
      } catch {
        return null;
      }
    })(),
    options: { quick, sizes, seed: values.seed, noisePerManifest: noise, reps: Object.fromEntries(sizes.map((n) => [n, repsFor(n)])), coldRuns, spectralReps },
    method: {
      wall: 'spawn → exit of the child, monotonic clock; median (min–max) of interleaved reps after one unmeasured warm-up',
      rss: rssMethod.method,
      rssProbeKiB: rssMethod.probeKiB,
      gate: 'node CLI --root DIR --format json --output FILE',
      floor: 'node scripts/bench-floor.mjs DIR --output FILE (walk + read + js-yaml loadAll of every candidate)',
      perManifest: '(gate median − CLI fixed cost on an empty directory) / manifests',
      corpusCache: cacheRoot,
    },
    budgets: BUDGET,
    coldStart: null,
    sizes: [],
    pr: null,
    spectral: null,
    verdicts: [],
    apiCalls: API_FORMULA,
  };
  const elapsed = () => Date.now() - started;
  const gateOut = path.join(tmp, 'gate-report.json');
  const prOut = path.join(tmp, 'pr-report.json');
  const floorOut = path.join(tmp, 'floor-summary.json');
  const spectralOut = path.join(tmp, 'spectral.json');
  const rss = { useTime: rssMethod.useTime, file: path.join(tmp, 'rss') };
  log(`bench: Node ${process.version}, ${cpus.length} CPUs, load ${results.machine.loadAvgAtStart.join(' ')}; peak RSS via ${rssMethod.method}`);

  try {
    // ---- cold start ----
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty);
    const eventPath = path.join(tmp, 'event.json');
    writeFileSync(eventPath, '{}');
    const ghOut = path.join(tmp, 'github-output');
    const ghSummary = path.join(tmp, 'github-step-summary');
    // No inputs at all (INPUT_* stripped), no token, no event name: the action audits the empty
    // workspace ("local run") and exits 0 without touching the network.
    const actionEnv = cleanEnv({ GITHUB_WORKSPACE: empty, GITHUB_EVENT_PATH: eventPath, GITHUB_OUTPUT: ghOut, GITHUB_STEP_SUMMARY: ghSummary });
    const haveAction = existsSync(action);
    log(`cold start: ${coldRuns} × (node -e 0, CLI --version, CLI on an empty dir${haveAction ? ', action on an empty workspace' : ''})`);
    const cold = { bare: [], cliVersion: [], cliEmpty: [], action: [] };
    for (let i = -1; i < coldRuns; i++) {
      const b = await run(process.execPath, ['-e', '0']);
      const v = await run(process.execPath, [cli, '--version']);
      if (v.code !== 0) throw new Error(`CLI --version exited ${v.code}:\n${v.err || v.out}`);
      const e = await run(process.execPath, [cli, '--root', empty, '--format', 'json', '--output', path.join(tmp, 'empty-report.json')]);
      if (e.code !== 0) throw new Error(`CLI on an empty directory exited ${e.code}:\n${e.err || e.out}`);
      let a = null;
      if (haveAction) {
        writeFileSync(ghOut, '');
        writeFileSync(ghSummary, '');
        a = await run(process.execPath, [action], { env: actionEnv, cwd: empty });
        if (a.code !== 0) throw new Error(`action on an empty workspace exited ${a.code}:\n${a.err || a.out}`);
      }
      if (i < 0) continue; // warm-up
      cold.bare.push(b.ms);
      cold.cliVersion.push(v.ms);
      cold.cliEmpty.push(e.ms);
      if (a) cold.action.push(a.ms);
    }
    const bareMs = median(cold.bare);
    results.coldStart = {
      bare: stat(cold.bare),
      cliVersion: stat(cold.cliVersion),
      cliEmpty: stat(cold.cliEmpty),
      action: haveAction ? stat(cold.action) : null,
      cliRatio: median(cold.cliVersion) / bareMs,
      cliEmptyRatio: median(cold.cliEmpty) / bareMs,
      actionRatio: haveAction ? median(cold.action) / bareMs : null,
    };
    const fixedMs = median(cold.cliEmpty);

    // ---- audits ----
    for (const n of sizes) {
      const c = corpus({ cacheRoot, n, seed: values.seed, noise, genHash, fresh: values.fresh });
      const g = c.gen;
      const pr = n === prSize ? preparePr(c) : null;
      const files = candidates(c.tree);
      const noiseRatio = g.noiseFiles / g.manifests;
      log(
        `${fmtN(n)}: ${c.cached ? 'cached' : 'generated'} ${c.tree}: ${g.files} files (${g.manifestFiles} manifest files, ${g.noiseFiles} noise, ${g.templates} templates; ` +
          `noise ${noiseRatio.toFixed(2)}/manifest = ${((g.noiseFiles / g.files) * 100).toFixed(0)} % of files), ${(g.bytes / 2 ** 20).toFixed(1)} MiB`,
      );
      const doSpectral = spectral && n === spectralSize;
      const reps = repsFor(n);
      const floor = [];
      const gate = [];
      const prRuns = [];
      const spec = [];
      let floorSummary = null;
      for (let r = -1; r < reps; r++) {
        if (r >= MIN_REPS && elapsed() > SOFT_LIMIT_MS) {
          log(`  soft time limit (${fmtMs(SOFT_LIMIT_MS)}) passed: stopping after ${r} reps`);
          break;
        }
        const f = await run(process.execPath, [FLOOR, c.tree, '--output', floorOut], { rss });
        if (f.code !== 0) throw new Error(`floor exited ${f.code}: ${f.err}`);
        const gr = await run(process.execPath, [cli, '--root', c.tree, '--format', 'json', '--output', gateOut], { rss });
        // 0 pass, 1 policy failure (the synthetic repo has findings): both normal. 2 = crash or usage.
        if (gr.code !== 0 && gr.code !== 1) throw new Error(`gate exited ${gr.code} on ${n} manifests:\n${gr.err || gr.out}`);
        let p = null;
        if (pr) {
          p = await run(process.execPath, [cli, '--root', c.tree, '--format', 'json', '--output', prOut, '--changed-from', 'HEAD~1'], { rss });
          if (p.code !== 0 && p.code !== 1) throw new Error(`PR-mode gate exited ${p.code}:\n${p.err || p.out}`);
        }
        if (r < 0) {
          floorSummary = JSON.parse(readFileSync(floorOut, 'utf8'));
          continue; // warm-up: page cache, not counted
        }
        floor.push(f);
        gate.push(gr);
        if (p) prRuns.push(p);
        log(
          `  rep ${r + 1}/${reps}: floor ${fmtMs(f.ms)} ${f.rssMiB?.toFixed(0)} MiB, gate ${fmtMs(gr.ms)} ${gr.rssMiB?.toFixed(0)} MiB` +
            (p ? `, PR ${fmtMs(p.ms)} ${p.rssMiB?.toFixed(0)} MiB` : ''),
        );
      }
      // Spectral after the gate's reps (a 40 s, 2-thread, 500 MiB run disturbs the next short one),
      // over the same candidate files as the gate and the floor, named explicitly (no glob cost for
      // it). No warm-up: at ≈ 14 ms a file one run is long enough that its start-up is noise.
      for (let r = 0; doSpectral && r < spectralReps; r++) {
        const s = await run(spectral, ['lint', '-r', RULESET, '-f', 'json', '-o', spectralOut, '-q', ...files], { cwd: c.tree, rss: rss.useTime ? rss : null });
        if (s.code !== 0 && s.code !== 1) {
          log(`  Spectral exited ${s.code}: ${(s.err || s.out).slice(-400)}`);
          break;
        }
        spec.push(s);
        log(`  Spectral ${r + 1}/${spectralReps}: ${fmtMs(s.ms)}${s.rssMiB ? ` ${s.rssMiB.toFixed(0)} MiB` : ''}`);
      }
      const report = readReport(gateOut);
      if (report.manifests !== undefined && report.manifests !== g.manifests) log(`  warning: the gate recognised ${report.manifests} manifests, the generator wrote ${g.manifests}`);
      const gateStat = stat(gate.map((x) => x.ms));
      const floorStat = stat(floor.map((x) => x.ms));
      const entry = {
        manifests: n,
        corpus: {
          dir: c.tree,
          cached: c.cached,
          files: g.files,
          candidateFiles: files.length,
          manifestFiles: g.manifestFiles,
          noiseFiles: g.noiseFiles,
          templates: g.templates,
          projects: g.projects,
          bytes: g.bytes,
          noisePerManifest: round(noiseRatio, 3),
          noiseShareOfFiles: round(g.noiseFiles / g.files, 3),
          generateMs: g.generateMs,
          families: g.families,
        },
        floorSummary,
        gateReport: report,
        reps: gate.length,
        gate: { ...gateStat, rssMiB: stat(gate.map((x) => x.rssMiB ?? NaN)), cpuMs: stat(gate.map((x) => x.cpuMs ?? NaN)) },
        floor: { ...floorStat, rssMiB: stat(floor.map((x) => x.rssMiB ?? NaN)), cpuMs: stat(floor.map((x) => x.cpuMs ?? NaN)) },
        // A run whose wall time is well above its own CPU time waited for the CPU: another process
        // was running (these children are CPU-bound; node's GC threads can even push CPU above wall).
        wallPerCpu: { gate: median(gate.map((x) => x.ms / (x.cpuMs ?? NaN))), floor: median(floor.map((x) => x.ms / (x.cpuMs ?? NaN))) },
        ratio: gateStat.median / floorStat.median,
        pairRatios: gate.map((x, i) => round(x.ms / floor[i].ms, 3)),
        gatePeakRssMiB: Math.max(...gate.map((x) => x.rssMiB ?? 0)),
        floorPeakRssMiB: Math.max(...floor.map((x) => x.rssMiB ?? 0)),
        usPerManifest: ((gateStat.median - fixedMs) * 1000) / n,
        usPerManifestRaw: (gateStat.median * 1000) / n,
      };
      results.sizes.push(entry);
      if (entry.wallPerCpu.gate > CONTENDED.gate || entry.wallPerCpu.floor > CONTENDED.floor) {
        entry.contended = true;
        log(
          `  warning: wall / CPU time ${entry.wallPerCpu.gate.toFixed(2)} (gate), ${entry.wallPerCpu.floor.toFixed(2)} (floor): ` +
            'the machine was busy with other work; these figures are unreliable',
        );
      }
      if (pr) {
        const prStat = stat(prRuns.map((x) => x.ms));
        results.pr = {
          manifests: n,
          changedFiles: pr.changed,
          command: 'node CLI --root DIR --format json --output FILE --changed-from HEAD~1',
          ...prStat,
          rssMiB: stat(prRuns.map((x) => x.rssMiB ?? NaN)),
          report: readReport(prOut),
          fullMs: gateStat.median,
          ratio: prStat.median / gateStat.median,
          pairRatios: prRuns.map((x, i) => round(x.ms / gate[i].ms, 3)),
        };
      }
      if (doSpectral) {
        let findings = null;
        try {
          const sr = JSON.parse(readFileSync(spectralOut, 'utf8'));
          findings = {};
          for (const x of sr) findings[x.code] = (findings[x.code] ?? 0) + 1;
        } catch {
          /* no output */
        }
        const specStat = spec.length ? stat(spec.map((x) => x.ms)) : null;
        results.spectral = {
          bin: spectral,
          version: spawnSync(spectral, ['--version'], { encoding: 'utf8' }).stdout.trim(),
          ruleset: path.relative(REPO, RULESET),
          manifests: n,
          files: files.length,
          ...(specStat ?? { median: null }),
          rssMiB: spec.some((x) => x.rssMiB) ? stat(spec.map((x) => x.rssMiB ?? NaN)) : null,
          gateMs: gateStat.median,
          ratio: specStat ? specStat.median / gateStat.median : null,
          findingsByRule: findings,
        };
      }
    }
  } finally {
    results.machine.loadAvgAtEnd = os.loadavg().map((x) => round(x));
    results.totalMs = elapsed();
    rmSync(tmp, { recursive: true, force: true });
  }

  // ---- budgets ----
  const verdict = (name, actual, limit, pass, note = '') =>
    results.verdicts.push({ name, actual, limit, result: pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL', note });
  const bySize = (n) => results.sizes.find((s) => s.manifests === n);
  const s10 = bySize(10000);
  const s2 = bySize(2000);
  const s50 = bySize(50000);
  const na = (what) => `needs size ${what} (not in --sizes)`;
  verdict('10k audit wall time / floor', s10 ? `${s10.ratio.toFixed(2)}× (${fmtMs(s10.gate.median)} vs ${fmtMs(s10.floor.median)})` : '-', `≤ ${BUDGET.ratioAt10k}×`, s10 ? s10.ratio <= BUDGET.ratioAt10k : null, s10 ? '' : na('10000'));
  verdict('10k audit peak RSS', s10 ? `${s10.gatePeakRssMiB.toFixed(0)} MiB (floor ${s10.floorPeakRssMiB.toFixed(0)})` : '-', `≤ ${BUDGET.rssMiBAt10k} MiB`, s10 ? s10.gatePeakRssMiB <= BUDGET.rssMiBAt10k : null, s10 ? '' : na('10000'));
  if (s2 && s50) {
    const g = s50.usPerManifest / s2.usPerManifest;
    results.growth = { from: 2000, to: 50000, ratio: g, rawRatio: s50.usPerManifestRaw / s2.usPerManifestRaw };
    verdict('time per manifest 50k / 2k', `${g.toFixed(2)}× (${s2.usPerManifest.toFixed(0)} → ${s50.usPerManifest.toFixed(0)} µs; raw ${results.growth.rawRatio.toFixed(2)}×)`, `≤ ${BUDGET.growth}×`, g <= BUDGET.growth);
  } else verdict('time per manifest 50k / 2k', '-', `≤ ${BUDGET.growth}×`, null, na('2000 and 50000'));
  verdict('50k audit peak RSS', s50 ? `${s50.gatePeakRssMiB.toFixed(0)} MiB (floor ${s50.floorPeakRssMiB.toFixed(0)})` : '-', `< ${BUDGET.rssMiBAt50k} MiB`, s50 ? s50.gatePeakRssMiB < BUDGET.rssMiBAt50k : null, s50 ? '' : na('50000'));
  const sp = results.spectral;
  if (sp && sp.ratio !== null) verdict('Spectral / gate at 2k', `${sp.ratio.toFixed(1)}× (${fmtMs(sp.median)} vs ${fmtMs(sp.gateMs)})`, `≥ ${BUDGET.spectral}×`, sp.ratio >= BUDGET.spectral);
  else
    verdict(
      'Spectral / gate at 2k',
      '-',
      `≥ ${BUDGET.spectral}×`,
      null,
      !spectralSize ? na('2000') : values['no-spectral'] ? 'skipped (--no-spectral)' : spectral ? 'Spectral failed to run' : `Spectral not installed: ${SPECTRAL_ONE_LINER}`,
    );
  const cs = results.coldStart;
  verdict('cold start CLI --version / node -e 0', `${cs.cliRatio.toFixed(2)}× (${fmtMs(cs.cliVersion.median)} vs ${fmtMs(cs.bare.median)})`, `≤ ${BUDGET.coldCli}×`, cs.cliRatio <= BUDGET.coldCli);
  if (cs.actionRatio !== null) verdict('cold start action / node -e 0', `${cs.actionRatio.toFixed(2)}× (${fmtMs(cs.action.median)} vs ${fmtMs(cs.bare.median)})`, `≤ ${BUDGET.coldAction}×`, cs.actionRatio <= BUDGET.coldAction);
  else verdict('cold start action / node -e 0', '-', `≤ ${BUDGET.coldAction}×`, false, `${results.action} not found: run \`npm run bundle\``);
  const pr = results.pr;
  verdict(`PR run (${PR_CHANGES} changed) / full audit at 10k`, pr ? `${pr.ratio.toFixed(2)}× (${fmtMs(pr.median)} vs ${fmtMs(pr.fullMs)})` : '-', `≤ ${BUDGET.pr}×`, pr ? pr.ratio <= BUDGET.pr : null, pr ? '' : na('10000'));

  // ---- report ----
  const rows = [['manifests', 'files', 'noise/manif.', 'gate median (min–max)', 'floor median (min–max)', 'gate/floor', 'gate RSS', 'floor RSS', 'µs/manifest', 'recognised', 'reps', 'wall/CPU gate, floor']];
  for (const s of results.sizes) {
    rows.push([
      fmtN(s.manifests),
      String(s.corpus.files),
      s.corpus.noisePerManifest.toFixed(2),
      fmtStat(s.gate),
      fmtStat(s.floor),
      s.ratio.toFixed(2) + '×',
      `${s.gatePeakRssMiB.toFixed(0)} MiB`,
      `${s.floorPeakRssMiB.toFixed(0)} MiB`,
      s.usPerManifest.toFixed(0),
      String(s.gateReport.manifests ?? '?'),
      String(s.reps),
      `${[s.wallPerCpu.gate, s.wallPerCpu.floor].map((x) => (Number.isFinite(x) ? x.toFixed(2) : '-')).join(', ')}${s.contended ? ' BUSY' : ''}`,
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const m = results.machine;
  let text = `\nmodel-deploy-gate benchmark — ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, load ${m.loadAvgAtStart[0]} → ${m.loadAvgAtEnd[0]}, ${fmtMs(results.totalMs)}\n`;
  text += `gate: node ${results.cli} --root DIR --format json --output FILE; floor: walk + read + js-yaml loadAll; RSS: ${rssMethod.method}\n\n`;
  text += rows.map(line).join('\n') + '\n';
  if (results.sizes.some((s) => s.contended))
    text += `BUSY: wall / CPU time above ${CONTENDED.gate} (gate) or ${CONTENDED.floor} (floor) — another process competed for the CPU; rerun on an idle machine\n`;
  text += '\n';
  text += `cold start (median of ${coldRuns}): node -e 0 ${fmtMs(cs.bare.median)}, CLI --version ${fmtMs(cs.cliVersion.median)}, CLI on an empty dir ${fmtMs(cs.cliEmpty.median)}`;
  text += cs.action ? `, action ${fmtMs(cs.action.median)}\n` : '\n';
  if (pr) text += `PR run at 10k (${pr.changedFiles.length} files changed, --changed-from HEAD~1): ${fmtStat(pr)}, ${pr.rssMiB.max.toFixed(0)} MiB, checked ${pr.report.filesScanned} files / ${pr.report.manifests} manifests\n`;
  if (sp) text += `Spectral ${sp.version} (${sp.ruleset}) at 2k, ${sp.files} files: ${sp.median !== null ? fmtStat(sp) : 'failed'}\n`;
  else if (values['no-spectral']) text += 'Spectral: skipped (--no-spectral)\n';
  else if (!spectral) text += `Spectral: not installed — ${SPECTRAL_ONE_LINER}   (or: npx -y @stoplight/spectral-cli@6 lint -r bench/spectral/.spectral.yaml …)\n`;
  text += '\n';
  const bw = Math.max(...results.verdicts.map((b) => b.name.length));
  for (const b of results.verdicts) text += `${b.result.padEnd(4)}  ${b.name.padEnd(bw)}  ${b.actual}  (budget ${b.limit})${b.note ? ` — ${b.note}` : ''}\n`;
  text += `\n${API_FORMULA}\n`;
  process.stdout.write(text);
  const outDir = path.join(REPO, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'bench.json'), JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(`\nwrote ${path.relative(process.cwd(), path.join(outDir, 'bench.json')) || 'bench-results/bench.json'}\n`);
  const failed = results.verdicts.some((b) => b.result === 'FAIL');
  return failed && !values['no-fail'] ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
