import { describe, expect, it } from '@jest/globals';
import { isPlaceholder, PATTERNS, placeholderKind } from '../../../src/formats/kit/placeholder.js';

describe('scalars', () => {
  it('recognises templates and placeholders', () => {
    expect(isPlaceholder('{{ENDPOINT_NAME}}')).toBe(true);
    expect(isPlaceholder('<your-cluster-name>')).toBe(true);
    expect(isPlaceholder('${{ inputs.sku }}')).toBe(true);
    expect(isPlaceholder('Standard_DS3_v2')).toBe(false);
    expect(isPlaceholder('a<b')).toBe(false);
  });
});

describe('the one-test shortcut', () => {
  // Every value the patterns match must pass the shortcut: compare with the ten patterns themselves
  // on values built from the patterns' own pieces and on random text around them.
  const reference = (v: string) => PATTERNS.find((p) => p.re.test(v))?.what;
  const PIECES = ['{{X}}', '${{ inputs.sku }}', '${VAR}', '$(Build.Id)', '#{TOKEN}#', '__NAME__', '<your name>', 'azureml:<model>:1', 'INSERT-NAME-HERE', 'insert_x_here', '$SKU', 'Standard_DS3_v2', 'plain', 'a<b', '{x}', ' ', '', 'ÄÖ', 'In sert here'];
  const CHARS = 'aZ09 _-:/.${}()#<>\n\tINSERThere';

  it('agrees with the patterns on every value', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const values: string[] = [];
    for (const a of PIECES) for (const b of PIECES) values.push(a + b, `${a} ${b}`, ` ${a}`);
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const len = rnd(24);
      for (let j = 0; j < len; j++) s += CHARS[rnd(CHARS.length)];
      if (rnd(3) === 0) s = s.slice(0, rnd(s.length + 1)) + PIECES[rnd(PIECES.length)] + s.slice(rnd(s.length + 1));
      values.push(s);
    }
    let matched = 0;
    for (const v of values) {
      expect([v, placeholderKind(v)]).toEqual([v, reference(v)]);
      if (reference(v)) matched++;
    }
    expect(matched).toBeGreaterThan(2_000);
    expect(values.length - matched).toBeGreaterThan(5_000);
  });
});
