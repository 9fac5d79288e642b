/**
 * A hostile pull request (issue #10): its author writes every manifest, every file name and the
 * config. It must not turn the gate green, reach outside the workspace, or speak in the gate's voice.
 * Each attack runs the real engine (`evaluate()`) or the real bundle (`dist/index.js`) against the
 * validating fake GitHub API. docs/robustness.md lists every attack class with its test.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { evaluate, type PolicyOptions } from '../../src/engine.js';
import type { ConfigSource } from '../../src/config/types.js';
import type { Finding, Result } from '../../src/core/types.js';
import { render } from '../../src/report/index.js';
import { esc, renderMarkdown } from '../../src/report/markdown.js';
import { ALL_RULES } from '../../src/policy/rules/index.js';
import { resultOf, tempRepos } from '../helpers.js';
import { main } from '../../src/cli/main.js';
import { FakeGitHubApi, GITHUB_ACTIONS_BOT, type Identity } from '../action/fake-github-api.js';
import { cleanTempDirs } from '../action/git-fixture.js';
import { findingCommands, runAction, runnerCommands, TOKEN, type ActionRun } from '../action/run-action.js';
import { ACI, CHECK_NAME, MARKER, expectValidTraffic, fresh, plainSummary, stopAll, track, withoutHistory } from '../action/suite.js';

const CONFIG = '.github/model-deploy-gate.yml';
const ACI_FILE = 'deploy/prod/legacy/deploymentconfig.yml';
const V2 = '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json';

const temp = tempRepos('mdg-pr-');
const repo = temp.repo;
afterAll(async () => {
  temp.cleanup();
  await stopAll();
  cleanTempDirs();
});

const src = (text: string, p = CONFIG): ConfigSource => ({ path: p, text });

/**
 * A pull request as the action sees it: the checkout holds `files` (the PR's version, its config
 * included), `base` is the base commit's config text (null: none), `changed` what the PR lists.
 */
function judge(files: Record<string, string>, base: string | null, opts: { changed?: string[]; from?: 'base' | 'head'; basePath?: string } = {}): Result {
  const root = repo(files);
  const head = files[CONFIG] !== undefined ? src(files[CONFIG]!) : null;
  const baseSource = base === null ? null : src(base, opts.basePath ?? CONFIG);
  const policy: PolicyOptions =
    opts.from === 'head' ? { from: 'head', source: head, baseline: baseSource } : { from: 'base', source: baseSource, commit: 'b'.repeat(40), proposed: head };
  return resultOf(evaluate({ root, failOn: 'error', scopeReason: 'pull_request', changed: opts.changed ?? Object.keys(files), policy }));
}

const active = (r: Result, rule?: string): Finding[] => r.findings.filter((f) => !f.suppressed && (rule === undefined || f.ruleId === rule));
const change = (r: Result): Finding => {
  const found = active(r, 'policy-change');
  expect(found).toHaveLength(1);
  return found[0]!;
};

/** The attack of issue #10: everything that silences the gate, in one config. */
const SILENCE = `rules:
  aci-not-for-production: off
  parse-error: off
  v1-deprecated: notice
waivers:
  - rule: unknown-key
    path: "**"
    reason: "later"
    owner: "@org/security-team"
    expires: 9999-12-31
`;

