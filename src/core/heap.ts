// Heap tuning for the entry points (cli.ts, index.ts), applied before the engine loads, and the
// engine's one adjustment of it while a full audit reads the checkout.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * Two V8 heap policies for a run that keeps what it parses until the report:
 * - the young generation stays at its initial size (`--semi-space-growth-factor=1`): nearly every
 *   scavenge sees a high survival rate, so V8 would grow it to 2 × 16 MiB of mostly empty pages
 *   (30 MiB of peak RSS at 10k manifests, ~95 MiB at 50k); a full audit lets it grow to a bounded
 *   size while it reads (`growYoungGeneration`);
 * - the old generation is collected when it has grown by half since the last full collection
 *   (`--heap-growing-percent=50`) instead of up to four times: the checkout's documents die when the
 *   report is built, and a collection soon after keeps the report from stacking on top of them.
 * See docs/performance.md. The flags only change when V8 grows and collects; a Node that ignores them
 * runs as before.
 */
export function tuneHeap(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
    setFlagsFromString('--heap-growing-percent=50');
    tuned = true;
  } catch {
    // not supported: default heap growth
  }
}

let tuned = false;
/** The young generation's size (both semi-spaces) at which growth stops again; 0: not growing. */
let capBytes = 0;

/**
 * Lets the young generation grow (V8's own factor, 2) until it holds `totalMiB` (both semi-spaces),
 * where `checkYoungGeneration` stops it. For the read of a full audit: the parsed documents survive,
 * and a 1 MiB young generation copies them in ~600 scavenges at 10k manifests; 16 MiB takes ~6 % off
 * the run for ~15 MiB of peak RSS (docs/performance.md). Only after tuneHeap (never in tests or
 * when the engine is used as a library). Pull-request runs grow it too: their texts wait in memory
 * until the needed set is known.
 */
export function growYoungGeneration(totalMiB: number): void {
  if (!tuned || capBytes !== 0) return;
  try {
    setFlagsFromString('--semi-space-growth-factor=2');
    capBytes = totalMiB * 1024 * 1024;
  } catch {
    // not supported: the young generation keeps its size
  }
}

/** Called as the reader goes (cheap): stops the growth once the young generation reached its cap. */
export function checkYoungGeneration(): void {
  if (capBytes <= 0) return;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (young && young.space_size < capBytes) return;
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // as tuneHeap
  }
  capBytes = -1;
}
