/**
 * Attacks on recognition and reading (issue #10): a PR author who writes a manifest so that the gate
 * cannot see it, or makes it read outside the workspace. Each case runs the real engine; each failed
 * before the fix (the file was never parsed, or the gate passed, or it read the runner's files).
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import * as path from 'node:path';
import { evaluate } from '../../src/engine.js';
import type { Result } from '../../src/core/types.js';
import { byRule, gate, resultOf, tempRepos } from '../helpers.js';

const ACI_64 = (key = 'computeType') => `{"${key}": "ACI", "containerResourceRequirements": {"memoryInGB": 64}}\n`;
const PROD = 'deploy/prod/deploymentconfig.json';

/** The ACI findings a production ACI config with 64 GB must get. */
function expectAciCaught(r: Result, file: string): void {
  expect(byRule(r, 'aci-not-for-production').map((f) => f.file)).toEqual([file]);
  expect(byRule(r, 'aci-memory-limit').map((f) => f.file)).toEqual([file]);
  expect(r.summary.result).toBe('fail');
}

describe('escaped and indirect keys are recognised as Azure loaders decode them', () => {
  test('JSON \\u escape in the key (Python json decodes it)', async () => {
    const r = await gate({ [PROD]: ACI_64('compute\\u0054ype') });
    expectAciCaught(r, PROD);
  });

  test('JSON escapes all the way (\\u0063\\u006f…)', async () => {
    const key = [...'computeType'].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const r = await gate({ [PROD]: ACI_64(key) });
    expectAciCaught(r, PROD);
  });

  test('YAML \\x escape in a double-quoted key', async () => {
    const file = 'deploy/prod/aci.yml';
    const r = await gate({ [file]: '"compute\\x54ype": ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n' });
    expectAciCaught(r, file);
  });

  test('YAML \\x24schema (an escaped $schema) still names the family', async () => {
    const file = 'deploy/prod/blue.yml';
    const r = await gate({
      [file]: '"\\x24schema": https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n',
    });
    expect(byRule(r, 'managed-instance-count-ha').map((f) => f.file)).toEqual([file]);
  });

  test('an alias used as a key (`*k : ACI`)', async () => {
    const file = 'deploy/prod/aci.yml';
    const r = await gate({ [file]: 'description: &k computeType\n*k : ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n' });
    expectAciCaught(r, file);
  });

  test('an anchored key reused as a key', async () => {
    const file = 'deploy/prod/aci.yml';
    const r = await gate({ [file]: 'note: x\n&k computeType : ACI\nother:\n  *k : AKS\ncontainerResourceRequirements:\n  memoryInGB: 64\n' });
    expectAciCaught(r, file);
  });

  test('a !!str tag on the key', async () => {
    const file = 'deploy/prod/aci.yml';
    const r = await gate({ [file]: '!!str computeType: ACI\ncontainerResourceRequirements: {memoryInGB: 64}\n' });
    expectAciCaught(r, file);
  });

  test('a verbatim tag on the key', async () => {
    const file = 'deploy/prod/aci.yml';
    const r = await gate({ [file]: '!<tag:yaml.org,2002:str> computeType: ACI\ncontainerResourceRequirements: {memoryInGB: 64}\n' });
    expectAciCaught(r, file);
  });

  test('an explicit key (`? computeType`)', async () => {
    const file = 'deploy/prod/aci.yml';
    const r = await gate({ [file]: '? computeType\n: ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n' });
    expectAciCaught(r, file);
  });

  test('an explicit key with an escaped block of its own', async () => {
    const file = 'deploy/prod/aci.yml';
    const r = await gate({ [file]: '? "comp\\u0075teType"\n: ACI\n? containerResourceRequirements\n: {memoryInGB: 64}\n' });
    expectAciCaught(r, file);
  });

  test('a flow mapping with a key on its own line', async () => {
    const file = 'deploy/prod/aci.yml';
    const r = await gate({ [file]: '{ "computeType"\n  : ACI, containerResourceRequirements: {memoryInGB: 64} }\n' });
    expectAciCaught(r, file);
  });

  test('the key after 6 MB of padding is still seen (a too-large file is reported, not skipped)', async () => {
    const file = 'deploy/prod/padded.json';
    const r = await gate({ [file]: `{"padding": "${'x'.repeat(6 * 1024 * 1024)}", "computeType": "ACI"}\n` });
    const pe = byRule(r, 'parse-error').filter((f) => f.file === file);
    expect(pe.map((f) => f.message)).toEqual([expect.stringMatching(/too large/)]);
    expect(r.summary.result).toBe('fail');
  });

  test('a UTF-32 file is reported, not skipped', async () => {
    const file = 'deploy/prod/deploymentconfig.json';
    const text = ACI_64();
    const buf = Buffer.alloc(4 + text.length * 4);
    buf.writeUInt32LE(0xfeff, 0);
    [...text].forEach((c, i) => buf.writeUInt32LE(c.codePointAt(0)!, 4 + i * 4));
    const temp = tempRepos('mdg-u32-');
    try {
      const root = temp.repo({ [file]: buf });
      const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test' }));
      expect(byRule(r, 'parse-error').map((f) => [f.file, f.message.includes('UTF-32')])).toEqual([[file, true]]);
    } finally {
      temp.cleanup();
    }
  });
});

