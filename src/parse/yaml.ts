import {
  parseEvents,
  getScalarValue,
  YAML11_SCHEMA,
  EVENT_ID,
  SCALAR_STYLE,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import type { ParsedDoc, ParseProblem } from '../core/types.js';
import { LineIndex, templateProblem } from './lines.js';
import { PositionBuilder } from './positions.js';
import { Doc, newMapping } from './doc.js';

export interface YamlLimits {
  /** Maximum nesting depth of collections. */
  maxDepth: number;
  /** Maximum number of nodes after alias expansion, per document (billion-laughs guard). */
  maxExpandedNodes: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxDepth: 64, maxExpandedNodes: 200_000 };

export interface YamlParseResult {
  docs: ParsedDoc[];
  problems: ParseProblem[];
}

class BuildError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** A limit of this reader (depth, alias expansion), not an error Azure's loader would stop at. */
    readonly limit = false,
  ) {
    super(message);
  }
}

interface Built {
  value: unknown;
  /** Node count after alias expansion. */
  weight: number;
}

const TAG_PREFIX = 'tag:yaml.org,2002:';

/**
 * Parses YAML into plain values plus the positions of every key and value (a compact table, read
 * through JSON-Pointer → span Map views), in one pass over js-yaml's event stream. Semantics follow PyYAML's safe_load (what the Azure ML CLIs use): YAML 1.1 scalars
 * (`True`, `yes` are booleans), `<<` merge keys; timestamps stay strings; custom tags are ignored.
 * Never throws: problems are returned with their line and column.
 */
export function parseYaml(text: string, lines: LineIndex, limits: YamlLimits = DEFAULT_YAML_LIMITS): YamlParseResult {
  const problems: ParseProblem[] = [];
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: limits.maxDepth });
  } catch (err) {
    problems.push(syntaxProblem(err, text, lines));
    return { docs: [], problems };
  }
  const docs: ParsedDoc[] = [];
  let i = 0;
  let index = 0;
  while (i < events.length) {
    const ev = events[i];
    if (ev.type !== EVENT_ID.DOCUMENT) {
      i++;
      continue;
    }
    // Find the document's extent: the matching POP.
    const builder = new DocBuilder(text, lines, events, i + 1, limits);
    try {
      const root = builder.node(builder.positions.open(-1, '', -1, -1), 0);
      i = builder.pos + 1; // skip document POP
      const table = builder.positions.finish(lines);
      if (root.value === null && !table.hasKeys) {
        index++;
        continue; // empty document: nothing to check
      }
      const start = builder.firstKeyStart >= 0 ? lines.span(builder.firstKeyStart, builder.firstKeyEnd) : (table.value('') ?? lines.span(0, 0));
      docs.push(new Doc(root.value, table, start, index));
    } catch (err) {
      builder.positions.release();
      if (err instanceof BuildError) {
        problems.push(problemAt(err.message, err.offset, text, lines, !err.limit));
      } else {
        problems.push({ message: `cannot read YAML: ${(err as Error).message}`, line: 1, column: 1 });
      }
      // The rest of the stream cannot be trusted once a document failed to build.
      break;
    }
    for (const d of builder.duplicates) problems.push(d);
    index++;
  }
  return { docs, problems };
}

function syntaxProblem(err: unknown, text: string, lines: LineIndex): ParseProblem {
  const e = err as { message?: string; mark?: { position?: number; line?: number; column?: number }; reason?: string };
  const reason = e.reason ?? (e.message ?? String(err)).split('\n')[0].replace(/\s*\(\d+:\d+\)$/, '');
  const offset = typeof e.mark?.position === 'number' ? e.mark.position : 0;
  // js-yaml's depth guard is this reader's limit (PyYAML reads deeper): never blamed on the file's syntax.
  return problemAt(reason, offset, text, lines, !/maxDepth/.test(reason));
}

/** A problem at an offset, unless the file holds an unrendered template: then at its first token. */
/**
 * A problem at an offset, at the parser's own line and column — unless an unrendered template on that
 * line caused it. `syntax`: a YAML error Azure's own loader (PyYAML) would stop at too; limits of this
 * reader (depth, alias expansion) are not.
 */
function problemAt(reason: string, offset: number, text: string, lines: LineIndex, syntax = true): ParseProblem {
  const tpl = syntax ? templateProblem(text, lines, offset, 'YAML parser', reason) : undefined;
  if (tpl) return tpl;
  const p = lines.position(Math.max(0, Math.min(offset, text.length)));
  return { message: `invalid YAML: ${reason}`, line: p.line, column: p.column, ...(syntax ? { syntax } : {}) };
}

