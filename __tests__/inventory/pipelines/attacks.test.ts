// Pipeline files are written by the PR author: cycles, blow-ups, paths out of the repository and
// huge or malformed files must end quickly, read nothing outside and never throw.
import { describe, expect, test } from '@jest/globals';
import { findDeployments, isPipelineCandidate, stageFromPipelines } from '../../../src/inventory/pipelines/index.js';
import { synthetic } from './helpers.js';

const DEP = 'deploy/online-deployment.yml';
const CMD = 'az ml online-deployment create -f deploy/online-deployment.yml';

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = Date.now();
  const value = f();
  return { value, ms: Date.now() - t };
}

describe('cycles', () => {
  test('an Azure DevOps template that includes itself, and two that include each other', () => {
    const { value, ms } = timed(() =>
      synthetic({
        'azure-pipelines.yml': 'steps:\n  - template: loop.yml\n',
        'loop.yml': `steps:\n  - template: loop.yml\n  - template: other.yml\n  - script: ${CMD}\n`,
        'other.yml': 'steps:\n  - template: loop.yml\n',
        [DEP]: '',
      }),
    );
    expect(value.map((e) => [e.pipeline, e.line])).toEqual([['azure-pipelines.yml', 2]]);
    expect(ms).toBeLessThan(2000);
  });

  test('reusable workflows that call each other; a variable template that includes itself', () => {
    const a = 'on: [push, workflow_call]\njobs:\n  a:\n    uses: ./.github/workflows/b.yml\n';
    const b = `on: workflow_call\njobs:\n  b:\n    uses: ./.github/workflows/a.yml\n  run:\n    steps:\n      - run: ${CMD}\n`;
    const ev = synthetic({ '.github/workflows/a.yml': a, '.github/workflows/b.yml': b, [DEP]: '' });
    expect(ev.map((e) => [e.pipeline, e.line])).toEqual([['.github/workflows/a.yml', 4]]);
    const vars = synthetic({
      'azure-pipelines.yml': `variables:\n  - template: v.yml\nsteps:\n  - script: ${CMD}\n`,
      'v.yml': 'variables:\n  - template: v.yml\n  - name: x\n    value: y\n',
      [DEP]: '',
    });
    expect(vars).toHaveLength(1);
  });
});

describe('blow-ups', () => {
  test('10,000 template steps: bounded expansions, fast', () => {
    const steps = Array.from({ length: 10_000 }, () => '  - template: t.yml\n').join('');
    const { value, ms } = timed(() => synthetic({ 'azure-pipelines.yml': `steps:\n${steps}`, 't.yml': `steps:\n  - script: ${CMD}\n`, [DEP]: '' }));
    expect(value.length).toBeGreaterThan(0);
    expect(value.length).toBeLessThanOrEqual(256);
    expect(ms).toBeLessThan(5000);
  });

  test.each([
    [18, 1],
    [30, 0], // deeper than the 20 levels Azure DevOps allows: nothing past the limit is read
  ])('templates that double at each of %i levels (2^n expansions unbounded) ⇒ %i evidence', (levels, n) => {
    const files: Record<string, string> = { 'azure-pipelines.yml': 'steps:\n  - template: t0.yml\n', [DEP]: '' };
    for (let i = 0; i < levels; i++) files[`t${i}.yml`] = `steps:\n  - template: t${i + 1}.yml\n  - template: t${i + 1}.yml\n`;
    files[`t${levels}.yml`] = `steps:\n  - script: ${CMD}\n`;
    const { value, ms } = timed(() => synthetic(files));
    expect(value).toHaveLength(n);
    expect(ms).toBeLessThan(5000);
  });

  test('a stepList parameter that splices itself', () => {
    const ev = synthetic({
      'azure-pipelines.yml': 'steps:\n  - template: t.yml\n',
      't.yml': "parameters:\n  - name: s\n    default: ['${{ parameters.s }}', '${{ parameters.s }}']\nsteps:\n  - ${{ parameters.s }}\n",
    });
    expect(ev).toEqual([]);
  });

  test('macros that double 40 times and a YAML alias bomb', () => {
    const vars = Array.from({ length: 40 }, (_, i) => `  v${i}: $(v${i + 1})$(v${i + 1})`).join('\n');
    const { value: ev, ms: macroMs } = timed(() =>
      synthetic({ 'azure-pipelines.yml': `variables:\n${vars}\n  v40: x\nsteps:\n  - script: az ml online-deployment create -f $(v0)/online-deployment.yml\n`, [DEP]: '' }),
    );
    expect(macroMs).toBeLessThan(2000);
    // Expansion stops (bounded depth and size); what is left is an unresolved prefix before a unique basename.
    expect(ev.map((e) => e.manifest)).toEqual([DEP]);
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)];
    const { value, ms } = timed(() => synthetic({ 'azure-pipelines.yml': `${bomb.join('\n')}\nsteps:\n  - script: ${CMD}\n`, [DEP]: '' }));
    expect(value).toEqual([]);
    expect(ms).toBeLessThan(5000);
  });
});