describe('the policy that judges a pull request is the base branch\'s', () => {
  test('a PR config that turns a rule off, lowers another and waives everything until 9999-12-31 does not judge its own PR; one policy-change error says what it would hide', () => {
    const r = judge({ [ACI_FILE]: `${ACI}typo: 1\n`, [CONFIG]: SILENCE }, null, { changed: [ACI_FILE, CONFIG] });
    expect(r.summary.result).toBe('fail');
    expect(active(r, 'aci-not-for-production')).toHaveLength(1);
    expect(active(r, 'v1-deprecated')[0]!.severity).toBe('warning');
    expect(active(r, 'unknown-key')).toHaveLength(1);
    const f = change(r);
    expect(f).toMatchObject({ severity: 'error', file: CONFIG, line: 2 });
    expect(f.message).toContain('turns off `aci-not-for-production` (error → off)');
    expect(f.message).toContain('lowers `v1-deprecated` from warning to notice');
    expect(f.message).toContain('adds a waiver for `unknown-key` on `**` (owner `@org/security-team`, until 9999-12-31');
    expect(f.message).toContain('asks to turn off `parse-error`, which cannot be turned off');
    expect(f.message).toMatch(/\. Its config would hide 2 findings of this run \(1 error\) and pass the run: have the config owners review it \(the base branch's policy judged this run\)\.$/);
    expect(r.policy).toMatchObject({ from: 'base', file: null, off: [], lowered: [], change: { kind: 'added', hidden: 2, wouldResult: 'pass' } });
    // The PR's config file is in the changed list, and the config changed: everything is gated.
    expect(r.scope.mode).toBe('all');
  });

  test('deleting the config is a config change: everything is gated, the base policy still judges, policy-change at line 1 of where it was', () => {
    const base = 'stages:\n  production: ["services/**"]\n';
    // The PR deletes the config (removed files are not in the changed list) and adds an ACI service outside deploy/prod.
    const r = judge({ 'services/new/deploymentconfig.yml': ACI, 'services/old/deploymentconfig.yml': ACI }, base, { changed: ['services/new/deploymentconfig.yml'] });
    expect(r.scope.mode).toBe('all');
    expect(r.scope.reason).toContain(`the config ${CONFIG} is deleted, so everything is gated`);
    expect(active(r, 'aci-not-for-production').map((f) => f.file).sort()).toEqual(['services/new/deploymentconfig.yml', 'services/old/deploymentconfig.yml']);
    const f = change(r);
    expect(f).toMatchObject({ file: CONFIG, line: 1, column: 1, severity: 'error' });
    expect(f.message).toContain('deletes the config');
    expect(f.message).toContain('no longer treats `services/**` as production');
    expect(r.policy!.change).toMatchObject({ kind: 'deleted', hidden: 2 });
  });

  test('loosened limits, stages and a default-stage that move deployments out of production, new excludes, dropped includes, changed facts: each is a relaxation', () => {
    const base = 'default-stage: production\nstages:\n  production: ["svc/**"]\nmodels:\n  fraud: { memory-gb: 12 }\n';
    const pr = [
      'default-stage: nonproduction',
      'stages:',
      '  nonproduction: ["deploy/prod/**"]',
      'limits:',
      '  aci-max-memory-gb: 1000',
      '  managed-production-min-instances: 1',
      '  memory-headroom-ratio: 1.6',
      'include: ["**/*.json"]',
      'exclude: ["deploy/**"]',
      'models:',
      '  fraud: { memory-gb: 1 }',
      '',
    ].join('\n');
    const r = judge({ [ACI_FILE]: ACI, [CONFIG]: pr }, base);
    const c = r.policy!.change!;
    expect(c.relaxes).toEqual(
      expect.arrayContaining([
        'changes default-stage from production to nonproduction (deployments nothing else classifies move out of production)',
        'no longer treats `svc/**` as production (stages.production)',
        'treats `deploy/prod/**` as non-production (stages.nonproduction)',
        'loosens limit `aci-max-memory-gb` from 48 to 1000',
        'loosens limit `managed-production-min-instances` from 3 to 1',
        'excludes `deploy/**` from the gate',
        'stops including `**/*.yml`',
        'changes the facts for models `fraud`',
      ]),
    );
    expect(c.other).toContain('tightens limit `memory-headroom-ratio` from 1.5 to 1.6');
    expect(change(r).severity).toBe('error');
    expect(c.hidden).toBe(2);
  });

  test('an extended waiver and a waiver moved to a broader path count as relaxations', () => {
    const w = (p: string, until: string) => `  - { rule: aci-not-for-production, path: "${p}", reason: r, owner: "@o", expires: ${until} }\n`;
    const base = `waivers:\n${w('deploy/prod/legacy/**', '2099-01-01')}`;
    const pr = `waivers:\n${w('deploy/prod/legacy/**', '2199-01-01')}${w('deploy/**', '2099-01-01')}`;
    const c = judge({ [ACI_FILE]: ACI, [CONFIG]: pr }, base).policy!.change!;
    expect(c.relaxes).toEqual([
      'extends the waiver for `aci-not-for-production` on `deploy/prod/legacy/**` from 2099-01-01 to 2199-01-01',
      'adds a waiver for `aci-not-for-production` on `deploy/**` (owner `@o`, until 2099-01-01, reason `r`) (the base waives `aci-not-for-production` only on `deploy/prod/legacy/**`)',
    ]);
  });

  test('the PR\'s config cannot silence policy-change: `policy-change: off`, an inline ignore in the config itself, a waiver for it', () => {
    const pr = [
      '# model-deploy-gate: ignore policy-change -- approved',
      'rules:',
      '  # model-deploy-gate: ignore policy-change -- approved',
      '  aci-not-for-production: off',
      '  policy-change: off',
      'waivers:',
      '  - { rule: policy-change, path: "**", reason: r, owner: "@o", expires: 2999-01-01 }',
      // Words that make the pre-filter read the config as a manifest candidate, so inline directives would be scanned.
      '# computeType: ACI  $schema managedOnlineDeployment',
      '',
    ].join('\n');
    const r = judge({ [ACI_FILE]: ACI, [CONFIG]: pr }, null);
    const f = change(r);
    expect(f.severity).toBe('error');
    expect(f.suppressed).toBeNull();
    expect(r.summary.result).toBe('fail');
  });

  test('the base policy decides policy-change\'s severity; a change that only tightens is a notice; an unchanged config gives none', () => {
    const base = 'rules:\n  policy-change: warning\n';
    const relaxed = judge({ [ACI_FILE]: ACI, [CONFIG]: `${base}  aci-not-for-production: off\n` }, base);
    expect(change(relaxed).severity).toBe('warning');
    const tighter = judge({ [ACI_FILE]: ACI, [CONFIG]: 'rules:\n  v1-deprecated: error\n' }, null);
    expect(change(tighter)).toMatchObject({ severity: 'notice' });
    expect(change(tighter).message).toContain('raises `v1-deprecated` from warning to error');
    const same = judge({ [ACI_FILE]: ACI, [CONFIG]: base }, base, { changed: [ACI_FILE] });
    expect(active(same, 'policy-change')).toEqual([]);
    expect(same.scope.mode).toBe('changed');
  });

  test('an invalid PR config: policy-change at the problem\'s line; the base policy still judges', () => {
    const r = judge({ [ACI_FILE]: ACI, [CONFIG]: 'rules:\n  aci-not-for-production: sometimes\n' }, null);
    const f = change(r);
    expect(f).toMatchObject({ line: 2, severity: 'error' });
    expect(f.message).toMatch(/config `\.github\/model-deploy-gate\.yml` is invalid, so every run would fail once it is merged: \.github\/model-deploy-gate\.yml:2:/);
    expect(active(r, 'aci-not-for-production')).toHaveLength(1);
  });

  test('a PR that moves the config to the other default location is a config change', () => {
    const r = judge({ [ACI_FILE]: ACI, '.model-deploy-gate.yml': 'rules: { aci-not-for-production: off }\n' }, 'rules: {}\n');
    expect(r.scope.mode).toBe('all');
    expect(change(r).message).toContain('deletes the config');
  });

  test('parse-error cannot be turned off or waived, even by the judging config', () => {
    const judging = 'rules:\n  parse-error: off\nwaivers:\n  - { rule: parse-error, path: "**", reason: r, owner: "@o", expires: 2999-01-01 }\n';
    const r = judge({ 'deploy/prod/broken.yml': 'computeType: ACI\n  bad: [\n', [CONFIG]: judging }, judging);
    expect(active(r, 'parse-error')).toHaveLength(1);
    expect(r.summary.result).toBe('fail');
    expect(r.policy!.off).not.toContain('parse-error');
  });

  test('policy-from: head (the old behaviour) is judged by the PR\'s config, and every report lists what it silences', () => {
    const r = judge({ [ACI_FILE]: `${ACI}typo: 1\n`, [CONFIG]: SILENCE }, null, { from: 'head', changed: [ACI_FILE] });
    expect(r.summary.result).toBe('pass');
    expect(r.scope.mode).toBe('all'); // the PR changed the config
    expect(r.policy).toMatchObject({ from: 'head', file: CONFIG, off: ['aci-not-for-production'], lowered: [{ rule: 'v1-deprecated', from: 'warning', to: 'notice' }] });
    expect(r.waivers).toEqual([expect.objectContaining({ rule: 'unknown-key', path: '**', owner: '@org/security-team', expires: '9999-12-31' })]);
    const text = render('text', r, ALL_RULES);
    expect(text).toContain("Policy: the pull request's own config `.github/model-deploy-gate.yml` (policy-from: head)");
    expect(text).toContain('Rules turned off: `aci-not-for-production`');
    expect(text).toContain('Severities lowered: `v1-deprecated` warning → notice');
    expect(text).toContain('unknown-key on ** — owner @org/security-team, expires 9999-12-31');
    const md = renderMarkdown(r, { maxBytes: 1 << 20 });
    expect(md).toContain('- Rules turned off: `aci-not-for-production`');
    expect(md).toMatch(/\| `unknown-key` \| `\*\*` \| `@org\/security-team` \| 9999-12-31 \|/);
    const json = JSON.parse(render('json', r, ALL_RULES)) as { policy: Result['policy'] };
    expect(json.policy).toMatchObject({ from: 'head', off: ['aci-not-for-production'], waivers: { inForce: 1, expired: 0 } });
  });
});

describe('file names the author chose', () => {
  test('a manifest in a folder whose name holds a newline is still read, and a stage glob still classifies it', () => {
    const weird = 'services/a\n::error file=README.md::x/deploymentconfig.yml';
    const r = judge({ [weird]: ACI }, 'stages:\n  production: ["services/**"]\n', { changed: [weird] });
    expect(active(r, 'aci-not-for-production').map((f) => f.file)).toEqual([weird]);
    expect(r.summary.result).toBe('fail');
  });

  // Found by the fuzzer (hostile file names and values, issue #10): the CLI printed its reports to
  // stdout as they are, and `npx model-deploy-gate` in a workflow step is read by the runner.
  test.each(['text', 'markdown', 'json', 'sarif'])('the CLI\'s %s report on stdout holds no workflow command from file names, keys or values', async (format) => {
    const root = repo({
      'deploy/prod/a\n::error file=README.md,line=1::forged/deploymentconfig.yml': ACI,
      'deploy/prod/##[add-mask]secret-x.yml': ACI,
      'deploy/prod/blue.yml': [V2, 'name: "blue\\n::warning::forged ##[set-output name=result]pass"', 'endpoint_name: e', 'instance_type: Standard_DS3_v2', 'instance_count: 1', '"k\\n  ::notice::x": 1', ''].join('\n'),
    });
    let out = '';
    let err = '';
    const code = await main(['--root', root, '--format', format], { out: (s) => (out += s), err: (s) => (err += s), cwd: root });
    expect(code).toBe(1);
    expect(runnerCommands(out).filter((c) => c.name !== 'stop-commands')).toEqual([]);
    expect(runnerCommands(err)).toEqual([]);
    // Still the whole report: the names are in it, and JSON still reads as the same JSON.
    expect(out).toContain('forged');
    if (format === 'json' || format === 'sarif') {
      expect(JSON.parse(out)).toEqual(JSON.parse(render(format, resultOf(evaluate({ root, failOn: 'error', scopeReason: 'cli', paths: [] })), ALL_RULES)));
    }
  });
});

describe('fail closed, always visible', () => {
  test('every run fills Result.policy: rules off, lowered severities, changed limits, waivers, and the files the config excluded', () => {
    const cfg = 'rules: { v1-deprecated: off, aci-memory-limit: warning }\nlimits: { aci-max-memory-gb: 64 }\nexclude: ["deploy/prod/**", "legacy/**"]\n';
    const root = repo({ [ACI_FILE]: ACI, 'deploy/prod/b/deploymentconfig.yml': ACI, 'legacy/a.yml': 'x: 1\n', 'README.md': '#\n', [CONFIG]: cfg });
    const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'cli' }));
    expect(r.policy).toEqual({
      from: 'checkout',
      file: CONFIG,
      off: ['v1-deprecated'],
      lowered: [{ rule: 'aci-memory-limit', from: 'error', to: 'warning' }],
      limits: [{ limit: 'aci-max-memory-gb', value: 64, default: 48 }],
      defaultStage: 'unknown',
      excluded: { patterns: ['deploy/prod/**', 'legacy/**'], files: 3 },
      waivers: { inForce: 0, expired: 0 },
    });
    expect(r.findings).toEqual([]);
    const text = render('text', r, ALL_RULES);
    expect(text).toContain('Excluded by the config: 3 files (`deploy/prod/**`, `legacy/**`)');
    expect(render('markdown', r, ALL_RULES)).toContain('- Excluded by the config: 3 files (`deploy/prod/**`, `legacy/**`)');
  });
});

