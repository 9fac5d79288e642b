// Memory/phase probe for one gate run (not used by `npm run bench`; for profiling notes):
//
//   MDG_MEMPROBE_FILE=/tmp/probe.json node --expose-gc --require scripts/bench-memprobe.cjs \
//     dist/cli/index.js --root DIR --format json --output /tmp/report.json
//
// The CLI does its file I/O synchronously through node:fs, so the probe hooks fs to timestamp the
// phases without touching the source: start → first readdirSync (start-up, config) → first openSync
// (the walk) → last openSync (read + parse of every candidate) → writeFileSync of the report
// (recognise, inventory, rules, render) → exit. At each checkpoint it records process.memoryUsage()
// and, with --expose-gc, the live heap after a full GC (which distorts the timings: use a separate
// run for time). Output: JSON to $MDG_MEMPROBE_FILE.
// Phases marked by the engine are checkpoints too (`phase:rules` … as snapshot tags).
// MDG_MEMPROBE_SNAPSHOT=open:14900,report also writes V8 heap snapshots (after a GC) when the 14,900th
// file is opened and before the report is written: summarise them with scripts/heapsnapshot-summary.mjs.
'use strict';
const fs = require('node:fs');
const v8 = require('node:v8');
const { syncBuiltinESMExports } = require('node:module');

const out = process.env.MDG_MEMPROBE_FILE;
if (out) {
  const t0 = process.hrtime.bigint();
  const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
  const MiB = (b) => Math.round((b / 2 ** 20) * 10) / 10;
  const points = [];
  let peakRss = 0;
  const mem = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    return { rss: MiB(m.rss), heapTotal: MiB(m.heapTotal), heapUsed: MiB(m.heapUsed), external: MiB(m.external), arrayBuffers: MiB(m.arrayBuffers) };
  };
  const checkpoint = (label, { live = false } = {}) => {
    const p = { label, ms: Math.round(ms()), ...mem() };
    if (live && typeof global.gc === 'function') {
      global.gc();
      p.liveHeapAfterGc = MiB(process.memoryUsage().heapUsed);
      p.spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, MiB(s.space_used_size)]));
    }
    points.push(p);
  };
  const snapAt = new Set((process.env.MDG_MEMPROBE_SNAPSHOT ?? '').split(',').filter(Boolean));
  const snapshots = [];
  const snapshot = (tag) => {
    if (!snapAt.has(tag)) return;
    if (typeof global.gc === 'function') global.gc();
    const file = `${out.replace(/\.json$/, '')}.${tag.replace(/[^a-z0-9]+/gi, '-')}.heapsnapshot`;
    v8.writeHeapSnapshot(file);
    snapshots.push({ tag, file });
  };
  checkpoint('preload');
  // The engine marks its phases through this hook (src/engine.ts phase()): walk, load, inventory, rules, result.
  globalThis[Symbol.for('model-deploy-gate.phase')] = (name) => {
    if (name === 'load' || name === 'result') checkpoint(`phase ${name}`, { live: true });
    else checkpoint(`phase ${name}`);
    snapshot(`phase:${name}`);
  };
  let readdirs = 0;
  let opens = 0;
  let lastOpenMs = 0;
  let lastOpenMem = null;
  const origReaddir = fs.readdirSync;
  fs.readdirSync = function (...args) {
    if (readdirs++ === 0) checkpoint('walk starts (start-up + config done)');
    return origReaddir.apply(this, args);
  };
  const origOpen = fs.openSync;
  fs.openSync = function (...args) {
    if (opens === 0) checkpoint('load starts (walk done)', { live: true });
    opens++;
    if (opens % 2500 === 0) checkpoint(`${opens} files opened`, { live: true });
    snapshot(`open:${opens}`);
    lastOpenMs = ms();
    lastOpenMem = mem();
    return origOpen.apply(this, args);
  };
  const origWrite = fs.writeFileSync;
  fs.writeFileSync = function (...args) {
    const target = String(args[0]);
    const isReport = typeof args[1] === 'string' && args[1].length > 1024;
    if (isReport) {
      points.push({ label: `last file opened (#${opens})`, ms: Math.round(lastOpenMs), ...lastOpenMem });
      checkpoint(`report rendered (${MiB(Buffer.byteLength(args[1]))} MiB string), before write`, { live: true });
      snapshot('report');
    }
    const r = origWrite.apply(this, args);
    if (isReport) checkpoint(`report written to ${target.split('/').pop()}`);
    return r;
  };
  syncBuiltinESMExports();
  process.on('exit', () => {
    checkpoint('exit');
    const ru = process.resourceUsage();
    origWrite(
      out,
      JSON.stringify({ points, snapshots, opens, readdirs, maxRssMiB: MiB(ru.maxRSS * 1024), peakSampledRssMiB: MiB(peakRss), userMs: ru.userCPUTime / 1000, systemMs: ru.systemCPUTime / 1000 }, null, 2) + '\n',
    );
  });
}