// Found by the fuzzer (case variants of values Azure compares case-insensitively): azure-ai-ml
// `Compute._load` dispatches on `type.lower()` and the compute schemas' `StringTransformedEnum`
// lower-cases too, so `type: AmlCompute` is an Azure ML compute cluster, not a schema error.
describe('values Azure reads in any case', () => {
  test.each([
    ['amlCompute', 'AmlCompute', 'size: Standard_DS3_v2\nmin_instances: 0\nmax_instances: 2\n'],
    ['computeInstance', 'ComputeInstance', 'size: Standard_DS3_v2\n'],
    ['vmCompute', 'VirtualMachine', 'resource_id: /subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/v\n'],
    ['kubernetesCompute', 'KUBERNETES', 'resource_id: /subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerService/managedClusters/k\n'],
  ])('a %s with `type: %s` is that compute, with no schema error', async (schema, type, rest) => {
    const file = 'compute/c.yml';
    const r = await gate({ [file]: `$schema: https://azuremlschemas.azureedge.net/latest/${schema}.schema.json\nname: c\ntype: ${type}\n${rest}` });
    expect(r.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(r.computes.map((c) => [c.file, c.kind])).toEqual([[file, schema]]);
  });
});

describe('parse-error cannot be silenced', () => {
  const deep = `${'a:\n'.split('').length ? '' : ''}${Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} x\n`;
  const text = `computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\nnest:\n${deep.replace(/^/gm, '  ')}`;

  test('an inline suppression of parse-error is refused and the error stays', async () => {
    const file = 'deploy/prod/aci.yml';
    const r = await gate({ [file]: `# model-deploy-gate: ignore parse-error -- vendored blob\n${text}` });
    const pe = byRule(r, 'parse-error').filter((f) => f.file === file);
    expect(pe).toHaveLength(1);
    expect(pe[0].suppressed).toBeNull();
    expect(byRule(r, 'invalid-suppression').map((f) => f.message)).toEqual([expect.stringContaining('`parse-error` cannot be suppressed')]);
    expect(r.summary.result).toBe('fail');
  });

  test('`parse-error: off` in the config does not turn it off', async () => {
    const file = 'deploy/prod/aci.yml';
    const r = await gate({ [file]: text }, { config: 'rules:\n  parse-error: off\n' });
    expect(byRule(r, 'parse-error').map((f) => [f.file, f.severity])).toEqual([[file, 'error']]);
    expect(r.summary.result).toBe('fail');
  });

  test('a waiver cannot waive it either', async () => {
    const file = 'deploy/prod/aci.yml';
    const r = await gate(
      { [file]: text },
      { config: 'waivers:\n  - rule: parse-error\n    path: "**"\n    reason: vendored\n    owner: "@x"\n    expires: 2999-01-01\n', now: new Date('2026-12-01') },
    );
    expect(byRule(r, 'parse-error').map((f) => f.suppressed)).toEqual([null]);
    expect(r.summary.result).toBe('fail');
  });
});

describe('nothing outside the workspace is read', () => {
  const temp = tempRepos('mdg-escape-');
  const repo = temp.repo;
  afterEach(temp.cleanup);

  test('an upper-case extension (deploy.YML) is read as Azure CLIs read it', () => {
    const root = repo({ 'deploy/prod/aci.YML': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n' });
    const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test' }));
    expectAciCaught(r, 'deploy/prod/aci.YML');
  });

  test('a manifest reached through an in-repo folder link is checked under the link path', () => {
    // The real folder sits under an excluded name; the pipeline deploys it through the link.
    const root = repo({ 'node_modules/cfg/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n' });
    mkdirSync(path.join(root, 'deploy'), { recursive: true });
    symlinkSync(path.join(root, 'node_modules/cfg'), path.join(root, 'deploy/prod'));
    const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test' }));
    expectAciCaught(r, 'deploy/prod/aci.yml');
  });

  test('a folder link loop and a link farm end, with every real manifest read once per path', () => {
    const root = repo({ 'deploy/prod/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n' });
    symlinkSync(path.join(root, 'deploy'), path.join(root, 'deploy/prod/loop'));
    mkdirSync(path.join(root, 'farm'));
    for (let i = 0; i < 40; i++) symlinkSync(path.join(root, 'farm'), path.join(root, `farm/l${i}`));
    const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test' }));
    expect(byRule(r, 'aci-not-for-production').map((f) => f.file)).toEqual(['deploy/prod/aci.yml']);
  });

  test('a model path through an in-repo symlinked folder gets no size from outside', () => {
    const outside = temp.dir();
    const big = path.join(outside, 'weights.bin');
    writeFileSync(big, '');
    truncateSync(big, 3 * 2 ** 30); // sparse 3 GiB: would trip aci-model-size if read
    const root = repo({
      'deploy/dev/deploymentconfig.json': '{"computeType": "ACI"}\n',
      'deploy/dev/model.yml': 'name: m\nversion: 1\npath: escape/weights.bin\n$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json\n',
    });
    symlinkSync(outside, path.join(root, 'deploy/dev/escape'));
    const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test' }));
    expect(byRule(r, 'aci-model-size')).toEqual([]);
    expect(r.inventory[0].modelSizeBytes).toBeNull();
    // Not a silent pass: the rule says it could not judge the size.
    expect(r.skipped.filter((s) => s.rules.includes('aci-model-size')).map((s) => s.why)).toEqual([expect.stringMatching(/size of .* is unknown/)]);
  });

  test('a default config path that is a symlink to a file outside is refused, its text never echoed', () => {
    const outside = temp.dir();
    writeFileSync(path.join(outside, 'secret.yml'), 'runner-secret-key: hunter2\n');
    const root = repo({ 'deploy/prod/aci.yml': 'computeType: ACI\n' });
    mkdirSync(path.join(root, '.github'));
    symlinkSync(path.join(outside, 'secret.yml'), path.join(root, '.github/model-deploy-gate.yml'));
    const o = evaluate({ root, failOn: 'error', scopeReason: 'test' });
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.problems[0].message).toMatch(/resolves outside the repository/);
    expect(JSON.stringify(o.problems)).not.toContain('runner-secret-key');
  });

  test('a symlinked .github folder pointing outside is refused the same way', () => {
    const outside = temp.dir();
    writeFileSync(path.join(outside, 'model-deploy-gate.yml'), 'rules:\n  aci-not-for-production: off\n');
    const root = repo({ 'deploy/prod/aci.yml': 'computeType: ACI\n' });
    symlinkSync(outside, path.join(root, '.github'));
    const o = evaluate({ root, failOn: 'error', scopeReason: 'test' });
    expect(o.ok).toBe(false);
  });

  test('a manifest that is a symlink to a file outside is reported, not read', () => {
    const outside = temp.dir();
    writeFileSync(path.join(outside, 'passwd.yml'), 'computeType: ACI\n');
    const root = repo({});
    mkdirSync(path.join(root, 'deploy/prod'), { recursive: true });
    symlinkSync(path.join(outside, 'passwd.yml'), path.join(root, 'deploy/prod/aci.yml'));
    const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test' }));
    expect(byRule(r, 'parse-error').map((f) => [f.file, /outside the workspace/.test(f.message)])).toEqual([['deploy/prod/aci.yml', true]]);
    expect(byRule(r, 'aci-not-for-production')).toEqual([]);
  });

  test('an sslKey naming a key file through a folder link outside is not opened', () => {
    const outside = temp.dir();
    writeFileSync(path.join(outside, 'tls.key'), '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
    const root = repo({ 'deploy/dev/aci.yml': 'computeType: ACI\nsslEnabled: true\nsslKey: keys/tls.key\n' });
    symlinkSync(outside, path.join(root, 'deploy/dev/keys'));
    const r = resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test' }));
    expect(byRule(r, 'secret-in-manifest')).toEqual([]);
  });
});

// A FIFO or a device must never block the walk (covered in hostile.test.ts); one write helper is enough here.
export function writeBytes(file: string, data: Buffer): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
}
