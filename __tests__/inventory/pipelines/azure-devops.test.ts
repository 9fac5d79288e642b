// Azure DevOps conventions on small synthetic pipelines (one feature per test).
import { describe, expect, test } from '@jest/globals';
import { synthetic } from './helpers.js';

const DEP = 'deploy/online-deployment.yml';
const step = (cmd: string, indent = 6): string => `${' '.repeat(indent)}- script: ${cmd}\n`;

describe('templates and parameters', () => {
  test('- template: relative to the including file, parameters = defaults + caller values, nested templates', () => {
    const ev = synthetic({
      'pipelines/azure-pipelines.yml': 'stages:\n  - stage: Release\n    jobs:\n      - job: Go\n        steps:\n          - template: templates/deploy.yml\n            parameters:\n              file: online-deployment.yml\n',
      'pipelines/templates/deploy.yml': 'parameters:\n  - name: file\n  - name: dir\n    default: deploy\nsteps:\n  - template: inner.yml\n    parameters:\n      path: ${{ parameters.dir }}/${{ parameters.file }}\n',
      'pipelines/templates/inner.yml': 'parameters:\n  path: ""\nsteps:\n  - bash: az ml online-deployment create -f ${{ parameters.path }}\n    displayName: Deploy it\n',
      [DEP]: '',
    });
    expect(ev).toEqual([
      expect.objectContaining({
        manifest: DEP,
        pipeline: 'pipelines/azure-pipelines.yml',
        platform: 'azure-devops',
        line: 6, // the outermost template: line of the pipeline
        stageName: 'Release',
        jobName: 'Go',
        stepName: 'Deploy it',
        stage: 'unknown',
      }),
    ]);
  });

  test('stage and job templates, extends:, ${{ variables.x }} in a template path, - ${{ parameters.steps }} step lists', () => {
    const ev = synthetic({
      'azure-pipelines.yml': 'variables:\n  kind: deploy\nextends:\n  template: main.yml\n  parameters:\n    extra:\n      - script: az ml online-endpoint create -f deploy/e.yml\n',
      'main.yml': 'parameters:\n  - name: extra\n    type: stepList\n    default: []\nstages:\n  - template: stages/${{ variables.kind }}.yml\n    parameters:\n      extra: ${{ parameters.extra }}\n',
      'stages/deploy.yml': 'parameters:\n  extra: []\nstages:\n  - stage: Prod\n    jobs:\n      - template: ../jobs/one.yml\n        parameters:\n          extra: ${{ parameters.extra }}\n',
      'jobs/one.yml': 'parameters:\n  extra: []\njobs:\n  - job: J\n    steps:\n      - ${{ parameters.extra }}\n      - script: az ml online-deployment create -f deploy/online-deployment.yml\n',
      [DEP]: '',
      'deploy/e.yml': '',
    });
    expect(ev.map((e) => [e.manifest, e.command, e.stageName, e.jobName, e.stage, e.line])).toEqual([
      ['deploy/e.yml', 'online-endpoint', 'Prod', 'J', 'production', 4],
      [DEP, 'online-deployment', 'Prod', 'J', 'production', 4],
    ]);
    expect(ev[0].reason).toBe('deployed by azure-pipelines.yml stage Prod job J (stage name "Prod")');
  });

  test('a template alone proves nothing: evidence only through the pipeline that includes it', () => {
    const ev = synthetic({
      'azure-pipelines.yml': 'jobs:\n  - job: dev\n    steps:\n      - template: t.yml\n',
      't.yml': `steps:\n${step('az ml online-deployment create -f deploy/online-deployment.yml', 2)}`,
      [DEP]: '',
    });
    expect(ev.map((e) => [e.pipeline, e.stage])).toEqual([['azure-pipelines.yml', 'nonproduction']]);
  });
});

