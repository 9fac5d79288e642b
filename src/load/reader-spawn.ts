// Where the reader thread's bundle is, whether the reader thread may be used, and the worker itself,
// started as early as an entry point can: a worker's start-up costs about 150 ms of CPU, which then
// overlaps the main thread's own loading of the engine instead of delaying the read. The worker
// waits for its start message (reader-protocol.ts `ReaderStart`) until load/reader-thread.ts hands
// it a walk. Kept free of heavy imports: the CLI's entry loads this module before the engine.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** `MODEL_DEPLOY_GATE_READER_THREAD`: `off` never, `on` always (after the first folder, even on one core). */
export const READER_THREAD_ENV = 'MODEL_DEPLOY_GATE_READER_THREAD';

let script: string | undefined;
let early: Worker | undefined;

/**
 * The entry points name the reader thread's bundle, relative to their own (`entryUrl`: their
 * `import.meta.url`; the bundle is dist/read-worker/index.js). Without it every read is on the main
 * thread (tests, the engine used as a library). `start`: start the worker now, for the next read.
 */
export function useReaderThread(entryUrl: string, relative: string, start = false): void {
  dropEarlyReader();
  try {
    script = path.join(path.dirname(fileURLToPath(entryUrl)), relative);
  } catch {
    script = undefined;
  }
  if (start && readerUsable()) early = spawn(script!);
}

/** Whether a read may use the reader thread: a bundle named and present, a second core, or forced by the environment. */
export function readerUsable(): boolean {
  const mode = process.env[READER_THREAD_ENV];
  return script !== undefined && mode !== 'off' && (mode === 'on' || availableParallelism() > 1) && existsSync(script);
}

/** True when the environment forces the reader thread on. */
export function readerForced(): boolean {
  return process.env[READER_THREAD_ENV] === 'on';
}

/** The worker started early, or a new one; undefined when none can be started. */
export function takeReader(): Worker | undefined {
  const w = early;
  early = undefined;
  return w ?? (script === undefined ? undefined : spawn(script));
}

/** A worker started early and not needed (a small checkout, a run that reads nothing) is stopped. */
export function dropEarlyReader(): void {
  const w = early;
  early = undefined;
  if (w) void w.terminate().catch(() => undefined);
}

function spawn(file: string): Worker | undefined {
  try {
    const worker = new Worker(file, {
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 1 },
    });
    // It never keeps the process alive; its errors reach the main thread through the control array
    // (or its silence), never as an exception.
    worker.unref();
    worker.on('error', () => undefined);
    return worker;
  } catch {
    return undefined;
  }
}
