#!/usr/bin/env node
// `npm run bench`: the gate's performance against its budgets, in one run (docs/performance.md).
//
//   node scripts/bench.mjs [--sizes 1000,10000,50000] [--quick] [--cli dist/cli/index.js]
//                          [--action dist/index.js] [--seed 1] [--no-fail] [--keep]
//
// For each size it generates a synthetic monorepo (scripts/gen-monorepo.mjs) into a temp dir, then
// times, interleaved, the floor (scripts/bench-floor.mjs: walk + read + js-yaml loadAll of every
// candidate file) and the CLI audit (`node CLI --root DIR --format json --output /dev/null`); each
// child is preloaded with scripts/bench-rss.cjs, which reports its peak RSS. Cold starts of the CLI
// and of the action bundle on an empty directory are compared with bare `node -e 0`.
// Prints a table and PASS/FAIL per budget, writes bench-results/bench.json, exits 1 on a FAIL
// (unless --no-fail) and 2 when it cannot measure (missing CLI bundle, gate crash).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generate } from './gen-monorepo.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const PRELOAD = path.join(HERE, 'bench-rss.cjs');
const FLOOR = path.join(HERE, 'bench-floor.mjs');

const BUDGET = {
  ratioAt10k: 1.5, // gate wall time ≤ 1.5 × floor on the 10k repo
  rssMiBAt10k: 250, // peak RSS of the gate on the 10k repo
  growth: 0.2, // time per manifest, smallest → largest size: < +20 %
  coldCli: 3, // CLI on an empty dir ≤ 3 × bare node
  coldAction: 4, // dist/index.js on an empty workspace ≤ 4 × bare node
};
const SOFT_LIMIT_MS = 6 * 60 * 1000;
const API_FORMULA =
  'API calls per PR run = ceil(changed files / 100) pulls.listFiles pages (≤ 30: 3,000-file cap) ' +
  '+ max(1, ceil(annotations / 50)) checks.create/update (when check-run is on) ' +
  '+ ceil(PR comments / 100) issues.listComments pages + 1 comment create/update (when comment is on). ' +
  'Not measured here: the action end-to-end tests count the calls.';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs one child; resolves wall time (ms), exit code, peak RSS (MiB, when preloaded) and the stdout tail. */
function run(cmd, args, { env = process.env, rssFile, cwd = REPO } = {}) {
  return new Promise((resolve, reject) => {
    const childEnv = rssFile ? { ...env, MDG_BENCH_RSS_FILE: rssFile } : env;
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    // Keep only the tail: the CLI prints every finding as text when --output is a file.
    child.stdout.on('data', (d) => (out = (out + d).slice(-8192)));
    child.stderr.on('data', (d) => (err = (err + d).slice(-8192)));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let rssMiB = null;
      if (rssFile && existsSync(rssFile)) {
        rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
        rmSync(rssFile);
      }
      resolve({ ms, code, rssMiB, out, err });
    });
  });
}

