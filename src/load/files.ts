import { closeSync, fstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { LoadedFile, ParseProblem } from '../types.js';
import { LineIndex } from './source.js';
import { parseYaml } from './yaml.js';
import { parseJsonc } from './jsonc.js';

export const BUILTIN_EXCLUDES = ['node_modules/**', '.git/**', 'dist/**'];
export const DEFAULT_INCLUDES = ['**/*.yml', '**/*.yaml', '**/*.json', '**/MLmodel'];
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface WalkOptions {
  root: string;
  include: string[];
  exclude: string[];
  /** Restrict to these repo-relative files or folders (CLI paths); empty = everything. */
  paths?: string[];
  maxFileBytes?: number;
  concurrency?: number;
}

export interface Candidate {
  path: string;
  abs: string;
  /** Set when the file cannot be read safely (link outside the workspace, …). */
  problem?: string;
}

const MANIFEST_KEY =
  /(?:^|[\s{,"'])(?:computeType|endpoint_name|deployment_compute_target|inference_entry_script|inference_source_directory|compute_type|vm_priority|cluster_purpose|agent_count|min_nodes|model_file_name|model_name|model_framework|enable_gpu|autoscale_enabled|gpu_cores|cpu_cores|memory_gb|num_replicas)["']?\s*:/;
const SCHEMA_KEY =
  /\$schema["']?\s*:\s*["']?[^\n]*(?:azureml|onlinedeployment|onlineendpoint|batchendpoint|batchdeployment|amlcompute|kubernetescompute|computeinstance|vmcompute|model\.schema)/i;
const TYPE_KEY = /(?:^|[\s{,"'])type["']?\s*:\s*["']?(?:amlcompute|kubernetes|pipeline)\b/i;

/** Cheap text test: could this YAML/JSON file be an Azure ML manifest? Keeps workflows, package.json … unparsed. */
export function looksLikeManifest(relPath: string, text: string): boolean {
  if (path.posix.basename(relPath) === 'MLmodel') return true;
  return MANIFEST_KEY.test(text) || SCHEMA_KEY.test(text) || TYPE_KEY.test(text);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Lists candidate files under root (links are not followed out of the workspace, link loops cannot
 * occur). Synchronous I/O on purpose: one thread-pool round trip per call costs more than the call.
 */
export async function walk(opts: WalkOptions): Promise<Candidate[]> {
  return walkSync(opts);
}

export function walkSync(opts: WalkOptions): Candidate[] {
  const root = path.resolve(opts.root);
  const realRoot = realpathSync(root);
  const exclude = [...BUILTIN_EXCLUDES, ...opts.exclude];
  const isIncluded = picomatch(opts.include, { dot: true });
  const isExcluded = picomatch(exclude, { dot: true });
  const prune = exclude.filter((g) => g.endsWith('/**')).map((g) => picomatch(g.slice(0, -3), { dot: true }));
  const only = (opts.paths ?? []).map((p) => toPosix(p).replace(/\/+$/, '')).filter((p) => p !== '' && p !== '.');
  const inScope = (rel: string) => only.length === 0 || only.some((p) => rel === p || rel.startsWith(p + '/'));
  const underScope = (relDir: string) => only.length === 0 || only.some((p) => p === relDir || p.startsWith(relDir + '/') || relDir.startsWith(p + '/'));

  const out: Candidate[] = [];
  const stack: string[] = [''];
  while (stack.length > 0) {
    const relDir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, relDir), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      if (ent.isDirectory()) {
        if (prune.some((m) => m(rel)) || !underScope(rel)) continue;
        stack.push(rel);
      } else if (ent.isFile() || ent.isSymbolicLink()) {
        if (!inScope(rel) || !isIncluded(rel) || isExcluded(rel)) continue;
        const abs = path.join(root, rel);
        if (ent.isSymbolicLink()) {
          let real: string;
          try {
            real = realpathSync(abs);
          } catch {
            out.push({ path: rel, abs, problem: 'symbolic link that cannot be resolved (dangling or a loop); not read' });
            continue;
          }
          if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
            out.push({ path: rel, abs, problem: 'symbolic link pointing outside the workspace; not read' });
            continue;
          }
          let isFile = false;
          try {
            isFile = statSync(real).isFile();
          } catch {
            isFile = false;
          }
          if (!isFile) continue;
        }
        out.push({ path: rel, abs });
      }
    }
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads and parses one candidate. Returns null for files that are not manifests (pre-filter). Never throws. */
export async function loadCandidate(c: Candidate, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<LoadedFile | null> {
  return loadCandidateSync(c, maxBytes);
}

export function loadCandidateSync(c: Candidate, maxBytes = DEFAULT_MAX_FILE_BYTES): LoadedFile | null {
  const syntax = /\.json$/i.test(c.path) ? 'json' : 'yaml';
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
    const st = fstatSync(fd);
    if (!st.isFile()) return null; // a FIFO or device named like a manifest: never block on it
    if (st.size > maxBytes) {
      // Only report files that look like manifests: read a prefix for the pre-filter.
      const head = Buffer.alloc(64 * 1024);
      const n = readSync(fd, head, 0, head.length, 0);
      if (!looksLikeManifest(c.path, head.subarray(0, n).toString('utf8'))) return null;
      return file(
        [{ message: `file too large: ${st.size} bytes is over the ${maxBytes}-byte cap; not read (raise the cap or exclude the file)`, line: 1, column: 1 }],
        st.size,
      );
    }
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return parseBuffer(c, off === st.size ? buf : buf.subarray(0, off), syntax);
  } catch (err) {
    return file([{ message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, line: 1, column: 1 }]);
  } finally {
    closeSync(fd);
  }
}

/** Parses bytes already read (also the entry point for tests and the fuzzer). */
export function parseBuffer(c: Candidate, buf: Buffer, syntax: 'yaml' | 'json' = /\.json$/i.test(c.path) ? 'json' : 'yaml'): LoadedFile | null {
  const base: LoadedFile = { path: c.path, abs: c.abs, text: '', syntax, size: buf.length, docs: [], problems: [] };
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
    text = decoder.decode(buf);
  } catch {
    // Binary or not UTF-8: report only if the readable part looks like a manifest.
    const hasBom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    const loose = buf.toString('latin1', hasBom ? 3 : 0);
    if (!looksLikeManifest(c.path, loose)) return null;
    base.problems.push({ message: 'file is not valid UTF-8 text (binary or another encoding); not read', line: lineOfByte(buf, firstInvalidUtf8(buf)), column: 1 });
    return base;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!looksLikeManifest(c.path, text)) return null;
  if (nul !== -1) {
    base.text = text;
    base.problems.push({ message: 'file contains NUL bytes (binary); not read', line: lineOfByte(buf, nul), column: 1 });
    return base;
  }
  base.text = text;
  const lines = new LineIndex(text);
  if (text.trim() === '') return base;
  const r = syntax === 'json' ? parseJsonc(text, lines) : parseYaml(text, lines);
  base.docs = r.docs;
  base.problems = r.problems;
  return base;
}

function firstInvalidUtf8(buf: Buffer): number {
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(buf.subarray(0, mid));
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

/** Loads candidates in order. */
export async function loadAll(cands: Candidate[], maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<LoadedFile[]> {
  const out: LoadedFile[] = [];
  for (const c of cands) {
    const f = loadCandidateSync(c, maxBytes);
    if (f) out.push(f);
  }
  return out;
}

function utf16Kind(buf: Buffer): 'le' | 'be' | undefined {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'be';
  return undefined;
}

function swap16(buf: Buffer): Buffer {
  const out = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
  return out.swap16();
}
