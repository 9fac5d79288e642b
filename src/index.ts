// Action entry point: everything happens in run(), which reports its own failures. The rest of the
// bundle is imported after the heap is tuned (src/core/heap.ts) and, in a debug run (RUNNER_DEBUG,
// where run() logs stack traces), after source maps are on: Node then maps those traces to src/.
// Parsing the maps costs ~30 ms of start-up, so other runs skip it.
import { tuneHeap } from './core/heap.js';
import { isDebug } from './github/runner.js';
import { useReaderThread } from './load/reader-spawn.js';

if (isDebug()) process.setSourceMapsEnabled(true);
tuneHeap();
// The reader thread starts now: its start-up overlaps the engine's loading (load/reader-spawn.ts).
useReaderThread(import.meta.url, 'read-worker/index.js', true);
const { run } = await import('./github/run.js');
void run();
