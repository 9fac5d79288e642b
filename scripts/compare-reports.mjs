#!/usr/bin/env node
// Behaviour check for performance work: runs two CLI bundles (the old one and the new one) over the
// same repositories and says whether their reports are byte-identical.
//
//   node scripts/compare-reports.mjs --old /tmp/old/dist/cli/index.js [--new dist/cli/index.js]
//        [--formats json,sarif,text,markdown,github] [--pr N] [--seed S] [--bench 2000,10000] [--keep]
//
// Repositories: the fixture corpus (as one root and each of its folders), every real repository under
// __tests__/__fixtures__/realworld/, examples/, and (--bench) the synthetic monorepos the benchmark
// caches in $TMPDIR/mdg-bench-corpus (full audit, and at 10k the pull-request run --changed-from HEAD~1).
// Every repository is run in every format (the JSON report carries findings, lines, inventory, scope).
//
// Pull-request mode (--pr N, default 6 change sets per repository): each repository is copied to a
// temporary git repository, committed, then N seeded change sets are made (files touched, names
// swapped between files so that references move, new untracked files) and both bundles run with
// --changed-from HEAD; the reports must be identical too. Exit 0 when everything is identical, 1 when
// a report differs (the first difference is printed, the files kept under the printed folder).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const FIX = path.join(REPO, '__tests__', '__fixtures__');

const { values } = parseArgs({
  options: {
    old: { type: 'string' },
    new: { type: 'string', default: path.join(REPO, 'dist', 'cli', 'index.js') },
    formats: { type: 'string', default: 'json,sarif,text,markdown,github' },
    pr: { type: 'string', default: '6' },
    seed: { type: 'string', default: '1' },
    bench: { type: 'string', default: '' },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
if (!values.old) {
  process.stderr.write('usage: node scripts/compare-reports.mjs --old OLD/cli/index.js [--new dist/cli/index.js] [--pr N] [--bench 2000,10000]\n');
  process.exit(2);
}
const OLD = path.resolve(values.old);
const NEW = path.resolve(values.new);
const FORMATS = values.formats.split(',').filter(Boolean);
const PR_SETS = Number(values.pr);
const work = mkdtempSync(path.join(os.tmpdir(), 'mdg-compare-'));
let compared = 0;
let differing = 0;

function cleanEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(k) || k === 'NODE_OPTIONS' || k === 'CI') continue;
    env[k] = v;
  }
  return env;
}

/** Runs one bundle; returns the report bytes, the exit code and stderr (stdout carries only the verdict line). */
function runCli(bundle, root, args, out) {
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [bundle, '--root', root, '--output', out, ...args], { cwd: root, env: cleanEnv(), encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, report: existsSync(out) ? readFileSync(out) : Buffer.alloc(0) };
}

function firstDifference(a, b) {
  try {
    const x = JSON.parse(a);
    const y = JSON.parse(b);
    const walk = (u, v, p) => {
      if (JSON.stringify(u) === JSON.stringify(v)) return undefined;
      if (u && v && typeof u === 'object' && typeof v === 'object') {
        for (const k of new Set([...Object.keys(u), ...Object.keys(v)])) {
          const d = walk(u[k], v[k], `${p}/${k}`);
          if (d) return d;
        }
      }
      return `${p}: old ${JSON.stringify(u)?.slice(0, 300)} / new ${JSON.stringify(v)?.slice(0, 300)}`;
    };
    return walk(x, y, '');
  } catch {
    const s = a.toString('utf8');
    const t = b.toString('utf8');
    let i = 0;
    while (i < s.length && s[i] === t[i]) i++;
    return `at character ${i}: old …${JSON.stringify(s.slice(Math.max(0, i - 80), i + 120))} / new …${JSON.stringify(t.slice(Math.max(0, i - 80), i + 120))}`;
  }
}

function compare(label, root, args) {
  const id = `c${compared}`;
  const a = runCli(OLD, root, args, path.join(work, `${id}-old`));
  const b = runCli(NEW, root, args, path.join(work, `${id}-new`));
  compared++;
  const same = a.code === b.code && a.report.equals(b.report) && a.stderr === b.stderr && a.stdout.replace(/→ .*$/m, '') === b.stdout.replace(/→ .*$/m, '');
  if (same) return true;
  differing++;
  const why =
    a.code !== b.code
      ? `exit ${a.code} vs ${b.code}`
      : !a.report.equals(b.report)
        ? firstDifference(a.report, b.report)
        : a.stderr !== b.stderr
          ? `stderr differs: ${JSON.stringify(a.stderr.slice(0, 300))} / ${JSON.stringify(b.stderr.slice(0, 300))}`
          : `stdout differs: ${JSON.stringify(a.stdout.slice(0, 300))} / ${JSON.stringify(b.stdout.slice(0, 300))}`;
  process.stdout.write(`DIFF  ${label} ${args.join(' ')}\n      ${why}\n      reports: ${work}/${id}-old, ${id}-new\n`);
  return false;
}

// ---- seeded change sets for the pull-request mode
function prng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

function listFiles(root) {
  const out = [];
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop();
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== '.git' && e.name !== 'node_modules') stack.push(r);
      } else if (e.isFile()) out.push(r);
    }
  }
  return out.sort();
}

