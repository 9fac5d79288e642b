// Reading one candidate file: bytes → text (encodings, BOM, NUL) → parsed documents with positions.
// Never throws: what cannot be read becomes a problem of the file (a `parse-error`).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readOpen } from '../core/files.js';
import { checkYoungGeneration } from '../core/heap.js';
import type { TextScreen } from '../core/screen.js';
import type { LoadedFile, ParseProblem } from '../core/types.js';
import { LineIndex } from '../parse/lines.js';
import { parseYaml } from '../parse/yaml.js';
import { parseJsonc } from '../parse/jsonc.js';
import type { Candidate } from './files.js';
import { decodeUtf8, utf16Kind, utf32Kind } from './plain.js';
import { READ_AHEAD } from './reader-protocol.js';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The cheap text test of the pre-filter: could this file be a manifest? (Built from the families.) */
export type Prefilter = (relPath: string, text: string) => boolean;

export interface ReadOptions {
  prefilter: Prefilter;
  maxBytes?: number;
  /**
   * Sees every UTF-8 text read, manifest or not, before the pre-filter (the engine keeps the
   * pipelines among them: they name the files they deploy but are no manifests).
   */
  onText?: (relPath: string, text: string) => void;
  /**
   * Read and pre-filter only: a file that would be parsed keeps its text and waits for `parseLoaded`
   * (a pull-request run decides which files it parses once it has read them all).
   */
  defer?: boolean;
  /**
   * For the reader thread (load/reader-thread.ts): a plain text that passes none of these screens is
   * one that neither `prefilter` nor `onText` keeps (each is a superset test of its own). Such texts
   * are not handed over; `onDropped` is told their path instead of `onText` their text.
   */
  screens?: TextScreen[];
  /**
   * `screens[0]` is `prefilter` as data (`prefilter` is `screenTest(screens[0])`): the reader thread's
   * verdict of it is the pre-filter's, and the text is not tested again.
   */
  prefilterScreen?: boolean;
  onDropped?: (relPath: string) => void;
  /**
   * Work the main thread can do while it waits for the reader thread (load/reader-thread.ts; never
   * on one thread): `kept` is told each file the loader keeps, `run` does one small piece of the
   * work and says whether there was any.
   */
  spare?: SpareWork;
}

export interface SpareWork {
  kept(f: LoadedFile): void;
  run(): boolean;
}

/** What reading one text needs of the ReadOptions. */
export type TextOptions = Pick<ReadOptions, 'prefilter' | 'onText' | 'defer'>;

/** Files read with `defer` whose text is still to be parsed. */
const awaiting = new WeakSet<LoadedFile>();

/** True for a file read with `defer` that `parseLoaded` has not parsed yet. */
export function awaitingParse(f: LoadedFile): boolean {
  return awaiting.has(f);
}

/** Parses a file read with `defer` (no-op for any other file). */
export function parseLoaded(f: LoadedFile): void {
  if (!awaiting.delete(f)) return;
  const r = parsedText(f.text, f.syntax);
  f.docs = r.docs;
  f.problems = r.problems;
}

/** The documents and problems of a text: a pure function of the text and the syntax (every parse of a loaded file is this one). */
export function parsedText(text: string, syntax: 'yaml' | 'json'): Pick<LoadedFile, 'docs' | 'problems'> {
  if (text.trim() === '') return { docs: [], problems: [] };
  const lines = new LineIndex(text);
  const r = syntax === 'json' ? parseJsonc(text, lines) : parseYaml(text, lines);
  return { docs: r.docs, problems: r.problems };
}

/** Files are read with one call into this buffer (READ_AHEAD bytes); parseBuffer never keeps a reference to it. */
const readAhead = Buffer.allocUnsafeSlow(READ_AHEAD);

/** Files over the parse cap are still scanned for manifest words up to this size. */
export const SCAN_MAX_BYTES = 64 * 1024 * 1024;
const SCAN_CHUNK = 1024 * 1024;
/** Chunks overlap so that a word split across two chunks is still seen. */
const SCAN_OVERLAP = 4096;

