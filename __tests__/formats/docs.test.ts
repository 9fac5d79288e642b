import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Rule } from '../../src/policy/rule.js';
import { rule as schemaRule } from '../../src/policy/rules/schema.js';
import { rule as unknownKeyRule } from '../../src/policy/rules/unknown-key.js';
import { manifestsOf, runRule } from '../harness.js';

/** Code blocks (yaml/json) of one `## …` section of a docs page. */
function examples(page: string, section: string): Array<{ lang: string; code: string }> {
  const text = readFileSync(path.join(process.cwd(), 'docs/rules', page), 'utf8');
  const start = text.indexOf(`## ${section}`);
  expect(start).toBeGreaterThan(-1);
  const end = text.indexOf('\n## ', start + 3);
  const body = text.slice(start, end === -1 ? undefined : end);
  return [...body.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] }));
}

describe.each([
  ['schema.md', schemaRule],
  ['unknown-key.md', unknownKeyRule],
] as Array<[string, Rule]>)('docs/rules/%s examples', (page, rule) => {
  it('every failing example fails', () => {
    const blocks = examples(page, 'Failing example');
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(runRule(rule, manifestsOf(`ex.${b.lang === 'json' ? 'json' : 'yml'}`, b.code)).length).toBeGreaterThan(0);
  });
  it('every passing example passes', () => {
    const blocks = examples(page, 'Passing example');
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) {
      const ms = manifestsOf(`ex.${b.lang === 'json' ? 'json' : 'yml'}`, b.code);
      expect(ms).toHaveLength(1);
      expect(runRule(rule, ms)).toEqual([]);
    }
  });
});
