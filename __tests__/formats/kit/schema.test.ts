import { describe, expect, it } from '@jest/globals';
import { obj, validateWith, vocabulary, V2 } from '../../../src/formats/kit/schema.js';
import { only } from '../../harness.js';

const strict = vocabulary(false, 'exact');

describe('schema builders and validation', () => {
  it('one issue per key, in document order, each at its key', () => {
    const m = only('c.yml', 'type: amlcompute\nname: c\nmax_instances: 0\nmin_instances: -1\ntier: spot\n');
    const issues = validateWith(m, 'kit-test:order', () => obj({ tier: V2.oneOf(['dedicated', 'low_priority']), min_instances: V2.int(0), max_instances: V2.int(1) }));
    expect(issues.map((i) => i.ptr)).toEqual(['/max_instances', '/min_instances', '/tier']);
    expect(issues[2].message).toMatch(/dedicated, low_priority/);
  });

  it('numeric strings: accepted by the v2 vocabulary, refused by a strict one', () => {
    const m = only('c.yml', 'type: amlcompute\nname: c\nmax_instances: "4"\n');
    expect(validateWith(m, 'kit-test:v2-strings', () => obj({ max_instances: V2.int(1) }))).toEqual([]);
    const refused = validateWith(m, 'kit-test:strict-strings', () => obj({ max_instances: strict.int(1) }));
    expect(refused.map((i) => i.ptr)).toEqual(['/max_instances']);
  });

  it('required fields missing at the top level make one issue at the first key', () => {
    const m = only('c.yml', '# a cluster\ntype: amlcompute\nname: c\n');
    const issues = validateWith(m, 'kit-test:required', () => obj({ size: { mdgString: {} }, tier: { mdgString: {} } }, { required: ['size', 'tier'] }));
    expect(issues).toHaveLength(1);
    expect(issues[0].ptr).toBe('/type');
    expect(issues[0].message).toMatch(/requires `size` and `tier`/);
  });
});
