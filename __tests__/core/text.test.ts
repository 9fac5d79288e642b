import { describe, expect, it } from '@jest/globals';
import { suggestKey, editDistance } from '../../src/core/text.js';

describe('key suggestions', () => {
  it('prefers case, then word order, then small edits, then contained words', () => {
    expect(suggestKey('memoryInGb', ['cpu', 'memoryInGB', 'memoryInGBLimit'])).toBe('memoryInGB');
    expect(suggestKey('enableAppInsights', ['appInsightsEnabled', 'authEnabled'])).toBe('appInsightsEnabled');
    expect(suggestKey('instance_typ', ['instance_type', 'instance_count'])).toBe('instance_type');
    expect(suggestKey('ComputeTarget', ['computeType', 'computeTargetName'])).toBe('computeTargetName');
    expect(suggestKey('cpu', ['cpu_cores', 'memory_gb'])).toBe('cpu_cores');
    expect(suggestKey('zzz', ['cpu_cores', 'memory_gb'])).toBeUndefined();
    expect(editDistance('tpye', 'type')).toBe(1);
  });
});
