// Small integer tables of many documents (position rows, line starts) packed into shared 1 MiB
// chunks: a typed array of its own costs a document ~180 bytes of objects and a malloc besides its data.
// A chunk is freed when no table in it is alive any more.

const CHUNK_INTS = 256 * 1024;
/** Tables larger than this get an array of their own (a chunk would be mostly one table). */
const OWN_ABOVE = CHUNK_INTS / 8;

// The first chunk is made on first use (no 1 MiB allocation at start-up).
let chunk = new Int32Array(0);
let used = CHUNK_INTS;

/** Where a table was placed: read `arena.buf` and `arena.at` right after `allocate`. */
export const arena = { buf: chunk, at: 0 };

/** Reserves `n` integers (zeroed) and sets `arena.buf` / `arena.at` to them. */
export function allocate(n: number): void {
  if (n > OWN_ABOVE) {
    arena.buf = new Int32Array(n);
    arena.at = 0;
    return;
  }
  if (used + n > CHUNK_INTS) {
    chunk = new Int32Array(CHUNK_INTS);
    used = 0;
  }
  arena.buf = chunk;
  arena.at = used;
  used += n;
}

/** Copies the first `n` integers of `src` into the arena (see `allocate`). */
export function copyIn(src: Int32Array, n: number): void {
  allocate(n);
  arena.buf.set(n === src.length ? src : src.subarray(0, n), arena.at);
}
