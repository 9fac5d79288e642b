// Declarative changes of a parsed document ("set this pointer to 3", "rename this key") turned into
// minimal text edits of its file: only the value or key changes, everything else — comments, key
// order, indentation, line endings, the other documents of the file, quoting — stays byte for byte.
// A change that cannot be made that safely (aliases, anchors, tags, block scalars, merge keys,
// odd layouts) yields no edits: no fix is better than a wrong one.
import { isMapping, pointerJoin, pointerSplit, valueIn } from '../core/pointer.js';
import type { ParsedDoc, TextEdit } from '../core/types.js';
import { LineMap, indentOf } from './lines.js';
import { quotedContent, renderKey, renderScalar, type Quote, type Scalar } from './scalar.js';

export type { Scalar } from './scalar.js';

/**
 * One change: `set` a scalar at a JSON Pointer (created, with any missing parent mappings, when
 * absent; `like` names a value whose quoting a new value copies), or `rename` the key at a pointer.
 */
export type Change = { set: string; value: Scalar; like?: string } | { rename: string; to: string };

export interface EditSource {
  text: string;
  syntax: 'yaml' | 'json';
  doc: ParsedDoc;
  /** Reused across changes of one file. */
  lines?: LineMap;
}

interface Token {
  start: number;
  end: number;
  quote: Quote;
}

/** A member to add: a scalar (with the quoting to copy) or a nested mapping. */
type Addition = { leaf: true; value: Scalar; quote?: Quote } | { leaf: false; members: Map<string, Addition> };

/** The text edits that make `changes`, in file order, or undefined when any change cannot be made safely. */
export function planEdits(src: EditSource, changes: readonly Change[]): TextEdit[] | undefined {
  const p = new Planner(src);
  const edits: TextEdit[] = [];
  const additions = new Map<string, Map<string, Addition>>();
  for (const c of changes) {
    if ('rename' in c) {
      const e = p.rename(c.rename, c.to);
      if (!e) return undefined;
      edits.push(e);
      continue;
    }
    const v = valueIn(src.doc.value, c.set);
    if (v !== undefined) {
      const e = p.set(c.set, c.value, c.like);
      if (e === undefined) return undefined;
      if (e !== null) edits.push(e);
      continue;
    }
    // Absent: add it to the deepest mapping that exists.
    const segs = pointerSplit(c.set);
    let i = segs.length - 1;
    for (; i >= 0; i--) {
      const anc = join(segs.slice(0, i));
      const av = valueIn(src.doc.value, anc);
      if (av === undefined) continue;
      if (!isMapping(av)) return undefined; // a scalar or a list is in the way
      break;
    }
    if (i < 0) return undefined;
    const anc = join(segs.slice(0, i));
    let members = additions.get(anc);
    if (!members) additions.set(anc, (members = new Map()));
    for (let j = i; j < segs.length - 1; j++) {
      const got: Addition | undefined = members.get(segs[j]);
      if (got && got.leaf) return undefined;
      const next: Addition = got ?? { leaf: false, members: new Map() };
      members.set(segs[j], next);
      members = (next as { members: Map<string, Addition> }).members;
    }
    members.set(segs[segs.length - 1], { leaf: true, value: c.value, quote: c.like !== undefined ? p.quoteOf(c.like) : undefined });
  }
  for (const [anc, members] of additions) {
    const e = p.insert(anc, members);
    if (!e) return undefined;
    edits.push(...e);
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let k = 1; k < edits.length; k++) if (edits[k].start < edits[k - 1].end) return undefined;
  for (const e of edits) e.span = p.lines.span(e.start, e.end);
  return edits;
}

function join(segs: string[]): string {
  return segs.reduce<string>((acc, s) => pointerJoin(acc, s), '');
}

class Planner {
  readonly lines: LineMap;
  private readonly text: string;
  private readonly yaml: boolean;

  constructor(private readonly src: EditSource) {
    this.lines = src.lines ?? new LineMap(src.text);
    this.text = src.text;
    this.yaml = src.syntax === 'yaml';
  }

  private at(line: number, column: number): number {
    return this.lines.offset(line, column);
  }

