// The JSON report written to a file in pieces: the same bytes as `JSON.stringify(report, null, 2)`
// plus a newline (report/json.ts renderJson), without ever holding the whole text (42 MiB for a
// 50k-manifest repository, twice that while V8 builds it).
import { closeSync, openSync, writeSync } from 'node:fs';
import { ReportList } from '../report/json.js';

const FLUSH_AT = 64 * 1024;
const SLICE = 64;
const SLICE_PREFIX = '{\n  "k": [\n';
const SLICE_SUFFIX = '\n  ]\n}';

/**
 * Writes `JSON.stringify(report, null, 2) + '\n'` to `file`, one top-level member or list item at a
 * time. A top-level ReportList (report/json.ts toLazyJsonReport) is made a slice at a time as well.
 */
export function writeJsonFile(file: string, report: object): void {
  const fd = openSync(file, 'w');
  let pending = '';
  try {
    writeOut(jsonLines(report));
    writeAll(fd, pending);
  } finally {
    closeSync(fd);
  }

  function jsonLines(value: object): string {
    // Members JSON.stringify would leave out (undefined, functions, symbols) are left out here too.
    const entries = Object.entries(value).filter(([, v]) => stringifies(v));
    if (entries.length === 0) return '{}\n';
    let first = true;
    let out = '{';
    for (const [key, v] of entries) {
      out += `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
      first = false;
      const list: ReportList<unknown> | unknown[] | undefined = v instanceof ReportList || Array.isArray(v) ? v : undefined;
      if (list && list.length > 0) {
        // Large lists go out a slice at a time. A slice stringified as the member of an object is
        // indented exactly as it is at this depth, so its items are cut out of that text unchanged.
        writeOut(out + '[\n');
        out = '';
        for (let i = 0; i < list.length; i += SLICE) {
          const text = JSON.stringify({ k: list.slice(i, i + SLICE) }, null, 2);
          writeOut((i === 0 ? '' : ',\n') + text.slice(SLICE_PREFIX.length, text.length - SLICE_SUFFIX.length));
        }
        out += '\n  ]';
      } else {
        out += (JSON.stringify(v, null, 2) as string).replace(/\n/g, '\n  ');
      }
    }
    return `${out}\n}\n`;
  }

  function writeOut(s: string): void {
    pending += s;
    if (pending.length >= FLUSH_AT) {
      writeAll(fd, pending);
      pending = '';
    }
  }
}

function stringifies(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}

/** One buffer for every write (pieces are ~64 KiB): no new buffer per piece. */
let scratch: Buffer | undefined;

function writeAll(fd: number, s: string): void {
  if (s === '') return;
  const need = Buffer.byteLength(s, 'utf8');
  let buf: Buffer;
  if (need <= 4 * FLUSH_AT) {
    scratch ??= Buffer.allocUnsafeSlow(4 * FLUSH_AT);
    buf = scratch.subarray(0, scratch.write(s, 0, 'utf8'));
  } else {
    buf = Buffer.from(s, 'utf8');
  }
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}
