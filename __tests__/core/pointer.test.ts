// JSON Pointers over parsed documents (core/pointer.ts). `valueIn` keeps the splits of the pointers
// it is asked (bounded): a kept split must answer as a fresh one, for escaped segments, list indexes,
// inherited names and pointers too long to keep.
import { describe, expect, test } from '@jest/globals';
import { pointerJoin, pointerSplit, ptrOf, valueIn } from '../../src/core/pointer.js';
import { newMapping } from '../../src/parse/doc.js';

function mapping(entries: Record<string, unknown>): Record<string, unknown> {
  const m = newMapping();
  for (const [k, v] of Object.entries(entries)) m[k] = v;
  return m;
}

const long = 'k'.repeat(300);
const doc = mapping({
  name: 'blue',
  'a/b': mapping({ '~x': 1 }),
  list: [mapping({ v: 'first' }), 'second'],
  [long]: mapping({ [long]: 'deep' }),
  nothing: null,
});

describe('valueIn', () => {
  test('the same answer the first time and every time after (kept splits)', () => {
    const cases: Array<[string, unknown]> = [
      ['', doc],
      ['/name', 'blue'],
      [ptrOf('a/b', '~x'), 1],
      ['/list/0/v', 'first'],
      ['/list/1', 'second'],
      ['/list/01', undefined],
      ['/list/2', undefined],
      ['/list/-1', undefined],
      ['/name/0', undefined],
      ['/nothing', null],
      ['/nothing/x', undefined],
      ['/constructor', undefined],
      ['/__proto__', undefined],
      ['/missing/deeper', undefined],
      [ptrOf(long, long), 'deep'],
      [`/${long}/${long}/x`, undefined],
      ['/', undefined],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [ptr, want] of cases) expect({ ptr: ptr.slice(0, 40), got: valueIn(doc, ptr) }).toEqual({ ptr: ptr.slice(0, 40), got: want });
    }
  });

  test('a split kept is not shared with the caller of pointerSplit', () => {
    const ptr = pointerJoin('/a~1b', '~x');
    expect(valueIn(doc, ptr)).toBe(1);
    const segs = pointerSplit(ptr);
    segs[0] = 'name';
    expect(valueIn(doc, ptr)).toBe(1);
  });

  test('thousands of distinct pointers (more than it keeps) still answer', () => {
    const many = newMapping();
    for (let i = 0; i < 6000; i++) many[`key${i}`] = i;
    const got: unknown[] = [];
    const want: number[] = [];
    for (const step of [1, 7]) {
      for (let i = 0; i < 6000; i += step) {
        got.push(valueIn(many, `/key${i}`));
        want.push(i);
      }
    }
    expect(got).toEqual(want);
  });
});
