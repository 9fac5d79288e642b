/**
 * Hostile and broken inputs through the real engine (SPEC §9). Each case expects a finding naming
 * the file and line, the sibling files still evaluated, and a failing run when a manifest-looking
 * file could not be read. docs/robustness.md lists the same catalogue.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import * as path from 'node:path';
import { gate, byRule, resultOf, tempRepos } from '../helpers.js';
import { evaluate } from '../../src/engine.js';
import type { Finding, Result } from '../../src/core/types.js';

/** A known violation in a sibling file: must be reported whatever the hostile file does. */
const SIBLING = 'sibling/aciDeploymentConfig.yml';
const SIBLING_TEXT = 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 64\n';
const SIBLING_LINE = 4;
/**
 * The sibling's finding is lowered to a warning, so an error-level verdict can only come from the
 * hostile file: that is what proves the run never passes because it could not look.
 */
const CONFIG = 'rules:\n  aci-memory-limit: warning\n';

const PER_CASE_MS = 15_000;

const V2_SCHEMA = '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json';

function errorsIn(r: Result, file: string): Finding[] {
  return r.findings.filter((f) => f.file === file && f.severity === 'error' && !f.suppressed);
}

function expectSiblingStillEvaluated(r: Result): void {
  const hit = byRule(r, 'aci-memory-limit').filter((f) => f.file === SIBLING);
  expect(hit.map((f) => [f.line, f.severity])).toEqual([[SIBLING_LINE, 'warning']]);
}

/** The hostile file alone makes the run fail, with a parse-error at `line` whose message matches. */
function expectParseError(r: Result, file: string, line: number | [number, number], message: RegExp, column?: number): Finding {
  const pe = byRule(r, 'parse-error').filter((f) => f.file === file);
  expect(pe).toHaveLength(1);
  const [f] = pe;
  if (Array.isArray(line)) {
    expect(f.line).toBeGreaterThanOrEqual(line[0]);
    expect(f.line).toBeLessThanOrEqual(line[1]);
  } else {
    expect(f.line).toBe(line);
  }
  if (column !== undefined) expect(f.column).toBe(column);
  // Messages are sentences (first word capitalised): match case-insensitively.
  expect(f.message).toMatch(new RegExp(message.source, message.flags.includes('i') ? message.flags : `${message.flags}i`));
  expect(f.severity).toBe('error');
  expect(r.summary.result).toBe('fail');
  // The verdict comes from the hostile file: every error of the run is one of its findings.
  expect(r.summary.errors).toBe(errorsIn(r, file).length);
  expectSiblingStillEvaluated(r);
  return f;
}

async function gateWith(file: string, text: string): Promise<Result> {
  return gate({ [file]: text, [SIBLING]: SIBLING_TEXT }, { config: CONFIG });
}

// ---------------------------------------------------------------- raw files (bytes, links, FIFOs)

const temp = tempRepos('mdg-hostile-');
afterEach(temp.cleanup);

/** A temp repo with the sibling and config; `setup` adds raw entries. */
async function gateRaw(setup: (root: string) => void): Promise<Result> {
  const root = temp.repo({ [SIBLING]: SIBLING_TEXT, '.github/model-deploy-gate.yml': CONFIG });
  setup(root);
  return resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test' }));
}

function put(root: string, rel: string, data: string | Buffer): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), data);
}

// ---------------------------------------------------------------- malformed YAML / JSON

