import { describe, expect, test } from '@jest/globals';
import { judgePullRequest } from '../../docs/pr-example.js';
import { one } from './expect.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const ACI = 'computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 4\n';
const CONFIG = '.github/model-deploy-gate.yml';

describe('policy-change', () => {
  test('a PR config that turns a rule off: an error at that key saying what it relaxes, what it would hide and who reviews it', () => {
    const r = judgePullRequest({ 'deploy/prod/legacy/deploymentconfig.yml': ACI, [CONFIG]: 'rules:\n  aci-not-for-production: off\n' }, NOW);
    expect(one(r, 'policy-change', CONFIG, 2, 'error').message).toBe('The pull request adds the config `.github/model-deploy-gate.yml`: it turns off `aci-not-for-production` (error → off). Its config would hide 1 finding of this run (1 error) and pass the run: have the config owners review it (the base branch\'s policy judged this run).');
  });

  test('a PR config that only raises a severity is a notice', () => {
    const r = judgePullRequest(
      { 'deploy/prod/legacy/deploymentconfig.yml': ACI, 'base/.github/model-deploy-gate.yml': 'rules: {}\n', [CONFIG]: 'rules:\n  v1-deprecated: error\n' },
      NOW,
    );
    expect(one(r, 'policy-change', CONFIG, 2, 'notice').message).toBe('The pull request changes the config `.github/model-deploy-gate.yml`: it raises `v1-deprecated` from warning to error. Its config would hide no finding of this run: have the config owners review it (the base branch\'s policy judged this run).');
  });
});
