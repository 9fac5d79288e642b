import { describe, expect, it } from '@jest/globals';
import { planAnnotations } from '../../src/github/annotations.js';
import type { Finding, Severity } from '../../src/core/types.js';

function finding(severity: Severity, file: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: `rule-${severity}`,
    severity,
    message: `${severity} at ${file}:${line}`,
    file,
    line,
    column: 3,
    endLine: line,
    endColumn: 9,
    helpUri: 'https://docs.test/rule.md',
    suppressed: null,
    ...extra,
  };
}
const many = (n: number, severity: Severity, file = 'a.yml') => Array.from({ length: n }, (_, i) => finding(severity, file, i + 1));
const FULL = { error: 10, warning: 10, notice: 10 };
const seeAlso = 'the check run';

describe('planAnnotations', () => {
  it('emits everything when it fits, errors first, with file, line, column and the rule id as title', () => {
    const plan = planAnnotations([finding('notice', 'n.yml', 1), finding('warning', 'w.yml', 2), finding('error', 'e.yml', 3)], FULL, { seeAlso });
    expect(plan.omitted).toBe(0);
    expect(plan.commands.map((c) => c.level)).toEqual(['error', 'warning', 'notice']);
    expect(plan.commands[0]).toEqual({
      level: 'error',
      message: 'error at e.yml:3\nhttps://docs.test/rule.md',
      properties: { title: 'rule-error', file: 'e.yml', startLine: 3, startColumn: 3 },
    });
  });

  it('respects each level budget and ends with one notice counting the rest', () => {
    const plan = planAnnotations([...many(25, 'error'), ...many(12, 'warning'), ...many(3, 'notice')], { error: 9, warning: 10, notice: 10 }, { seeAlso });
    const count = (l: Severity) => plan.commands.filter((c) => c.level === l).length;
    expect(count('error')).toBe(9);
    expect(count('warning')).toBe(10);
    expect(count('notice')).toBe(4); // 3 findings + the closing notice
    expect(plan.omitted).toBe(18);
    expect(plan.commands.at(-1)!.message).toMatch(/^18 more findings not shown as annotations here .* All 40 are in the check run\.$/);
  });

  it('gives up a notice finding for the closing notice when notices are full too', () => {
    const plan = planAnnotations([...many(11, 'error'), ...many(10, 'notice')], FULL, { seeAlso });
    expect(plan.commands.filter((c) => c.level === 'notice')).toHaveLength(10);
    expect(plan.omitted).toBe(2); // 1 error + 1 notice
    expect(plan.commands.at(-1)!.message).toMatch(/^2 more findings/);
  });

  it('prefers findings on lines the PR changed, then in changed files', () => {
    const findings = [finding('error', 'old.yml', 1), finding('error', 'pr.yml', 40), finding('error', 'pr.yml', 7)];
    const plan = planAnnotations(findings, { error: 2, warning: 10, notice: 10 }, { seeAlso, changedLines: new Map([['pr.yml', new Set([7])]]) });
    expect(plan.commands.filter((c) => c.level === 'error').map((c) => `${c.properties.file}:${c.properties.startLine}`)).toEqual(['pr.yml:7', 'pr.yml:40']);
  });

  it('never annotates suppressed findings, nor counts them as omitted', () => {
    const plan = planAnnotations([finding('error', 'a.yml', 1, { suppressed: { by: 'inline', reason: 'ok' } })], FULL, { seeAlso });
    expect(plan).toEqual({ commands: [], omitted: 0 });
  });

  it('with no budget left, emits nothing for that level', () => {
    const plan = planAnnotations(many(2, 'warning'), { error: 10, warning: 0, notice: 0 }, { seeAlso });
    expect(plan.commands).toEqual([]);
    expect(plan.omitted).toBe(2);
  });
});
