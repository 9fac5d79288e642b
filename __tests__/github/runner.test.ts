// src/github/runner.ts against @actions/core (a dev dependency kept for this test): the same calls
// must write the same bytes to stdout, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, also for hostile text.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as core from '@actions/core';
import * as runner from '../../src/github/runner.js';

type Impl = 'core' | 'runner';

/** What one call wrote to stdout. */
function stdoutOf(fn: () => void): string {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

const HOSTILE = [
  'plain',
  '',
  'line one\nline two',
  'cr\rlf\r\n',
  '100% sure %0A%25',
  '::error file=README.md,line=1::forged',
  '\n::add-mask::x',
  'a: b, c: d',
  '##[warning]legacy',
  'ünïcødé ✓ 𝄞',
];

const PROPERTIES: runner.AnnotationProperties[] = [
  {},
  { title: 'schema', file: 'deploy/prod.yml', startLine: 3, startColumn: 5 },
  { title: 'a:b,c', file: 'odd,name:1\n::error::x.yml', startLine: 1, endLine: 2, startColumn: 1, endColumn: 9 },
  { title: '' },
  { file: '%0A.yml', startLine: 0 },
];

describe('runner.ts writes what @actions/core writes', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mdg-runner-'));
  });
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('annotations (error, warning, notice) with hostile messages and properties', () => {
    for (const message of HOSTILE) {
      for (const props of PROPERTIES) {
        for (const level of ['error', 'warning', 'notice'] as const) {
          const theirs = stdoutOf(() => core[level](message, props));
          const ours = stdoutOf(() => runner[level](message, props));
          expect(ours).toBe(theirs);
          // One line: nothing in the text can start a second command.
          expect(ours.split('\n')).toHaveLength(2);
        }
      }
    }
    const err = new Error('boom\n::error::x');
    expect(stdoutOf(() => runner.error(err))).toBe(stdoutOf(() => core.error(err)));
  });

  it('info, debug, setSecret and setFailed', () => {
    for (const message of HOSTILE) {
      expect(stdoutOf(() => runner.info(message))).toBe(stdoutOf(() => core.info(message)));
      expect(stdoutOf(() => runner.debug(message))).toBe(stdoutOf(() => core.debug(message)));
      expect(stdoutOf(() => runner.setSecret(message))).toBe(stdoutOf(() => core.setSecret(message)));
    }
    const theirs = stdoutOf(() => core.setFailed('failed: 1 error\nsee the report'));
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    expect(stdoutOf(() => runner.setFailed('failed: 1 error\nsee the report'))).toBe(theirs);
    expect(process.exitCode).toBe(1);
  });

  it('inputs: INPUT_<NAME> with spaces as underscores, upper-cased, trimmed', () => {
    process.env['INPUT_FAIL-ON'] = '  warning \n';
    process.env.INPUT_MY_INPUT = 'x';
    for (const name of ['fail-on', 'my input', 'absent']) expect(runner.getInput(name)).toBe(core.getInput(name));
    expect(runner.getInput('fail-on')).toBe('warning');
    expect(runner.getInput('my input')).toBe('x');
    expect(runner.getInput('absent')).toBe('');
  });

  it('isDebug is RUNNER_DEBUG=1 only', () => {
    for (const v of [undefined, '0', '1', 'true']) {
      if (v === undefined) delete process.env.RUNNER_DEBUG;
      else process.env.RUNNER_DEBUG = v;
      expect(runner.isDebug()).toBe(core.isDebug());
    }
  });

  /** GITHUB_OUTPUT after the same setOutput calls by each implementation; the random delimiters named D0, D1… */
  function outputFile(impl: Impl, calls: Array<[string, unknown]>): string {
    const file = path.join(dir, `${impl}-output`);
    writeFileSync(file, '');
    process.env.GITHUB_OUTPUT = file;
    for (const [name, value] of calls) (impl === 'core' ? core.setOutput : runner.setOutput)(name, value);
    let n = 0;
    const names = new Map<string, string>();
    return readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, (d) => {
      if (!names.has(d)) names.set(d, `D${n++}`);
      return names.get(d)!;
    });
  }

  it('outputs: name<<delimiter records with a fresh delimiter each, numbers and objects as JSON', () => {
    const calls: Array<[string, unknown]> = [
      ['result', 'fail'],
      ['errors', 3],
      ['report-file', ''],
      ['multi', 'a\nb\r\nghadelimiter_00000000-0000-0000-0000-000000000000\nc=d'],
      ['obj', { a: 1 }],
      ['none', undefined],
    ];
    const ours = outputFile('runner', calls);
    expect(ours).toBe(outputFile('core', calls));
    // Six records, six distinct delimiters, none of them the one a value wrote: it cannot end its record early.
    const headers = [...ours.matchAll(/^[a-z-]+<<(D\d+)$/gm)].map((m) => m[1]);
    expect(new Set(headers).size).toBe(6);
    expect(ours).toMatch(/^multi<<(D\d+)\na\nb\r\n(D\d+)\nc=d\n\1\n/m);
    expect(ours).not.toMatch(/^multi<<(D\d+)\na\nb\r\n\1\n/m);
    expect(ours).toContain('errors<<D1\n3\nD1\n');
  });

  it('outputs without GITHUB_OUTPUT: the legacy set-output command, escaped', () => {
    delete process.env.GITHUB_OUTPUT;
    for (const value of HOSTILE) expect(stdoutOf(() => runner.setOutput('result', value))).toBe(stdoutOf(() => core.setOutput('result', value)));
  });

  it('outputs to a GITHUB_OUTPUT file that does not exist: the same error, nothing written elsewhere', () => {
    process.env.GITHUB_OUTPUT = path.join(dir, 'missing');
    expect(() => core.setOutput('a', 'b')).toThrow('Missing file at path');
    expect(() => runner.setOutput('a', 'b')).toThrow('Missing file at path');
  });

  it('job summary: appended with a line end, as summary.addRaw(text, true).write()', async () => {
    const theirs = path.join(dir, 'core-summary');
    const ours = path.join(dir, 'runner-summary');
    writeFileSync(theirs, 'before\n');
    writeFileSync(ours, 'before\n');
    const markdown = '## model-deploy-gate\n\n| a | b |\n|---|---|\n| ✓ | <br> |';
    process.env.GITHUB_STEP_SUMMARY = theirs;
    await core.summary.addRaw(markdown, true).write();
    core.summary.emptyBuffer();
    process.env.GITHUB_STEP_SUMMARY = ours;
    await runner.appendSummary(markdown);
    expect(readFileSync(ours, 'utf8')).toBe(readFileSync(theirs, 'utf8'));
  });

  it('job summary without GITHUB_STEP_SUMMARY, or with a file it cannot write: an error naming the cause', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(runner.appendSummary('x')).rejects.toThrow('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
    process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'missing', 'summary');
    await expect(runner.appendSummary('x')).rejects.toThrow('Unable to access summary file');
  });
});
