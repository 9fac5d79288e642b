// Reading the checkout: the walk and the reads, on a second thread when the machine has a second
// core and the checkout is large. The main thread begins the walk; once it has found HANDOFF
// candidates it hands the folders not yet listed to the reader thread (load/read-worker.ts), which
// goes on with the same walk (same code, same order) and reads each file it finds into bytes, while
// the main thread decodes, pre-filters and parses what it is given. Everything a file's verdict
// depends on stays on the main thread (load/read.ts), and the result is the one a walk on one thread
// gives (the same files, in path order). If the reader stops, fails or falls silent, the main thread
// walks the rest itself: nothing is lost and the run never passes because it could not look.
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { checkYoungGeneration } from '../core/heap.js';
import type { LoadedFile } from '../core/types.js';
import { compareCandidates, walk, Walk, type Candidate, type WalkOptions, type WalkState } from './files.js';
import { DEFAULT_MAX_FILE_BYTES, fromPlainText, loadAll, loadCandidate, parseBuffer, type ReadOptions, type SpareWork } from './read.js';
import { dropEarlyReader, readerForced, readerUsable, takeReader } from './reader-spawn.js';
import { CONTROL, KIND, type ReaderBatch, type ReaderDone, type ReaderStart } from './reader-protocol.js';

/** Candidates the main thread finds before it hands the walk over (smaller checkouts stay on one thread). */
export const HANDOFF = 512;
/** A reader that neither posts nor lists a folder for this long is given up (the main thread walks the rest). */
const SILENCE_MS = 5000;

export { READER_THREAD_ENV, useReaderThread } from './reader-spawn.js';

export interface CheckoutRead {
  /** Candidates the walk selected and `keep` kept. */
  candidates: number;
  /** Candidates `keep` left out. */
  excluded: number;
  /** The files read (pre-filter passed, or with a problem), in path order. */
  files: LoadedFile[];
  /** True when the reader thread read part of the checkout. */
  threaded: boolean;
}

/** Walks, keeps what `keep` keeps, reads and (unless deferred) parses: loadAll(walk(…)) on one or two threads. */
export function readCheckout(walkOpts: WalkOptions, keep: (c: Candidate) => boolean, read: ReadOptions): CheckoutRead {
  if (!readerUsable()) {
    dropEarlyReader();
    return oneThread(walkOpts, keep, read);
  }
  const forced = readerForced();
  const w = new Walk(walkOpts);
  const at = forced ? 0 : HANDOFF;
  do w.next();
  while (!w.finished && w.found.length < at);
  if (w.finished) {
    dropEarlyReader();
    const alone = new Loader(keep, read);
    for (const c of w.found.sort(compareCandidates)) alone.add(c);
    return alone.result(false);
  }
  const loader = new Loader(keep, read, read.spare);
  const state = w.handOver();
  const reader = startReader(walkOpts, read, state);
  // What the main thread found is read here while the reader starts.
  for (const c of w.found) loader.add(c);
  if (!reader) {
    walkRest(walkOpts, state, loader, new Set(), new Set());
    return loader.result(false);
  }
  // The reader thread tests the screens (sent with the walk) in order; the first may be the pre-filter.
  const prefiltered = read.prefilterScreen === true && read.screens !== undefined && read.onDropped !== undefined;
  const threaded = consume(reader, walkOpts, state, loader, read.spare, prefiltered);
  return loader.result(threaded);
}

function oneThread(walkOpts: WalkOptions, keep: (c: Candidate) => boolean, read: ReadOptions): CheckoutRead {
  const all = walk(walkOpts);
  const kept = all.filter(keep);
  return { candidates: kept.length, excluded: all.length - kept.length, files: loadAll(kept, read), threaded: false };
}

/** Reads candidates in the order they come and returns them in path order, as loadAll does. */
class Loader {
  private readonly out: LoadedFile[] = [];
  private kept = 0;
  private excluded = 0;
  private readonly maxBytes: number;

