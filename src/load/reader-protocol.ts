// What the main thread and the reader thread (load/read-worker.ts) share: the start message, the
// batches, and the slots of the control array both threads count in.
import type { MessagePort } from 'node:worker_threads';
import type { TextScreen } from '../core/screen.js';
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
  /** Plain texts that pass none of these are not handed over (DROPPED); none given: every file goes as bytes. */
  screens?: TextScreen[];
  /** Files over this many bytes are left to the main thread. */
  maxBytes: number;
  state: WalkState;
  control: SharedArrayBuffer;
  port: MessagePort;
}

/** What the reader did with a candidate (`ReaderBatch.kinds`). */
export const KIND = {
  /** Not read here (an error, READ_AHEAD bytes or more, over the cap, a problem): the main thread reads it. */
  unread: 0,
  /** Its bytes are in `bytes` (not plain UTF-8 text, or no screens given). */
  bytes: 1,
  /** Plain UTF-8 text (load/plain.ts) that passed a screen, not the first one: in `texts`. */
  text: 2,
  /** Plain UTF-8 text that passed no screen: nothing to hand over. */
  dropped: 3,
  /**
   * Plain UTF-8 text that passed the first screen: in `texts` (the screens are tested in order, so
   * `text` says the first failed; when the first screen is the pre-filter, the main thread takes
   * that verdict instead of testing the text again: `ReadOptions.prefilterScreen`).
   */
  textFirst: 4,
} as const;

/**
 * One batch: the files visited since the last batch (flat: path, absolute path, excluded 0/1), the
 * candidates found (path, absolute path[, problem]) in walk order, what became of each (`kinds`),
 * each one's size in bytes (`lens`), the texts of the `text` ones (null for the others), and the bytes
 * of the `bytes` ones, one after the other.
 */
export interface ReaderBatch {
  visited: Array<string | number>;
  cands: string[][];
  kinds: Uint8Array;
  lens: Int32Array;
  texts: Array<string | null>;
  bytes: ArrayBuffer;
}

export interface ReaderDone {
  done: true;
}
