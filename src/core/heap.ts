// Heap tuning for the entry points (cli.ts, index.ts), applied before the engine loads.
import { setFlagsFromString } from 'node:v8';

/**
 * Keeps V8's young generation at its initial size. The gate keeps what it parses until the report
 * (a large checkout's documents), so nearly every scavenge sees a high survival rate and V8 would
 * grow the young generation to 2 × 16 MiB of mostly empty pages: 30 MiB of peak RSS at 10k
 * manifests, ~95 MiB at 50k, for no measurable gain in time (docs/performance.md). The flag only
 * changes how far the young generation grows; a Node that ignores it runs as before.
 */
export function tuneHeap(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // not supported: default heap growth
  }
}
