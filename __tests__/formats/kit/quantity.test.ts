import { describe, expect, it } from '@jest/globals';
import { parseQuantity as parseCpu, parseQuantity as parseMemory } from '../../../src/formats/kit/quantity.js';

describe('Kubernetes quantities', () => {
  it('parses CPU', () => {
    expect(parseCpu('500m')).toBe(0.5);
    expect(parseCpu('0.1')).toBe(0.1);
    expect(parseCpu('2')).toBe(2);
    expect(parseCpu(2)).toBe(2);
    expect(parseCpu('two')).toBeUndefined();
    expect(parseCpu(null)).toBeUndefined();
  });

  it('parses memory exactly: decimal and binary suffixes differ', () => {
    expect(parseMemory('0.1Gi')).toBeCloseTo(107374182.4);
    expect(parseMemory('200Mi')).toBe(200 * 1024 * 1024);
    expect(parseMemory('1G')).toBe(1e9);
    expect(parseMemory('4G')).toBe(4e9);
    expect(parseMemory('4G')!).toBeLessThan(parseMemory('4Gi')!);
    expect(parseMemory('1500Mi')).toBe(1500 * 2 ** 20);
    expect(parseMemory('128974848')).toBe(128974848);
    expect(parseMemory('129e6')).toBe(129e6);
    expect(parseMemory('1Gb')).toBeUndefined();
    expect(parseMemory(['1Gi'])).toBeUndefined();
  });
});
