// Source positions of a parsed document, kept compact: one row of six 32-bit integers per node of the
// syntax tree (parent, end of its subtree, key and value offsets) and its segment (key or list index),
// turned into line/column spans only when asked. `keys` and `values` are read-only Map views over the
// table with the exact contents of the JSON-Pointer → span Maps the parser used to build for every
// node (last write wins, merge keys included), so `get`, `has` and iteration answer as before.
import type { Span } from '../core/types.js';
import { pointerJoin, pointerSplit } from '../core/pointer.js';
import { arena, copyIn } from './arena.js';
import type { LineIndex } from './lines.js';

const STRIDE = 6;
const PARENT = 0;
const END = 1;
const KEY_START = 2;
const KEY_END = 3;
const VALUE_START = 4;
const VALUE_END = 5;
/** `end` of a node whose subtree is still being built. */
const OPEN = 0x7fffffff;
/**
 * Past this many nodes a lookup scans too many siblings: the first one builds the pointer Maps of the
 * document (as the parser used to for every document) and answers from them.
 */
const INDEXED_ABOVE = 1024;

/**
 * A key written by a YAML merge (`<<: *base`): the member `seg` of mapping node `parent` points at the
 * `<<` key. It is written when the mapping closes, so it comes after every node of the mapping's subtree.
 */
interface MergeKey {
  parent: number;
  seg: string;
  start: number;
  end: number;
}

type Seg = string | number;

/** Positions of one document. Offsets are UTF-16 offsets into the file's text. */
export class PositionTable {
  private keyMap: Map<string, Span> | undefined;
  private valueMap: Map<string, Span> | undefined;

  constructor(
    private readonly rows: Int32Array,
    /** Where this document's rows start in `rows` (a shared arena chunk). */
    private readonly base: number,
    private readonly segs: readonly Seg[],
    private readonly merges: readonly MergeKey[] | undefined,
    private readonly lines: LineIndex,
  ) {}

  get nodeCount(): number {
    return this.segs.length;
  }

  /** Span of the key a pointer names (the last one written, as a Map would keep it). */
  key(ptr: string): Span | undefined {
    if (this.segs.length > INDEXED_ABOVE) return this.keys().get(ptr);
    const segs = canonicalSegments(ptr);
    if (!segs || segs.length === 0) return undefined;
    const node = findLast(this.rows, this.base, this.segs, this.segs.length, segs, true);
    const merge = this.mergeFor(segs);
    if (merge && (node === -1 || this.rows[this.base + merge.parent * STRIDE + END] > node)) return this.lines.span(merge.start, merge.end);
    if (node === -1) return undefined;
    const r = node * STRIDE;
    return this.lines.span(this.rows[this.base + r + KEY_START], this.rows[this.base + r + KEY_END]);
  }

  /** Span of the value at a pointer ('' is the document's root). */
  value(ptr: string): Span | undefined {
    if (this.segs.length > INDEXED_ABOVE) return this.values().get(ptr);
    const segs = canonicalSegments(ptr);
    if (!segs) return undefined;
    const node = findLast(this.rows, this.base, this.segs, this.segs.length, segs, false);
    if (node === -1) return undefined;
    const r = node * STRIDE;
    return this.lines.span(this.rows[this.base + r + VALUE_START], this.rows[this.base + r + VALUE_END]);
  }

  private mergeFor(segs: string[]): MergeKey | undefined {
    if (!this.merges) return undefined;
    const last = segs[segs.length - 1];
    for (const m of this.merges) {
      if (m.seg === last && pathIs(this.rows, this.base, this.segs, m.parent, segs, segs.length - 1)) return m;
    }
    return undefined;
  }

