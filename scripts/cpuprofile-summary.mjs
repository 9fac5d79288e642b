#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`) — self time by function, by source file and
// by package/folder, plus inclusive time of the functions that dominate — as Markdown tables.
// Frames in an ncc bundle are mapped back to their original source through the bundle's
// `.js.map` (node:module SourceMap), so `dist/cli/index.js:1:234567` reads `src/load/files.ts:88`.
//
//   node scripts/cpuprofile-summary.mjs FILE.cpuprofile… [--top 25] [--focus fnA,fnB] [--json]
//   (several profiles of repeated runs are summed)
//   (--focus: inclusive time of the functions of those names, e.g. the phases of a run)
//
// Also reads a sampling heap profile (`node --heap-prof`, .heapprofile): self bytes by allocating
// function, file and package (what is still live when the profile is written, i.e. at exit).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const maps = new Map();
function sourceMapFor(url) {
  if (maps.has(url)) return maps.get(url);
  let sm = null;
  try {
    const file = url.startsWith('file://') ? fileURLToPath(url) : url;
    if (file && existsSync(file + '.map')) sm = new SourceMap(JSON.parse(readFileSync(file + '.map', 'utf8')));
  } catch {
    sm = null;
  }
  maps.set(url, sm);
  return sm;
}

/** `webpack://model-deploy-gate/./src/x.ts`, `../../node_modules/js-yaml/…` → `src/x.ts`, `node_modules/js-yaml/…`. */
function cleanSource(s) {
  const i = s.search(/(?:^|\/)(?:src|node_modules)\//);
  if (i >= 0) return s.slice(s[i] === '/' ? i + 1 : i);
  return s.replace(/^webpack:\/\/[^/]*\/\.?\/?/, '');
}

/** {fn, file, line, pkg} of a call frame, through the source map when there is one. */
function locate(cf) {
  const name = cf.functionName || '(anonymous)';
  if (!cf.url) {
    // V8 pseudo-frames and native code (C++ bindings show their JS name with no url).
    const pseudo = /^\((garbage collector|program|idle|root)\)$/.test(name);
    return { fn: name, file: pseudo ? name : '(native)', line: 0, pkg: pseudo ? name : '(native)' };
  }
  if (cf.url.startsWith('node:')) return { fn: name, file: cf.url, line: cf.lineNumber + 1, pkg: 'node: built-ins' };
  const sm = sourceMapFor(cf.url);
  if (sm && cf.lineNumber >= 0) {
    const e = sm.findEntry(cf.lineNumber, cf.columnNumber);
    if (e && e.originalSource) {
      // A package's own map (js-yaml's dist → its src/…): keep the package in front of its sources.
      const own = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(cf.url);
      const src = cleanSource(e.originalSource);
      const file = own && !src.startsWith('node_modules/') ? `node_modules/${own[1]}/${src}` : src;
      return { fn: e.name && name === '(anonymous)' ? e.name : name, file, line: e.originalLine + 1, pkg: pkgOf(file) };
    }
  }
  const file = cf.url.startsWith('file://') ? path.relative(process.cwd(), fileURLToPath(cf.url)) : cf.url;
  return { fn: name, file, line: cf.lineNumber + 1, pkg: pkgOf(file) };
}

function pkgOf(file) {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (nm) return nm[1];
  const src = /^src\/([^/]+)(\/|$)/.exec(file);
  if (src) return src[2] ? `src/${src[1]}/` : 'src/ (top)';
  return file;
}

function table(rows, headers) {
  const out = [`| ${headers.join(' | ')} |`, `|${headers.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  return out.join('\n');
}
const pct = (x, total) => `${((100 * x) / total).toFixed(1)} %`;

function cpu(profiles, top, focus = []) {
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  const fnSelf = new Map();
  const fileSelf = new Map();
  const pkgSelf = new Map();
  const fnIncl = new Map();
  const fileIncl = new Map();
  const nameIncl = new Map();
  let total = 0;
  let nSamples = 0;
  // Several profiles (repeated runs) are summed: shares are then over all of them.
  for (const profile of profiles) {
    const self = new Map();
    // timeDeltas[i] is the time since the previous sample: it belongs to sample i-1's frame.
    const { samples, timeDeltas } = profile;
    nSamples += samples.length;
    for (let i = 0; i < samples.length; i++) {
      const dt = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
      self.set(samples[i], (self.get(samples[i]) ?? 0) + Math.max(0, dt));
    }
    for (const v of self.values()) total += v;
    const loc = new Map(profile.nodes.map((n) => [n.id, locate(n.callFrame)]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    for (const n of profile.nodes) {
      const t = self.get(n.id) ?? 0;
      if (t === 0) continue;
      const l = loc.get(n.id);
      add(fnSelf, `${l.fn} — ${l.file}${l.line ? ':' + l.line : ''}`, t);
      add(fileSelf, l.file, t);
      add(pkgSelf, l.pkg, t);
      // Inclusive: credit t once to every distinct function (and file, and bare name) on the stack.
      const seen = new Set();
      for (let id = n.id; id !== undefined; id = parent.get(id)) {
        const a = loc.get(id);
        const k = `${a.fn} — ${a.file}${a.line ? ':' + a.line : ''}`;
        if (!seen.has(k)) {
          seen.add(k);
          add(fnIncl, k, t);
        }
        if (!seen.has('file:' + a.file)) {
          seen.add('file:' + a.file);
          add(fileIncl, a.file, t);
        }
        if (!seen.has('name:' + a.fn)) {
          seen.add('name:' + a.fn);
          add(nameIncl, a.fn, t);
        }
      }
    }
  }
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  const ms = (us) => (us / 1000).toFixed(0);
  let md = `${profiles.length} profile(s): ${(total / 1e6).toFixed(2)} s sampled, ${nSamples} samples.\n\n`;
  md += `### Self time by function (top ${top})\n\n`;
  md += table(sorted(fnSelf).slice(0, top).map(([k, v], i) => [String(i + 1), k.replace(/\|/g, '\\|'), ms(v), pct(v, total)]), ['#', 'function — source', 'ms', 'share']) + '\n\n';
  md += `### Self time by source file (top ${top})\n\n`;
  md += table(sorted(fileSelf).slice(0, top).map(([k, v]) => [k, ms(v), pct(v, total)]), ['file', 'ms', 'share']) + '\n\n';
  md += `### Self time by package / src folder\n\n`;
  md += table(sorted(pkgSelf).map(([k, v]) => [k, ms(v), pct(v, total)]), ['package', 'ms', 'share']) + '\n\n';
  md += `### Inclusive time (top ${top}, excluding (root)/(program)/(idle)/(garbage collector))\n\n`;
  md += table(
    sorted(fnIncl)
      .filter(([k]) => !/^\((root|program|idle|garbage collector)\)/.test(k))
      .slice(0, top)
      .map(([k, v]) => [k.replace(/\|/g, '\\|'), ms(v), pct(v, total)]),
    ['function — source', 'ms', 'share'],
  ) + '\n';
  md += `\n### Inclusive time by source file (top ${top})\n\n`;
  md += table(
    sorted(fileIncl)
      .filter(([k]) => !/^\((root|program|idle|garbage collector)\)/.test(k))
      .slice(0, top)
      .map(([k, v]) => [k, ms(v), pct(v, total)]),
    ['file', 'ms', 'share'],
  ) + '\n';
  if (focus.length) {
    md += `\n### Inclusive time of chosen functions (by name)\n\n`;
    md += table(focus.map((f) => [f, ms(nameIncl.get(f) ?? 0), pct(nameIncl.get(f) ?? 0, total)]), ['function', 'ms', 'share']) + '\n';
  }
  return { md, json: { totalUs: total, fnSelf: sorted(fnSelf).slice(0, 100), fileSelf: sorted(fileSelf), pkgSelf: sorted(pkgSelf), fnIncl: sorted(fnIncl).slice(0, 100) } };
}

function heap(profile, top) {
  const fnSelf = new Map();
  const fileSelf = new Map();
  const pkgSelf = new Map();
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  let total = 0;
  const walk = (n) => {
    const bytes = (n.selfSize ?? 0) || 0;
    if (bytes > 0) {
      const l = locate(n.callFrame);
      add(fnSelf, `${l.fn} — ${l.file}${l.line ? ':' + l.line : ''}`, bytes);
      add(fileSelf, l.file, bytes);
      add(pkgSelf, l.pkg, bytes);
      total += bytes;
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(profile.head);
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  const mib = (b) => (b / 2 ** 20).toFixed(1);
  let md = `Sampled live heap at profile end: ${mib(total)} MiB.\n\n`;
  md += `### Live bytes by allocating function (top ${top})\n\n`;
  md += table(sorted(fnSelf).slice(0, top).map(([k, v], i) => [String(i + 1), k.replace(/\|/g, '\\|'), mib(v), pct(v, total)]), ['#', 'function — source', 'MiB', 'share']) + '\n\n';
  md += `### Live bytes by source file (top ${top})\n\n`;
  md += table(sorted(fileSelf).slice(0, top).map(([k, v]) => [k, mib(v), pct(v, total)]), ['file', 'MiB', 'share']) + '\n\n';
  md += `### Live bytes by package / src folder\n\n`;
  md += table(sorted(pkgSelf).map(([k, v]) => [k, mib(v), pct(v, total)]), ['package', 'MiB', 'share']) + '\n';
  return { md, json: { totalBytes: total, fnSelf: sorted(fnSelf).slice(0, 100), fileSelf: sorted(fileSelf), pkgSelf: sorted(pkgSelf) } };
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, json: { type: 'boolean', default: false }, focus: { type: 'string', default: '' } } });
if (positionals.length < 1) {
  process.stderr.write('Usage: node scripts/cpuprofile-summary.mjs FILE.cpuprofile… | FILE.heapprofile [--top N] [--focus fnA,fnB] [--json]\n');
  process.exit(2);
}
const profs = positionals.map((f) => JSON.parse(readFileSync(f, 'utf8')));
const r = profs[0].head ? heap(profs[0], Number(values.top)) : cpu(profs, Number(values.top), values.focus.split(',').filter(Boolean));
process.stdout.write(values.json ? JSON.stringify(r.json, null, 2) + '\n' : r.md);
