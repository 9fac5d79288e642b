import { describe, expect, it } from '@jest/globals';
import { toBool, toNumber } from '../../../src/formats/kit/values.js';

describe('scalars', () => {
  it('numbers accept numeric strings only', () => {
    expect(toNumber('1.5')).toBe(1.5);
    expect(toNumber(' 4 ')).toBe(4);
    expect(toNumber('4GB')).toBeUndefined();
    expect(toNumber(true)).toBeUndefined();
    expect(toNumber(Number.NaN)).toBeUndefined();
  });

  it('booleans accept YAML 1.1 words in strings', () => {
    expect(toBool('True')).toBe(true);
    expect(toBool('no')).toBe(false);
    expect(toBool(1)).toBeUndefined();
  });
});