class DocBuilder {
  pos: number;
  readonly positions = new PositionBuilder();
  readonly duplicates: ParseProblem[] = [];
  /** Offsets of the root mapping's first key (the document's inventory line). */
  firstKeyStart = -1;
  firstKeyEnd = -1;
  private readonly anchors = new Map<string, Built>();
  private total = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly events: Event[],
    start: number,
    private readonly limits: YamlLimits,
  ) {
    this.pos = start;
  }

  private count(weight: number, offset: number): void {
    this.total += weight;
    if (this.total > this.limits.maxExpandedNodes) {
      throw new BuildError(
        `document expands to more than ${this.limits.maxExpandedNodes} nodes through aliases (alias bomb?); refusing to read it`,
        offset,
        true,
      );
    }
  }

  /** Builds the node at the current event into position row `at` (opened by the caller). */
  node(at: number, depth: number): Built {
    const ev = this.events[this.pos++];
    if (!ev) throw new BuildError('unexpected end of YAML stream', this.text.length);
    if (depth > this.limits.maxDepth) throw new BuildError(`nesting deeper than ${this.limits.maxDepth} levels`, 0, true);
    const positions = this.positions;
    switch (ev.type) {
      case EVENT_ID.SCALAR: {
        const start = ev.valueStart >= 0 ? ev.valueStart : this.prevOffset();
        positions.value(at, start, ev.valueEnd >= 0 ? ev.valueEnd : start);
        positions.close(at);
        const built = { value: this.scalar(ev), weight: 1 };
        this.count(1, start);
        this.anchor(ev.anchorStart, ev.anchorEnd, built);
        return built;
      }
      case EVENT_ID.ALIAS: {
        const name = this.text.slice(ev.anchorStart, ev.anchorEnd);
        const target = this.anchors.get(name);
        if (!target) throw new BuildError(`unknown alias *${name}`, ev.anchorStart);
        positions.value(at, ev.anchorStart - 1, ev.anchorEnd);
        positions.close(at);
        this.count(target.weight, ev.anchorStart);
        return target;
      }
      case EVENT_ID.SEQUENCE: {
        positions.value(at, ev.start, ev.start + 1);
        const arr: unknown[] = [];
        const before = this.total;
        while (this.events[this.pos] && this.events[this.pos].type !== EVENT_ID.POP) {
          arr.push(this.node(positions.open(at, arr.length, -1, -1), depth + 1).value);
        }
        this.pos++;
        positions.close(at);
        const built = { value: arr, weight: 1 + this.total - before };
        this.count(1, ev.start);
        this.anchor(ev.anchorStart, ev.anchorEnd, built);
        return built;
      }
      case EVENT_ID.MAPPING: {
        positions.value(at, ev.start, ev.start + 1);
        const obj = newMapping();
        const before = this.total;
        let merges: Array<{ value: unknown; start: number; end: number }> | undefined;
        while (this.events[this.pos] && this.events[this.pos].type !== EVENT_ID.POP) {
          const keyEv = this.events[this.pos];
          let key: string;
          let keyStart: number;
          let keyEnd: number;
          let plainKey = false;
          if (keyEv.type === EVENT_ID.ALIAS) {
            // `*k : ACI` — PyYAML uses the anchored scalar as the key (a collection would be unhashable).
            const name = this.text.slice(keyEv.anchorStart, keyEv.anchorEnd);
            const target = this.anchors.get(name);
            if (!target) throw new BuildError(`unknown alias *${name}`, keyEv.anchorStart);
            if (target.value !== null && typeof target.value === 'object') {
              throw new BuildError('a mapping key must be a plain value (found a collection as a key)', keyEv.anchorStart);
            }
            this.pos++;
            key = target.value === null ? '' : String(target.value);
            keyStart = keyEv.anchorStart - 1;
            keyEnd = keyEv.anchorEnd;
          } else if (keyEv.type !== EVENT_ID.SCALAR) {
            throw new BuildError('a mapping key must be a plain value (found a collection as a key)', (keyEv as { start: number }).start);
          } else {
            this.pos++;
            key = keyEv.valueStart >= 0 ? getScalarValue(this.text, keyEv) : '';
            // An empty key (`: value`) has no offset of its own: use where its value starts.
            keyStart = keyEv.valueStart >= 0 ? keyEv.valueStart : this.nextOffset();
            keyEnd = keyEv.valueEnd >= 0 ? keyEv.valueEnd : keyStart;
            plainKey = keyEv.style === SCALAR_STYLE.PLAIN;
            // An anchored key (`&k computeType: …`) can be used as a key elsewhere.
            this.anchor(keyEv.anchorStart, keyEv.anchorEnd, { value: key, weight: 1 });
          }
          if (at === 0 && this.firstKeyStart === -1) {
            this.firstKeyStart = keyStart;
            this.firstKeyEnd = keyEnd;
          }
          if (key === '<<' && plainKey) {
            const v = this.node(positions.open(at, '<<', -1, -1), depth + 1);
            (merges ??= []).push({ value: v.value, start: keyStart, end: keyEnd });
            continue;
          }
          if (Object.hasOwn(obj, key)) {
            const prev = this.lines.lineOf(positions.keyStart(positions.lastChildWithKey(at, key)));
            const here = this.lines.position(keyStart);
            this.duplicates.push({
              message: `duplicate key '${key}' (first at line ${prev}); Azure's loaders disagree on which value wins`,
              line: here.line,
              column: here.column,
            });
          }
          obj[key] = this.node(positions.open(at, key, keyStart, keyEnd), depth + 1).value;
        }
        this.pos++;
        if (merges) for (const m of merges) this.merge(obj, at, m.value, m.start, m.end);
        positions.close(at);
        const built = { value: obj, weight: 1 + this.total - before };
        this.count(1, ev.start);
        this.anchor(ev.anchorStart, ev.anchorEnd, built);
        return built;
      }
      default:
        throw new BuildError('unexpected YAML structure', 0);
    }
  }

  private merge(obj: Record<string, unknown>, at: number, source: unknown, start: number, end: number): void {
    const sources = Array.isArray(source) ? source : [source];
    for (const s of sources) {
      if (!s || typeof s !== 'object' || Array.isArray(s)) continue;
      for (const k of Object.keys(s)) {
        if (k in obj) continue;
        obj[k] = (s as Record<string, unknown>)[k];
        this.positions.mergeKey(at, k, start, end);
      }
    }
  }

  private anchor(start: number, end: number, built: Built): void {
    if (start >= 0) this.anchors.set(this.text.slice(start, end), built);
  }

  private nextOffset(): number {
    const e = this.events[this.pos];
    if (e?.type === EVENT_ID.SCALAR && e.valueStart >= 0) return Math.max(0, e.valueStart - 2);
    if (e && (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE)) return e.start;
    return this.prevOffset();
  }

  private prevOffset(): number {
    for (let j = this.pos - 1; j >= 0; j--) {
      const e = this.events[j];
      if (e.type === EVENT_ID.SCALAR && e.valueEnd >= 0) return e.valueEnd;
      if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) return e.start;
    }
    return 0;
  }

  private scalar(ev: ScalarEvent): unknown {
    if (ev.valueStart < 0) return null; // empty node
    const raw = getScalarValue(this.text, ev);
    const tag = ev.tagStart >= 0 ? this.text.slice(ev.tagStart, ev.tagEnd) : '';
    if (tag) {
      // Explicit tags: standard ones are honoured; custom ones are ignored (never constructed).
      const name = tag.startsWith('!!') ? tag.slice(2) : tag.startsWith(`!<${TAG_PREFIX}`) ? tag.slice(TAG_PREFIX.length + 2, -1) : '';
      if (name === 'str' || name === 'binary' || name === 'timestamp') return raw;
      if (name === 'null' || name === 'bool' || name === 'int' || name === 'float') return resolvePlain(raw);
      return ev.style === SCALAR_STYLE.PLAIN ? resolvePlain(raw) : raw;
    }
    if (ev.style !== SCALAR_STYLE.PLAIN) return raw;
    return resolvePlain(raw);
  }
}

export function resolvePlain(raw: string): unknown {
  // PyYAML's YAML 1.1 booleans are yes/no/true/false/on/off: a lone `y` or `n` stays text.
  if (/^[yYnN]$/.test(raw)) return raw;
  const { value, tag } = YAML11_SCHEMA.resolveImplicitScalarTag(raw);
  if (tag.tagName.endsWith(':timestamp') || tag.tagName.endsWith(':binary')) return raw;
  if (typeof value === 'number' && !Number.isFinite(value) && !/^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(raw)) return raw;
  return value;
}
