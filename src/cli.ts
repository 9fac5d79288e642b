// CLI entry. `--version` and `--help` alone are answered here, before the engine is loaded (a third
// of the start-up time); everything else goes to cli/main.ts, imported on demand.
import { VERSION } from './core/version.js';
import { USAGE } from './cli/usage.js';
import { tuneHeap } from './core/heap.js';
import { useReaderThread } from './load/reader-spawn.js';

const argv = process.argv.slice(2);
const only = argv.length === 1 ? argv[0] : undefined;
if (only === '--version') {
  process.stdout.write(`${VERSION}\n`);
} else if (only === '--help' || only === '-h') {
  process.stdout.write(USAGE);
} else {
  void start();
}

async function start(): Promise<void> {
  try {
    tuneHeap();
    // A run that reads the checkout starts the reader thread now: its start-up then overlaps the
    // engine's loading (load/reader-spawn.ts; a small checkout stops it unused).
    useReaderThread(import.meta.url, '../read-worker/index.js', readsCheckout(argv));
    const { main } = await import('./cli/main.js');
    process.exitCode = await main(argv);
  } catch (err) {
    // A crash must never look like an ordinary policy failure (exit 1).
    process.stderr.write(`model-deploy-gate: internal error: ${err instanceof Error ? await mapped(err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  }
}

/** Whether the command line audits or fixes a checkout (the others: `migrate`, `--explain`, `--list-rules`, `--help`, `--version`). */
function readsCheckout(args: readonly string[]): boolean {
  return args[0] !== 'migrate' && !args.some((a) => /^--(?:explain|list-rules|help|version)(?:=|$)|^-h$/.test(a));
}

/** A stack trace mapped to src/ (source maps are read only on a crash: start-up never parses them). */
async function mapped(stack: string): Promise<string> {
  try {
    const { mapStack } = await import('./cli/stack.js');
    return mapStack(stack);
  } catch {
    return stack;
  }
}