/** Environment of a child that must not see this shell's GitHub Actions context (the bench may run in CI). */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(k) || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function fmtMs(ms) {
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean', default: false },
      cli: { type: 'string', default: 'dist/cli/index.js' },
      action: { type: 'string', default: 'dist/index.js' },
      seed: { type: 'string', default: '1' },
      'no-fail': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: node scripts/bench.mjs [--sizes 1000,10000,50000] [--quick] [--cli PATH] [--action PATH] [--seed S] [--no-fail] [--keep]\n');
    return 0;
  }
  const quick = values.quick;
  const sizes = (values.sizes ?? (quick ? '1000,10000' : '1000,10000,50000')).split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes positive integers, e.g. 1000,10000');
  sizes.sort((a, b) => a - b);
  const repsFor = (n) => (quick ? (n <= 1000 ? 3 : 1) : n <= 1000 ? 5 : n <= 10000 ? 3 : 2);
  const coldRuns = quick ? 5 : 10;
  const cli = path.resolve(REPO, values.cli);
  const action = path.resolve(REPO, values.action);
  if (!existsSync(cli)) {
    process.stderr.write(`bench: CLI bundle ${cli} not found: run \`npm run bundle\` (or pass --cli PATH)\n`);
    return 2;
  }

  const started = Date.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mdg-bench-'));
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAvgAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    },
    cli: path.relative(REPO, cli) || cli,
    action: path.relative(REPO, action) || action,
    seed: values.seed,
    sizes: [],
    coldStart: null,
    budgets: [],
    apiCalls: API_FORMULA,
  };
  const log = (s) => process.stderr.write(s + '\n');
  try {
    // ---- cold start on an empty directory ----
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty);
    const ghOut = path.join(tmp, 'github-output');
    const ghSummary = path.join(tmp, 'github-step-summary');
    const eventPath = path.join(tmp, 'event.json');
    writeFileSync(eventPath, '{}');
    const actionEnv = cleanEnv({
      GITHUB_WORKSPACE: empty,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'bench/bench',
      GITHUB_SHA: '0000000000000000000000000000000000000000',
      GITHUB_OUTPUT: ghOut,
      GITHUB_STEP_SUMMARY: ghSummary,
      INPUT_SCOPE: 'all',
      INPUT_TOKEN: '',
      'INPUT_CHECK-RUN': 'auto',
      'INPUT_FAIL-ON': 'error',
    });
    const haveAction = existsSync(action);
    log(`cold start: ${coldRuns} runs each of node -e 0, the CLI${haveAction ? ' and the action' : ''} on an empty directory`);
    const cold = { bare: [], cli: [], action: [] };
    for (let i = 0; i < coldRuns; i++) {
      cold.bare.push((await run(process.execPath, ['-e', '0'], { env: cleanEnv() })).ms);
      const c = await run(process.execPath, [cli, '--root', empty, '--format', 'json', '--output', '/dev/null'], { env: cleanEnv() });
      if (c.code !== 0) throw new Error(`CLI on an empty directory exited ${c.code}:\n${c.err || c.out}`);
      cold.cli.push(c.ms);
      if (haveAction) {
        writeFileSync(ghOut, '');
        writeFileSync(ghSummary, '');
        const a = await run(process.execPath, [action], { env: actionEnv, cwd: empty });
        if (a.code !== 0) throw new Error(`action on an empty workspace exited ${a.code}:\n${a.err || a.out}`);
        cold.action.push(a.ms);
      }
    }
    const bareMs = median(cold.bare);
    results.coldStart = {
      bareMs,
      cliMs: median(cold.cli),
      cliRatio: median(cold.cli) / bareMs,
      actionMs: haveAction ? median(cold.action) : null,
      actionRatio: haveAction ? median(cold.action) / bareMs : null,
      samples: cold,
    };

    // ---- audits ----
    for (const n of sizes) {
      const dir = path.join(tmp, `repo-${n}`);
      const g0 = Date.now();
      const gen = generate({ manifests: n, seed: values.seed, out: dir });
      const genMs = Date.now() - g0;
      const reps = repsFor(n);
      log(`${n} manifests: generated ${gen.files} files (${(gen.bytes / 2 ** 20).toFixed(1)} MiB) in ${fmtMs(genMs)}; ${reps} × (floor, gate)`);
      const gate = [];
      const floor = [];
      let scanned = null;
      for (let r = 0; r < reps; r++) {
        // Keep the whole bench bounded on a slow or busy machine: past the soft limit, one rep per size.
        if (r > 0 && Date.now() - started > SOFT_LIMIT_MS) {
          log(`  soft time limit reached: stopping after ${r} rep(s)`);
          break;
        }
        const f = await run(process.execPath, ['--require', PRELOAD, FLOOR, dir], { env: cleanEnv(), rssFile: path.join(tmp, 'rss') });
        if (f.code !== 0) throw new Error(`floor exited ${f.code}: ${f.err}`);
        floor.push(f);
        const g = await run(process.execPath, ['--require', PRELOAD, cli, '--root', dir, '--format', 'json', '--output', '/dev/null'], {
          env: cleanEnv(),
          rssFile: path.join(tmp, 'rss'),
        });
        // 0 pass, 1 policy failure (the synthetic repo has findings): both are normal. 2 = crash.
        if (g.code !== 0 && g.code !== 1) throw new Error(`gate exited ${g.code} on ${n} manifests:\n${g.err}`);
        gate.push(g);
        const m = /(\d+) files? scanned, (\d+) manifests?/.exec(g.out);
        if (m) scanned = { files: Number(m[1]), manifests: Number(m[2]) };
        log(`  rep ${r + 1}: floor ${fmtMs(f.ms)} (${f.rssMiB?.toFixed(0)} MiB), gate ${fmtMs(g.ms)} (${g.rssMiB?.toFixed(0)} MiB)`);
      }
      const gateMs = median(gate.map((x) => x.ms));
      const floorMs = median(floor.map((x) => x.ms));
      results.sizes.push({
        manifests: n,
        files: gen.files,
        noiseFiles: gen.noiseFiles,
        bytes: gen.bytes,
        generateMs: genMs,
        gateRecognised: scanned,
        reps: gate.length,
        gateMs,
        floorMs,
        ratio: gateMs / floorMs,
        gateRssMiB: Math.max(...gate.map((x) => x.rssMiB ?? 0)),
        floorRssMiB: Math.max(...floor.map((x) => x.rssMiB ?? 0)),
        // Startup is paid once per run, not per manifest: take it out before dividing.
        usPerManifest: ((gateMs - results.coldStart.cliMs) * 1000) / n,
        samples: { gateMs: gate.map((x) => x.ms), floorMs: floor.map((x) => x.ms) },
      });
      if (!values.keep) rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    results.machine.loadAvgAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
    if (!values.keep) rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }

  // ---- budgets ----
  const budget = (name, actual, limit, pass, note = '') => results.budgets.push({ name, actual, limit, result: pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL', note });
  const at10k = results.sizes.find((s) => s.manifests === 10000);
  if (at10k) {
    budget('10k audit time / floor', at10k.ratio.toFixed(2) + '×', `≤ ${BUDGET.ratioAt10k}×`, at10k.ratio <= BUDGET.ratioAt10k);
    budget('10k audit peak RSS', `${at10k.gateRssMiB.toFixed(0)} MiB`, `≤ ${BUDGET.rssMiBAt10k} MiB`, at10k.gateRssMiB <= BUDGET.rssMiBAt10k);
  } else {
    budget('10k audit time / floor', '-', `≤ ${BUDGET.ratioAt10k}×`, null, 'size 10000 not in --sizes');
    budget('10k audit peak RSS', '-', `≤ ${BUDGET.rssMiBAt10k} MiB`, null, 'size 10000 not in --sizes');
  }
  if (results.sizes.length >= 2) {
    const a = results.sizes[0];
    const b = results.sizes[results.sizes.length - 1];
    const growth = b.usPerManifest / a.usPerManifest - 1;
    results.growth = { from: a.manifests, to: b.manifests, growth };
    budget(
      `time per manifest ${a.manifests} → ${b.manifests}`,
      `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)} % (${a.usPerManifest.toFixed(0)} → ${b.usPerManifest.toFixed(0)} µs)`,
      `< +${BUDGET.growth * 100} %`,
      growth < BUDGET.growth,
      a.manifests === 1000 && b.manifests === 50000 ? '' : 'budget is defined for 1k → 50k',
    );
  } else {
    budget('time per manifest growth', '-', `< +${BUDGET.growth * 100} %`, null, 'needs two sizes');
  }
  const cs = results.coldStart;
  budget('cold start CLI / bare node', `${cs.cliRatio.toFixed(2)}× (${fmtMs(cs.cliMs)} vs ${fmtMs(cs.bareMs)})`, `≤ ${BUDGET.coldCli}×`, cs.cliRatio <= BUDGET.coldCli);
  if (cs.actionRatio !== null) {
    budget('cold start action / bare node', `${cs.actionRatio.toFixed(2)}× (${fmtMs(cs.actionMs)} vs ${fmtMs(cs.bareMs)})`, `≤ ${BUDGET.coldAction}×`, cs.actionRatio <= BUDGET.coldAction);
  } else {
    budget('cold start action / bare node', '-', `≤ ${BUDGET.coldAction}×`, false, `${results.action} not found: run \`npm run bundle\``);
  }

  // ---- report ----
  const rows = [['manifests', 'files', 'gate (median)', 'floor (median)', 'gate/floor', 'gate RSS', 'floor RSS', 'µs/manifest', 'recognised']];
  for (const s of results.sizes) {
    rows.push([
      String(s.manifests),
      String(s.files),
      fmtMs(s.gateMs),
      fmtMs(s.floorMs),
      s.ratio.toFixed(2) + '×',
      `${s.gateRssMiB.toFixed(0)} MiB`,
      `${s.floorRssMiB.toFixed(0)} MiB`,
      s.usPerManifest.toFixed(0),
      s.gateRecognised ? String(s.gateRecognised.manifests) : '?',
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const m = results.machine;
  let text = `\nmodel-deploy-gate benchmark — ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, load ${m.loadAvgAtStart[0]} → ${m.loadAvgAtEnd[0]}\n\n`;
  text += rows.map(line).join('\n') + '\n\n';
  text += `cold start (median of ${coldRuns}): node -e 0 ${fmtMs(cs.bareMs)}, CLI ${fmtMs(cs.cliMs)}` + (cs.actionMs !== null ? `, action ${fmtMs(cs.actionMs)}` : '') + '\n\n';
  const bw = Math.max(...results.budgets.map((b) => b.name.length));
  for (const b of results.budgets) text += `${b.result.padEnd(4)}  ${b.name.padEnd(bw)}  ${b.actual}  (budget ${b.limit})${b.note ? ` — ${b.note}` : ''}\n`;
  text += `\n${API_FORMULA}\n`;
  process.stdout.write(text);
  const outDir = path.join(REPO, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'bench.json'), JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(`\nwrote ${path.relative(process.cwd(), path.join(outDir, 'bench.json'))}\n`);
  const failed = results.budgets.some((b) => b.result === 'FAIL');
  return failed && !values['no-fail'] ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