  /** The key's token (with its quotes), when it is written as the key it names (not merged in, not escaped). */
  keyToken(ptr: string): Token | undefined {
    const span = this.src.doc.keys.get(ptr);
    if (!span || span.line !== span.endLine) return undefined;
    const segs = pointerSplit(ptr);
    const key = segs[segs.length - 1] ?? '';
    let start = this.at(span.line, span.column);
    let end = this.at(span.endLine, span.endColumn);
    const t = this.text;
    if (!this.yaml) {
      if (t[start] !== '"' || t[end - 1] !== '"') return undefined;
      return t.slice(start + 1, end - 1) === quotedContent(key, '"') ? { start, end, quote: '"' } : undefined;
    }
    const before = t[start - 1];
    if ((before === '"' || before === "'") && t[end] === before) {
      if (t.slice(start, end) !== quotedContent(key, before)) return undefined;
      start--;
      end++;
      return { start, end, quote: before };
    }
    return t.slice(start, end) === key ? { start, end, quote: '' } : undefined;
  }

  /** The scalar value's token (with its quotes), when only `:` and blanks separate it from its key. */
  valueToken(ptr: string): Token | undefined {
    const v = valueIn(this.src.doc.value, ptr);
    if (v === undefined || (v !== null && typeof v === 'object')) return undefined;
    const span = this.src.doc.values.get(ptr);
    if (!span || span.line !== span.endLine) return undefined; // block and multi-line scalars stay as written
    let start = this.at(span.line, span.column);
    let end = this.at(span.endLine, span.endColumn);
    if (end <= start) return undefined;
    const t = this.text;
    const key = this.keyToken(ptr);
    if (!key) return undefined;
    if (!this.yaml) {
      if (!/^[ \t]*:[ \t]*$/.test(t.slice(key.end, start))) return undefined;
      return { start, end, quote: t[start] === '"' ? '"' : '' };
    }
    let quote: Quote = '';
    const before = t[start - 1];
    if ((before === '"' || before === "'") && t[end] === before) {
      quote = before;
      start--;
      end++;
    }
    if (/^[*&!|>]/.test(t.slice(start, end))) return undefined;
    // No anchor, tag or block indicator between the key and the value.
    if (!/^[ \t]*:[ \t]+$/.test(t.slice(key.end, start)) && !(/^[ \t]*:$/.test(t.slice(key.end, start)) && quote !== '')) return undefined;
    return { start, end, quote };
  }

  quoteOf(ptr: string): Quote | undefined {
    return this.valueToken(ptr)?.quote;
  }

  /** The edit setting an existing scalar; null when it already reads that way; undefined when unsafe. */
  set(ptr: string, value: Scalar, like?: string): TextEdit | null | undefined {
    const tok = this.valueToken(ptr);
    if (!tok) return undefined;
    const raw = this.text.slice(tok.start, tok.end);
    const quote = like !== undefined ? (this.quoteOf(like) ?? tok.quote) : tok.quote;
    const out = renderScalar(value, this.src.syntax, quote, tok.quote === '' ? raw : undefined);
    return out === raw ? null : { start: tok.start, end: tok.end, text: out };
  }

  rename(ptr: string, to: string): TextEdit | undefined {
    const segs = pointerSplit(ptr);
    if (segs.length === 0) return undefined;
    const parent = valueIn(this.src.doc.value, join(segs.slice(0, -1)));
    if (!isMapping(parent) || Object.hasOwn(parent, to)) return undefined;
    const tok = this.keyToken(ptr);
    if (!tok) return undefined;
    return { start: tok.start, end: tok.end, text: renderKey(to, this.src.syntax, tok.quote) };
  }

  /** Direct members of the mapping at `ptr`, in file order, each with its key token. */
  private children(ptr: string): Array<{ ptr: string; tok: Token }> | undefined {
    const v = valueIn(this.src.doc.value, ptr);
    if (!isMapping(v)) return undefined;
    const out: Array<{ ptr: string; tok: Token }> = [];
    for (const k of Object.keys(v)) {
      const child = pointerJoin(ptr, k);
      const tok = this.keyToken(child);
      if (!tok) return undefined;
      out.push({ ptr: child, tok });
    }
    return out.sort((a, b) => a.tok.start - b.tok.start);
  }

