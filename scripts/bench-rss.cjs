// Preloaded by scripts/bench.mjs (`node --require scripts/bench-rss.cjs …`): on exit, writes the
// process's peak resident set size (KiB, getrusage ru_maxrss) to $MDG_BENCH_RSS_FILE. Works for ESM
// entry points too, and needs no /usr/bin/time.
'use strict';
const fs = require('node:fs');

const out = process.env.MDG_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    fs.writeFileSync(out, String(process.resourceUsage().maxRSS));
  });
}
