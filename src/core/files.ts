// Reading a file that is already open, in full.
import { readSync } from 'node:fs';

/** The first `size` bytes of an open file (fewer when it shrank while being read). */
export function readOpen(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let off = 0;
  while (off < size) {
    const n = readSync(fd, buf, off, size - off, off);
    if (n === 0) break;
    off += n;
  }
  return off === size ? buf : buf.subarray(0, off);
}
