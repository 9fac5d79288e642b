import { describe, expect, test } from '@jest/globals';
import { byRule, gate } from '../../helpers.js';
import { none, one } from './expect.js';

const MOD = '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json';

describe('template', () => {
  test('placeholders of every style become one notice naming them, at the first one', async () => {
    const r = await gate({
      'deploy/dev/d.yml': [
        MOD,
        'name: blue',
        'endpoint_name: $(endpoint_name)',
        'model: azureml:<your model name>:<your model version>',
        'instance_type: "#{INSTANCE_TYPE}#"',
        'instance_count: 1',
        'environment: __ENV__',
        'description: INSERT-YOUR-DESCRIPTION-HERE',
        'tags: { owner: "${OWNER}" }',
      ].join('\n'),
    });
    const f = one(r, 'template', 'deploy/dev/d.yml', 3, 'notice');
    for (const s of ['$(endpoint_name)', '<your model name>', '#{INSTANCE_TYPE}#', '__ENV__', 'INSERT-YOUR-DESCRIPTION-HERE']) expect(f.message).toContain(s);
    expect(f.message).toMatch(/and 1 more/);
    expect(f.message).toBe('6 values of this file are placeholders (`endpoint_name: $(endpoint_name)`, `model: azureml:<your model name>:<your model version>`, `instance_type: #{INSTANCE_TYPE}#`, `environment: __ENV__`, `description: INSERT-YOUR-DESCRIPTION-HERE` and 1 more), so the rules that read them were not evaluated: gate the rendered file, or write the real values.');
  });

  test('no advice embeds a placeholder: a placeholder model is not an unresolved reference, and its rules are skipped', async () => {
    const r = await gate({
      'deploy/dev/d.yml': `${MOD}\nname: blue\nendpoint_name: ep\nmodel: azureml:<your model name>:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n`,
    });
    none(r, 'unresolved-reference');
    expect(JSON.stringify(r.findings.filter((f) => f.ruleId !== 'template'))).not.toContain('<your model name>');
    const why = r.skipped.filter((s) => s.rules.includes('memory-headroom')).map((s) => s.why);
    expect(why).toEqual([expect.stringMatching(/placeholder/)]);
    expect(why.join()).not.toContain('<your model name>');
  });

  test('a placeholder compute (with spaces) is not looked up', async () => {
    const r = await gate({
      'examples/gpu/endpoint.yml': 'name: ep\ncompute: azureml:<your GPU compute target name>\nauth_mode: key\n',
    });
    none(r, 'unresolved-reference');
    one(r, 'template', 'examples/gpu/endpoint.yml', 2, 'notice');
  });

  test('a file without placeholders gets nothing', async () => {
    const r = await gate({ 'deploy/dev/d.yml': `${MOD}\nname: blue\nendpoint_name: ep\nmodel: azureml:m:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n` });
    none(r, 'template');
    expect(byRule(r, 'template')).toEqual([]);
  });

  test('a nested placeholder is named by its dotted path and found at its own line (array items, keys with a slash)', async () => {
    const r = await gate({
      'deploy/dev/d.yml': [
        MOD,
        'name: blue',
        'endpoint_name: ep',
        'model: azureml:m:1',
        'instance_type: Standard_DS3_v2',
        'instance_count: 1',
        'environment_variables:',
        '  a/b: "${A_B}"',
        'request_settings:',
        '  max_concurrent_requests_per_instance: 1',
        'tags:',
        '  owners:',
        '    - alice',
        '    - "#{OWNER}#"',
      ].join('\n'),
    });
    const f = one(r, 'template', 'deploy/dev/d.yml', 8, 'notice');
    expect(f.message).toBe('2 values of this file are placeholders (`environment_variables.a/b: ${A_B}`, `tags.owners[1]: #{OWNER}#`), so the rules that read them were not evaluated: gate the rendered file, or write the real values.');
  });
});