function git(cwd, ...args) {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...cleanEnv(), GIT_AUTHOR_NAME: 'c', GIT_AUTHOR_EMAIL: 'c@example.invalid', GIT_COMMITTER_NAME: 'c', GIT_COMMITTER_EMAIL: 'c@example.invalid' },
    maxBuffer: 256 << 20,
  });
}

const NAME_LINE = /^(\s*(?:-\s+)?"?(?:name|model_name|endpoint_name|compute|model|deployment_compute_target|path)"?\s*:\s*)(.+)$/;

/** One change set: touch some files, move some names/references between files, add an untracked copy. */
function mutate(root, files, rnd) {
  const pick = () => files[Math.floor(rnd() * files.length)];
  const text = (f) => readFileSync(path.join(root, f), 'utf8');
  const changes = [];
  const n = 1 + Math.floor(rnd() * 4);
  // Values of name/reference lines anywhere in the repository, to swap in.
  const pool = [];
  for (let i = 0; i < 40 && pool.length < 30; i++) {
    const f = pick();
    if (!/\.(ya?ml|json)$|MLmodel$/.test(f)) continue;
    for (const line of text(f).split('\n')) {
      const m = NAME_LINE.exec(line);
      if (m && m[2].length < 200) pool.push(m[2]);
    }
  }
  for (let i = 0; i < n; i++) {
    const f = pick();
    const t = text(f);
    const r = rnd();
    if (r < 0.4 || pool.length === 0 || !/\.(ya?ml|json)$|MLmodel$/.test(f)) {
      writeFileSync(path.join(root, f), t.endsWith('\n') ? `${t}\n` : `${t}\n`);
      changes.push(`touch ${f}`);
    } else {
      const lines = t.split('\n');
      const idx = lines.map((l, j) => (NAME_LINE.test(l) ? j : -1)).filter((j) => j >= 0);
      if (idx.length === 0) {
        writeFileSync(path.join(root, f), `${t}\n`);
        changes.push(`touch ${f}`);
        continue;
      }
      const j = idx[Math.floor(rnd() * idx.length)];
      const v = pool[Math.floor(rnd() * pool.length)];
      lines[j] = lines[j].replace(NAME_LINE, (_, k) => `${k}${v}`);
      writeFileSync(path.join(root, f), lines.join('\n'));
      changes.push(`set ${f}:${j + 1} ${v.slice(0, 60)}`);
    }
  }
  if (rnd() < 0.3) {
    const f = pick();
    const dir = path.posix.dirname(pick());
    const dest = path.posix.join(dir === '.' ? '' : dir, `copy-${Math.floor(rnd() * 1e6)}-${path.posix.basename(f)}`);
    cpSync(path.join(root, f), path.join(root, dest));
    changes.push(`add ${dest} (copy of ${f})`);
  }
  return changes;
}

function prRuns(label, src, sets, seed) {
  const root = path.join(work, `pr-${compared}`);
  cpSync(src, root, { recursive: true, filter: (s) => !s.split(path.sep).includes('.git') });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  const files = listFiles(root);
  const rnd = prng(seed);
  for (let i = 0; i < sets; i++) {
    git(root, 'reset', '-q', '--hard');
    git(root, 'clean', '-q', '-fdx');
    const changes = mutate(root, files, rnd);
    if (!compare(`${label} [PR ${i + 1}: ${changes.join('; ')}]`, root, ['--format', 'json', '--changed-from', 'HEAD'])) continue;
  }
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}

const roots = [];
roots.push(['corpus', path.join(FIX, 'corpus')]);
for (const d of readdirSync(path.join(FIX, 'corpus')).sort()) if (statSync(path.join(FIX, 'corpus', d)).isDirectory()) roots.push([`corpus/${d}`, path.join(FIX, 'corpus', d)]);
for (const d of readdirSync(path.join(FIX, 'realworld')).sort()) if (statSync(path.join(FIX, 'realworld', d)).isDirectory()) roots.push([`realworld/${d}`, path.join(FIX, 'realworld', d)]);
roots.push(['examples', path.join(REPO, 'examples')]);
const only = values.only ? new RegExp(values.only) : undefined;

const t0 = Date.now();
let seed = Number(values.seed);
for (const [label, root] of roots) {
  if (only && !only.test(label)) continue;
  for (const format of FORMATS) compare(label, root, ['--format', format]);
  compare(label, root, ['--format', 'json', '--fail-on', 'notice', '--default-stage', 'production']);
  if (PR_SETS > 0) prRuns(label, root, PR_SETS, seed++);
}
// The benchmark's synthetic monorepos (generated and cached by scripts/bench.mjs).
const cache = path.join(os.tmpdir(), 'mdg-bench-corpus');
for (const n of values.bench.split(',').filter(Boolean)) {
  const dir = existsSync(cache) ? readdirSync(cache).find((d) => d.startsWith(`m${n}-s1-r0.5-`)) : undefined;
  if (!dir) {
    process.stdout.write(`skip  bench ${n}: no cached corpus under ${cache} (run npm run bench first)\n`);
    continue;
  }
  const tree = path.join(cache, dir, 'tree');
  compare(`bench ${n}`, tree, ['--format', 'json']);
  if (existsSync(path.join(tree, '.git'))) compare(`bench ${n}`, tree, ['--format', 'json', '--changed-from', 'HEAD~1']);
}
process.stdout.write(`${compared} report pairs compared, ${differing} differ (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
if (!values.keep && differing === 0) rmSync(work, { recursive: true, force: true });
process.exit(differing === 0 ? 0 : 1);
