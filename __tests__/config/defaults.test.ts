// The default config (no config file) is filled without compiling the schema: it must be what ajv's
// `useDefaults` makes of an empty config.
import { describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import schema from '../../schema/config.schema.json' with { type: 'json' };
import { dict } from '../../src/core/pointer.js';
import { defaultConfig, fillDefaults, parseConfig } from '../../src/config/parse.js';

describe('default config without ajv', () => {
  test('fillDefaults on an empty config equals ajv useDefaults, key order included', () => {
    const byAjv = dict();
    expect(new Ajv({ allErrors: true, strict: true, useDefaults: true }).compile(schema)(byAjv)).toBe(true);
    const mine = dict();
    fillDefaults(schema as never, mine);
    expect(JSON.stringify(mine)).toBe(JSON.stringify(byAjv));
    expect(mine).toEqual(byAjv);
  });

  test('nested defaults of present mappings (skus entries) as ajv fills them', () => {
    const input = () => ({ skus: { Standard_X: { vcpus: 4, 'memory-gb': 16 } }, stages: {}, limits: { 'aci-max-memory-gb': 10 } });
    const byAjv = input();
    new Ajv({ allErrors: true, strict: true, useDefaults: true }).compile(schema)(byAjv);
    const mine = input();
    fillDefaults(schema as never, mine);
    expect(JSON.stringify(mine)).toBe(JSON.stringify(byAjv));
  });

  test('defaultConfig is the config of an empty file', () => {
    const empty = parseConfig('{}\n', '.github/model-deploy-gate.yml');
    if (!empty.ok) throw new Error('empty config rejected');
    const { source: _s, ...fromFile } = empty.config;
    const { source: _d, ...defaults } = defaultConfig();
    expect(defaults).toEqual(fromFile);
  });
});
