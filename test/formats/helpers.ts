import * as path from 'node:path';
import { parseBuffer, walk, loadAll } from '../../src/load/files.js';
import { recognise } from '../../src/formats/index.js';
import { DEFAULT_LIMITS, type Rule, type RuleContext } from '../../src/policy/types.js';
import { pointerSplit } from '../../src/load/source.js';
import type { Anchor, Inventory, LoadedFile, Manifest, Span } from '../../src/types.js';

/** The shared corpus sits beside the repository (CI clones the repo next to shared/). */
export const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

let corpusFiles: Promise<LoadedFile[]> | undefined;

/** Every corpus file that passes the pre-filter, loaded once per test file. */
export function loadCorpus(): Promise<LoadedFile[]> {
  corpusFiles ??= walk({ root: CORPUS, include: ['**/*'], exclude: [] }).then((c) => loadAll(c));
  return corpusFiles;
}

/** Parses a string as the loader would parse a file at `rel` (the extension picks YAML or JSONC). */
export function load(rel: string, text: string): LoadedFile {
  const f = parseBuffer({ path: rel, abs: `/virtual/${rel}` }, Buffer.from(text, 'utf8'));
  if (!f) throw new Error(`pre-filter rejected ${rel}`);
  return f;
}

export function manifestsOf(rel: string, text: string): Manifest[] {
  return recognise(load(rel, text));
}

export function only(rel: string, text: string): Manifest {
  const ms = manifestsOf(rel, text);
  if (ms.length !== 1) throw new Error(`expected one manifest in ${rel}, got ${ms.length}`);
  return ms[0];
}

/** Where a finding lands, as the engine maps an anchor: key span, else value span, else nearest ancestor, else doc start. */
export function spanOf(a: Anchor): Span {
  const { keys, values, start } = a.manifest.doc;
  let segs = pointerSplit(a.ptr);
  for (;;) {
    const ptr = segs.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
    const s = keys.get(ptr) ?? values.get(ptr);
    if (s && ptr !== '') return s;
    if (segs.length === 0) return start;
    segs = segs.slice(0, -1);
  }
}

export interface Reported {
  file: string;
  line: number;
  column: number;
  ptr: string;
  message: string;
}

/** Runs one rule over manifests with a minimal context that records report() calls. */
export function runRule(rule: Rule, manifests: Manifest[]): Reported[] {
  const out: Reported[] = [];
  const inventory: Inventory = { files: [], manifests, deployments: [], endpoints: [], models: [], computes: [] };
  const ctx = {
    inventory,
    limits: DEFAULT_LIMITS,
    report(at: Anchor, message: string) {
      const s = spanOf(at);
      out.push({ file: at.manifest.file.path, line: s.line, column: s.column, ptr: at.ptr, message });
    },
    skip() {},
  } as unknown as RuleContext;
  rule.check(ctx);
  return out;
}
