import { describe, expect, test } from '@jest/globals';
import { StageResolver, classifyWords } from '../../src/inventory/stage.js';

describe('stage (SPEC §3)', () => {
  const r = new StageResolver({ production: ['deploy/live/**'], nonproduction: ['sandbox/**'], defaultStage: 'unknown' });

  test('tags win over everything', () => {
    expect(r.resolve({ path: 'deploy/dev/x.yml', tags: { stage: 'Production' }, names: [] })).toMatchObject({ stage: 'production' });
    expect(r.resolve({ path: 'deploy/prod/x.yml', tags: { Environment: 'uat' }, names: [] })).toMatchObject({ stage: 'nonproduction' });
    expect(r.resolve({ path: 'a.yml', tags: { env: 'prd' }, names: [] }).stage).toBe('production');
  });

  test('an unclassifiable tag falls through to the next step', () => {
    expect(r.resolve({ path: 'deploy/dev/x.yml', tags: { stage: 'blue' }, names: [] }).stage).toBe('nonproduction');
  });

  test('config globs before path words', () => {
    expect(r.resolve({ path: 'deploy/live/dev-thing.yml', tags: {}, names: [] }).stage).toBe('production');
    expect(r.resolve({ path: 'sandbox/prod.yml', tags: {}, names: [] }).stage).toBe('nonproduction');
  });

  test('path and names: words split on / . _ -; both kinds ⇒ production (fail closed)', () => {
    expect(classifyWords('teams/a/deploy-prod/x.yml').stage).toBe('production');
    expect(classifyWords('teams/a/dev_env/x.yml').stage).toBe('nonproduction');
    expect(classifyWords('prod-vs-dev/x.yml').stage).toBe('production');
    expect(classifyWords('product/x.yml').stage).toBe('unknown'); // "product" is not "prod"
    expect(r.resolve({ path: 'x.yml', tags: {}, names: ['fraud-staging'] }).stage).toBe('nonproduction');
  });

  test('default-stage last; unknown otherwise', () => {
    expect(r.resolve({ path: 'x.yml', tags: {}, names: [] }).stage).toBe('unknown');
    const p = new StageResolver({ production: [], nonproduction: [], defaultStage: 'production' });
    expect(p.resolve({ path: 'x.yml', tags: {}, names: [] })).toMatchObject({ stage: 'production', reason: 'default-stage' });
  });
});