describe('wide files', () => {
  test('4,000 variables over 6,000 jobs with variables, 4,000 env entries over 8,000 steps: no copying per step', () => {
    const vars = Array.from({ length: 4000 }, (_, i) => `  v${i}: x${i}`).join('\n');
    const jobs = Array.from({ length: 6000 }, (_, i) => `  - job: j${i}\n    variables: {a: b}\n    steps:\n      - script: az ml x -f $(v1)`).join('\n');
    const env = Array.from({ length: 4000 }, (_, i) => `  V${i}: x${i}`).join('\n');
    const steps = Array.from({ length: 8000 }, () => '      - run: az ml online-deployment create -f $V1').join('\n');
    const { value, ms } = timed(() =>
      findDeployments(
        [
          { path: 'azure-pipelines.yml', text: `variables:\n${vars}\njobs:\n${jobs}\n` },
          { path: '.github/workflows/w.yml', text: `on: push\nenv:\n${env}\njobs:\n  j:\n    steps:\n${steps}\n` },
        ],
        new Set(['x1']),
      ),
    );
    expect(value.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(8000);
  });
});

describe('paths outside the repository', () => {
  const files = { 'etc/passwd': '', 'x/etc/passwd': '' };
  test.each([
    ['-f ../../../etc/passwd', '.github/workflows/cd.yml'],
    ['-f ../etc/passwd', '.github/workflows/cd.yml'],
    ['-f /etc/passwd', '.github/workflows/cd.yml'],
    ['-f ~/etc/passwd', '.github/workflows/cd.yml'],
    ['-f C:\\\\etc\\\\passwd', '.github/workflows/cd.yml'],
    ['-f $(Pipeline.Workspace)/../../etc/passwd', 'azure-pipelines.yml'],
  ])('%s in %s resolves to nothing', (arg, pipeline) => {
    const text = pipeline.startsWith('.github')
      ? `on: push\njobs:\n  j:\n    steps:\n      - run: az ml online-deployment create ${arg}\n`
      : `steps:\n  - script: az ml online-deployment create ${arg}\n`;
    expect(synthetic({ [pipeline]: text, ...files })).toEqual([]);
  });

  test('a working directory that climbs out, an absolute one, templates named by absolute or climbing paths', () => {
    const wf = 'on: push\njobs:\n  j:\n    steps:\n      - run: az ml online-deployment create -f passwd\n        working-directory: ../../etc\n      - run: az ml online-deployment create -f passwd\n        working-directory: /etc\n';
    expect(synthetic({ '.github/workflows/cd.yml': wf, ...files })).toEqual([]);
    const ado = 'steps:\n  - template: ../../../outside.yml\n  - template: /../outside.yml\n';
    // outside.yml (at the root) is a pipeline of its own; azure-pipelines.yml includes nothing.
    const ev = synthetic({ 'azure-pipelines.yml': ado, 'outside.yml': `steps:\n  - script: ${CMD}\n`, [DEP]: '' });
    expect(ev.map((e) => e.pipeline)).toEqual(['outside.yml']);
  });
});

describe('huge and malformed input', () => {
  test('a file over 512 KiB is not a candidate and is not read', () => {
    const huge = `on: push\njobs:\n  j:\n    steps:\n      - run: |\n${`          echo ${'x'.repeat(100)}\n`.repeat(6000)}          ${CMD}\n`;
    expect(huge.length).toBeGreaterThan(512 * 1024);
    expect(isPipelineCandidate('.github/workflows/cd.yml', huge)).toBe(false);
    const { value, ms } = timed(() => findDeployments([{ path: '.github/workflows/cd.yml', text: huge }], new Set([DEP])));
    expect(value).toEqual([]);
    expect(ms).toBeLessThan(2000);
  });

  test('a long script just under the limit with unbalanced quotes and parentheses', () => {
    const junk = `${'$( "\''.repeat(20_000)}\n${CMD}\n`;
    const wf = `on: push\njobs:\n  j:\n    steps:\n      - run: ${JSON.stringify(junk)}\n`;
    const { ms } = timed(() => synthetic({ '.github/workflows/cd.yml': wf, [DEP]: '' }));
    expect(ms).toBeLessThan(3000);
  });

  test('unparsable YAML, non-mapping roots, wrong types and garbage never throw', () => {
    const cases: Array<[string, string]> = [
      ['.github/workflows/a.yml', 'jobs: [\n'],
      ['.github/workflows/b.yml', '- just\n- a list\n'],
      ['.github/workflows/c.yml', 'jobs:\n  j:\n    steps: {run: 1}\n    environment: [1]\n'],
      ['azure-pipelines.yml', 'steps:\n  - script: [1, 2]\n  - template: {}\n  - 42\n'],
      ['d.yml', 'stages: 7\njobs:\n  - job:\n      x: 1\n    steps: [null]\n'],
    ];
    expect(findDeployments(cases.map(([path, text]) => ({ path, text })), new Set())).toEqual([]);
    expect(findDeployments(null as unknown as [], new Set())).toEqual([]);
    expect(findDeployments([{ path: 1, text: null } as unknown as { path: string; text: string }], new Set())).toEqual([]);
    expect(isPipelineCandidate(undefined as unknown as string, 'x')).toBe(false);
  });

  test('--set __proto__=x is data, not a prototype', () => {
    const [e] = synthetic({ '.github/workflows/cd.yml': `on: push\njobs:\n  j:\n    steps:\n      - run: ${CMD} --set __proto__=x constructor=y\n`, [DEP]: '' });
    expect(Object.hasOwn(e.overrides, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(stageFromPipelines([e])?.stage).toBe('unknown');
  });
});

test('__proto__ as a matrix key, an input name, a dispatch input and a repository alias is data', () => {
  const callee = 'on:\n  workflow_call:\n    inputs:\n      __proto__: { default: x }\njobs:\n  j:\n    environment: prod\n    steps:\n      - run: az ml online-deployment create -f ${{ inputs.f }}\n';
  const caller = [
    'on:',
    '  workflow_dispatch:',
    '    inputs:',
    '      __proto__: { default: y }',
    'jobs:',
    '  m:',
    '    strategy:',
    '      matrix:',
    '        include: [{ __proto__: 1 }]',
    '    environment: ${{ matrix.__proto__ }}',
    '    steps: []',
    '  c:',
    '    uses: ./.github/workflows/callee.yml',
    '    with: { __proto__: z, f: deploy/online-deployment.yml }',
  ].join('\n');
  const ado = 'resources:\n  repositories:\n    - repository: __proto__\n      name: x/mlops-templates\nsteps:\n  - template: create-endpoint.yml@__proto__\n    parameters: { endpoint_file: deploy/online-deployment.yml, __proto__: 1 }\n';
  const ev = synthetic({ '.github/workflows/cd.yml': caller, '.github/workflows/callee.yml': callee, 'azure-pipelines.yml': ado, [DEP]: '' });
  expect(ev.map((e) => [e.pipeline, e.stage])).toEqual([['.github/workflows/cd.yml', 'production']]);
  expect(({} as Record<string, unknown>).x).toBeUndefined();
});