  /** Every key span by pointer, in the order a Map filled node by node would hold them. */
  keys(): Map<string, Span> {
    if (this.keyMap) return this.keyMap;
    const map = new Map<string, Span>();
    const ptrs = this.pointers();
    const merges = this.merges ?? [];
    let mi = 0;
    const n = this.segs.length;
    for (let i = 0; i <= n; i++) {
      // Merge keys of mappings that closed before node i.
      while (mi < merges.length && this.rows[this.base + merges[mi].parent * STRIDE + END] <= i) {
        const m = merges[mi++];
        map.set(pointerJoin(ptrs[m.parent], m.seg), this.lines.span(m.start, m.end));
      }
      if (i === n) break;
      const r = i * STRIDE;
      if (this.rows[this.base + r + KEY_START] >= 0) map.set(ptrs[i], this.lines.span(this.rows[this.base + r + KEY_START], this.rows[this.base + r + KEY_END]));
    }
    return (this.keyMap = map);
  }

  /** Every value span by pointer, in node order. */
  values(): Map<string, Span> {
    if (this.valueMap) return this.valueMap;
    const map = new Map<string, Span>();
    const ptrs = this.pointers();
    for (let i = 0; i < this.segs.length; i++) {
      const r = i * STRIDE;
      map.set(ptrs[i], this.lines.span(this.rows[this.base + r + VALUE_START], this.rows[this.base + r + VALUE_END]));
    }
    return (this.valueMap = map);
  }

  /** True when some key was written (a document that is only an empty scalar has none). */
  get hasKeys(): boolean {
    if (this.merges && this.merges.length > 0) return true;
    for (let i = 0; i < this.segs.length; i++) if (this.rows[this.base + i * STRIDE + KEY_START] >= 0) return true;
    return false;
  }

  private pointers(): string[] {
    const out: string[] = new Array(this.segs.length);
    for (let i = 0; i < this.segs.length; i++) {
      out[i] = i === 0 ? '' : pointerJoin(out[this.rows[this.base + i * STRIDE + PARENT]], this.segs[i]);
    }
    return out;
  }
}

/** The segments of a pointer, or undefined when it is not in canonical form (no node has it then). */
function canonicalSegments(ptr: string): string[] | undefined {
  const segs = pointerSplit(ptr);
  let back = '';
  for (const s of segs) back = pointerJoin(back, s);
  return back === ptr ? segs : undefined;
}

function segIs(seg: Seg, s: string): boolean {
  return typeof seg === 'number' ? String(seg) === s : seg === s;
}

/**
 * The last node (in document order) whose path from the root is `segs` (and, for keys, that has a key),
 * among nodes [0, limit). -1 when none.
 */
function findLast(rows: Int32Array, base: number, segTable: readonly Seg[], limit: number, segs: string[], wantKey: boolean): number {
  if (limit === 0) return -1;
  const visit = (node: number, depth: number): number => {
    if (depth === segs.length) return !wantKey || rows[base + node * STRIDE + KEY_START] >= 0 ? node : -1;
    let best = -1;
    const end = Math.min(rows[base + node * STRIDE + END], limit);
    for (let c = node + 1; c < end; c = rows[base + c * STRIDE + END]) {
      if (segIs(segTable[c], segs[depth])) {
        const found = visit(c, depth + 1);
        if (found > best) best = found;
      }
      if (rows[base + c * STRIDE + END] === OPEN) break;
    }
    return best;
  };
  return visit(0, 0);
}

/** True when node's path from the root is the first `len` segments of `segs`. */
function pathIs(rows: Int32Array, base: number, segTable: readonly Seg[], node: number, segs: string[], len: number): boolean {
  let n = node;
  for (let d = len - 1; d >= 0; d--) {
    if (n <= 0 || !segIs(segTable[n], segs[d])) return false;
    n = rows[base + n * STRIDE + PARENT];
  }
  return n === 0;
}

/** Read-only Map view of a table's keys or values. */
export class SpanView implements ReadonlyMap<string, Span> {
  constructor(
    private readonly table: PositionTable,
    private readonly ofKeys: boolean,
  ) {}

  get(ptr: string): Span | undefined {
    return this.ofKeys ? this.table.key(ptr) : this.table.value(ptr);
  }

  has(ptr: string): boolean {
    return this.get(ptr) !== undefined;
  }

  private all(): Map<string, Span> {
    return this.ofKeys ? this.table.keys() : this.table.values();
  }

  get size(): number {
    return this.all().size;
  }

