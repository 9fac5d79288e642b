// GitHub Actions workflows of the real-world fixtures (EXPECTED.md §1, §4, §6, §8, §9, §11) and
// the repositories whose pipelines deploy no manifest (§5, §7, §10, §12).
import { describe, expect, test } from '@jest/globals';
import { stageFromPipelines } from '../../../src/inventory/pipelines/index.js';
import { readdirSync } from 'node:fs';
import { REALWORLD, manifests, one, repo } from './helpers.js';

describe('Azure+mlops-project-template (EXPECTED §1): mlops-templates reusable workflows', () => {
  const r = repo('Azure+mlops-project-template');
  const wf = '.github/workflows/deploy-online-endpoint-pipeline-classical.yml';

  test('create-deployment.yml@main: the deployment file is passed as endpoint_file; set-env-branch names both config files ⇒ production', () => {
    const e = one(r, 'classical/aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', wf);
    expect(e).toMatchObject({
      command: 'online-deployment',
      platform: 'github-actions',
      line: 51,
      jobName: 'create-deployment',
      variableFiles: ['config-infra-prod.yml', 'config-infra-dev.yml'],
      stage: 'production',
      reason: `deployed by ${wf} job create-deployment (variable file config-infra-prod.yml)`,
    });
    expect(e.overrides).toEqual({ name: 'taxi-online-dp', endpoint_name: "${{ format('taxi-gha-{0}', needs.get-config.outputs.oep) }}" });
  });

  test('create-endpoint.yml@main ⇒ online endpoint; batch workflow ⇒ batch deployment named eptestdeploy (the pipeline decides, not the name)', () => {
    expect(one(r, 'classical/aml-cli-v2/mlops/azureml/deploy/online/online-endpoint.yml', wf)).toMatchObject({ command: 'online-endpoint', line: 35, jobName: 'create-endpoint' });
    const b = one(r, 'classical/aml-cli-v2/mlops/azureml/deploy/batch/batch-deployment.yml', '.github/workflows/deploy-batch-endpoint-pipeline-classical.yml');
    expect(b).toMatchObject({ command: 'batch-deployment', stage: 'production', overrides: { name: 'eptestdeploy' } });
  });

  test('workflow templates outside .github/workflows/ (mlops/github-actions/) are never run by GitHub: no evidence', () => {
    expect(r.evidence.filter((e) => e.pipeline.includes('/github-actions/'))).toEqual([]);
  });

  test('every deployed manifest of the repository is production (both ADO and GHA)', () => {
    for (const m of manifests(r)) expect(stageFromPipelines(r.evidence.filter((e) => e.manifest === m))?.stage).toBe('production');
    expect(manifests(r)).toHaveLength(12);
  });
});

describe('Azure+mlops-v2-gha-demo (EXPECTED §6): read-yaml file_name config-infra-prod.yml only', () => {
  const r = repo('Azure+mlops-v2-gha-demo');

  test('all four manifests are production by the variable file', () => {
    expect(manifests(r)).toEqual([
      'mlops/azureml/deploy/batch/batch-deployment.yml',
      'mlops/azureml/deploy/batch/batch-endpoint.yml',
      'mlops/azureml/deploy/online/online-deployment.yml',
      'mlops/azureml/deploy/online/online-endpoint.yml',
    ]);
    for (const e of r.evidence) expect(e).toMatchObject({ stage: 'production', variableFiles: ['config-infra-prod.yml'] });
  });

  test('online deployment: job create-deployment, line of its uses:', () => {
    const wf = '.github/workflows/deploy-online-endpoint-pipeline-classical.yml';
    expect(one(r, 'mlops/azureml/deploy/online/online-deployment.yml', wf)).toMatchObject({
      command: 'online-deployment',
      line: 22,
      jobName: 'create-deployment',
      reason: `deployed by ${wf} job create-deployment (variable file config-infra-prod.yml)`,
      overrides: { name: 'taxi-online-dp' },
    });
  });
});

describe('SaschaDittmann+MLOps-AzureCLI (EXPECTED §11): no environment keys — the job names decide', () => {
  const r = repo('SaschaDittmann+MLOps-AzureCLI');
  const wf = '.github/workflows/mlops.yml';

  test('job stagingdeployment "Deploy to Staging (ACI)", working-directory deployment ⇒ nonproduction', () => {
    expect(one(r, 'deployment/aciDeploymentConfig.yml', wf)).toMatchObject({
      command: 'v1-model-deploy',
      line: 273,
      jobName: 'stagingdeployment',
      stepName: 'Deploy to ML Service to ACI',
      stage: 'nonproduction',
      reason: `deployed by ${wf} job stagingdeployment (job name "Deploy to Staging (ACI)")`,
      overrides: { name: 'diabetes-service-aci' },
    });
  });

  test('job productiondeployment "Deploy to Production (AKS)" ⇒ production; env: values expand $VARS', () => {
    const e = one(r, 'deployment/aksDeploymentConfig.yml', wf);
    expect(e).toMatchObject({ line: 368, jobName: 'productiondeployment', stage: 'production' });
    expect(e.overrides).toEqual({ name: 'diabetes-service-aks', computeTargetName: 'aks' });
    expect(e.environment).toBeUndefined();
  });
});

