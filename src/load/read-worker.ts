// The reader thread's entry (bundled on its own as dist/read-worker/index.js): it goes on with a walk
// the main thread began (`Walk` from its state, the same code and order) and reads each candidate it
// finds, which it hands over in batches. Plain UTF-8 texts (load/plain.ts) go as text when they pass
// one of the screens the main thread gave (the families' pre-filter, the pipelines' candidate test:
// core/screen.ts, the very same tests), and are dropped when they pass none: neither would have kept
// them. The screens are tested in order and a text says whether it passed the first (`KIND.textFirst`):
// when that is the pre-filter, its verdict is the main thread's (the same test on the same text).
// Every other file goes as bytes; parsing and every problem a file has stay on the main thread
// (load/read.ts), which reads a file itself whenever this thread did not (an error, a file of
// READ_AHEAD bytes or more, or over the size cap).
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { Walk, type Candidate, type WalkState } from './files.js';
import { screenTest } from '../core/screen.js';
import { plainText } from './plain.js';
import { CONTROL, KIND, MAX_BATCHES_AHEAD, READ_AHEAD, type ReaderBatch, type ReaderStart } from './reader-protocol.js';

/** Candidates per batch, and visited files per batch (whichever fills first). */
const BATCH_FILES = 64;
const BATCH_VISITED = 512;

function run(start: ReaderStart): void {
  const { port, control } = start;
  const ctl = new Int32Array(control);
  const scratch = Buffer.allocUnsafeSlow(READ_AHEAD);
  let visited: Array<string | number> = [];
  const walk = new Walk(
    {
      ...start.walk,
      onFile: start.walk.withOnFile ? (rel: string, abs: string, excluded: boolean) => void visited.push(rel, abs, excluded ? 1 : 0) : undefined,
    },
    start.state as WalkState,
  );
  const screens = start.screens?.map(screenTest);
  let sent = 0;
  const flush = (): void => {
    const cands = walk.found.slice(sent);
    sent = walk.found.length;
    const kinds = new Uint8Array(cands.length);
    const lens = new Int32Array(cands.length);
    const texts: Array<string | null> = [];
    const parts: Buffer[] = [];
    let total = 0;
    cands.forEach((c, i) => {
      const n = c.problem === undefined ? readSmall(c, scratch) : -1;
      lens[i] = n;
      texts.push(null);
      if (n < 0 || n > start.maxBytes) return; // KIND.unread
      const bytes = scratch.subarray(0, n);
      const text = screens ? plainText(bytes) : undefined;
      if (text === undefined) {
        kinds[i] = KIND.bytes;
        parts.push(Buffer.from(bytes));
        total += n;
      } else {
        const first = screens!.findIndex((pass) => pass(c.path, text));
        kinds[i] = first === -1 ? KIND.dropped : first === 0 ? KIND.textFirst : KIND.text;
        if (first !== -1) texts[i] = text;
      }
    });
    const bytes = new ArrayBuffer(total);
    const view = new Uint8Array(bytes);
    let off = 0;
    for (const p of parts) {
      view.set(p, off);
      off += p.length;
    }
    const batch: ReaderBatch = { visited, cands: cands.map((c) => (c.problem === undefined ? [c.path, c.abs] : [c.path, c.abs, c.problem])), kinds, lens, texts, bytes };
    visited = [];
    // Wait while the main thread is far behind: what is read and not yet parsed stays bounded.
    while (Atomics.load(ctl, CONTROL.posted) - Atomics.load(ctl, CONTROL.taken) >= MAX_BATCHES_AHEAD) {
      Atomics.wait(ctl, CONTROL.taken, Atomics.load(ctl, CONTROL.taken), 100);
    }
    port.postMessage(batch, [bytes, lens.buffer, kinds.buffer]);
    Atomics.add(ctl, CONTROL.posted, 1);
    Atomics.notify(ctl, CONTROL.posted);
  };
  while (walk.next()) {
    Atomics.add(ctl, CONTROL.beat, 1);
    if (walk.found.length - sent >= BATCH_FILES || visited.length >= BATCH_VISITED * 3) flush();
  }
  flush();
  port.postMessage({ done: true });
  Atomics.add(ctl, CONTROL.posted, 1);
  Atomics.notify(ctl, CONTROL.posted);
}

/** The file's bytes in `into` when it is smaller than READ_AHEAD: their number; -1 when the main thread is to read it. */
function readSmall(c: Candidate, into: Buffer): number {
  let fd: number;
  try {
    fd = openSync(c.abs, 'r');
  } catch {
    return -1;
  }
  try {
    const n = readSync(fd, into, 0, READ_AHEAD, 0);
    return n < READ_AHEAD ? n : -1;
  } catch {
    return -1;
  } finally {
    closeSync(fd);
  }
}

// The walk to go on with comes as the first message (the thread may be started before it is known:
// load/reader-spawn.ts).
parentPort?.once('message', (start: ReaderStart) => {
  try {
    run(start);
  } catch {
    // The main thread walks the rest itself (load/reader-thread.ts): nothing is lost.
    const ctl = new Int32Array(start.control);
    Atomics.store(ctl, CONTROL.failed, 1);
    Atomics.add(ctl, CONTROL.posted, 1);
    Atomics.notify(ctl, CONTROL.posted);
  } finally {
    (start.port as MessagePort).close();
    parentPort?.close();
  }
});