/** Outside code spans (CommonMark backtick runs), what GitHub could render as HTML, a link, an image or a mention. */
function liveMarkdown(md: string): string[] {
  const out: string[] = [];
  let text = '';
  for (let i = 0; i < md.length; ) {
    if (md[i] === '\\') {
      i += 2;
      text += ' ';
      continue;
    }
    if (md[i] === '`') {
      let n = 0;
      while (md[i + n] === '`') n++;
      const close = md.indexOf('`'.repeat(n), i + n);
      const exact = close >= 0 && md[close + n] !== '`' && md[close - 1] !== '`';
      if (exact) {
        i = close + n;
        text += ' ';
        continue;
      }
      i += n;
      continue;
    }
    text += md[i++];
  }
  const plain = text.replace(/<br>/g, ' ');
  for (const m of plain.matchAll(/<[A-Za-z!/?]|@[A-Za-z0-9]|(?<![\u200b])#\d|[a-z]+:\/\/|www\.|!\[|\]\(/g)) out.push(plain.slice(Math.max(0, m.index - 20), m.index + 30));
  return out;
}

describe('markdown surfaces are inert', () => {
  const ATTACKS = [
    // An even number of backticks (a run of 3 and a run of 1, which CommonMark never pairs) left the HTML raw.
    '```<img src=x onerror=alert(1)>`',
    '`<a href="https://evil.example">Approved by @org/security-team</a>```',
    '``<img src=x onerror=alert(1)>``',
    '`` `<a href="https://evil.example">Approved by @org/security-team</a>` ``',
    '`x`<img src=y>`z`',
    '![pixel](https://evil.example/p.png) [click](https://evil.example)',
    'cc @org/security-team fixes #1 see https://evil.example and www.evil.example',
    'a | b \\| c\nd',
  ];

  test.each(ATTACKS)('a deployment named %j renders inert in the job summary, the check-run summary and the PR comment', (name) => {
    const text = `${V2}\nname: ${JSON.stringify(name)}\nendpoint_name: e\nmodel: azureml:m:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n`;
    const root = repo({ 'deploy/prod/blue.yml': text });
    const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test' }));
    // The text reaches the report: as the deployment's name, or quoted in a finding (a value with `<…>` is a placeholder).
    expect(r.inventory[0]!.name === name || r.findings.some((f) => f.message.includes(name))).toBe(true);
    const md = renderMarkdown(r, { maxBytes: 1 << 20, links: (f, l) => `https://github.test/o/r/blob/s/${f}#L${l}` });
    // Our own links (rule docs, blob links) are the only links; nothing else is live.
    const own = md.replace(/\]\(https:\/\/(github\.com\/model-deploy-gate|github\.test\/o\/r\/blob)[^)]*\)/g, ']');
    expect(liveMarkdown(own.replace(/\[[^\]\n]*\]/g, (m) => m.replace(/[[\]]/g, ' ')))).toEqual([]);
    expect(md).not.toContain(MARKER);
    // Every table row keeps its column count.
    // Every row of a table has as many cells as its header.
    let header: number | undefined;
    for (const line of md.split('\n')) {
      if (!line.startsWith('| ')) {
        header = undefined;
        continue;
      }
      const cells = line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 2;
      header ??= cells;
      expect(cells).toBe(header);
    }
  });

  test('esc keeps code spans code, whatever backticks the text holds', () => {
    expect(esc('use `instance_count: 3`')).toBe('use `instance_count: 3`');
    expect(esc('a ``b`c`` d')).toBe('a ``b`c`` d');
    expect(esc('`<img src=x>`')).toBe('`<img src=x>`');
    expect(esc('``<img src=x>``')).toBe('`<img src=x>`');
    expect(esc('`|`')).toBe('\\|');
    expect(esc('@team #12 https://x')).toBe('@\u200bteam #\u200b12 https:\u200b//x');
  });
});

