// What the main thread and the reader thread (load/read-worker.ts) share: the start message, the
// batches, and the slots of the control array both threads count in.
import type { MessagePort } from 'node:worker_threads';
import type { WalkState } from './files.js';

/** Files are read with one call into a buffer of this size; a file that fills it is read by the main thread. */
export const READ_AHEAD = 256 * 1024;

/** Batches the reader thread may be ahead of the main thread (bounds what waits in memory). */
export const MAX_BATCHES_AHEAD = 16;

/** Slots of the shared Int32Array. */
export const CONTROL = {
  /** Messages posted (batches and the final one), counted by the reader. */
  posted: 0,
  /** Batches the main thread has taken. */
  taken: 1,
  /** Set by the reader when it stopped on an error. */
  failed: 2,
  /** Folders the reader has listed (the main thread's sign of life). */
  beat: 3,
  size: 4,
} as const;

export interface ReaderStart {
  walk: { root: string; include: string[]; exclude: string[]; paths?: string[]; withOnFile: boolean };
  state: WalkState;
  control: SharedArrayBuffer;
  port: MessagePort;
}

/**
 * One batch: the files visited since the last batch (flat: path, absolute path, excluded 0/1), the
 * candidates found (path, absolute path[, problem]) in walk order, each one's byte count in `bytes`
 * (-1: not read here), and their bytes one after the other.
 */
export interface ReaderBatch {
  visited: Array<string | number>;
  cands: string[][];
  lens: Int32Array;
  bytes: ArrayBuffer;
}

export interface ReaderDone {
  done: true;
}
