// One source of truth for a rule's why: its `help` (src/policy/rules/<id>.ts, what --explain, SARIF
// `help` and check-run `raw_details` show) is its docs page's `## Why` section, word for word.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../src/policy/rules/index.js';
import { DOCS_RULES } from './examples.js';

/** Paragraphs with their line breaks and runs of spaces folded (the page wraps at 100 columns). */
function paragraphs(markdown: string): string[] {
  return markdown
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim());
}

function whySection(page: string): string | undefined {
  const m = /\n## Why\n([\s\S]*?)(?=\n## |$)/.exec(page);
  return m?.[1];
}

describe.each(ALL_RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const page = readFileSync(path.join(DOCS_RULES, `${id}.md`), 'utf8');

  test("the docs page's Why section is the rule's help", () => {
    const why = whySection(page);
    expect(why).toBeDefined();
    expect(paragraphs(why!)).toEqual(paragraphs(rule.help));
  });

  test('the help ends with the source it cites, and the page cites nothing else outside Why', () => {
    const last = paragraphs(rule.help).at(-1)!;
    expect(last).toMatch(/^Source: \S.*\.$/);
    expect(paragraphs(rule.help).slice(0, -1).join(' ').length).toBeGreaterThan(60);
    // Its Source paragraph is the page's only one (no second, diverging citation at the foot of the page).
    expect(page.split('\n').filter((l) => l.startsWith('Source: '))).toHaveLength(1);
  });
});

test('the comparison sees a difference in wording, not in wrapping', () => {
  expect(paragraphs('A b\nc.\n\nSource: x.')).toEqual(paragraphs('A  b c.\n\n\nSource:\nx.'));
  expect(paragraphs('A b c.\n\nSource: x.')).not.toEqual(paragraphs('A b d.\n\nSource: x.'));
});