  entries(): MapIterator<[string, Span]> {
    return this.all().entries();
  }

  keys(): MapIterator<string> {
    return this.all().keys();
  }

  values(): MapIterator<Span> {
    return this.all().values();
  }

  forEach(fn: (value: Span, key: string, map: ReadonlyMap<string, Span>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.all()) fn.call(thisArg, v, k, this);
  }

  [Symbol.iterator](): MapIterator<[string, Span]> {
    return this.all()[Symbol.iterator]();
  }
}

let scratch = new Int32Array(256 * STRIDE);
let scratchBusy = false;

/** Records the nodes of one document as the parser walks it, in document order. */
export class PositionBuilder {
  private rows: Int32Array;
  private shared: boolean;
  private n = 0;
  private readonly segs: Seg[] = [];
  private merges: MergeKey[] | undefined;

  constructor() {
    // One growing scratch buffer serves every document; `finish` copies out the used part.
    this.shared = !scratchBusy;
    if (this.shared) scratchBusy = true;
    this.rows = this.shared ? scratch : new Int32Array(64 * STRIDE);
  }

  get count(): number {
    return this.n;
  }

  /** Opens a node: member `seg` of `parent` (-1 for the root), with its key's offsets (-1: no key). */
  open(parent: number, seg: Seg, keyStart: number, keyEnd: number): number {
    const i = this.n++;
    let rows = this.rows;
    if ((i + 1) * STRIDE > rows.length) {
      const grown = new Int32Array(rows.length * 2);
      grown.set(rows);
      rows = this.rows = grown;
      if (this.shared) scratch = grown;
    }
    const r = i * STRIDE;
    rows[r + PARENT] = parent;
    rows[r + END] = OPEN;
    rows[r + KEY_START] = keyStart;
    rows[r + KEY_END] = keyEnd;
    rows[r + VALUE_START] = 0;
    rows[r + VALUE_END] = 0;
    this.segs.push(seg);
    return i;
  }

  value(node: number, start: number, end: number): void {
    const r = node * STRIDE;
    this.rows[r + VALUE_START] = start;
    this.rows[r + VALUE_END] = end;
  }

  close(node: number): void {
    this.rows[node * STRIDE + END] = this.n;
  }

  keyStart(node: number): number {
    return this.rows[node * STRIDE + KEY_START];
  }

  /** The last child of `parent` so far with key `seg` (a duplicate key's earlier occurrence), or -1. */
  lastChildWithKey(parent: number, seg: string): number {
    let found = -1;
    for (let c = parent + 1; c < this.n; c = this.rows[c * STRIDE + END]) {
      if (this.segs[c] === seg && this.rows[c * STRIDE + KEY_START] >= 0) found = c;
      if (this.rows[c * STRIDE + END] === OPEN) break;
    }
    return found;
  }

  /**
   * A merge key (`<<`): member `seg` of mapping `parent` points at the `<<` key unless a key with its
   * pointer was written before (by this mapping or an earlier duplicate of it, or by an earlier merge).
   */
  mergeKey(parent: number, seg: string, start: number, end: number): void {
    const segs: string[] = [];
    for (let n = parent; n > 0; n = this.rows[n * STRIDE + PARENT]) segs.push(String(this.segs[n]));
    segs.reverse();
    segs.push(seg);
    if (findLast(this.rows, 0, this.segs, this.n, segs, true) !== -1) return;
    for (const m of this.merges ?? []) if (m.seg === seg && pathIs(this.rows, 0, this.segs, m.parent, segs, segs.length - 1)) return;
    (this.merges ??= []).push({ parent, seg, start, end });
  }

  finish(lines: LineIndex): PositionTable {
    copyIn(this.rows, this.n * STRIDE);
    // An exact-size copy: a grown array keeps up to half again as many empty slots.
    const table = new PositionTable(arena.buf, arena.at, this.segs.slice(), this.merges, lines);
    this.release();
    return table;
  }

  /** Gives the scratch buffer back (also when the document failed to build). */
  release(): void {
    if (this.shared) {
      this.shared = false;
      scratchBusy = false;
    }
  }
}