// ---------------------------------------------------------------------------------- the real bundle

const commands = (run: ActionRun) => runnerCommands(`${run.stdout}\n${run.stderr}`);

/** Every command the runner would execute is one the gate meant: annotations, its own masking, its own stop/resume. */
function expectOnlyOwnCommands(run: ActionRun, annotated: string[]): void {
  const cmds = commands(run);
  const stray = cmds.filter((c) => !['error', 'warning', 'notice', 'debug', 'stop-commands', 'add-mask'].includes(c.name));
  expect(stray).toEqual([]);
  expect(cmds.filter((c) => c.name === 'add-mask').map((c) => c.data)).toEqual([TOKEN]);
  expect(cmds.filter((c) => c.form === 'legacy')).toEqual([]);
  const files = cmds.filter((c) => c.props['file'] !== undefined).map((c) => c.props['file']!);
  expect([...new Set(files)].sort()).toEqual([...annotated].sort());
  // Stopped blocks are always resumed: the action's own failure message is still processed.
  if (run.code !== 0) expect(cmds.filter((c) => c.name === 'error' && c.props['file'] === undefined).at(-1)?.data).toMatch(/^model-deploy-gate: /);
}

describe('a hostile pull request against the bundle', () => {
  test.concurrent('a PR that adds a config turning the gate off: judged by the base policy, the check run fails with policy-change, the summary says which policy judged', async () => {
    const { ev, gh } = await fresh('opened', { extra: { head: { [CONFIG]: SILENCE } } });
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'on-failure' } });
    expect(run.code).toBe(1);
    expect(findingCommands(run).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1`, `policy-change ${CONFIG}:2`, `v1-deprecated ${ACI_FILE}:1`]);
    expect(gh.checkRuns).toEqual([expect.objectContaining({ name: CHECK_NAME, head_sha: ev.headSha, conclusion: 'failure' })]);
    expect(plainSummary(run)).toContain(`Policy: the built-in defaults (the base branch at ${ev.repo.base.slice(0, 12)} has no config).`);
    expect(plainSummary(run)).toContain('The pull request adds the config `.github/model-deploy-gate.yml`');
    expect(run.stdout).toContain(`Policy: the base branch's no config (built-in defaults), read with git, commit ${ev.repo.base.slice(0, 12)}.`);
    expectValidTraffic(gh);
  });

  test.concurrent('a PR that deletes the config whose stages made its new service production: still fails (the base policy judges, everything is gated)', async () => {
    const { ev, gh } = await fresh('opened', {
      extra: { base: { [CONFIG]: 'stages:\n  production: ["services/**"]\n' }, head: { [CONFIG]: null, [ACI_FILE]: null, 'services/new/deploymentconfig.yml': ACI } },
    });
    const run = await runAction({ event: ev, apiUrl: gh.url, inputs: { 'report-file': 'r.json' } });
    expect(run.code).toBe(1);
    expect(findingCommands(run).sort()).toEqual([`aci-not-for-production services/new/deploymentconfig.yml:1`, `policy-change ${CONFIG}:1`, `v1-deprecated services/new/deploymentconfig.yml:1`]);
    expectValidTraffic(gh);
  });

  test.concurrent('once the config change has landed on the base branch, the next PR is judged by it, with no policy-change', async () => {
    const landed = 'rules:\n  aci-not-for-production: warning\n';
    const { ev, gh } = await fresh('opened', { extra: { base: { [CONFIG]: landed } } });
    const run = await runAction({ event: ev, apiUrl: gh.url });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'pass', errors: '0' });
    expect(findingCommands(run).sort()).toEqual([`aci-not-for-production ${ACI_FILE}:1`, `v1-deprecated ${ACI_FILE}:1`]);
    expect(run.commands.filter((c) => c.message.includes('policy-change'))).toEqual([]);
    expect(plainSummary(run)).toContain(CONFIG);
    expectValidTraffic(gh);
  });

  test.concurrent('no history in the checkout: the base config comes from the contents API at the base SHA and judges the PR', async () => {
    const { ev, gh } = await fresh('opened', {
      extra: { base: { [CONFIG]: 'rules:\n  v1-deprecated: error\n' }, head: { [CONFIG]: 'rules:\n  v1-deprecated: off\n  aci-not-for-production: off\n' } },
    });
    const run = await runAction({ event: ev, apiUrl: gh.url, workspace: withoutHistory(ev) });
    expect(gh.requestsOf('repos/get-content').map((r) => [r.params['path'], r.query.get('ref'), r.status])).toEqual([[CONFIG, ev.repo.base, 200]]);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '3' }); // aci, v1-deprecated (raised by the base), policy-change
    expectValidTraffic(gh);
  });

  test.concurrent('the base config cannot be read (no history, the contents API fails): fails closed, nothing judged', async () => {
    const { ev, gh } = await fresh('opened', { extra: { head: { [ACI_FILE]: null } } });
    gh.failAlways({ operationId: 'repos/get-content' }, { status: 500, body: { message: 'boom' } });
    const run = await runAction({ event: ev, apiUrl: gh.url, workspace: withoutHistory(ev), inputs: { 'fail-on': 'never' } });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(run.commands.at(-1)!.message).toMatch(/^model-deploy-gate: the base branch's config could not be read at [0-9a-f]{12} \(git: commit [0-9a-f]{12} is not in the checkout; contents API: boom\)/);
    expect(gh.checkRuns).toEqual([]);
  });

  test.concurrent('repository text in names, keys and file names is never a workflow command; the gate\'s own annotations escape % \\r \\n : ,', async () => {
    const forged = '::error file=README.md,line=1::forged';
    const weird = `deploy/prod/x\n${forged},a:b%0A/deploymentconfig.yml`;
    const blue = [
      V2,
      `name: "blue\\n${forged}\\r::warning::forged\\n  ::notice::forged ##[add-mask]x ::stop-commands::zzz"`,
      'endpoint_name: "e\\n::set-output name=result::pass"',
      'model: azureml:m:1',
      'instance_type: Standard_DS3_v2',
      'instance_count: 1',
      '"k\\n::add-mask::x": 1',
      '',
    ].join('\n');
    const { ev, gh } = await fresh('opened', { extra: { head: { 'deploy/prod/blue.yml': blue, [weird]: `${ACI}"a\\n##[warning]forged": 1\n` } } });
    const run = await runAction({ event: ev, apiUrl: gh.url });

    expect(run.code).toBe(1);
    expectOnlyOwnCommands(run, [ACI_FILE, 'deploy/prod/blue.yml', weird]);
    // The odd file name reaches the runner intact through the escaped properties.
    expect(commands(run).some((c) => c.props['file'] === weird && c.props['title'] === 'aci-not-for-production')).toBe(true);
    expect(run.outputs['result']).toBe('fail');
    // The text report (with the names) was printed, inside a stop-commands block.
    expect(run.stdout).toMatch(/^::stop-commands::mdg-[0-9a-f]{32}$/m);
    expect(run.stdout).toContain('forged');
    expectValidTraffic(gh);
  });

  test.concurrent('pull_request_target with a checkout of some other commit: fails closed, no check run', async () => {
    const { ev, gh } = await fresh('pull_request_target');
    ev.repo.checkout(ev.repo.previousHead);
    const run = await runAction({ event: ev, apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(run.commands.at(-1)!.message).toMatch(/^model-deploy-gate: the workspace holds commit [0-9a-f]{12}, not pull request #2's head [0-9a-f]{12}.*pull_request_target/);
    expect(gh.requests).toEqual([]);
  });

  test.concurrent('pull_request_target without git in the workspace: fails closed (it cannot be verified)', async () => {
    const { ev, gh } = await fresh('pull_request_target');
    ev.repo.checkout(ev.headSha);
    const run = await runAction({ event: ev, apiUrl: gh.url, workspace: withoutHistory(ev) });
    expect(run.code).toBe(1);
    expect(run.commands.at(-1)!.message).toMatch(/cannot tell which commit the workspace holds/);
    expect(gh.checkRuns).toEqual([]);
  });

  test.concurrent('a sticky-looking comment by another app\'s bot, or by a user named like the bot, is never edited', async () => {
    const { ev, gh } = await fresh('synchronize');
    const otherBot: Identity = { login: 'evil-app[bot]', id: 1, type: 'Bot' };
    const fakeName: Identity = { login: 'github-actions', id: 2, type: 'User' };
    const a = gh.addComment(ev.pullNumber!, `${MARKER}\nmine`, otherBot);
    const b = gh.addComment(ev.pullNumber!, `quoting ${MARKER}`, fakeName);
    await runAction({ event: ev, apiUrl: gh.url, inputs: { comment: 'always' } });
    expect([a.body, b.body]).toEqual([`${MARKER}\nmine`, `quoting ${MARKER}`]);
    expect(gh.comments.filter((c) => c.user.login === GITHUB_ACTIONS_BOT.login && c.user.type === 'Bot')).toHaveLength(1);
    expectValidTraffic(gh);
  });

  test.concurrent('with a personal token the sticky comment is the token user\'s own (GET /user), not the bot\'s nor anyone else\'s', async () => {
    const me: Identity = { login: 'Codertocat', id: 21031067, type: 'User' };
    const { ev, gh } = await fresh('synchronize', { api: { tokens: { github_pat_test: { identity: me, kind: 'user' } } } });
    const bots = gh.addComment(ev.pullNumber!, `${MARKER}\nby the bot`, GITHUB_ACTIONS_BOT);
    const mine = gh.addComment(ev.pullNumber!, `${MARKER}\nold`, me);
    await runAction({ event: ev, apiUrl: gh.url, inputs: { token: 'github_pat_test', comment: 'always' } });
    expect(gh.requestsOf('users/get-authenticated').map((r) => r.status)).toEqual([200]);
    expect(bots.body).toBe(`${MARKER}\nby the bot`);
    expect(mine.body).toContain('aci-not-for-production');
    expectValidTraffic(gh);
  });

  test.concurrent('a Link rel="next" to the API host on another port is not followed either: the token never reaches it', async () => {
    const { ev, gh } = await fresh('opened');
    const other = track(new FakeGitHubApi({ repository: ev.repository, tokens: gh.tokens }));
    await other.start('127.0.0.1');
    other.setPull({ number: ev.pullNumber!, headSha: ev.repo.head, baseSha: ev.repo.base, files: [] });
    gh.fail({ operationId: 'pulls/list-files' }, { headers: { link: `<${other.url}/repos/${ev.repository}/pulls/2/files?per_page=100&page=2>; rel="next"` } });
    const run = await runAction({ event: ev, apiUrl: gh.url });
    expect(other.requests).toEqual([]);
    expect(run.stdout).toMatch(/because listing the files of pull request #2 failed \(the GitHub API sent a link to http:\/\/127\.0\.0\.1:\d+\/repos/);
    expect(findingCommands(run)).toContain(`aci-not-for-production ${ACI_FILE}:1`);
  });
});

