// Preloaded by scripts/bench.mjs when GNU /usr/bin/time is not usable (`node --require
// scripts/bench-rss.cjs …`): on exit, writes `maxRssKiB userMs systemMs` (getrusage of the process)
// to $MDG_BENCH_RSS_FILE. Works for ESM entry points too.
'use strict';
const fs = require('node:fs');

const out = process.env.MDG_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    const ru = process.resourceUsage();
    fs.writeFileSync(out, `${ru.maxRSS} ${ru.userCPUTime / 1000} ${ru.systemCPUTime / 1000}`);
  });
}
