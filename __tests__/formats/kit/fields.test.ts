import { describe, expect, it } from '@jest/globals';
import { fieldOf, leaves, treeOf } from '../../../src/formats/kit/fields.js';

describe('known-key trees', () => {
  it('leaves and dotted paths build the same kind of tree; a leaf never overwrites a branch', () => {
    expect(leaves('a', 'b')).toEqual({ a: true, b: true });
    expect(treeOf(['computeType', 'containerResourceRequirements.cpu', 'containerResourceRequirements.memoryInGB', 'containerResourceRequirements'])).toEqual({
      computeType: true,
      containerResourceRequirements: { cpu: true, memoryInGB: true },
    });
  });

  it('only own keys are known: constructor and __proto__ are data, not fields', () => {
    const tree = leaves('name');
    expect(fieldOf(tree, 'name')).toBe(true);
    expect(fieldOf(tree, 'constructor')).toBeUndefined();
    expect(fieldOf(tree, '__proto__')).toBeUndefined();
    expect(fieldOf(tree, 'toString')).toBeUndefined();
  });
});