describe('Azure-Samples+mlops-enterprise-template (EXPECTED §9): Azure/aml-* actions, stage per step', () => {
  const r = repo('Azure-Samples+mlops-enterprise-template');
  const wf = '.github/workflows/deploy_model.yml';

  test('"Dev Deploy" parameters_file deploy_aci.json ⇒ .cloud/.azure/deploy_aci.json, nonproduction by the step name', () => {
    expect(one(r, '.cloud/.azure/deploy_aci.json', wf)).toMatchObject({
      command: 'aml-deploy',
      line: 45,
      jobName: 'deploy',
      stepName: 'Dev Deploy',
      stage: 'nonproduction',
      reason: `deployed by ${wf} job deploy (step name "Dev Deploy")`,
    });
  });

  test('"Prod Deploy" deploy_aks.json ⇒ production: the same job gives different stages per step', () => {
    expect(one(r, '.cloud/.azure/deploy_aks.json', wf)).toMatchObject({ command: 'aml-deploy', line: 60, stepName: 'Prod Deploy', stage: 'production' });
  });

  test('aml-compute and aml-registermodel without parameters_file ⇒ their default files, unknown stage', () => {
    expect(one(r, '.cloud/.azure/compute.json', wf)).toMatchObject({ command: 'aml-compute', line: 28, stage: 'unknown' });
    expect(one(r, '.cloud/.azure/registermodel.json', wf)).toMatchObject({ command: 'aml-registermodel', line: 36, stepName: 'Register model' });
  });
});

describe('Azure+AML-Kubernetes (EXPECTED §4): shell variables, --set override, job test', () => {
  const r = repo('Azure+AML-Kubernetes');
  const wf = '.github/workflows/kubernetes-compute-simple-examples.yml';

  test('online-endpoint -f $WS_DIR/endpoint.yml (trailing / normalised), --set compute=azureml:$COMPUTE recorded', () => {
    expect(one(r, 'examples/inference/simple-flow/endpoint.yml', wf)).toMatchObject({
      command: 'online-endpoint',
      line: 126,
      jobName: 'test',
      stepName: 'run examples/inference/simple-flow/endpoint.yml',
      stage: 'nonproduction',
      reason: `deployed by ${wf} job test (job name "test")`,
      overrides: { name: 'sklearn-mnist', compute: 'azureml:$COMPUTE' },
    });
  });

  test('online-deployment --name blue --endpoint sklearn-mnist', () => {
    expect(one(r, 'examples/inference/simple-flow/blue-deployment.yml', wf)).toMatchObject({
      command: 'online-deployment',
      line: 128,
      overrides: { name: 'blue', endpoint_name: 'sklearn-mnist' },
    });
    expect(r.evidence).toHaveLength(2);
  });
});

describe('microsoft+MLOps (EXPECTED §8): a nested .github/workflows of a sub-project', () => {
  test('--deploy-config-file deployconfig.json resolves in examples/MLOps_GitHubActions/Code/; pipeline says unknown, as the engineer does (path word "examples" is rule 4, later)', () => {
    const r = repo('microsoft+MLOps');
    const wf = 'examples/MLOps_GitHubActions/Code/.github/workflows/deploy.yml';
    expect(one(r, 'examples/MLOps_GitHubActions/Code/deployconfig.json', wf)).toMatchObject({
      command: 'v1-model-deploy',
      line: 27,
      jobName: 'deploy-model',
      stepName: 'deploy model',
      stage: 'unknown',
      overrides: {
        name: '${{ github.event.client_payload.service }}',
        computeTargetName: '${{ github.event.client_payload.compute_target }}',
      },
    });
    expect(r.evidence).toHaveLength(1);
  });
});

test('workflows are not manifests, and no deployed file is a pipeline candidate (all 12 repositories)', () => {
  const names = readdirSync(REALWORLD).filter((n) => n.includes('+'));
  expect(names).toHaveLength(12);
  for (const name of names) {
    const r = repo(name);
    const candidates = new Set(r.pipelines.map((p) => p.path));
    for (const e of r.evidence) expect(candidates.has(e.manifest)).toBe(false);
    for (const p of candidates) expect(p).toMatch(/(\.github\/workflows|pipeline|templates?|config-|variables|\.azure-pipelines|devops|build-and-release|environment_setup|\.azuredevops)/);
  }
});

describe('repositories whose pipelines deploy no manifest', () => {
  test.each([
    ['Azure+mlops-templates', 'reusable templates with ${{ parameters.x }} / ${{ inputs.x }} paths only'],
    ['Azure+mlops-v2', 'no Azure ML deployment'],
    ['microsoft+dstoolkit-mlops-v2', 'deploys with Python'],
    ['Azure+mlops-starter-sklearn', 'az ml job create only; the deploy scripts were not copied'],
  ])('%s (%s)', (name) => {
    expect(repo(name).evidence).toEqual([]);
  });
});
