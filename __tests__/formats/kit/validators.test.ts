// The precompiled validators (src/formats/kit/validators.generated.ts) are what ajv compiles from the
// families' schemas now, and they report exactly what a run-time compile reports: on every manifest
// of the corpus, and on each of them with every value replaced by values the schemas reject.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { GENERATED_PATH, validatorsSource } from '../../../scripts/gen-validators.js';
import { FAMILIES } from '../../../src/formats/index.js';
import type { Family } from '../../../src/formats/family.js';
import { recognise } from '../../../src/formats/recognise.js';
import { KEYWORDS, newAjv } from '../../../src/formats/kit/schema.js';
import { validators } from '../../../src/formats/kit/validators.generated.js';
import { isMapping } from '../../../src/core/pointer.js';
import { loadCorpus } from '../helpers.js';

const BAD_VALUES: unknown[] = ['abc', '', -1, 0, 1.5, true, 'yes', null, [], {}, [1, 'x'], { a: 1 }, '{{X}}', '<your-name>', 'NaN', Infinity, '1e400', 'LowPriority'];

/** Every document with one value at a time replaced by each bad value (depth-first, leaves and mappings). */
function* mutations(data: unknown): Generator<unknown> {
  if (!isMapping(data) && !Array.isArray(data)) return;
  const keys = Array.isArray(data) ? data.map((_, i) => i) : Object.keys(data);
  for (const k of keys) {
    const original = (data as Record<string | number, unknown>)[k];
    for (const bad of BAD_VALUES) {
      (data as Record<string | number, unknown>)[k] = bad;
      yield data;
    }
    (data as Record<string | number, unknown>)[k] = original;
    for (const _ of mutations(original)) yield data;
  }
}

describe('precompiled schema validators', () => {
  it('are what scripts/gen-validators.ts writes from the schemas now (npm run gen:validators)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8') === validatorsSource()).toBe(true);
  });

  it('cover every kind of every family', () => {
    const pre = validators(KEYWORDS);
    for (const f of FAMILIES) for (const kind of f.kinds) expect(typeof pre[kind]).toBe('function');
  });

  it('report the same errors as a run-time compile, on the corpus and on every value made wrong', async () => {
    const pre = validators(KEYWORDS);
    const ajv = newAjv();
    const runtime = new Map<string, ValidateFunction>();
    const files = await loadCorpus();
    let compared = 0;
    let invalid = 0;
    const kinds = new Set<string>();
    for (const f of files) {
      for (const m of recognise(f)) {
        let v = runtime.get(m.kind);
        if (!v) runtime.set(m.kind, (v = ajv.compile((m.family as Family).schema(m.kind))));
        const data = structuredClone(m.data);
        // Lazily: each mutation is undone before the next is made.
        for (const doc of (function* () {
          yield data;
          yield* mutations(data);
        })()) {
          const ok = v(doc);
          const errors = structuredClone(v.errors ?? null);
          expect(pre[m.kind]!(doc)).toBe(ok);
          expect(structuredClone(pre[m.kind]!.errors ?? null)).toEqual(errors);
          compared++;
          if (!ok) invalid++;
        }
        kinds.add(m.kind);
      }
    }
    // The comparison saw many documents, many of them wrong, across the kinds of the corpus.
    expect(kinds.size).toBeGreaterThanOrEqual(12);
    expect(compared).toBeGreaterThan(10_000);
    expect(invalid / compared).toBeGreaterThan(0.3);
  });
});
