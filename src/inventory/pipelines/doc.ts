// One pipeline file as a value with line numbers, parsed once (the PR author writes these files:
// size, depth and alias expansion are bounded; a file that does not parse is simply absent).
import { parseYaml } from '../../parse/yaml.js';
import { LineIndex } from '../../parse/lines.js';
import { isMapping, pointerJoin, spanAt } from '../../core/pointer.js';
import type { ParsedDoc } from '../../core/types.js';

/** Larger pipeline files are not read (real ones are a few KiB; GitHub's own limit is 512 KiB). */
export const MAX_PIPELINE_CHARS = 512 * 1024;

export interface Doc {
  readonly path: string;
  readonly text: string;
  readonly root: Record<string, unknown>;
  /** 1-based line of the key (or item) a pointer names. */
  line(ptr: string): number;
  /** 1-based line where a scalar value starts (the first content line of a block scalar). */
  valueLine(ptr: string): number;
  /** A scalar as a string; numbers and booleans as written (Azure DevOps keeps `postfix: 0001` a string). */
  scalar(ptr: string, v: unknown): string | undefined;
}

const LIMITS = { maxDepth: 40, maxExpandedNodes: 50_000 };

export function parseDoc(path: string, text: string): Doc | undefined {
  if (typeof text !== 'string' || text.length > MAX_PIPELINE_CHARS) return undefined;
  try {
    const lines = new LineIndex(text);
    const parsed = parseYaml(text, lines, LIMITS);
    const first: ParsedDoc | undefined = parsed.docs[0];
    if (!first || !isMapping(first.value) || parsed.problems.length) return undefined;
    const starts: number[] = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    const raw = (ptr: string): string | undefined => {
      const sp = first.values.get(ptr);
      if (!sp || sp.line !== sp.endLine || sp.line > lines.lineCount) return undefined;
      const base = starts[sp.line - 1];
      return text.slice(base + sp.column - 1, base + sp.endColumn - 1);
    };
    return {
      path,
      text,
      root: first.value,
      line: (ptr) => spanAt(first, ptr).line,
      valueLine: (ptr) => first.values.get(ptr)?.line ?? spanAt(first, ptr).line,
      scalar: (ptr, v) => (typeof v === 'number' || typeof v === 'boolean' ? (raw(ptr) ?? String(v)) : str(v)),
    };
  } catch {
    return undefined;
  }
}

/** Pointer of a child. */
export const at = (ptr: string, seg: string | number): string => pointerJoin(ptr, seg);

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function map(v: unknown): Record<string, unknown> | undefined {
  return isMapping(v) ? v : undefined;
}

/** Pipeline text parsed in one call, all files together; files past it are not read. */
export const MAX_TOTAL_CHARS = 24 * 1024 * 1024;

/**
 * Pipeline texts parsed before `findDeployments` runs (while the main thread waits for the reader
 * thread): DocCache takes a text's Doc from here instead of parsing it, and still decides alone what
 * it parses (its own bound, in its own order). Bounded like one call's parse.
 */
export class DocsAhead {
  private readonly docs = new Map<string, { text: string; doc: Doc | undefined }>();
  private parsed = 0;

  /** Parses a pipeline YAML text ahead; false (nothing done) for other files and past the bound. */
  add(path: string, text: string): boolean {
    if (!/\.ya?ml$/i.test(path) || this.parsed + text.length > MAX_TOTAL_CHARS) return false;
    this.parsed += text.length;
    this.docs.set(path, { text, doc: parseDoc(path, text) });
    return true;
  }

  /** What `parseDoc(path, text)` gives, when this very text was parsed ahead; null otherwise. */
  take(path: string, text: string): Doc | undefined | null {
    const got = this.docs.get(path);
    return got !== undefined && got.text === text ? got.doc : null;
  }
}

/** Files parsed at most once per `findDeployments` call. */
export class DocCache {
  private readonly docs = new Map<string, Doc | null>();
  private parsed = 0;
  constructor(
    private readonly texts: ReadonlyMap<string, string>,
    private readonly ahead?: DocsAhead,
  ) {}

  has(path: string): boolean {
    return this.texts.has(path);
  }

  text(path: string): string | undefined {
    return this.texts.get(path);
  }

  get(path: string): Doc | undefined {
    let d = this.docs.get(path);
    if (d === undefined) {
      const t = this.texts.get(path);
      if (t !== undefined) this.parsed += t.length;
      d = (t === undefined || this.parsed > MAX_TOTAL_CHARS ? undefined : this.parse(path, t)) ?? null;
      this.docs.set(path, d);
    }
    return d ?? undefined;
  }

  private parse(path: string, text: string): Doc | undefined {
    const early = this.ahead ? this.ahead.take(path, text) : null;
    return early === null ? parseDoc(path, text) : early;
  }
}