  insert(ptr: string, members: Map<string, Addition>): TextEdit[] | undefined {
    const children = this.children(ptr);
    if (!children) return undefined;
    // A member that differs only in case from the new one is a typo of it: adding the key beside it
    // would leave two spellings of one setting (the typo has its own fix, a rename).
    const lower = new Set(children.map((c) => (pointerSplit(c.ptr).pop() ?? '').toLowerCase()));
    for (const k of members.keys()) if (lower.has(k.toLowerCase())) return undefined;
    const span = this.src.doc.values.get(ptr);
    const open = span ? this.at(span.line, span.column) : -1;
    if (!this.yaml) return this.insertJson(open, children, members);
    if (this.text[open] === '{') return this.insertFlow(open, members);
    return this.insertBlock(ptr, children, members);
  }

  private insertBlock(ptr: string, children: Array<{ ptr: string; tok: Token }>, members: Map<string, Addition>): TextEdit[] | undefined {
    if (children.length === 0) return undefined;
    const L = this.lines;
    const t = this.text;
    const first = children[0];
    const firstLine = L.lineOf(first.tok.start);
    const indent = first.tok.start - L.lineStart(firstLine);
    // A block mapping whose keys each start their own line at one indentation (not `- a: 1` items).
    for (const c of children) {
      const line = L.lineOf(c.tok.start);
      if (t.slice(L.lineStart(line), c.tok.start) !== ' '.repeat(indent)) return undefined;
    }
    const last = children[children.length - 1];
    let end = L.lineOf(last.tok.start);
    const lv = this.src.doc.values.get(last.ptr);
    if (lv) {
      const vs = this.at(lv.line, lv.column);
      if (t[vs] === '{' || t[vs] === '[') {
        const close = this.matchBracket(vs);
        if (close < 0) return undefined;
        end = Math.max(end, L.lineOf(close));
      }
    }
    // Deeper lines (and a block sequence at the member's own indentation) belong to the last member.
    const lastIsList = Array.isArray(valueIn(this.src.doc.value, last.ptr));
    for (let l = end + 1; l <= L.count; l++) {
      const c = L.content(l);
      if (c.trim() === '') continue;
      const ind = indentOf(c);
      if (ind > indent || (lastIsList && ind === indent && /^-( |$)/.test(c.slice(ind)))) {
        end = l;
        continue;
      }
      break;
    }
    const eol = L.eol(end);
    const unit = this.unit(ptr, indent);
    const body = this.block(members, indent, unit, eol);
    if (L.terminator(end) === '') return [{ start: t.length, end: t.length, text: eol + body.slice(0, -eol.length) }];
    const at = L.lineStart(end + 1);
    return [{ start: at, end: at, text: body }];
  }

  /** Indentation step of the file near `ptr` (its children's indentation minus its own), else 2. */
  private unit(ptr: string, indent: number): number {
    if (ptr !== '') {
      const key = this.keyToken(ptr);
      if (key) {
        const line = this.lines.content(this.lines.lineOf(key.start));
        const step = indent - indentOf(line);
        if (step > 0) return step;
      }
    }
    for (const [p, s] of this.src.doc.keys) {
      if (pointerSplit(p).length === 2 && s.column > 1) return s.column - 1 - indent > 0 ? s.column - 1 - indent : 2;
    }
    return 2;
  }

  private block(members: Map<string, Addition>, indent: number, unit: number, eol: string): string {
    const pad = ' '.repeat(indent);
    let out = '';
    for (const [k, a] of members) {
      const key = renderKey(k, 'yaml', '');
      if (a.leaf) out += `${pad}${key}: ${renderScalar(a.value, 'yaml', a.quote ?? '')}${eol}`;
      else out += `${pad}${key}:${eol}${this.block(a.members, indent + unit, unit, eol)}`;
    }
    return out;
  }

  private flow(members: Map<string, Addition>, syntax: 'yaml' | 'json'): string[] {
    return [...members].map(([k, a]) => {
      const key = renderKey(k, syntax, syntax === 'json' ? '"' : '');
      const v = a.leaf ? renderScalar(a.value, syntax, a.quote ?? (syntax === 'json' && typeof a.value === 'string' ? '"' : '')) : `{${this.flow(a.members, syntax).join(', ')}}`;
      return `${key}: ${v}`;
    });
  }