describe('variables', () => {
  test('map and list forms, - group: (unknown), variable templates, $(a.b) macros and $A_B in scripts', () => {
    const ev = synthetic({
      'azure-pipelines.yml': [
        'variables:',
        '  - group: secrets-vg',
        '  - template: vars/common.yml',
        '  - name: deploy.dir',
        '    value: $(base)/online',
        'steps:',
        '  - script: az ml online-deployment create -f $(deploy.dir)/online-deployment.yml -n $(from.group)',
        '  - bash: az ml online-deployment create -f $DEPLOY_DIR/online-deployment.yml',
        '    workingDirectory: $(Build.SourcesDirectory)',
      ].join('\n'),
      'vars/common.yml': 'variables:\n  base: deploy\n',
      'deploy/online/online-deployment.yml': '',
    });
    expect(ev.map((e) => [e.manifest, e.line, e.variableFiles, e.overrides])).toEqual([
      ['deploy/online/online-deployment.yml', 7, ['vars/common.yml'], { name: '$(from.group)' }],
      ['deploy/online/online-deployment.yml', 8, ['vars/common.yml'], {}],
    ]);
  });

  test('${{ if }} blocks: every branch is taken; a production variable file ⇒ production; values that differ stay unresolved', () => {
    const ev = synthetic({
      'azure-pipelines.yml': [
        'variables:',
        "  - ${{ if eq(variables['Build.SourceBranchName'], 'main') }}:",
        '      - template: config-infra-prod.yml',
        '  - ${{ else }}:',
        '      - template: config-infra-dev.yml',
        'steps:',
        '  - script: az ml online-deployment create -f deploy/online-deployment.yml --endpoint-name ep-$(env) --name $(same)',
      ].join('\n'),
      'config-infra-prod.yml': 'variables:\n  env: prod\n  same: blue\n',
      'config-infra-dev.yml': 'variables:\n  env: dev\n  same: blue\n',
      [DEP]: '',
    });
    expect(ev).toMatchObject([
      {
        variableFiles: ['config-infra-prod.yml', 'config-infra-dev.yml'],
        stage: 'production',
        reason: "deployed by azure-pipelines.yml (variable file config-infra-prod.yml if eq(variables['Build.SourceBranchName'], 'main'))",
        overrides: { endpoint_name: 'ep-$(env)', name: 'blue' },
      },
    ]);
  });
});

describe('jobs and tasks', () => {
  test('deployment job environment { name } beats the stage name; runOnce/rolling hooks', () => {
    const yml = [
      'stages:',
      '  - stage: Production',
      '    jobs:',
      '      - deployment: D',
      '        environment:',
      '          name: qa-env',
      '          resourceType: VirtualMachine',
      '        strategy:',
      '          rolling:',
      '            deploy:',
      '              steps:',
      step('az ml online-deployment create -f deploy/online-deployment.yml', 16).trimEnd(),
      '            on:',
      '              failure:',
      '                steps:',
      step('az ml online-endpoint create -f deploy/e.yml', 18).trimEnd(),
    ].join('\n');
    const ev = synthetic({ 'azure-pipelines.yml': yml, [DEP]: '', 'deploy/e.yml': '' });
    expect(ev.map((e) => [e.manifest, e.line, e.environment, e.stage])).toEqual([
      [DEP, 12, 'qa-env', 'nonproduction'],
      ['deploy/e.yml', 16, 'qa-env', 'nonproduction'],
    ]);
    expect(ev[0].reason).toBe('deployed by azure-pipelines.yml stage Production job D (environment: qa-env)');
  });

  test('AzureCLI@2 inlineScript and scriptPath (the script file is read), PowerShell@2 script', () => {
    const yml = [
      'steps:',
      '  - task: AzureCLI@2',
      '    displayName: Deploy to staging',
      '    inputs:',
      '      scriptType: bash',
      '      scriptLocation: inlineScript',
      '      workingDirectory: deploy',
      '      inlineScript: |',
      '        az ml online-deployment create -f online-deployment.yml',
      '  - task: AzureCLI@2',
      '    inputs:',
      '      scriptLocation: scriptPath',
      '      scriptPath: scripts/deploy.sh',
      '  - task: PowerShell@2',
      '    inputs:',
      '      targetType: inline',
      '      script: |',
      '        az ml batch-endpoint create `',
      '          -f deploy/be.yml',
    ].join('\n');
    const ev = synthetic({ 'azure-pipelines.yml': yml, [DEP]: '', 'deploy/be.yml': '', 'scripts/deploy.sh': 'az ml online-endpoint create -f deploy/e.yml\n', 'deploy/e.yml': '' });
    expect(ev.map((e) => [e.manifest, e.command, e.line, e.stage])).toEqual([
      [DEP, 'online-deployment', 9, 'nonproduction'],
      ['deploy/e.yml', 'online-endpoint', 10, 'unknown'],
      ['deploy/be.yml', 'batch-endpoint', 18, 'unknown'],
    ]);
  });

  test('unresolved prefix: drop leading segments until a file matches; a bare basename only when unique', () => {
    const yml = [
      'steps:',
      '  - script: az ml model deploy -n s --dc $(Pipeline.Workspace)/drop/cfg/aks.yml',
      '  - script: az ml model deploy -n s --dc $(Agent.TempDirectory)/aci.yml',
      '  - script: az ml model deploy -n s --dc $(Agent.TempDirectory)/dup.yml',
    ].join('\n');
    const ev = synthetic({ 'azure-pipelines.yml': yml, 'cfg/aks.yml': '', 'x/aci.yml': '', 'a/dup.yml': '', 'b/dup.yml': '' });
    expect(ev.map((e) => e.manifest)).toEqual(['cfg/aks.yml', 'x/aci.yml']);
  });
});
