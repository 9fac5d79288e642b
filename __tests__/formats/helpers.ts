import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBuffer, loadAll } from '../../src/load/read.js';
import { walk } from '../../src/load/files.js';
import { recognise } from '../../src/formats/recognise.js';
import type { Rule, RuleContext } from '../../src/policy/rule.js';
import { defaultConfig } from '../../src/config/index.js';
import { looksLikeManifest } from '../../src/formats/prefilter.js';
import { pointerSplit } from '../../src/core/pointer.js';
import type { Anchor, Inventory, LoadedFile, Manifest, Span } from '../../src/core/types.js';

/** The corpus of real manifests, copied into the repository with its sources and licenses. */
export const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../__fixtures__/corpus');

let corpusFiles: Promise<LoadedFile[]> | undefined;

/** Every corpus file that passes the pre-filter, loaded once per test file. */
export function loadCorpus(): Promise<LoadedFile[]> {
  corpusFiles ??= Promise.resolve(loadAll(walk({ root: CORPUS, include: ['**/*'], exclude: [] }), { prefilter: looksLikeManifest }));
  return corpusFiles;
}

/** Parses a string as the loader would parse a file at `rel` (the extension picks YAML or JSONC). */
export function load(rel: string, text: string): LoadedFile {
  const f = parseBuffer({ path: rel, abs: `/virtual/${rel}` }, Buffer.from(text, 'utf8'), looksLikeManifest);
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
    limits: defaultConfig().limits,
    report(at: Anchor, message: string) {
      const s = spanOf(at);
      out.push({ file: at.manifest.file.path, line: s.line, column: s.column, ptr: at.ptr, message });
    },
    skip() {},
  } as unknown as RuleContext;
  if (rule.scope === 'manifest') for (const m of manifests) rule.check(m, ctx);
  else if (rule.scope === 'inventory') rule.check(ctx);
  else throw new Error(`runRule runs manifest and inventory rules; ${rule.id} is a ${rule.scope} rule`);
  return out;
}
