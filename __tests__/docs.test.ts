import { describe, expect, test } from '@jest/globals';
import { readFileSync, existsSync } from 'node:fs';
import { load } from 'js-yaml';
import { ALL_RULES } from '../src/policy/rules/index.js';

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');

describe('docs stay true to the code', () => {
  const readme = read('README.md');
  const action = load(read('action.yml')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: { using: string; main: string } };

  test('action.yml describes the action in under 125 characters (the Marketplace limit)', () => {
    const description = (load(read('action.yml')) as { description: string }).description;
    expect(description.length).toBeLessThan(125);
  });

  test('action.yml runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync(new URL('../dist/index.js', import.meta.url))).toBe(true);
  });

  test('every action input and output is in the README tables', () => {
    expect(Object.keys(action.inputs).length).toBeGreaterThan(0);
    expect(Object.keys(action.outputs).length).toBeGreaterThan(0);
    for (const name of Object.keys(action.inputs)) expect(readme).toContain(`| \`${name}\` |`);
    for (const name of Object.keys(action.outputs)) expect(readme).toMatch(new RegExp(`\\| [^|]*\`${name}\``));
  });

  test('the SPEC inputs and outputs are all declared', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      ['token', 'config', 'policy-from', 'scope', 'fail-on', 'default-stage', 'check-run', 'comment', 'suggestions', 'sarif-file', 'report-file', 'working-directory'].sort(),
    );
    expect(Object.keys(action.outputs).sort()).toEqual(
      ['result', 'errors', 'warnings', 'notices', 'suppressed', 'files-scanned', 'deployments', 'report-file', 'sarif-file'].sort(),
    );
  });

  test('the README rules table lists every rule with its default severity, and each has a docs page', () => {
    const table = readme.slice(readme.indexOf('<!-- rules-table:start -->'), readme.indexOf('<!-- rules-table:end -->'));
    for (const r of ALL_RULES) {
      expect(table).toContain(`| \`${r.id}\` | ${r.defaultSeverity} |`);
      expect(existsSync(new URL(`../docs/rules/${r.id}.md`, import.meta.url))).toBe(true);
    }
    const rows = table.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(ALL_RULES.length);
  });

  test('the config example in the README is a valid config', async () => {
    const { parseConfig } = await import('./config/throwing.js');
    const block = readme.slice(readme.indexOf('## Configuration'));
    const yaml = block.slice(block.indexOf('```yaml') + 7, block.indexOf('```', block.indexOf('```yaml') + 7));
    const cfg = parseConfig(yaml, '.github/model-deploy-gate.yml', ALL_RULES.map((r) => r.id));
    expect(cfg.waivers).toHaveLength(1);
    expect(cfg.limits['aci-max-memory-gb']).toBe(48);
  });
});
