// Reading the checkout: the walk and the reads, on a second thread when the machine has a second
// core and the checkout is large. The main thread begins the walk; once it has found HANDOFF
// candidates it hands the folders not yet listed to the reader thread (load/read-worker.ts), which
// goes on with the same walk (same code, same order) and reads each file it finds into bytes, while
// the main thread decodes, pre-filters and parses what it is given. Everything a file's verdict
// depends on stays on the main thread (load/read.ts), and the result is the one a walk on one thread
// gives (the same files, in path order). If the reader stops, fails or falls silent, the main thread
// walks the rest itself: nothing is lost and the run never passes because it could not look.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { checkYoungGeneration } from '../core/heap.js';
import type { LoadedFile } from '../core/types.js';
import { compareCandidates, walk, Walk, type Candidate, type WalkOptions, type WalkState } from './files.js';
import { DEFAULT_MAX_FILE_BYTES, fromPlainText, loadAll, loadCandidate, parseBuffer, type ReadOptions } from './read.js';
import { CONTROL, KIND, type ReaderBatch, type ReaderDone, type ReaderStart } from './reader-protocol.js';

/** Candidates the main thread finds before it hands the walk over (smaller checkouts stay on one thread). */
export const HANDOFF = 512;
/** A reader that neither posts nor lists a folder for this long is given up (the main thread walks the rest). */
const SILENCE_MS = 5000;

/** `MODEL_DEPLOY_GATE_READER_THREAD`: `off` never, `on` always (after the first folder, even on one core or for a deferred read). */
export const READER_THREAD_ENV = 'MODEL_DEPLOY_GATE_READER_THREAD';

let script: string | undefined;

/**
 * The entry points name the reader thread's bundle, relative to their own (`entryUrl`: their
 * `import.meta.url`; the bundle is dist/read-worker/index.js). Without it every read is on the main
 * thread (tests, the engine used as a library).
 */
export function useReaderThread(entryUrl: string, relative: string): void {
  try {
    script = path.join(path.dirname(fileURLToPath(entryUrl)), relative);
  } catch {
    script = undefined;
  }
}

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
  const mode = process.env[READER_THREAD_ENV];
  const forced = mode === 'on';
  // A deferred read (a pull-request run) leaves the main thread little to do while the reader reads:
  // measured at 10k, the second thread made it slower (1.87 → 1.96 s), so it reads on one thread.
  const usable = script !== undefined && mode !== 'off' && (forced || (availableParallelism() > 1 && !read.defer)) && existsSync(script);
  if (!usable) return oneThread(walkOpts, keep, read);
  const w = new Walk(walkOpts);
  const at = forced ? 0 : HANDOFF;
  do w.next();
  while (!w.finished && w.found.length < at);
  const loader = new Loader(keep, read);
  if (w.finished) {
    for (const c of w.found.sort(compareCandidates)) loader.add(c);
    return loader.result(false);
  }
  const state = w.handOver();
  const reader = startReader(script!, walkOpts, read, state);
  // What the main thread found is read here while the reader starts.
  for (const c of w.found) loader.add(c);
  if (!reader) {
    walkRest(walkOpts, state, loader, new Set(), new Set());
    return loader.result(false);
  }
  const threaded = consume(reader, walkOpts, state, loader);
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
  ) {
    this.maxBytes = read.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /** One candidate and what the reader made of it (nothing: it is read here). */
  add(c: Candidate, got?: { bytes: Buffer } | { text: string; size: number } | { dropped: true }): void {
    if (!this.keep(c)) {
      this.excluded++;
      return;
    }
    // A young generation allowed to grow (core/heap.ts) is stopped at its cap.
    if ((++this.kept & 63) === 0) checkYoungGeneration();
    const r = this.read;
    let f: LoadedFile | null;
    if (got === undefined) f = loadCandidate(c, r);
    else if ('bytes' in got) f = got.bytes.length <= this.maxBytes ? parseBuffer(c, got.bytes, r.prefilter, undefined, r.onText, r.defer) : loadCandidate(c, r);
    else if ('text' in got) f = fromPlainText(c, got.text, got.size, r.prefilter, undefined, r.onText, r.defer);
    else {
      r.onDropped?.(c.path);
      f = null;
    }
    if (f) this.out.push(f);
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

function startReader(file: string, walkOpts: WalkOptions, read: ReadOptions, state: WalkState): Reader | undefined {
  let port: MessagePort | undefined;
  try {
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
    const worker = new Worker(file, {
      workerData: start,
      transferList: [channel.port2],
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 1 },
    });
    worker.unref();
    // Its errors reach the main thread through the control array (or its silence); never as an exception.
    worker.on('error', () => undefined);
    return { worker, port, ctl: new Int32Array(control) };
  } catch {
    port?.close();
    return undefined;
  }
}

/** Takes the reader's batches until it is done; true when it finished, false when the main thread walked the rest. */
function consume(reader: Reader, walkOpts: WalkOptions, state: WalkState, loader: Loader): boolean {
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
            loader.add(c, { text: msg.texts[i]!, size: n });
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
