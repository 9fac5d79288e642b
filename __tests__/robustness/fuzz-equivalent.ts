/**
 * Equivalent rewrites for the fuzzer: edits of a manifest's text that Azure's loaders (PyYAML
 * `safe_load` for YAML, Python `json` / PyYAML for JSON) decode to the same data — escapes
 * (`\x`, `\u`, `\U` in YAML double quotes, `\u` and surrogate pairs in JSON), quoting styles,
 * anchors and aliases (as values and as keys), tags (`!!str`, `!!int`, `!!map`, verbatim
 * `!<tag:yaml.org,2002:…>`, `%TAG` handles), explicit `? key` entries, flow mappings and
 * sequences, document markers and directives, comment lines, a BOM, CRLF, and case variants of
 * the values the loaders (or the gate's documented recognition) compare case-insensitively.
 *
 * Each rewrite is built from the plain file's parse (positions of keys and values) in one pass,
 * so one wrong step cannot steer the next. The fuzzer then requires the same decoded data and the
 * same findings as the plain file: a key Azure decodes is a key the gate recognises.
 */
import { YAML11_SCHEMA } from 'js-yaml';
import { stripComments } from 'jsonc-parser';
import { parseBuffer } from '../../src/load/read.js';
import { pointerSplit } from '../../src/core/pointer.js';
import type { LoadedFile, ParsedDoc, Span } from '../../src/core/types.js';

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const int = (rnd: Rnd, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

export interface Rewrite {
  bytes: Buffer;
  ops: string[];
  /** Line numbers of every key kept (`same`), all moved by `shift` lines, or changed unpredictably. */
  lines: 'same' | 'shift' | 'changed';
  shift: number;
  /** A case variant was applied: compare messages and names case-insensitively. */
  caseFold: boolean;
}

// ------------------------------------------------------------------ sites

type Style = 'plain' | 'double' | 'single' | 'json';

interface Site {
  doc: number;
  ptr: string;
  /** Offsets of the token as written, quotes included. */
  start: number;
  end: number;
  line: number;
  style: Style;
  /** Decoded value (keys: the key string). */
  value: unknown;
  raw: string;
  /** An anchor, tag or alias is attached: no second property may be added. */
  props: boolean;
  /** First token of its line after indentation (and `- `): explicit keys and flow rewrites apply. */
  leads: boolean;
  /** Inside a flow collection. */
  flow: boolean;
}

interface Parsed {
  text: string;
  json: boolean;
  starts: number[];
  lf: LoadedFile;
  keys: Site[];
  values: Site[];
}

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) s.push(i + 1);
  return s;
}

const offsetOf = (starts: number[], line: number, column: number): number => starts[line - 1] + column - 1;

function valueAtPtr(root: unknown, ptr: string): unknown {
  let cur = root;
  for (const seg of pointerSplit(ptr)) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (cur !== null && typeof cur === 'object') cur = (cur as Record<string, unknown>)[seg];
    else return undefined;
  }
  return cur;
}

const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** What PyYAML's YAML 1.1 resolver makes of a plain scalar, approximately: the js-yaml YAML 1.1 tag name. */
function plainTag(raw: string): string {
  if (/^[yYnN]$/.test(raw)) return 'str';
  if (raw === '=' || raw === '<<') return 'special';
  const { tag } = YAML11_SCHEMA.resolveImplicitScalarTag(raw);
  return tag.tagName.replace(/^.*:/, '');
}

/** A plain key or value that PyYAML reads as a string (not a number, bool, null, timestamp). */
const plainIsStr = (raw: string): boolean => plainTag(raw) === 'str';

/** Is the text before `start` on its line only indentation (and `- ` entries)? */
function leadsLine(text: string, starts: number[], line: number, start: number): boolean {
  return /^ *(?:- +)*$/.test(text.slice(starts[line - 1], start));
}

