import { describe, expect, test } from '@jest/globals';
import type { Finding } from '../../src/core/types.js';
import { lineReplacement, suggestionBlock } from '../../src/fix/suggest.js';
import { planSuggestions, summaryFixes } from '../../src/github/suggestions.js';
import { gate } from '../helpers.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('lineReplacement', () => {
  test('a value edit replaces its line; an insertion at a line start belongs to the line before', () => {
    const text = 'a: 1\nb:\n  c: 2\nd: 4\n';
    expect(lineReplacement(text, [{ start: 3, end: 4, text: '9' }])).toEqual({ startLine: 1, endLine: 1, lines: ['a: 9'] });
    const at = text.indexOf('d:');
    expect(lineReplacement(text, [{ start: at, end: at, text: '  e: 5\n' }])).toEqual({ startLine: 3, endLine: 3, lines: ['  c: 2', '  e: 5'] });
    // At the end of a file without a final newline.
    expect(lineReplacement('a: 1', [{ start: 4, end: 4, text: '\nb: 2' }])).toEqual({ startLine: 1, endLine: 1, lines: ['a: 1', 'b: 2'] });
    // CRLF: the suggestion's lines carry no \r.
    expect(lineReplacement('a: 1\r\nb: 2\r\n', [{ start: 9, end: 10, text: '3' }])).toEqual({ startLine: 2, endLine: 2, lines: ['b: 3'] });
  });

  test('the fence is longer than any backtick run of the content', () => {
    expect(suggestionBlock(['x: "```"'])).toBe('````suggestion\nx: "```"\n````');
  });
});

describe('planSuggestions', () => {
  const k8s = [
    `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json`,
    'name: blue',
    'endpoint_name: k8s',
    'model: azureml:sk:1',
    'resources:',
    '  requests:',
    '    cpu: "1"',
    '    memory: 2Gi',
    '    nvidia.com/gpu: 1',
    '  limits:',
    '    cpu: 500m',
    '',
  ].join('\n');
  const files = { 'online/blue.yml': k8s, 'models/sk.yml': `$schema: ${SCHEMA}/model.schema.json\nname: sk\nversion: 1\n` };

  test('overlapping fixes merge into one suggestion over the lines of both; only when every line is a changed one', async () => {
    const r = await gate(files);
    const read = (f: string) => (files as Record<string, string>)[f];
    const all = new Map([['online/blue.yml', new Set(Array.from({ length: 12 }, (_, i) => i + 1))]]);
    const plan = planSuggestions(r.findings, read, all);
    // The cpu limit (line 11) and the GPU limit inserted after it: one suggestion over line 11.
    expect(plan.inline.map((s) => [s.path, s.startLine, s.line, s.findings.map((f: Finding) => f.ruleId)])).toEqual([
      ['online/blue.yml', 11, 11, ['kubernetes-resources', 'kubernetes-resources']],
    ]);
    expect(plan.inline[0].body).toContain('```suggestion\n    cpu: "1"\n    nvidia.com/gpu: 1\n```');
    const some = new Map([['online/blue.yml', new Set([1, 2, 3])]]);
    expect(planSuggestions(r.findings, read, some).inline).toEqual([]);
    const summary = summaryFixes(planSuggestions(r.findings, read, some), [], 'test');
    expect(summary).toContain('### Fixes (2)');
    expect(summary).toContain('-    cpu: 500m\n+    cpu: "1"\n+    nvidia.com/gpu: 1\n');
  });

  test('repository text in a description is inert markdown (no mentions, links or HTML)', async () => {
    const cluster = `$schema: ${SCHEMA}/amlCompute.schema.json\nname: "@team>b"\ntype: amlcompute\ntier: low_priority\n`;
    const batch = `$schema: ${SCHEMA}/modelBatchDeployment.schema.json\nname: nightly\nendpoint_name: b\ntype: model\nmodel: azureml:m:1\ncompute: "azureml:@team>b"\n`;
    const fs = { 'batch/prod/d.yml': batch, 'compute/c.yml': cluster };
    const r = await gate(fs);
    const plan = planSuggestions(r.findings, (f) => (fs as Record<string, string>)[f], new Map([['compute/c.yml', new Set([1, 2, 3, 4])]]));
    expect(plan.inline).toHaveLength(1);
    expect(plan.inline[0].body).toContain('(compute "@\u200bteam&gt;b")');
  });
});
