import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../src/policy/rules/index.js';

describe('each rule says whether it has a fix', () => {
  test.each(ALL_RULES.map((r) => [r.id, r] as const))('docs/rules/%s.md has a Fix section true to the rule', (id, r) => {
    const page = readFileSync(path.resolve('docs/rules', `${id}.md`), 'utf8');
    const start = page.indexOf('\n## Fix\n');
    expect(start).toBeGreaterThan(-1);
    const section = page.slice(start, page.indexOf('\n## ', start + 8));
    const hasFix = r.scope !== 'engine' && typeof r.fix === 'function';
    expect([id, /No automatic fix|No `--fix`/.test(section)]).toEqual([id, !hasFix]);
    if (hasFix) expect(section).toContain('`--fix`');
  });

  test('the README rules table marks exactly the rules that have a fix', () => {
    const readme = readFileSync(path.resolve('README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- rules-table:start -->'), readme.indexOf('<!-- rules-table:end -->'));
    for (const r of ALL_RULES) {
      const row = table.split('\n').find((l) => l.startsWith(`| \`${r.id}\` |`))!;
      expect([r.id, row.trimEnd().endsWith('✓ |')]).toEqual([r.id, r.scope !== 'engine' && typeof r.fix === 'function']);
    }
  });
});
