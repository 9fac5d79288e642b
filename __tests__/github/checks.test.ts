import { describe, expect, it } from '@jest/globals';
import { checkTitle, conclusionOf, toCheckAnnotations } from '../../src/github/checks.js';
import { ANNOTATION_MESSAGE_MAX_BYTES } from '../../src/core/github-limits.js';
import { rule as aciMemoryLimit } from '../../src/policy/rules/aci-memory-limit.js';
import { commentAction, commentBody, COMMENT_MARKER } from '../../src/github/comment.js';
import { parseSettings } from '../../src/github/settings.js';
import { chunk, fitChars } from '../../src/github/limits.js';
import { rebaseResult } from '../../src/github/rebase.js';
import type { Finding, Result } from '../../src/core/types.js';

const f = (o: Partial<Finding>): Finding => ({
  ruleId: 'aci-memory-limit',
  severity: 'error',
  message: 'too much memory',
  file: 'deploy/a.yml',
  line: 4,
  column: 3,
  endLine: 4,
  endColumn: 17,
  helpUri: 'https://docs.test/aci-memory-limit.md',
  suppressed: null,
  ...o,
});

function result(findings: Finding[], verdict: 'pass' | 'fail' = 'fail'): Result {
  return {
    version: 1,
    tool: { name: 'model-deploy-gate', version: '0' },
    scope: { mode: 'all', reason: 'test', filesScanned: 1, manifests: 1 },
    summary: { result: verdict, errors: 1, warnings: 2, notices: 0, suppressed: 0 },
    findings,
    inventory: [],
    endpoints: [],
    models: [],
    computes: [],
    skipped: [{ file: 'deploy/a.yml', rules: ['x'], why: 'stage unknown' }],
    waivers: [],
    failOn: 'error',
  };
}

describe('toCheckAnnotations', () => {
  it('maps severities to check levels and keeps columns on single-line findings only', () => {
    const out = toCheckAnnotations([
      f({}),
      f({ severity: 'warning', line: 2, endLine: 5 }),
      f({ severity: 'notice' }),
      f({ suppressed: { by: 'waiver', reason: 'r', owner: '@me', expires: '2099-01-01' } }),
    ]);
    expect(out).toEqual([
      {
        path: 'deploy/a.yml',
        start_line: 4,
        end_line: 4,
        start_column: 3,
        end_column: 17,
        annotation_level: 'failure',
        message: 'too much memory\nhttps://docs.test/aci-memory-limit.md',
        title: 'aci-memory-limit',
        raw_details: `${aciMemoryLimit.help}\n\nHow to fix: ${aciMemoryLimit.remediation}`,
      },
      expect.not.objectContaining({ start_column: expect.anything() }),
      expect.objectContaining({ annotation_level: 'notice' }),
    ]);
    expect(out[1]).toMatchObject({ start_line: 2, end_line: 5, annotation_level: 'warning' });
  });

  it("puts the rule's help (why, source) in raw_details, not in the message; a finding of no known rule gets none", () => {
    const [a] = toCheckAnnotations([f({})]);
    expect(a.raw_details).toMatch(/^The compute target table: ACI is for "low-scale CPU workloads that require less than 48 GB of RAM"\./);
    expect(a.raw_details).toContain('\n\nSource: Azure ML *compute target for model deployment* table');
    expect(a.message).not.toContain('Source:');
    expect(toCheckAnnotations([f({ ruleId: 'not-a-rule' })])[0]).not.toHaveProperty('raw_details');
  });

  it('cuts raw_details to 64 KB of UTF-8, like the message', () => {
    const huge = { ...aciMemoryLimit, help: `${'é'.repeat(40_000)}\n\nSource: x.` };
    const [a] = toCheckAnnotations([f({})], [huge]);
    expect(Buffer.byteLength(a.raw_details!, 'utf8')).toBeLessThanOrEqual(ANNOTATION_MESSAGE_MAX_BYTES);
    expect(Buffer.byteLength(a.raw_details!, 'utf8')).toBeGreaterThan(ANNOTATION_MESSAGE_MAX_BYTES - 100);
    expect(a.raw_details).toMatch(/truncated to fit GitHub’s size limit\)$/);
  });

  it('titles and concludes from the verdict', () => {
    expect(checkTitle(result([]))).toBe('Failed: 1 error, 2 warnings, 0 notices');
    expect(conclusionOf(result([], 'pass'))).toBe('success');
    expect(conclusionOf(result([]))).toBe('failure');
  });
});

describe('limits', () => {
  it('chunks into requests of 50', () => {
    expect(chunk(Array.from({ length: 120 }, (_, i) => i), 50).map((c) => c.length)).toEqual([50, 50, 20]);
    expect(chunk([], 50)).toEqual([]);
  });

  it('fitChars keeps short text and cuts long text at a line, with a note, within the limit', () => {
    expect(fitChars('short', 10)).toBe('short');
    const long = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
    const cut = fitChars(long, 500);
    expect(cut.length).toBeLessThanOrEqual(500);
    expect(cut).toMatch(/line \d+\n\n_…truncated to fit GitHub’s size limit\._\n$/);
  });
});

describe('sticky comment', () => {
  it('starts with the hidden marker and stays within 65,536 characters', () => {
    const body = commentBody('x\n'.repeat(40_000));
    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(body.length).toBeLessThanOrEqual(65_536);
  });

  it('posts per mode; on-failure keeps an existing comment up to date after a fix', () => {
    expect(commentAction('off', true, true)).toBe('skip');
    expect(commentAction('always', false, false)).toBe('post');
    expect(commentAction('on-failure', true, false)).toBe('post');
    expect(commentAction('on-failure', false, false)).toBe('skip');
    expect(commentAction('on-failure', false, true)).toBe('post');
  });
});

const retryBaseMs = (env: Record<string, string>) => parseSettings(() => '', { GITHUB_WORKSPACE: process.cwd(), ...env }, {}).timing.retryBaseMs;

describe('retryBaseMs', () => {
  it('defaults to GitHub seconds and reads the override', () => {
    expect(retryBaseMs({})).toBe(1000);
    expect(retryBaseMs({ MODEL_DEPLOY_GATE_RETRY_BASE_MS: '1' })).toBe(1);
    expect(retryBaseMs({ MODEL_DEPLOY_GATE_RETRY_BASE_MS: 'soon' })).toBe(1000);
  });
});

describe('rebaseResult', () => {
  it('prefixes every file path with the scanned folder', () => {
    const r = rebaseResult(result([f({})]), 'ml');
    expect(r.findings[0]!.file).toBe('ml/deploy/a.yml');
    expect(r.skipped[0]!.file).toBe('ml/deploy/a.yml');
    expect(rebaseResult(result([f({})]), '').findings[0]!.file).toBe('deploy/a.yml');
  });
});
