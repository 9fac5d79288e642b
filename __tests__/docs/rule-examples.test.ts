// Every rule page's failing and passing examples run through the engine (docs/rules/README.md,
// "Examples are tests"); schema.md and unknown-key.md also through their rule alone.
import { describe, expect, it, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Rule } from '../../src/policy/rule.js';
import { ALL_RULES } from '../../src/policy/rules/index.js';
import { rule as schemaRule } from '../../src/policy/rules/schema.js';
import { rule as unknownKeyRule } from '../../src/policy/rules/unknown-key.js';
import { check, manifestsOf, runRule } from '../harness.js';
import { byRule } from '../helpers.js';
import { EXAMPLES_NOW, filesOf, ruleExamples } from './examples.js';
import { judgePullRequest } from './pr-example.js';

/** policy-change's examples are pull requests (a base branch and a checkout): pr-example.ts. */
const checkExample = (id: string, files: Record<string, string>) => (id === 'policy-change' ? judgePullRequest(files, EXAMPLES_NOW) : check(files, { now: EXAMPLES_NOW }));

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

describe.each(ALL_RULES.map((r) => r.id))('docs/rules/%s.md examples, through the engine', (id) => {
  const { failing, passing } = ruleExamples(id);

  test('the page has a failing and a passing example', () => {
    expect(failing.length).toBeGreaterThan(0);
    expect(passing.length).toBeGreaterThan(0);
  });

  test.each(failing.map((e) => [e.label, e] as const))('%s makes the rule fire', (_label, e) => {
    const r = checkExample(id, e.files);
    expect(byRule(r, id).length).toBeGreaterThan(0);
  });

  test.each(passing.map((e) => [e.label, e] as const))('%s holds a manifest, parses, and the rule neither fires nor is skipped', (_label, e) => {
    const r = checkExample(id, e.files);
    expect(r.scope.manifests).toBeGreaterThan(0);
    expect(byRule(r, 'parse-error').map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
    expect(r.skipped.filter((s) => s.rules.includes(id)).map((s) => `${s.file}: ${s.why}`)).toEqual([]);
    expect(byRule(r, id).map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });
});

describe('the example convention (docs/rules/README.md)', () => {
  test('a `# <path>` comment line opens a file there; the rest of the line is a note; lines before it are example.yml', () => {
    const files = filesOf('name: x\n# deploy/prod/a.yml  (a note)\ncomputeType: ACI\n// .cloud/.azure/deploy.json — another\n{ "name": "s" }\n', 'yaml');
    expect(files).toEqual({ 'example.yml': 'name: x\n', 'deploy/prod/a.yml': 'computeType: ACI\n', '.cloud/.azure/deploy.json': '{ "name": "s" }\n' });
  });

  test('other comments stay in the file; a json block without a path is example.json', () => {
    expect(filesOf('# model-deploy-gate: ignore x -- y\ncomputeType: ACI\n', 'yaml')).toEqual({ 'example.yml': '# model-deploy-gate: ignore x -- y\ncomputeType: ACI\n' });
    expect(Object.keys(filesOf('{ "computeType": "ACI" }\n', 'jsonc'))).toEqual(['example.json']);
  });

  test('the same path twice in one block is an error', () => {
    expect(() => filesOf('# a.yml\nx: 1\n# a.yml\ny: 2\n', 'yaml')).toThrow(/twice/);
  });
});