/** Inside a flow collection: an unclosed `[` or `{` before the token in the document (outside quotes). */
function inFlow(text: string, start: number): boolean {
  // Cheap: the nearest unclosed bracket on the token's line or the lines before, back to a line
  // that starts at column 0 with a key or `-` (a block context boundary).
  let depth = 0;
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '}' || c === ']') depth++;
    else if (c === '{' || c === '[') {
      if (depth === 0) return true;
      depth--;
    } else if (c === '\n' && depth === 0) {
      const next = text.slice(i + 1, i + 2);
      if (next !== ' ' && next !== '\t' && next !== '') return false;
    }
  }
  return false;
}

function propsBefore(text: string, start: number, lineStart: number): boolean {
  // `&a`, `!tag` or `*a` right before the token (with spaces).
  const before = text.slice(lineStart, start);
  return /(?:[&!][^\s]*|\*[^\s]*)\s*$/.test(before) && /(?:^|[\s:[{,-])[&!*][^\s]*\s*$/.test(before);
}

function sitesOf(lf: LoadedFile, text: string, json: boolean): { keys: Site[]; values: Site[] } {
  const starts = lineStarts(text);
  const keys: Site[] = [];
  const values: Site[] = [];
  lf.docs.forEach((d: ParsedDoc, di) => {
    const add = (ptr: string, span: Span, isKey: boolean) => {
      if (span.line !== span.endLine) return;
      let start = offsetOf(starts, span.line, span.column);
      let end = offsetOf(starts, span.endLine, span.endColumn);
      if (!(start >= 0 && end >= start && end <= text.length)) return;
      const segs = pointerSplit(ptr);
      const value = isKey ? segs[segs.length - 1] : valueAtPtr(d.value, ptr);
      if (!isKey && !isScalar(value)) return;
      let style: Style;
      if (json) {
        style = 'json';
      } else if (text[start - 1] === '"' && text[end] === '"') {
        style = 'double';
        start--;
        end++;
      } else if (text[start - 1] === "'" && text[end] === "'") {
        style = 'single';
        start--;
        end++;
      } else {
        style = 'plain';
      }
      const raw = text.slice(start, end);
      // Keep only tokens whose text is exactly the decoded value in its style (no escapes, no folding).
      if (style === 'plain') {
        if (raw === '' || raw.startsWith('*') || raw.startsWith('|') || raw.startsWith('>')) return;
        if (isKey || typeof value === 'string') {
          if (raw !== value) return;
        } else {
          // A number, bool or null must be written as one (an empty value's span is not its own).
          const t = plainTag(raw);
          const want = value === null ? 'null' : typeof value === 'boolean' ? 'bool' : 'number';
          if (want === 'number' ? t !== 'int' && t !== 'float' : t !== want) return;
        }
      } else if (style === 'double' || style === 'json') {
        if (typeof value !== 'string' || raw !== `"${value}"` || /[\\"]/.test(value)) return;
      } else if (style === 'single') {
        if (typeof value !== 'string' || raw !== `'${value.replace(/'/g, "''")}'`) return;
      }
      const site: Site = {
        doc: di,
        ptr,
        start,
        end,
        line: span.line,
        style,
        value,
        raw,
        props: json ? false : propsBefore(text, start, starts[span.line - 1]),
        leads: json ? false : leadsLine(text, starts, span.line, start),
        flow: json ? true : inFlow(text, start),
      };
      (isKey ? keys : values).push(site);
    };
    for (const [ptr, span] of d.keys) add(ptr, span, true);
    for (const [ptr, span] of d.values) if (ptr !== '') add(ptr, span, false);
  });
  // Merge keys (`<<`) lend their span to the merged keys: those sites are not the key's own text.
  return { keys: keys.filter((k) => k.raw !== '<<' || k.value === '<<'), values };
}

function parse(bytes: Buffer, rel: string): Parsed | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return undefined;
  if (bytes.includes(0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  if (text.includes('\r')) return undefined;
  const json = /\.json$/i.test(rel);
  const lf = parseBuffer({ path: rel, abs: rel }, bytes, () => true);
  if (!lf || lf.problems.length > 0 || lf.docs.length === 0) return undefined;
  const { keys, values } = sitesOf(lf, text, json);
  return { text, json, starts: lineStarts(text), lf, keys, values };
}

// ------------------------------------------------------------------ encoders

const hex = (n: number, w: number, rnd: Rnd): string => {
  const h = n.toString(16).padStart(w, '0');
  return rnd() < 0.5 ? h : h.toUpperCase();
};

/** A YAML double-quoted scalar for `s`, escaping some characters (at least one when `force`). */
export function yamlDouble(s: string, rnd: Rnd, rate: number, force: boolean): string {
  const chars = [...s];
  const forced = force && chars.length > 0 ? int(rnd, 0, chars.length - 1) : -1;
  let out = '"';
  chars.forEach((c, i) => {
    const cp = c.codePointAt(0)!;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || (cp >= 0xd800 && cp < 0xe000) || cp === 0xfeff || cp === 0xfffe || cp === 0xffff) {
      out += cp <= 0xff ? `\\x${hex(cp, 2, rnd)}` : `\\u${hex(cp, 4, rnd)}`;
    } else if (i === forced || rnd() < rate) {
      const r = rnd();
      if (c === '/' && r < 0.3) out += '\\/';
      else if (c === ' ' && r < 0.3) out += '\\ ';
      else if (cp <= 0xff && r < 0.55) out += `\\x${hex(cp, 2, rnd)}`;
      else if (cp <= 0xffff && r < 0.8) out += `\\u${hex(cp, 4, rnd)}`;
      else out += `\\U${hex(cp, 8, rnd)}`;
    } else out += c;
  });
  return out + '"';
}

/** A JSON string for `s` with some characters as `\u` escapes (surrogate pairs beyond the BMP). */
export function jsonString(s: string, rnd: Rnd, rate: number, force: boolean): string {
  const units = s.split('');
  const forced = force && units.length > 0 ? int(rnd, 0, units.length - 1) : -1;
  let out = '"';
  units.forEach((c, i) => {
    const u = c.charCodeAt(0);
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (u < 0x20) out += `\\u${hex(u, 4, rnd)}`;
    else if (i === forced || rnd() < rate) out += c === '/' && rnd() < 0.3 ? '\\/' : `\\u${hex(u, 4, rnd)}`;
    else out += c;
  });
  return out + '"';
}

const yamlSingle = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const yamlPlainDouble = (s: string, rnd: Rnd): string => yamlDouble(s, rnd, 0, false);

function caseVariant(s: string, rnd: Rnd): string {
  let out = '';
  for (const c of s) out += rnd() < 0.5 ? c.toUpperCase() : c.toLowerCase();
  return out === s && s.toUpperCase() !== s ? s.toUpperCase() : out;
}

/**
 * Values compared case-insensitively: v1 `computeType` (the v1 CLI lower-cases it), a compute's `type` (`Compute._load` / the gate's documented recognition), the
 * `$schema` basename (the gate's recognition: any case), SKU names (`instance_type`, `size`,
 * `vm_size`: the catalogue is case-insensitive).
 */
function caseTarget(ptr: string, value: unknown, doc: unknown): { from: number; to: number } | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const data = (doc ?? {}) as Record<string, unknown>;
  // A deployment's `type` is compared as written (`type: Kubernetes` is a managed deployment), and a
  // Kubernetes `instance_type` names a cluster resource: neither is varied.
  const deployment = 'endpoint_name' in data;
  const k8s = typeof data.type === 'string' && data.type.trim().toLowerCase() === 'kubernetes';
  // (aml-compute's `compute_type` is compared as written: `compute_type == "amlcluster"` in its main.py.)
  if (ptr === '/computeType' || ptr === '/size' || ptr === '/vm_size') return { from: 0, to: value.length };
  if ((ptr === '/instance_type' || ptr === '/resources/instance_type') && !k8s) return { from: 0, to: value.length };
  if (ptr === '/type' && !deployment && /^(amlcompute|kubernetes|computeinstance|virtualmachine)$/i.test(value)) return { from: 0, to: value.length };
  if (ptr === '/$schema') {
    const slash = value.lastIndexOf('/');
    return { from: slash + 1, to: value.length };
  }
  return undefined;
}

// ------------------------------------------------------------------ edits

interface Edit {
  start: number;
  end: number;
  text: string;
}

class Plan {
  readonly edits: Edit[] = [];
  readonly lines = new Set<number>();
  /** Lines edited by a structural rewrite (no other edit may touch them). */
  readonly claimed = new Set<number>();
  anchors = 0;

  constructor(private readonly p: Parsed) {}

  /** No two edits start at one offset (two anchors, a tag before an alias) or overlap. */
  free(start: number, end: number): boolean {
    return this.edits.every(
      (e) =>
        start !== e.start &&
        !(start < e.end && e.start < end) &&
        !(start === end && e.start < start && start < e.end) &&
        !(e.start === e.end && start < e.start && e.start < end),
    );
  }

  lineOf(off: number): number {
    const s = this.p.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  add(start: number, end: number, text: string, claim = false): boolean {
    if (!this.free(start, end)) return false;
    const first = this.lineOf(start);
    const last = this.lineOf(Math.max(start, end - 1));
    for (let l = first; l <= last; l++) if (this.claimed.has(l) || (claim && this.lines.has(l))) return false;
    for (let l = first; l <= last; l++) {
      this.lines.add(l);
      if (claim) this.claimed.add(l);
    }
    this.edits.push({ start, end, text });
    return true;
  }

  anchor(): string {
    return `mdgfz${this.anchors++}`;
  }

  apply(text: string): string {
    let out = text;
    for (const e of [...this.edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  }
}

interface OpResult {
  name: string;
  lines?: 'changed';
  caseFold?: boolean;
}

type Op = (p: Parsed, plan: Plan, rnd: Rnd) => OpResult | undefined;

const stringKey = (k: Site): boolean => k.style !== 'plain' || plainIsStr(k.raw);
const stringValue = (v: Site): boolean => typeof v.value === 'string' && (v.style !== 'plain' || plainIsStr(v.raw));

function pickSite(rnd: Rnd, sites: Site[], ok: (s: Site) => boolean): Site | undefined {
  const c = sites.filter(ok);
  return c.length ? pick(rnd, c) : undefined;
}

/** The `:` after a key token on its line, and whether only a comment or nothing follows it. */
function colonAfter(text: string, k: Site): { at: number; restEmpty: boolean; rest: string } | undefined {
  let i = k.end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] !== ':') return undefined;
  const eol = text.indexOf('\n', i);
  const rest = text.slice(i + 1, eol === -1 ? text.length : eol);
  return { at: i, restEmpty: /^\s*(#.*)?$/.test(rest), rest };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** A value compared case-insensitively (see caseTarget) in another case, in its own quoting style. */
function caseVariantOp(name: string): Op {
  return (p, plan, rnd) => {
    const v = pickSite(rnd, p.values, (s) => caseTarget(s.ptr, s.value, p.lf.docs[s.doc].value) !== undefined);
    if (!v) return undefined;
    const t = caseTarget(v.ptr, v.value, p.lf.docs[v.doc].value)!;
    const s = String(v.value);
    const next = s.slice(0, t.from) + caseVariant(s.slice(t.from, t.to), rnd) + s.slice(t.to);
    if (v.style === 'plain' && !plainIsStr(next)) return undefined;
    const written = v.style === 'json' ? JSON.stringify(next) : v.style === 'double' ? `"${next}"` : v.style === 'single' ? yamlSingle(next) : next;
    return plan.add(v.start, v.end, written) ? { name, caseFold: true } : undefined;
  };
}

/** One of the pairs: the first token anchored, the second replaced by its alias (then `after`). */
function anchorAndAlias(plan: Plan, rnd: Rnd, pairs: Array<[Site, Site]>, after: string, name: string): OpResult | undefined {
  if (!pairs.length) return undefined;
  const [a, b] = pick(rnd, pairs);
  const anchor = plan.anchor();
  if (!plan.free(a.start, a.start) || !plan.free(b.start, b.end)) return undefined;
  // An unused anchor is harmless if the alias cannot be placed.
  if (!plan.add(a.start, a.start, `&${anchor} `) || !plan.add(b.start, b.end, `*${anchor}${after}`)) return undefined;
  return { name };
}

const YAML_OPS: Record<string, Op> = {
  'key-escape'(p, plan, rnd) {
    const k = pickSite(rnd, p.keys, (s) => s.style === 'plain' ? plainIsStr(s.raw) && s.raw !== '' : true);
    if (!k || !plan.add(k.start, k.end, yamlDouble(String(k.value), rnd, 0.3, true))) return undefined;
    return { name: 'key-escape' };
  },
  'key-quote'(p, plan, rnd) {
    const k = pickSite(rnd, p.keys, (s) => s.style === 'plain' && plainIsStr(s.raw) && s.raw !== '');
    if (!k) return undefined;
    const q = rnd() < 0.5 ? yamlSingle(String(k.value)) : yamlPlainDouble(String(k.value), rnd);
    return plan.add(k.start, k.end, q) ? { name: 'key-quote' } : undefined;
  },
  'value-escape'(p, plan, rnd) {
    const v = pickSite(rnd, p.values, stringValue);
    if (!v || !plan.add(v.start, v.end, yamlDouble(String(v.value), rnd, 0.3, true))) return undefined;
    return { name: 'value-escape' };
  },
  'value-quote'(p, plan, rnd) {
    const v = pickSite(rnd, p.values, (s) => s.style === 'plain' && stringValue(s) && s.raw !== '');
    if (!v) return undefined;
    const q = rnd() < 0.5 ? yamlSingle(String(v.value)) : yamlPlainDouble(String(v.value), rnd);
    return plan.add(v.start, v.end, q) ? { name: 'value-quote' } : undefined;
  },
  'key-tag'(p, plan, rnd) {
    const k = pickSite(rnd, p.keys, (s) => !s.props && stringKey(s) && s.raw !== '');
    if (!k) return undefined;
    const tag = pick(rnd, ['!!str', '!<tag:yaml.org,2002:str>']);
    return plan.add(k.start, k.start, `${tag} `) ? { name: `key-tag ${tag}` } : undefined;
  },
  'value-tag'(p, plan, rnd) {
    const v = pickSite(rnd, p.values, (s) => !s.props && s.raw !== '');
    if (!v) return undefined;
    let tag: string | undefined;
    if (stringValue(v)) tag = 'str';
    else if (v.style === 'plain') {
      const t = plainTag(v.raw);
      if (t === 'int' && typeof v.value === 'number') tag = 'int';
      else if (t === 'float' && typeof v.value === 'number' && Number.isFinite(v.value)) tag = 'float';
      else if (t === 'bool' && typeof v.value === 'boolean') tag = 'bool';
      else if (t === 'null' && v.value === null) tag = 'null';
    }
    if (!tag) return undefined;
    const written = rnd() < 0.7 ? `!!${tag}` : `!<tag:yaml.org,2002:${tag}>`;
    return plan.add(v.start, v.start, `${written} `) ? { name: `value-tag ${written}` } : undefined;
  },
  'collection-tag'(p, plan, rnd) {
    // `key: !!map` / `key: !!seq` (block), `!!map {…}` (flow), or an unused anchor on the collection.
    const k = pickSite(rnd, p.keys, (s) => {
      const v = valueAtPtr(p.lf.docs[s.doc].value, s.ptr);
      return v !== null && typeof v === 'object';
    });
    if (!k) return undefined;
    const v = valueAtPtr(p.lf.docs[k.doc].value, k.ptr);
    const span = p.lf.docs[k.doc].values.get(k.ptr);
    if (!span) return undefined;
    const vStart = offsetOf(p.starts, span.line, span.column);
    const tag = Array.isArray(v) ? '!!seq' : '!!map';
    const props = pick(rnd, [tag, `&${plan.anchor()}`, `${tag} &${plan.anchor()}`, `&${plan.anchor()} ${tag}`]);
    if (p.text[vStart] === '{' || p.text[vStart] === '[') {
      if (propsBefore(p.text, vStart, p.starts[span.line - 1])) return undefined;
      return plan.add(vStart, vStart, `${props} `) ? { name: `collection-props ${props.replace(/mdgfz\d+/, 'a')}` } : undefined;
    }
    const c = colonAfter(p.text, k);
    if (!c || !c.restEmpty || span.line <= k.line) return undefined;
    return plan.add(c.at + 1, c.at + 1, ` ${props}`) ? { name: `collection-props ${props.replace(/mdgfz\d+/, 'a')}` } : undefined;
  },
  'value-anchor'(p, plan, rnd) {
    const v = pickSite(rnd, p.values, (s) => !s.props && s.raw !== '');
    if (!v) return undefined;
    return plan.add(v.start, v.start, `&${plan.anchor()} `) ? { name: 'value-anchor' } : undefined;
  },
  'value-alias'(p, plan, rnd) {
    // An earlier scalar anchored, a later identical one replaced by the alias.
    const pairs: Array<[Site, Site]> = [];
    const vs = p.values.filter((s) => !s.props && s.raw !== '');
    for (let i = 0; i < vs.length; i++) {
      for (let j = i + 1; j < vs.length; j++) {
        if (vs[i].doc === vs[j].doc && vs[i].raw === vs[j].raw && vs[i].value === vs[j].value && vs[j].start > vs[i].end) pairs.push([vs[i], vs[j]]);
      }
    }
    return anchorAndAlias(plan, rnd, pairs, '', 'value-alias');
  },
  'key-alias'(p, plan, rnd) {
    // A later key written as an alias of an earlier anchored key or string value with the same text.
    const pairs: Array<[Site, Site]> = [];
    const sources = [...p.keys.filter((s) => stringKey(s)), ...p.values.filter((s) => stringValue(s))].filter((s) => !s.props && s.raw !== '');
    const targets = p.keys.filter((s) => !s.props && stringKey(s) && s.raw !== '');
    for (const a of sources) for (const b of targets) if (a.doc === b.doc && a.value === b.value && b.start > a.end) pairs.push([a, b]);
    // `*a :` — a space before the colon, which an anchor name may hold.
    return anchorAndAlias(plan, rnd, pairs, ' ', 'key-alias');
  },
  'explicit-key'(p, plan, rnd) {
    const k = pickSite(rnd, p.keys, (s) => s.leads && !s.flow && !s.props);
    if (!k) return undefined;
    const c = colonAfter(p.text, k);
    if (!c) return undefined;
    const lineStart = p.starts[k.line - 1];
    const pre = p.text.slice(lineStart, k.start);
    const ind = ' '.repeat(pre.length);
    if (c.restEmpty) {
      // The value is a block node on the lines below: it must be indented deeper than the key.
      const lines = p.text.split('\n');
      let n = k.line;
      while (n < lines.length && /^\s*(#.*)?$/.test(lines[n])) n++;
      if (n >= lines.length || indentOf(lines[n]) <= pre.length || lines[n].trimStart().startsWith('-') && indentOf(lines[n]) <= pre.length) return undefined;
    }
    const token = p.text.slice(k.start, k.end);
    return plan.add(lineStart, c.at + 1, `${pre}? ${token}\n${ind}:`, true) ? { name: 'explicit-key', lines: 'changed' } : undefined;
  },
  'flow-collection'(p, plan, rnd) {
    // A block mapping or sequence of single-line scalars, one per line, rewritten `{k: v, …}` / `[a, …]`.
    const lines = p.text.split('\n');
    const k = pickSite(rnd, p.keys, (s) => {
      if (!s.leads || s.flow || s.props) return false;
      const v = valueAtPtr(p.lf.docs[s.doc].value, s.ptr);
      return v !== null && typeof v === 'object' && Object.keys(v).length > 0;
    });
    if (!k) return undefined;
    const doc = p.lf.docs[k.doc];
    const v = valueAtPtr(doc.value, k.ptr) as Record<string, unknown> | unknown[];
    const c = colonAfter(p.text, k);
    if (!c || !c.restEmpty || /#/.test(c.rest)) return undefined;
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    const items: string[] = [];
    let line = k.line; // 1-based line of the key; children follow
    const keyIndent = p.text.slice(p.starts[k.line - 1], k.start).length;
    for (const [ck, cv] of entries) {
      line++;
      const l = lines[line - 1];
      if (l === undefined || indentOf(l) <= keyIndent) return undefined;
      const childPtr = `${k.ptr}/${ck.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const vs = p.values.find((s) => s.doc === k.doc && s.ptr === childPtr);
      if (!vs || vs.line !== line || vs.props || !isScalar(cv)) return undefined;
      let valueText: string;
      if (typeof cv === 'string') {
        if (vs.style === 'plain' && !plainIsStr(vs.raw)) return undefined;
        valueText = JSON.stringify(cv);
      } else if (vs.style === 'plain' && /^[-+.\w]+$/.test(vs.raw)) valueText = vs.raw;
      else return undefined;
      if (Array.isArray(v)) {
        if (!new RegExp(`^ *- +${escapeRe(vs.raw)} *$`).test(l)) return undefined;
        items.push(valueText);
      } else {
        const ks = p.keys.find((s) => s.doc === k.doc && s.ptr === childPtr);
        if (!ks || ks.line !== line || !stringKey(ks) || ks.props) return undefined;
        if (!new RegExp(`^ *${escapeRe(ks.raw)} *: +${escapeRe(vs.raw)} *$`).test(l)) return undefined;
        items.push(`${JSON.stringify(ck)}: ${valueText}`);
      }
    }
    const flow = Array.isArray(v) ? `[${items.join(', ')}]` : `{${items.join(', ')}}`;
    const from = c.at + 1;
    const to = p.starts[line - 1] + lines[line - 1].length;
    return plan.add(from, to, ` ${flow}`, true) ? { name: Array.isArray(v) ? 'flow-sequence' : 'flow-mapping', lines: 'changed' } : undefined;
  },
  'case-variant': caseVariantOp('case-variant'),
  'comment-line'(p, plan, rnd) {
    const k = pickSite(rnd, p.keys, (s) => s.leads && !s.flow && /^ *$/.test(p.text.slice(p.starts[s.line - 1], s.start)));
    if (!k) return undefined;
    const at = p.starts[k.line - 1];
    const ind = p.text.slice(at, k.start);
    return plan.add(at, at, `${ind}# ${pick(rnd, ['fuzz', 'computeType: AKS', '$schema: x', '- a: b', ''])}\n`) ? { name: 'comment-line', lines: 'changed' } : undefined;
  },
};

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const JSON_OPS: Record<string, Op> = {
  'json-key-escape'(p, plan, rnd) {
    const k = pickSite(rnd, p.keys, (s) => s.raw.length > 2);
    if (!k) return undefined;
    return plan.add(k.start, k.end, jsonString(String(k.value), rnd, 0.3, true)) ? { name: 'json-key-escape' } : undefined;
  },
  'json-value-escape'(p, plan, rnd) {
    const v = pickSite(rnd, p.values, (s) => typeof s.value === 'string' && s.raw.length > 2);
    if (!v) return undefined;
    return plan.add(v.start, v.end, jsonString(String(v.value), rnd, 0.3, true)) ? { name: 'json-value-escape' } : undefined;
  },
  'json-case-variant': caseVariantOp('json-case-variant'),
  'json-space'(p, plan, rnd) {
    const k = pickSite(rnd, p.keys, () => true);
    if (!k) return undefined;
    let i = k.end;
    while (p.text[i] === ' ' || p.text[i] === '\t') i++;
    if (p.text[i] !== ':') return undefined;
    return plan.add(k.end, i + 1, `${pick(rnd, ['', ' ', '  '])}:${pick(rnd, ['', ' ', '   '])}`) ? { name: 'json-space' } : undefined;
  },
};

/** A document prefix (at most one): `---`, `--- !!map`, `%YAML 1.1`, or a `%TAG` handle used on one key. */
function prefix(p: Parsed, plan: Plan, rnd: Rnd, ops: string[]): string {
  const noMarkers = !/^(---|\.\.\.|%)/m.test(p.text);
  if (p.json || !noMarkers || rnd() >= 0.12) return '';
  const which = pick(rnd, ['---\n', '--- !!map\n', '%YAML 1.1\n---\n', '%TAG !e! tag:yaml.org,2002:\n---\n']);
  if (which.startsWith('--- !!map')) {
    // Only on a single document whose root is a mapping.
    if (p.lf.docs.length !== 1 || Array.isArray(p.lf.docs[0].value) || p.lf.docs[0].value === null || typeof p.lf.docs[0].value !== 'object') return '';
  }
  if (which.startsWith('%TAG')) {
    // The handle, used once on a string key of the first document.
    const k = p.keys.find((s) => s.doc === 0 && !s.props && stringKey(s) && plan.free(s.start, s.start));
    if (!k || !plan.add(k.start, k.start, '!e!str ')) return '';
    ops.push('key-tag !e!str');
  }
  ops.push(`prefix ${JSON.stringify(which.trim())}`);
  return which;
}

/**
 * An equivalent rewrite of a seed file, or undefined when the file does not parse cleanly (or no
 * rewrite applies). 1–4 edits, each on its own tokens, then whole-file changes.
 */
export function rewriteEquivalent(rel: string, bytes: Buffer, rnd: Rnd): Rewrite | undefined {
  const p = parse(bytes, rel);
  if (!p) return undefined;
  const table = p.json ? JSON_OPS : YAML_OPS;
  const names = Object.keys(table);
  const plan = new Plan(p);
  const ops: string[] = [];
  let lines: Rewrite['lines'] = 'same';
  let caseFold = false;
  const n = int(rnd, 1, 4);
  for (let k = 0; k < n; k++) {
    for (let tries = 0; tries < 6; tries++) {
      const r = table[pick(rnd, names)](p, plan, rnd);
      if (!r) continue;
      ops.push(r.name);
      if (r.lines === 'changed') lines = 'changed';
      if (r.caseFold) caseFold = true;
      break;
    }
  }
  const pre = prefix(p, plan, rnd, ops);
  let text = pre + plan.apply(p.text);
  if (p.json && rnd() < 0.1 && stripComments(text) === text) {
    text = text.replace(/\n\s*/g, ' ');
    ops.push('json-one-line');
    lines = 'changed';
  }
  if (!p.json && pre === '' && !/^(---|\.\.\.|%)/m.test(p.text) && p.lf.docs.length === 1 && rnd() < 0.05) {
    text = text.replace(/\n*$/, '\n') + '...\n';
    ops.push('document-end');
  }
  const bom = rnd() < 0.06;
  if (bom) ops.push('bom');
  if (rnd() < 0.06) {
    text = text.replace(/\n/g, '\r\n');
    ops.push('crlf');
  }
  if (ops.length === 0) return undefined;
  const shift = pre === '' ? 0 : pre.split('\n').length - 1;
  const buf = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  return { bytes: buf, ops, lines: lines === 'same' && shift ? 'shift' : lines, shift, caseFold };
}

/** The plain file's own parse, for comparing the decoded data (null when it does not parse cleanly). */
export function plainDocs(rel: string, bytes: Buffer): unknown[] | null {
  const lf = parseBuffer({ path: rel, abs: rel }, bytes, () => true);
  if (!lf || lf.problems.length > 0) return null;
  return lf.docs.map((d) => d.value);
}