describe('malformed YAML in files that look like manifests', () => {
  const v1 = (lines: string[]) => lines.join('\n') + '\n';
  const cases: Array<{ name: string; text: string; line: number | [number, number]; message: RegExp }> = [
    {
      name: 'unclosed double quote (reported where the parser gives up: the quote line or the next)',
      text: v1(['computeType: ACI', 'containerResourceRequirements:', '  cpu: "1', '  memoryInGB: 2', 'numReplicas: 1']),
      line: [3, 4],
      message: /invalid YAML/,
    },
    {
      name: 'unclosed single quote in a v2 file',
      text: v1([V2_SCHEMA, 'name: blue', 'endpoint_name: e', "instance_type: 'Standard_DS3_v2", 'instance_count: 1']),
      line: [4, 5],
      message: /invalid YAML/,
    },
    {
      name: 'unclosed flow mapping',
      text: v1(['computeType: ACI', 'containerResourceRequirements: {cpu: 1, memoryInGB: 2', 'numReplicas: 1']),
      line: [2, 3],
      message: /invalid YAML/,
    },
    {
      name: 'unclosed flow sequence at the end of the file',
      text: v1([V2_SCHEMA, 'name: blue', 'tags: [a, b']),
      line: [3, 4],
      message: /invalid YAML/,
    },
    {
      name: 'bad indentation (a deeper key after a scalar)',
      text: v1(['computeType: ACI', 'containerResourceRequirements:', '  cpu: 1', '    memoryInGB: 2']),
      line: 4,
      message: /invalid YAML: bad indentation/,
    },
    {
      name: 'bad indentation (a shallower sibling)',
      text: v1(['computeType: ACI', 'containerResourceRequirements:', '    cpu: 1', '  memoryInGB: 2']),
      line: 4,
      message: /invalid YAML: bad indentation/,
    },
    {
      name: 'tab indentation',
      text: v1(['computeType: ACI', 'containerResourceRequirements:', '\tcpu: 1', '\tmemoryInGB: 2']),
      line: 3,
      message: /tab/,
    },
    {
      name: 'tab indentation in a v2 file',
      text: v1([V2_SCHEMA, 'name: blue', 'request_settings:', '\trequest_timeout_ms: 1000']),
      line: 4,
      message: /tab/,
    },
    {
      name: 'stray colon inside a value',
      text: v1(['computeType: ACI', 'containerResourceRequirements:', '  cpu: 1: 2', '  memoryInGB: 2']),
      line: 3,
      message: /invalid YAML/,
    },
    {
      name: 'a key without its colon inside a mapping',
      text: v1(['computeType: ACI', 'containerResourceRequirements:', '  cpu 1', '  memoryInGB: 2']),
      line: [3, 4],
      message: /invalid YAML/,
    },
    {
      name: 'unknown alias',
      text: v1(['computeType: ACI', 'containerResourceRequirements:', '  memoryInGB: *nowhere']),
      line: 3,
      message: /alias/,
    },
  ];
  for (const c of cases) {
    test(
      c.name,
      async () => {
        const r = await gateWith('deploy/dev/x.yml', c.text);
        expectParseError(r, 'deploy/dev/x.yml', c.line, c.message);
      },
      PER_CASE_MS,
    );
  }

  test('a stray colon at the start of a line is valid YAML (an empty key): reported at its own line', async () => {
    const r = await gateWith('deploy/dev/x.yml', 'computeType: ACI\n: oops\ncontainerResourceRequirements:\n  memoryInGB: 2\n');
    expect(byRule(r, 'parse-error')).toEqual([]);
    const mine = r.findings.filter((f) => f.file === 'deploy/dev/x.yml' && f.ruleId === 'unknown-key');
    expect(mine.map((f) => f.line)).toEqual([2]);
  }, PER_CASE_MS);

  test('the same error at every line of a file: the reported line follows it', async () => {
    const good = ['computeType: ACI', 'containerResourceRequirements:', '  cpu: 1', '  memoryInGB: 2', 'numReplicas: 1', 'authEnabled: True'];
    for (let i = 2; i < good.length; i++) {
      const lines = [...good];
      lines[i] = lines[i].replace(/^(\s*)/, '$1\t');
      const r = await gateWith('deploy/dev/x.yml', lines.join('\n') + '\n');
      const f = expectParseError(r, 'deploy/dev/x.yml', [i + 1, i + 2], /invalid YAML/);
      expect(f.column).toBeGreaterThanOrEqual(1);
    }
  }, PER_CASE_MS);
});

describe('malformed JSON (read as JSONC)', () => {
  const cases: Array<{ name: string; text: string; line: number; message: RegExp }> = [
    { name: 'missing comma', text: '{\n  "computeType": "ACI"\n  "containerResourceRequirements": {"memoryInGB": 64}\n}\n', line: 3, message: /invalid JSON: ',' was expected/ },
    { name: 'unclosed string', text: '{\n  "computeType": "ACI,\n  "containerResourceRequirements": {"memoryInGB": 64}\n}\n', line: 2, message: /unterminated string/ },
    { name: 'unclosed brace', text: '{\n  "computeType": "ACI",\n  "containerResourceRequirements": {"memoryInGB": 64}\n', line: 4, message: /'}' was expected/ },
    { name: 'unclosed bracket', text: '{\n  "computeType": "ACI",\n  "tags": ["a", "b"\n}\n', line: 4, message: /invalid JSON/ },
    { name: 'stray colon', text: '{\n  "computeType": "ACI",\n  "containerResourceRequirements": {"memoryInGB":: 64}\n}\n', line: 3, message: /a value was expected/ },
    { name: 'single quotes', text: "{\n  'computeType': 'ACI'\n}\n", line: 2, message: /invalid JSON/ },
    { name: 'unterminated comment', text: '{\n  "computeType": "ACI" /* note\n}\n', line: 2, message: /comment/ },
  ];
  for (const c of cases) {
    test(
      c.name,
      async () => {
        const r = await gateWith('deploy/dev/deploymentconfig.json', c.text);
        expectParseError(r, 'deploy/dev/deploymentconfig.json', c.line, c.message);
      },
      PER_CASE_MS,
    );
  }

  test('comments and trailing commas are not errors (real files have them)', async () => {
    const r = await gateWith(
      'deploy/dev/deploymentconfig.json',
      '{\n  // ACI for the demo\n  "computeType": "ACI",\n  "containerResourceRequirements": {"cpu": 1, "memoryInGB": 64,},\n}\n',
    );
    expect(byRule(r, 'parse-error')).toEqual([]);
    expect(byRule(r, 'aci-memory-limit').map((f) => [f.file, f.line])).toContainEqual(['deploy/dev/deploymentconfig.json', 4]);
  });
});

