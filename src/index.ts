// Action entry point: everything happens in run(), which reports its own failures. The rest of the
// bundle is imported after source maps are on (Node then maps its stack traces to src/) and the heap
// is tuned (src/heap.ts).
import { tuneHeap } from './core/heap.js';

process.setSourceMapsEnabled(true);
tuneHeap();
const { run } = await import('./github/run.js');
void run();
