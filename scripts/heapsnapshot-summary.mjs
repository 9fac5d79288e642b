#!/usr/bin/env node
// Summarises a V8 .heapsnapshot (v8.writeHeapSnapshot, e.g. from scripts/bench-memprobe.cjs):
// self size and count by node type/constructor, plain objects grouped by their property names
// (so `{line, column, endLine, endColumn}` spans show as one row), strings by kind, and Map/Set
// backing stores — as Markdown tables.
//
//   node --max-old-space-size=4096 scripts/heapsnapshot-summary.mjs FILE.heapsnapshot [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
if (positionals.length !== 1) {
  process.stderr.write('Usage: node scripts/heapsnapshot-summary.mjs FILE.heapsnapshot [--top N]\n');
  process.exit(2);
}
const top = Number(values.top);
const snap = JSON.parse(readFileSync(positionals[0], 'utf8'));
const meta = snap.snapshot.meta;
const nf = meta.node_fields;
const ef = meta.edge_fields;
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const N = nf.length;
const E = ef.length;
const iType = nf.indexOf('type');
const iName = nf.indexOf('name');
const iSize = nf.indexOf('self_size');
const iEdges = nf.indexOf('edge_count');
const eType = ef.indexOf('type');
const eName = ef.indexOf('name_or_index');
const eTo = ef.indexOf('to_node');
const { nodes, edges, strings } = snap;

const byCtor = new Map();
const shapes = new Map();
const strKinds = new Map();
let total = 0;
const add = (m, k, size) => {
  const e = m.get(k) ?? { n: 0, bytes: 0 };
  e.n++;
  e.bytes += size;
  m.set(k, e);
};
let edgeIdx = 0;
const propEdge = edgeTypes.indexOf('property');
for (let i = 0; i < nodes.length; i += N) {
  const type = nodeTypes[nodes[i + iType]];
  const name = strings[nodes[i + iName]];
  const size = nodes[i + iSize];
  const ec = nodes[i + iEdges];
  total += size;
  const key = type === 'object' || type === 'closure' || type === 'native' ? `${type}: ${name}` : `(${type})`;
  add(byCtor, key, size);
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') add(strKinds, type, size);
  if (type === 'object' && name === 'Object') {
    const props = [];
    for (let k = 0; k < ec; k++) {
      const e = edgeIdx + k * E;
      if (edges[e + eType] === propEdge) props.push(strings[edges[e + eName]]);
    }
    add(shapes, `{${props.slice(0, 8).join(', ')}${props.length > 8 ? ', …' : ''}}`, size);
  }
  edgeIdx += ec * E;
}
void eTo;
const mib = (b) => (b / 2 ** 20).toFixed(1);
const pct = (b) => `${((100 * b) / total).toFixed(1)} %`;
const table = (m, head) => {
  const rows = [...m.entries()].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top);
  return [`| ${head} | count | MiB | share |`, '|---|---:|---:|---:|', ...rows.map(([k, v]) => `| ${k.replace(/\|/g, '\\|')} | ${v.n} | ${mib(v.bytes)} | ${pct(v.bytes)} |`)].join('\n');
};
let md = `Heap snapshot: ${mib(total)} MiB self size in ${nodes.length / N} nodes.\n\n`;
md += `### By type / constructor (top ${top})\n\n${table(byCtor, 'type: constructor')}\n\n`;
md += `### Plain objects by property names (top ${top})\n\n${table(shapes, 'shape')}\n\n`;
md += `### Strings\n\n${table(strKinds, 'kind')}\n`;
process.stdout.write(md);