// ---------------------------------------------------------------- templates

describe('unrendered templates', () => {
  test('{{ }} in a YAML value: parse-error at the first token, says it is a template', async () => {
    const r = await gateWith('deploy/dev/x.yml', 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: {{ cpu }}\n  memoryInGB: {{mem}}\n');
    const f = expectParseError(r, 'deploy/dev/x.yml', 3, /unrendered template \(\{\{ cpu \}\} at line 3\).*render it before gating/, 8);
    expect(f.message).toMatch(/exclude it/);
  }, PER_CASE_MS);

  test('{{ }} in a JSON value', async () => {
    const r = await gateWith('deploy/dev/deploy.json', '{\n  "computeType": "ACI",\n  "containerResourceRequirements": {"memoryInGB": {{ mem }} }\n}\n');
    expectParseError(r, 'deploy/dev/deploy.json', 3, /unrendered template \(\{\{ mem \}\} at line 3\)/);
  }, PER_CASE_MS);

  test('{{ }} in a v2 file (Helm-style), first token wins', async () => {
    const r = await gateWith('deploy/dev/blue.yml', `${V2_SCHEMA}\nname: blue\nendpoint_name: {{ .Values.endpoint }}\ninstance_type: {{ .Values.sku }}\n`);
    expectParseError(r, 'deploy/dev/blue.yml', 3, /\{\{ \.Values\.endpoint \}\}/);
  }, PER_CASE_MS);

  test('a quoted {{ }} value parses: not a parse error, the rest of the file is still checked', async () => {
    const r = await gateWith('deploy/dev/x.yml', 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: "{{ cpu }}"\n  memoryInGB: 64\n');
    expect(byRule(r, 'parse-error')).toEqual([]);
    expect(byRule(r, 'aci-memory-limit').filter((f) => f.file === 'deploy/dev/x.yml').map((f) => f.line)).toEqual([4]);
    expectSiblingStillEvaluated(r);
  }, PER_CASE_MS);
});

// ---------------------------------------------------------------- resource exhaustion

describe('alias bombs, deep nesting, size cap', () => {
  test('billion laughs (9 levels of 9 aliases) is refused quickly', async () => {
    const lines = ['computeType: ACI', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    const r = await gateWith('deploy/dev/x.yml', lines.join('\n') + '\n');
    const f = expectParseError(r, 'deploy/dev/x.yml', [3, 11], /alias/);
    expect(f.message).toMatch(/refusing to read it/);
  }, PER_CASE_MS);

  test('aliases used within reason are fine (a shared resources block)', async () => {
    const r = await gateWith(
      'deploy/dev/x.yml',
      'defaults: &d\n  cpu: 1\n  memoryInGB: 64\ncomputeType: ACI\ncontainerResourceRequirements: *d\n',
    );
    expect(byRule(r, 'parse-error')).toEqual([]);
    expect(byRule(r, 'aci-memory-limit').some((f) => f.file === 'deploy/dev/x.yml')).toBe(true);
  }, PER_CASE_MS);

  const deep: Array<[string, string]> = [
    ['10k unclosed [ in YAML', 'computeType: ACI\nx: ' + '['.repeat(10_000) + '\n'],
    ['10k balanced [ ] in YAML', 'computeType: ACI\nx: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'],
    ['10k flow mappings {a: in YAML', 'computeType: ACI\nx: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000) + '\n'],
    ['10k block sequences "- - -"', 'computeType: ACI\nx:\n' + '- '.repeat(10_000) + 'x\n'],
    // 3000 levels of `a:` with one-space steps is 4.5 MB: the deepest block mapping under the size cap.
    ['3000 levels of a:\\n a:', 'computeType: ACI\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + '\n'],
  ];
  for (const [name, text] of deep) {
    test(`${name}: parse-error "nesting", no stack overflow`, async () => {
      const r = await gateWith('deploy/dev/x.yml', text);
      expectParseError(r, 'deploy/dev/x.yml', [2, 66], /nest/);
    }, PER_CASE_MS);
  }

  test('10k levels of a:\\n  a: (100 MB) is over the size cap: parse-error "too large", not read', async () => {
    const r = await gateRaw((root) => {
      const chunks = ['computeType: ACI\n'];
      for (let i = 0; i < 10_000; i++) chunks.push(' '.repeat(2 * i) + 'a:\n');
      put(root, 'deploy/dev/x.yml', chunks.join(''));
    });
    expectParseError(r, 'deploy/dev/x.yml', 1, /too large: \d+ bytes is over the 5242880-byte cap/);
  }, 30_000);

  test('10k nested [ in a .json manifest: parse-error, no stack overflow', async () => {
    const r = await gateWith('deploy/dev/deploymentconfig.json', '{"computeType": "ACI", "x": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}');
    expectParseError(r, 'deploy/dev/deploymentconfig.json', 1, /nest|deep/i);
  }, PER_CASE_MS);

  test('10k nested { in a .json manifest: parse-error, no stack overflow', async () => {
    const r = await gateWith('deploy/dev/deploymentconfig.json', '{"computeType": "ACI", "x": ' + '{"a": '.repeat(10_000) + '1' + '}'.repeat(10_000) + '}');
    expectParseError(r, 'deploy/dev/deploymentconfig.json', 1, /nest|deep/i);
  }, PER_CASE_MS);

  test('a manifest one byte over 5 MiB: parse-error "too large" at line 1', async () => {
    const r = await gateRaw((root) => {
      const head = 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 2\n';
      put(root, 'deploy/dev/x.yml', head + '#'.repeat(5 * 1024 * 1024 + 1 - head.length));
    });
    expectParseError(r, 'deploy/dev/x.yml', 1, /too large/);
  }, PER_CASE_MS);

  test('a manifest of exactly 5 MiB is read', async () => {
    const r = await gateRaw((root) => {
      const head = 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n';
      put(root, 'deploy/dev/x.yml', head + '#'.repeat(5 * 1024 * 1024 - head.length));
    });
    expect(byRule(r, 'parse-error')).toEqual([]);
    expect(byRule(r, 'aci-memory-limit').map((f) => f.file)).toContain('deploy/dev/x.yml');
  }, PER_CASE_MS);

  test('a big file that is not a manifest is ignored (no finding, run passes)', async () => {
    const r = await gateRaw((root) => put(root, 'data/big.yml', 'rows:\n' + '  - [1, 2, 3]\n'.repeat(500_000)));
    expect(r.findings.filter((f) => f.file === 'data/big.yml')).toEqual([]);
    expect(r.summary.result).toBe('pass');
  }, PER_CASE_MS);
});

// ---------------------------------------------------------------- encodings, bytes

describe('binary, invalid UTF-8, BOM, CRLF', () => {
  test('binary file with a .yml name that contains computeType: parse-error, not read', async () => {
    const r = await gateRaw((root) =>
      put(root, 'deploy/dev/x.yml', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('\ncomputeType: ACI\n')])),
    );
    expectParseError(r, 'deploy/dev/x.yml', 1, /not valid UTF-8/);
  }, PER_CASE_MS);

  test('valid UTF-8 with NUL bytes: parse-error at the line of the first NUL', async () => {
    const r = await gateRaw((root) => put(root, 'deploy/dev/x.yml', Buffer.from('computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\u0000\u0000\n')));
    expectParseError(r, 'deploy/dev/x.yml', 3, /NUL/);
  }, PER_CASE_MS);

  test('invalid UTF-8 (Latin-1 é) on line 2: parse-error at that line', async () => {
    const r = await gateRaw((root) =>
      put(root, 'deploy/dev/x.yml', Buffer.concat([Buffer.from('computeType: ACI\ndescription: caf'), Buffer.from([0xe9]), Buffer.from('\ncontainerResourceRequirements:\n  memoryInGB: 2\n')])),
    );
    expectParseError(r, 'deploy/dev/x.yml', 2, /not valid UTF-8/);
  }, PER_CASE_MS);

  test('UTF-8 BOM + an invalid byte further down: still recognised, parse-error at that line (fuzz input seed 3 #67390)', async () => {
    const r = await gateRaw((root) =>
      put(
        root,
        'deploy/dev/x.yml',
        Buffer.concat([Buffer.from('\ufeffcomputeType: ACI\ncontainerResourceRequirements:\n  c'), Buffer.from([0xf0]), Buffer.from('u: 1\n  memoryInGB: 64\n')]),
      ),
    );
    expectParseError(r, 'deploy/dev/x.yml', 3, /not valid UTF-8/);
  }, PER_CASE_MS);

  test('a binary .yml without manifest keys is ignored', async () => {
    const r = await gateRaw((root) => put(root, 'assets/logo.yml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0x00])));
    expect(r.findings.filter((f) => f.file === 'assets/logo.yml')).toEqual([]);
    expect(r.summary.result).toBe('pass');
  }, PER_CASE_MS);

  test('UTF-16 manifest (with BOM, as PyYAML reads it): not silently skipped', async () => {
    const r = await gateRaw((root) =>
      put(root, 'deploy/dev/x.yml', Buffer.from('\ufeffcomputeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n', 'utf16le')),
    );
    // Either read as UTF-16 (the 64 GB is reported) or refused with a parse-error: never nothing.
    const mine = r.findings.filter((f) => f.file === 'deploy/dev/x.yml' && f.severity === 'error');
    expect(mine.map((f) => f.ruleId).some((id) => id === 'parse-error' || id === 'aci-memory-limit')).toBe(true);
    expect(r.summary.result).toBe('fail');
    expectSiblingStillEvaluated(r);
  }, PER_CASE_MS);

  const body = ['computeType: ACI', 'containerResourceRequirements:', '  cpu: 1', '  memoryInGB: 64', 'numReplicas: 2'];
  const encodings: Array<[string, string]> = [
    ['LF', body.join('\n') + '\n'],
    ['CRLF', body.join('\r\n') + '\r\n'],
    ['BOM + LF', '\ufeff' + body.join('\n') + '\n'],
    ['BOM + CRLF', '\ufeff' + body.join('\r\n') + '\r\n'],
    ['CRLF without a final newline', body.join('\r\n')],
    ['mixed LF/CRLF', body.map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join('')],
  ];
  for (const [name, text] of encodings) {
    test(`${name}: parses normally and findings keep their line and column`, async () => {
      const r = await gateWith('deploy/dev/x.yml', text);
      expect(byRule(r, 'parse-error')).toEqual([]);
      const mine = (id: string) => byRule(r, id).filter((f) => f.file === 'deploy/dev/x.yml').map((f) => [f.line, f.column, f.endLine, f.endColumn]);
      // memoryInGB is on line 4, column 3; the key ends at column 13 (no \r counted).
      expect(mine('aci-memory-limit')).toEqual([[4, 3, 4, 13]]);
      expect(mine('autoscale-requires-aks')).toEqual([[5, 1, 5, 12]]);
      expectSiblingStillEvaluated(r);
    }, PER_CASE_MS);
  }

  test('JSON with BOM and CRLF: positions stay right', async () => {
    const text = '\ufeff{\r\n  "computeType": "ACI",\r\n  "containerResourceRequirements": {\r\n    "memoryInGB": 64\r\n  }\r\n}\r\n';
    const r = await gateWith('deploy/dev/deploymentconfig.json', text);
    expect(byRule(r, 'parse-error')).toEqual([]);
    expect(byRule(r, 'aci-memory-limit').filter((f) => f.file === 'deploy/dev/deploymentconfig.json').map((f) => [f.line, f.column])).toEqual([[4, 5]]);
  }, PER_CASE_MS);
});

// ---------------------------------------------------------------- keys

describe('duplicate keys and prototype keys', () => {
  test('duplicate key in YAML: parse-error at the second occurrence; the file is still evaluated', async () => {
    const r = await gateWith('deploy/dev/x.yml', 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n  memoryInGB: 65\n');
    const f = expectParseError(r, 'deploy/dev/x.yml', 4, /duplicate key 'memoryInGB' \(first at line 3\)/);
    expect(f.column).toBe(3);
    expect(byRule(r, 'aci-memory-limit').some((x) => x.file === 'deploy/dev/x.yml')).toBe(true);
  }, PER_CASE_MS);

  test('duplicate key in JSON', async () => {
    const r = await gateWith('deploy/dev/deploymentconfig.json', '{\n  "computeType": "ACI",\n  "computeType": "AKS"\n}\n');
    expectParseError(r, 'deploy/dev/deploymentconfig.json', 3, /duplicate key "computeType" \(first at line 2\)/);
  }, PER_CASE_MS);

  const protoYaml = [
    '__proto__:',
    '  polluted: yes',
    'constructor:',
    '  prototype:',
    '    polluted: yes',
    'computeType: ACI',
    'containerResourceRequirements:',
    '  __proto__: {polluted: 1}',
    '  memoryInGB: 64',
    '  toString: 1',
    '  hasOwnProperty: 2',
    'valueOf: 3',
    'prototype: {polluted: 1}',
  ].join('\n');

  test('__proto__ / constructor / prototype keys in YAML: no prototype pollution, findings still correct', async () => {
    const r = await gateWith('deploy/dev/x.yml', protoYaml + '\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof ({}).toString).toBe('function');
    expect(byRule(r, 'aci-memory-limit').filter((f) => f.file === 'deploy/dev/x.yml').map((f) => f.line)).toEqual([9]);
    // They are data: reported as keys Azure ignores, at their own lines.
    const unknown = byRule(r, 'unknown-key').filter((f) => f.file === 'deploy/dev/x.yml').map((f) => f.line);
    expect(unknown).toEqual(expect.arrayContaining([1, 3, 8]));
    expect(byRule(r, 'parse-error')).toEqual([]);
    expectSiblingStillEvaluated(r);
  }, PER_CASE_MS);

  test('__proto__ reached through a merge key (<<: *anchor)', async () => {
    const r = await gateWith('deploy/dev/x.yml', 'base: &b\n  __proto__: {polluted: 1}\n  memoryInGB: 64\ncomputeType: ACI\ncontainerResourceRequirements:\n  <<: *b\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(byRule(r, 'aci-memory-limit').some((f) => f.file === 'deploy/dev/x.yml')).toBe(true);
  }, PER_CASE_MS);

  test('__proto__ / constructor keys in JSON', async () => {
    const r = await gateWith(
      'deploy/dev/deploymentconfig.json',
      '{\n  "__proto__": {"polluted": true},\n  "constructor": {"prototype": {"polluted": true}},\n  "computeType": "ACI",\n  "containerResourceRequirements": {\n    "__proto__": {"polluted": 1},\n    "memoryInGB": 64\n  }\n}\n',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(byRule(r, 'aci-memory-limit').filter((f) => f.file === 'deploy/dev/deploymentconfig.json').map((f) => f.line)).toEqual([7]);
  }, PER_CASE_MS);

  test('prototype-named keys in the config file do not pollute either', async () => {
    const r = await gate(
      { [SIBLING]: SIBLING_TEXT },
      { config: 'rules:\n  aci-memory-limit: warning\nmodels:\n  __proto__: {memory-gb: 1}\ncomputes:\n  constructor: {type: aks, nodes: 3}\n' },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>)['memory-gb']).toBeUndefined();
    expect(({} as Record<string, unknown>).type).toBeUndefined();
    // Accepted as data: a model named __proto__ and a compute named constructor, the rest of the config applied.
    expect(r.models.map((m) => [m.name, m.memoryGb])).toEqual([['__proto__', 1]]);
    expect(r.computes.map((c) => [c.name, c.type, c.nodes])).toEqual([['constructor', 'aks', 3]]);
    expectSiblingStillEvaluated(r);
  }, PER_CASE_MS);
});

// ---------------------------------------------------------------- empty

describe('empty files and documents', () => {
  const empties: Array<[string, string]> = [
    ['empty file', ''],
    ['only whitespace', ' \n\n\t\n'],
    ['empty documents', '---\n---\n'],
    ['document end markers', '---\n...\n---\n...\n'],
    ['a comment mentioning computeType', '# computeType: ACI\n'],
    ['null document', '~\n'],
  ];
  for (const [name, text] of empties) {
    test(`${name}: no finding, the rest is evaluated`, async () => {
      const r = await gateWith('deploy/dev/x.yml', text);
      expect(r.findings.filter((f) => f.file === 'deploy/dev/x.yml')).toEqual([]);
      expectSiblingStillEvaluated(r);
      expect(r.summary.result).toBe('pass');
    }, PER_CASE_MS);
  }

  test('empty .json file: no finding', async () => {
    const r = await gateWith('deploy/dev/x.json', '');
    expect(r.findings.filter((f) => f.file === 'deploy/dev/x.json')).toEqual([]);
  }, PER_CASE_MS);

  test('empty documents around a manifest: the manifest keeps its lines', async () => {
    const r = await gateWith('deploy/dev/x.yml', '---\n---\ncomputeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n---\n');
    expect(byRule(r, 'aci-memory-limit').filter((f) => f.file === 'deploy/dev/x.yml').map((f) => [f.line, f.column])).toEqual([[5, 3]]);
    expect(r.inventory.filter((i) => i.file === 'deploy/dev/x.yml').map((i) => i.line)).toEqual([3]);
  }, PER_CASE_MS);
});

// ---------------------------------------------------------------- odd values

describe('huge numbers and wrong types', () => {
  const aci = (mem: string) => `computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: ${mem}\n`;

  test('99999999999999999999 GB is a number: aci-memory-limit', async () => {
    const r = await gateWith('deploy/dev/x.yml', aci('99999999999999999999'));
    expect(byRule(r, 'aci-memory-limit').filter((f) => f.file === 'deploy/dev/x.yml').map((f) => f.line)).toEqual([4]);
  }, PER_CASE_MS);

  // Values that are not a usable size must never let the run pass.
  for (const v of ['1e400', '1.0e+400', '.inf', '-.inf', '.nan', '-64', '0', 'lots', '[64]', '{gb: 64}', 'True']) {
    test(`YAML memoryInGB: ${v} → an error at line 4, never a pass`, async () => {
      const r = await gateWith('deploy/dev/x.yml', aci(v));
      const errs = errorsIn(r, 'deploy/dev/x.yml');
      expect(errs.map((f) => f.line)).toContain(4);
      expect(r.summary.result).toBe('fail');
      for (const f of r.findings) expect(f.message).not.toMatch(/\bundefined\b|\[object Object\]/);
      expectSiblingStillEvaluated(r);
    }, PER_CASE_MS);
  }

  for (const v of ['1e400', '-1e400', '"lots"', '[64]', '{}', 'true']) {
    test(`JSON memoryInGB: ${v} → an error at the key's line, never a pass`, async () => {
      const r = await gateWith('deploy/dev/deploymentconfig.json', `{\n  "computeType": "ACI",\n  "containerResourceRequirements": {\n    "memoryInGB": ${v}\n  }\n}\n`);
      expect(errorsIn(r, 'deploy/dev/deploymentconfig.json').map((f) => f.line)).toContain(4);
      expect(r.summary.result).toBe('fail');
    }, PER_CASE_MS);
  }

  test('a string where a number belongs ("64") is read as the number, as Azure does', async () => {
    const r = await gateWith('deploy/dev/x.yml', aci('"64"'));
    expect(byRule(r, 'aci-memory-limit').filter((f) => f.file === 'deploy/dev/x.yml').map((f) => f.line)).toEqual([4]);
  }, PER_CASE_MS);

  const wrongTypes: Array<[string, string, number]> = [
    ['computeType is a number', 'computeType: 5\n', 1],
    ['computeType is a mapping', 'computeType: {}\ncontainerResourceRequirements:\n  memoryInGB: 2\n', 1],
    ['computeType is a list', 'computeType: [aci]\n', 1],
    ['computeType is null', 'computeType:\ncontainerResourceRequirements:\n  memoryInGB: 2\n', 1],
    ['containerResourceRequirements is a list', 'computeType: ACI\ncontainerResourceRequirements:\n- memoryInGB: 64\n', 2],
    ['containerResourceRequirements is a string', 'computeType: ACI\ncontainerResourceRequirements: big\n', 2],
  ];
  for (const [name, text, line] of wrongTypes) {
    test(`${name}: schema error at line ${line}, no crash`, async () => {
      const r = await gateWith('deploy/dev/x.yml', text);
      expect(errorsIn(r, 'deploy/dev/x.yml').map((f) => [f.ruleId, f.line])).toContainEqual(['schema', line]);
      expect(r.summary.result).toBe('fail');
      expectSiblingStillEvaluated(r);
    }, PER_CASE_MS);
  }

  test('computeType: {} in JSON: schema error, no crash', async () => {
    const r = await gateWith('deploy/dev/deploymentconfig.json', '{\n  "computeType": {},\n  "containerResourceRequirements": {"memoryInGB": 4},\n  "gpuCores": 1\n}\n');
    expect(errorsIn(r, 'deploy/dev/deploymentconfig.json').map((f) => [f.ruleId, f.line])).toContainEqual(['schema', 2]);
  }, PER_CASE_MS);

  test('aml-compute compute_type: {} (object where a string belongs): no crash', async () => {
    const r = await gateWith('.cloud/.azure/compute.json', '{\n  "name": "aks",\n  "compute_type": {},\n  "vm_size": "Standard_D3_v2"\n}\n');
    expect(errorsIn(r, '.cloud/.azure/compute.json').map((f) => f.ruleId)).toContain('schema');
  }, PER_CASE_MS);

  const v2: Array<[string, string, number]> = [
    ['request_timeout_ms: 1e400', 'request_settings:\n  request_timeout_ms: 1e400', 7],
    ['request_timeout_ms: .inf', 'request_settings:\n  request_timeout_ms: .inf', 7],
    ['request_timeout_ms: "999999"', 'request_settings:\n  request_timeout_ms: "999999"', 7],
    ['instance_count: many', 'instance_count: many', 6],
    ['instance_type: 42', 'instance_type: 42', 6],
  ];
  for (const [name, extra, line] of v2) {
    test(`v2 ${name}: an error at line ${line}`, async () => {
      const base = [V2_SCHEMA, 'name: blue', 'endpoint_name: e', 'model: azureml:m:1', 'environment: azureml:env:1'];
      if (!extra.startsWith('instance_type')) base.push('instance_type: Standard_DS3_v2');
      if (!extra.startsWith('instance_count')) base.push('instance_count: 1');
      const lines = [...base.slice(0, 5), extra, ...base.slice(5)];
      const r = await gateWith('deploy/dev/blue.yml', lines.join('\n') + '\n');
      expect(errorsIn(r, 'deploy/dev/blue.yml').map((f) => f.line)).toContain(line);
      expect(r.summary.result).toBe('fail');
    }, PER_CASE_MS);
  }
});

// ---------------------------------------------------------------- file system

describe('links, FIFOs, directories, unreadable files', () => {
  test('a symlink pointing outside the workspace is not followed: parse-error naming the link', async () => {
    const outside = temp.dir();
    writeFileSync(path.join(outside, 'secret.yml'), 'computeType: ACI\nkeys:\n  primaryKey: hunter2\n');
    const r = await gateRaw((root) => symlinkSync(path.join(outside, 'secret.yml'), path.join(root, 'deploy.yml')));
    const f = expectParseError(r, 'deploy.yml', 1, /outside the workspace/);
    expect(JSON.stringify(r)).not.toContain('hunter2');
    expect(f.file).toBe('deploy.yml');
  }, PER_CASE_MS);

  test('a directory symlink pointing outside is not walked', async () => {
    const outside = temp.dir();
    writeFileSync(path.join(outside, 'aci.yml'), 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 99\n');
    const r = await gateRaw((root) => symlinkSync(outside, path.join(root, 'vendor')));
    expect(r.findings.filter((f) => f.file.startsWith('vendor'))).toEqual([]);
    expect(r.summary.result).toBe('pass');
    expectSiblingStillEvaluated(r);
  }, PER_CASE_MS);

  test('a symlink loop (a.yml → b.yml → a.yml) is reported, no hang', async () => {
    const r = await gateRaw((root) => {
      symlinkSync(path.join(root, 'b.yml'), path.join(root, 'a.yml'));
      symlinkSync(path.join(root, 'a.yml'), path.join(root, 'b.yml'));
    });
    for (const file of ['a.yml', 'b.yml']) {
      const pe = byRule(r, 'parse-error').filter((f) => f.file === file);
      expect(pe.map((f) => f.line)).toEqual([1]);
      expect(pe[0].message).toMatch(/cannot be resolved/);
    }
    expect(r.summary.result).toBe('fail');
    expectSiblingStillEvaluated(r);
  }, PER_CASE_MS);

  test('directory symlink loops (self → ., loop → loop) do not hang the walk', async () => {
    const r = await gateRaw((root) => {
      symlinkSync('.', path.join(root, 'self'));
      symlinkSync('loop', path.join(root, 'loop'));
      mkdirSync(path.join(root, 'deep'));
      symlinkSync('..', path.join(root, 'deep', 'up'));
    });
    expect(r.findings.map((f) => f.file).every((f) => f === SIBLING)).toBe(true);
    expectSiblingStillEvaluated(r);
  }, PER_CASE_MS);

  test('a dangling symlink named x.yml is reported', async () => {
    const r = await gateRaw((root) => symlinkSync('/nonexistent/model-deploy-gate/x.yml', path.join(root, 'x.yml')));
    expectParseError(r, 'x.yml', 1, /cannot be resolved/);
  }, PER_CASE_MS);

  test('a symlink to a manifest inside the workspace is read under the link name', async () => {
    const r = await gateRaw((root) => symlinkSync(path.join(root, SIBLING), path.join(root, 'alias.yml')));
    expect(byRule(r, 'aci-memory-limit').map((f) => f.file).sort()).toEqual(['alias.yml', SIBLING]);
  }, PER_CASE_MS);

  test('a FIFO named x.yml is not opened (no hang)', async () => {
    const r = await gateRaw((root) => {
      execFileSync('mkfifo', [path.join(root, 'x.yml')]);
      execFileSync('mkfifo', [path.join(root, 'fifo-target')]);
      symlinkSync(path.join(root, 'fifo-target'), path.join(root, 'link-to-fifo.yml'));
    });
    expect(r.findings.filter((f) => f.file !== SIBLING)).toEqual([]);
    expectSiblingStillEvaluated(r);
  }, PER_CASE_MS);

  test('a directory named x.yml is walked as a folder, not read as a file', async () => {
    const r = await gateRaw((root) => put(root, 'x.yml/inner.yml', 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGB: 64\n'));
    expect(byRule(r, 'parse-error')).toEqual([]);
    expect(byRule(r, 'aci-memory-limit').map((f) => f.file)).toContain('x.yml/inner.yml');
  }, PER_CASE_MS);

  // root reads everything: the case only means something for an ordinary user.
  (process.getuid?.() === 0 ? test.skip : test)('an unreadable manifest is a parse-error, the run fails', async () => {
    const r = await gateRaw((root) => {
      put(root, 'deploy/dev/x.yml', 'computeType: ACI\n');
      chmodSync(path.join(root, 'deploy/dev/x.yml'), 0o000);
    });
    expectParseError(r, 'deploy/dev/x.yml', 1, /cannot read/);
  });
});
