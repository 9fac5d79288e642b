import { describe, expect, it } from '@jest/globals';
import { isPlaceholder } from '../../../src/formats/kit/placeholder.js';

describe('scalars', () => {
  it('recognises templates and placeholders', () => {
    expect(isPlaceholder('{{ENDPOINT_NAME}}')).toBe(true);
    expect(isPlaceholder('<your-cluster-name>')).toBe(true);
    expect(isPlaceholder('${{ inputs.sku }}')).toBe(true);
    expect(isPlaceholder('Standard_DS3_v2')).toBe(false);
    expect(isPlaceholder('a<b')).toBe(false);
  });
});