function scanLooksLikeManifest(fd: number, size: number, relPath: string, looksLikeManifest: Prefilter): boolean {
  const buf = Buffer.alloc(SCAN_CHUNK + SCAN_OVERLAP);
  let carry = 0;
  for (let pos = 0; pos < size; ) {
    const n = readSync(fd, buf, carry, SCAN_CHUNK, pos);
    if (n === 0) break;
    pos += n;
    const chunk = buf.subarray(0, carry + n);
    if (looksLikeManifest(relPath, chunk.toString('latin1'))) return true;
    carry = Math.min(SCAN_OVERLAP, chunk.length);
    chunk.copy(buf, 0, chunk.length - carry);
  }
  return false;
}

/** Reads and parses one candidate. Returns null for files that are not manifests (pre-filter). Never throws. */
export function loadCandidate(c: Candidate, opts: ReadOptions): LoadedFile | null {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const looksLikeManifest = opts.prefilter;
  const syntax = syntaxOf(c.path);
  const file = (problems: ParseProblem[], size = 0): LoadedFile => ({
    path: c.path,
    abs: c.abs,
    text: '',
    syntax,
    size,
    docs: [],
    problems,
  });
  if (c.problem) return file([{ message: c.problem, line: 1, column: 1 }]);
  let fd: number;
  try {
    fd = openSync(c.abs, 'r');
  } catch (err) {
    return file([{ message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, line: 1, column: 1 }]);
  }
  try {
    // One read into a reused buffer is the whole file for all but the rare file of READ_AHEAD bytes
    // or more; only those are measured (size cap, FIFO guard) and read in full.
    const n = readSync(fd, readAhead, 0, READ_AHEAD, 0);
    if (n < READ_AHEAD && n <= maxBytes) return parseBuffer(c, readAhead.subarray(0, n), opts, syntax);
    const st = fstatSync(fd);
    if (!st.isFile()) return null; // a FIFO or device named like a manifest: never block on it
    if (st.size > maxBytes) {
      // Only report files that look like manifests, wherever the words are: scan the whole file in
      // chunks (a key after megabytes of padding must not hide the file). Past the scan cap the gate
      // cannot look at all, and says so.
      if (st.size > SCAN_MAX_BYTES) {
        return file(
          [
            {
              message: `file too large: ${st.size} bytes is over the ${maxBytes}-byte cap and the ${SCAN_MAX_BYTES}-byte scan cap, so the gate cannot check whether it is a manifest; exclude it in the config if it is not one`,
              line: 1,
              column: 1,
            },
          ],
          st.size,
        );
      }
      if (!scanLooksLikeManifest(fd, st.size, c.path, looksLikeManifest)) return null;
      return file(
        [{ message: `file too large: ${st.size} bytes is over the ${maxBytes}-byte cap; not read (raise the cap or exclude the file)`, line: 1, column: 1 }],
        st.size,
      );
    }
    return parseBuffer(c, readOpen(fd, st.size), opts, syntax);
  } catch (err) {
    return file([{ message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, line: 1, column: 1 }]);
  } finally {
    closeSync(fd);
  }
}