  private insertFlow(open: number, members: Map<string, Addition>): TextEdit[] | undefined {
    const close = this.matchBracket(open);
    if (close < 0) return undefined;
    const inside = this.text.slice(open + 1, close);
    if (inside.includes('\n') && inside.includes('#')) return undefined;
    const items = this.flow(members, 'yaml').join(', ');
    let p = close - 1;
    while (p > open && /\s/.test(this.text[p])) p--;
    if (p === open) return [{ start: open + 1, end: open + 1, text: items }];
    if (this.text[p] === ',') return [{ start: p + 1, end: p + 1, text: ` ${items}` }];
    return [{ start: p + 1, end: p + 1, text: `, ${items}` }];
  }

  private insertJson(open: number, children: Array<{ ptr: string; tok: Token }>, members: Map<string, Addition>): TextEdit[] | undefined {
    const L = this.lines;
    const t = this.text;
    if (t[open] !== '{') return undefined;
    const items = this.flow(members, 'json');
    if (children.length === 0) {
      const close = t.indexOf('}', open);
      if (close < 0 || t.slice(open + 1, close).trim() !== '') return undefined;
      return [{ start: open + 1, end: open + 1, text: items.join(', ') }];
    }
    const last = children[children.length - 1];
    const lv = this.src.doc.values.get(last.ptr);
    if (!lv) return undefined;
    const valueEnd = this.at(lv.endLine, lv.endColumn);
    const keyLine = L.lineOf(last.tok.start);
    if (keyLine === L.lineOf(open)) return [{ start: valueEnd, end: valueEnd, text: items.map((i) => `, ${i}`).join('') }];
    const indent = t.slice(L.lineStart(keyLine), last.tok.start);
    if (!/^[ \t]*$/.test(indent)) return undefined;
    const line = L.lineOf(valueEnd);
    const eol = L.eol(line);
    let q = valueEnd;
    while (t[q] === ' ' || t[q] === '\t') q++;
    const comma = t[q] === ',';
    if (comma) q++;
    while (t[q] === ' ' || t[q] === '\t') q++;
    const rest = t.slice(q, L.contentEnd(line));
    const lines = items.map((i) => `${indent}${i}`).join(`,${eol}`);
    if (comma && rest === '') return [{ start: L.contentEnd(line), end: L.contentEnd(line), text: `${eol}${lines},` }];
    if (!comma && (rest === '' || rest.startsWith('}'))) return [{ start: valueEnd, end: valueEnd, text: `,${eol}${lines}` }];
    if (rest.startsWith('//')) {
      const endOfLine = L.contentEnd(line);
      const tail: TextEdit = { start: endOfLine, end: endOfLine, text: `${eol}${lines}${comma ? ',' : ''}` };
      return comma ? [tail] : [{ start: valueEnd, end: valueEnd, text: ',' }, tail];
    }
    return undefined;
  }

  /** Offset of the bracket closing the `{`/`[` at `open` in YAML flow or JSON text, or -1. */
  private matchBracket(open: number): number {
    const t = this.text;
    let depth = 0;
    for (let i = open; i < t.length; i++) {
      const c = t[i];
      if (c === '"') {
        for (i++; i < t.length && t[i] !== '"'; i++) if (t[i] === '\\') i++;
      } else if (c === "'" && this.yaml) {
        for (i++; i < t.length; i++) {
          if (t[i] === "'" && t[i + 1] === "'") i++;
          else if (t[i] === "'") break;
        }
      } else if (c === '#' && this.yaml && /\s/.test(t[i - 1] ?? ' ')) {
        const nl = t.indexOf('\n', i);
        i = nl < 0 ? t.length : nl;
      } else if (c === '/' && !this.yaml && t[i + 1] === '/') {
        const nl = t.indexOf('\n', i);
        i = nl < 0 ? t.length : nl;
      } else if (c === '/' && !this.yaml && t[i + 1] === '*') {
        const e = t.indexOf('*/', i + 2);
        i = e < 0 ? t.length : e + 1;
      } else if (c === '{' || c === '[') {
        depth++;
      } else if (c === '}' || c === ']') {
        if (--depth === 0) return i;
      }
    }
    return -1;
  }
}
