// The small readers underneath: shell commands, az ml arguments, expressions, paths.
import { describe, expect, test } from '@jest/globals';
import { azMlCommand } from '../../../src/inventory/pipelines/commands.js';
import { evaluate, literals, macros, substitute } from '../../../src/inventory/pipelines/expr.js';
import { FileIndex, normalize, resolvePath } from '../../../src/inventory/pipelines/paths.js';
import { Env, simpleCommands } from '../../../src/inventory/pipelines/shell.js';

describe('shell', () => {
  test('continuations, quotes, separators, comments, assignments, export, cd; lines of each command', () => {
    const env = new Env().set('KNOWN', 'k');
    const script = [
      'WS=examples/flow/   # comment',
      'export F="$WS/x.yml"; echo "a;b" && az ml x \\',
      "  -f '$F' --n \"$F\" ${KNOWN} $UNKNOWN $(cmd sub) ${{ inputs.x }}",
      'if [[ -z "$e" ]]; then az ml y; fi',
      'cd sub && run it',
    ].join('\n');
    const cmds = simpleCommands(script, env);
    expect(cmds.map((c) => [c.line, c.words, c.cd])).toEqual([
      [1, ['echo', 'a;b'], undefined],
      [1, ['az', 'ml', 'x', '-f', '$F', '--n', 'examples/flow//x.yml', 'k', '$UNKNOWN', '$(cmd sub)', '${{ inputs.x }}'], undefined],
      [3, ['[[', '-z', '$e', ']]'], undefined],
      [3, ['az', 'ml', 'y'], undefined],
      [4, ['run', 'it'], 'sub'],
    ]);
    expect(env.get('F')).toBe('examples/flow//x.yml');
  });

  test('an assignment from a command substitution makes the variable unknown', () => {
    const env = new Env(new Env().set('X', 'old'));
    simpleCommands('X=$(az ml online-endpoint list)\n', env);
    expect(env.get('X')).toBeUndefined();
  });
});

describe('az ml commands', () => {
  const az = (s: string) => azMlCommand(s.split(' '));
  test('v2 create/update with -f/--file; list/show/job are not deployments; no file ⇒ nothing', () => {
    expect(az('az ml online-deployment update --file d.yml -e ep')).toEqual({ command: 'online-deployment', file: 'd.yml', overrides: { endpoint_name: 'ep' } });
    expect(az('az ml compute create --name c --type amlcompute')).toBeUndefined();
    expect(az('az ml online-endpoint show -f e.yml')).toBeUndefined();
    expect(az('az ml job create -f j.yml')).toBeUndefined();
    expect(az('az ml $(endpoint_type)-deployment create -f d.yml')).toBeUndefined();
  });
  test('v1: --deploy-config-file, --dc, -dc; -f of model deploy is the model metadata, not the config', () => {
    expect(az('az ml model deploy -f model.json --dc c.yml')?.file).toBe('c.yml');
    expect(az('az ml model deploy -dc c.yml')?.file).toBe('c.yml');
    expect(az('az ml model deploy -f model.json')).toBeUndefined();
  });
});

describe('expressions', () => {
  const ctx = (path: string[]) => ({ 'inputs.a': 'A', 'inputs.e': '', 'parameters.p': 'P' })[path.join('.')];
  test('literals, look-ups, ||, format, coalesce; unknown stays as written', () => {
    expect(evaluate(" inputs.e || 'dflt' ", ctx)).toBe('dflt');
    expect(evaluate("format('x-{0}-{1}', inputs.a, parameters['p'])", ctx)).toBe('x-A-P');
    expect(evaluate("coalesce(inputs.e, 'c')", ctx)).toBe('c');
    expect(evaluate("github.ref == 'x'", ctx)).toBeUndefined();
    expect(substitute('a/${{ inputs.a }}/${{ needs.x.outputs.y }}', ctx)).toBe('a/A/${{ needs.x.outputs.y }}');
    expect(literals("${{ github.ref == 'refs/heads/main' && 'prod' || 'dev' }}")).toEqual(['refs/heads/main', 'prod', 'dev']);
  });
  test('$(macros): known names replaced recursively, others (and command substitutions) kept', () => {
    const vars: Record<string, string> = { a: '$(b)-x', b: 'B' };
    expect(macros('$(a) $(c) $(jq -r .x f)', (n) => vars[n])).toBe('B-x $(c) $(jq -r .x f)');
  });
});

describe('paths', () => {
  const index = new FileIndex(new Set(['a/b/c.yml', 'p/t/deploy/x.yml', 'deploy/u.yml', 'q/dup.yml', 'r/dup.yml']));
  test('normalise: . and .. inside the root; absolute and climbing paths are nothing', () => {
    expect(normalize('./a//b/../b/c.yml')).toBe('a/b/c.yml');
    expect(normalize('../x')).toBeUndefined();
    expect(normalize('/etc/passwd')).toBeUndefined();
    expect(normalize('C:/x')).toBeUndefined();
  });
  test('working directory, then bases (project root, ancestors nearest first); unique suffix; unresolved prefixes', () => {
    expect(resolvePath('c.yml', 'a/b', [''], index)).toBe('a/b/c.yml');
    expect(resolvePath('deploy/x.yml', undefined, ['', 'p/t/pipes', 'p/t', 'p', ''], index)).toBe('p/t/deploy/x.yml');
    expect(resolvePath('"b/c.yml"', undefined, [''], index)).toBe('a/b/c.yml');
    expect(resolvePath('$(X)/drop/deploy/u.yml', undefined, [''], index)).toBe('deploy/u.yml');
    expect(resolvePath('$(X)/dup.yml', undefined, [''], index)).toBeUndefined();
    expect(resolvePath('$(X)/../a/b/c.yml', undefined, [''], index)).toBeUndefined();
    expect(resolvePath('c.yml', '/abs', [''], index)).toBeUndefined();
  });
});