/** Parses bytes already read (also the entry point for tests and the fuzzer: `how` a bare pre-filter). */
export function parseBuffer(c: Candidate, buf: Buffer, how: Prefilter | TextOptions, syntax: 'yaml' | 'json' = syntaxOf(c.path)): LoadedFile | null {
  const opts = typeof how === 'function' ? { prefilter: how } : how;
  const looksLikeManifest = opts.prefilter;
  const base: LoadedFile = { path: c.path, abs: c.abs, text: '', syntax, size: buf.length, docs: [], problems: [] };
  const utf32 = utf32Kind(buf);
  if (utf32) {
    // Python's json reads UTF-32 when it sees the byte order mark; nothing here gates it, so it is reported.
    if (!looksLikeManifest(c.path, decodeUtf32(buf, utf32))) return null;
    base.problems.push({
      message: `file is UTF-32 (${utf32 === 'le' ? 'little' : 'big'}-endian) encoded; the gate reads UTF-8 and UTF-16 only, so it cannot check it. Re-save it as UTF-8`,
      line: 1,
      column: 1,
    });
    return base;
  }
  const utf16 = utf16Kind(buf);
  if (utf16) {
    const decoded = utf16 === 'le' ? buf.subarray(2).toString('utf16le') : swap16(buf.subarray(2)).toString('utf16le');
    if (!looksLikeManifest(c.path, decoded)) return null;
    base.problems.push({
      message: `file is UTF-16 (${utf16 === 'le' ? 'little' : 'big'}-endian) encoded; the Azure ML CLIs read UTF-8, so Azure cannot load it. Re-save it as UTF-8`,
      line: 1,
      column: 1,
    });
    return base;
  }
  const nul = buf.indexOf(0);
  let text: string;
  try {
    text = decodeUtf8(buf);
  } catch {
    // Binary or not UTF-8: report only if the readable part looks like a manifest.
    const hasBom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    const loose = buf.toString('latin1', hasBom ? 3 : 0);
    if (!looksLikeManifest(c.path, loose)) return null;
    base.problems.push({ message: 'file is not valid UTF-8 text (binary or another encoding); not read', line: lineOfByte(buf, firstInvalidUtf8(buf)), column: 1 });
    return base;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (nul === -1) return fromPlainText(c, text, buf.length, opts, syntax);
  if (!looksLikeManifest(c.path, text)) return null;
  base.text = text;
  base.problems.push({ message: 'file contains NUL bytes (binary); not read', line: lineOfByte(buf, nul), column: 1 });
  return base;
}

/**
 * The rest of parseBuffer for plain UTF-8 text (load/plain.ts: no other byte order mark, no NUL,
 * valid UTF-8), its byte order mark removed; `size`: its bytes. The reader thread's texts end here too
 * (`passed`: the pre-filter's verdict when the reader thread already knows it).
 */
export function fromPlainText(c: Candidate, text: string, size: number, opts: TextOptions, syntax: 'yaml' | 'json' = syntaxOf(c.path), passed?: boolean): LoadedFile | null {
  opts.onText?.(c.path, text);
  if (!(passed ?? opts.prefilter(c.path, text))) return null;
  const base: LoadedFile = { path: c.path, abs: c.abs, text, syntax, size, docs: [], problems: [] };
  if (opts.defer) awaiting.add(base);
  else {
    const r = parsedText(text, syntax);
    base.docs = r.docs;
    base.problems = r.problems;
  }
  return base;
}

function syntaxOf(rel: string): 'yaml' | 'json' {
  return /\.json$/i.test(rel) ? 'json' : 'yaml';
}

function firstInvalidUtf8(buf: Buffer): number {
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decodeUtf8(buf.subarray(0, mid));
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return Math.max(0, lo - 4);
}

function lineOfByte(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 10) line++;
  return line;
}

/** Loads candidates in order; files the pre-filter rules out are left out. */
export function loadAll(cands: readonly Candidate[], opts: ReadOptions): LoadedFile[] {
  const out: LoadedFile[] = [];
  let n = 0;
  for (const c of cands) {
    // A young generation allowed to grow (core/heap.ts) is stopped at its cap.
    if ((++n & 63) === 0) checkYoungGeneration();
    const f = loadCandidate(c, opts);
    if (f) out.push(f);
  }
  return out;
}


/** UTF-32 text as a string (for the pre-filter only). */
function decodeUtf32(buf: Buffer, kind: 'le' | 'be'): string {
  let out = '';
  for (let i = 4; i + 3 < buf.length; i += 4) {
    const cp = kind === 'le' ? buf.readUInt32LE(i) : buf.readUInt32BE(i);
    out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return out;
}


function swap16(buf: Buffer): Buffer {
  const out = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
  return out.swap16();
}