  constructor(
    private readonly keep: (c: Candidate) => boolean,
    private readonly read: ReadOptions,
    /** Told each file kept (reads that overlap a reader thread). */
    private readonly spare?: SpareWork,
  ) {
    this.maxBytes = read.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /** One candidate and what the reader made of it (nothing: it is read here). */
  add(c: Candidate, got?: { bytes: Buffer } | { text: string; size: number; passed?: boolean } | { dropped: true }): void {
    if (!this.keep(c)) {
      this.excluded++;
      return;
    }
    // A young generation allowed to grow (core/heap.ts) is stopped at its cap.
    if ((++this.kept & 63) === 0) checkYoungGeneration();
    const r = this.read;
    let f: LoadedFile | null;
    if (got === undefined) f = loadCandidate(c, r);
    else if ('bytes' in got) f = got.bytes.length <= this.maxBytes ? parseBuffer(c, got.bytes, r) : loadCandidate(c, r);
    else if ('text' in got) f = fromPlainText(c, got.text, got.size, r, undefined, got.passed);
    else {
      r.onDropped?.(c.path);
      f = null;
    }
    if (!f) return;
    this.out.push(f);
    this.spare?.kept(f);
  }

  result(threaded: boolean): CheckoutRead {
    return { candidates: this.kept, excluded: this.excluded, files: this.out.sort(compareCandidates), threaded };
  }
}

interface Reader {
  worker: Worker;
  port: MessagePort;
  ctl: Int32Array;
}

function startReader(walkOpts: WalkOptions, read: ReadOptions, state: WalkState): Reader | undefined {
  let port: MessagePort | undefined;
  try {
    const worker = takeReader();
    if (!worker) return undefined;
    const channel = new MessageChannel();
    port = channel.port1;
    const control = new SharedArrayBuffer(CONTROL.size * 4);
    const start: ReaderStart = {
      walk: { root: walkOpts.root, include: [...walkOpts.include], exclude: [...walkOpts.exclude], ...(walkOpts.paths ? { paths: [...walkOpts.paths] } : {}), withOnFile: walkOpts.onFile !== undefined },
      state,
      ...(read.screens && read.onDropped ? { screens: read.screens } : {}),
      maxBytes: read.maxBytes ?? DEFAULT_MAX_FILE_BYTES,
      control,
      port: channel.port2,
    };
    worker.postMessage(start, [channel.port2]);
    return { worker, port, ctl: new Int32Array(control) };
  } catch {
    port?.close();
    return undefined;
  }
}

/** Takes the reader's batches until it is done; true when it finished, false when the main thread walked the rest. */
function consume(reader: Reader, walkOpts: WalkOptions, state: WalkState, loader: Loader, spare: SpareWork | undefined, prefiltered: boolean): boolean {
  const { port, ctl } = reader;
  const onFile = walkOpts.onFile;
  const visitedSeen = new Set<string>();
  const candsSeen = new Set<string>();
  let beat = -1;
  let quietSince = Date.now();
  let finished = false;
  for (;;) {
    const got = receiveMessageOnPort(port);
    if (got) {
      const msg = got.message as ReaderBatch | ReaderDone;
      if ('done' in msg) {
        finished = true;
        break;
      }
      Atomics.add(ctl, CONTROL.taken, 1);
      Atomics.notify(ctl, CONTROL.taken);
      const v = msg.visited;
      for (let i = 0; i + 2 < v.length; i += 3) {
        const rel = v[i] as string;
        visitedSeen.add(rel);
        onFile?.(rel, v[i + 1] as string, v[i + 2] === 1);
      }
      let off = 0;
      msg.cands.forEach(([path, abs, problem], i) => {
        const c: Candidate = problem === undefined ? { path, abs } : { path, abs, problem };
        candsSeen.add(path);
        const n = msg.lens[i];
        switch (msg.kinds[i]) {
          case KIND.bytes:
            loader.add(c, { bytes: Buffer.from(msg.bytes, off, n) });
            off += n;
            break;
          case KIND.text:
          case KIND.textFirst:
            // The screens are tested in order: `text` means the first one failed.
            loader.add(c, { text: msg.texts[i]!, size: n, ...(prefiltered ? { passed: msg.kinds[i] === KIND.textFirst } : {}) });
            break;
          case KIND.dropped:
            loader.add(c, { dropped: true });
            break;
          default:
            loader.add(c);
        }
      });
      quietSince = Date.now();
      continue;
    }
    if (Atomics.load(ctl, CONTROL.failed) !== 0) break;
    // Nothing to take: what the caller can do early comes before waiting.
    if (spare?.run()) {
      quietSince = Date.now();
      continue;
    }
    const posted = Atomics.load(ctl, CONTROL.posted);
    Atomics.wait(ctl, CONTROL.posted, posted, 100);
    const b = Atomics.load(ctl, CONTROL.beat);
    if (b !== beat) {
      beat = b;
      quietSince = Date.now();
    } else if (Date.now() - quietSince > SILENCE_MS && Atomics.load(ctl, CONTROL.posted) === posted) break;
  }
  port.close();
  // Done or given up: its isolate's memory is let go now, before the report is built.
  void reader.worker.terminate().catch(() => undefined);
  if (finished) return true;
  walkRest(walkOpts, state, loader, visitedSeen, candsSeen);
  return false;
}

/** The handed-over part of the walk on the main thread, past what the reader already gave. */
function walkRest(walkOpts: WalkOptions, state: WalkState, loader: Loader, visitedSeen: ReadonlySet<string>, candsSeen: ReadonlySet<string>): void {
  const onFile = walkOpts.onFile;
  const rest = new Walk({ ...walkOpts, onFile: onFile && ((rel, abs, excluded) => void (visitedSeen.has(rel) || onFile(rel, abs, excluded))) }, state);
  while (rest.next());
  for (const c of rest.found) if (!candsSeen.has(c.path)) loader.add(c);
}
