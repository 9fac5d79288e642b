// Azure DevOps pipelines of the real-world fixtures (EXPECTED.md §1, §2, §3, §11).
import { describe, expect, test } from '@jest/globals';
import { stageFromPipelines } from '../../../src/inventory/pipelines/index.js';
import { one, repo } from './helpers.js';

describe('Azure+mlops-project-template (EXPECTED §1): mlops-templates @repo templates, config-infra-prod/dev by branch', () => {
  const r = repo('Azure+mlops-project-template');
  const online = 'classical/aml-cli-v2/mlops/devops-pipelines/deploy-online-endpoint-pipeline.yml';
  const batch = 'classical/aml-cli-v2/mlops/devops-pipelines/deploy-batch-endpoint-pipeline.yml';
  const why = "variable file config-infra-prod.yml if eq(variables['Build.SourceBranchName'], 'main')";

  test('create-deployment.yml@mlops-templates deployment_file, endpoint_type online ⇒ online deployment, production', () => {
    const e = one(r, 'classical/aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', online);
    expect(e).toMatchObject({
      command: 'online-deployment',
      platform: 'azure-devops',
      line: 56,
      stageName: 'CreateOnlineEndpoint',
      jobName: 'DeployOnlineEndpoint',
      stepName: 'Create deployment',
      variableFiles: ['config-infra-prod.yml', 'config-infra-dev.yml'],
      stage: 'production',
      reason: `deployed by ${online} stage CreateOnlineEndpoint job DeployOnlineEndpoint (${why})`,
    });
    expect(e.environment).toBeUndefined();
    // --name taxi-online-dp; $(environment) is prod on main and dev elsewhere: left unresolved.
    expect(e.overrides).toEqual({ name: 'taxi-online-dp', endpoint_name: 'taxi-online-mlopsv20001$(environment)' });
  });

  test('create-endpoint.yml@mlops-templates endpoint_file ⇒ online endpoint (line of the template: step)', () => {
    const e = one(r, 'classical/aml-cli-v2/mlops/azureml/deploy/online/online-endpoint.yml', online);
    expect(e).toMatchObject({ command: 'online-endpoint', line: 53, stage: 'production', stepName: 'Create online/batch endpoint' });
    expect(e.overrides).toEqual({ name: 'taxi-online-mlopsv20001$(environment)' });
  });

  test('endpoint_type batch ⇒ batch deployment and batch endpoint; create-compute (flags only) deploys no file', () => {
    expect(one(r, 'classical/aml-cli-v2/mlops/azureml/deploy/batch/batch-deployment.yml', batch)).toMatchObject({
      command: 'batch-deployment',
      line: 63,
      stageName: 'CreateBatchEndpoint',
      jobName: 'DeployBatchEndpoint',
      stage: 'production',
      overrides: { name: 'taxi-batch-dp', endpoint_name: 'taxi-batch-mlopsv20001$(environment)' },
    });
    expect(one(r, 'classical/aml-cli-v2/mlops/azureml/deploy/batch/batch-endpoint.yml', batch)).toMatchObject({ command: 'batch-endpoint', line: 60 });
    expect(r.evidence.some((e) => e.manifest.endsWith('batch-cluster.yml'))).toBe(false);
  });

  test('rai, cv and nlp projects: paths relative to the generated project resolve through the ancestors', () => {
    for (const [project, n] of [['classical/rai-aml-cli-v2', 56], ['cv/aml-cli-v2', 54], ['nlp/aml-cli-v2', 54]] as const) {
      const e = one(r, `${project}/mlops/azureml/deploy/online/online-deployment.yml`, `${project}/mlops/devops-pipelines/deploy-online-endpoint-pipeline.yml`);
      expect(e).toMatchObject({ command: 'online-deployment', line: n, stage: 'production' });
    }
  });

  test('python-sdk-v2 pipelines deploy with Python: no manifest, no evidence', () => {
    expect(r.evidence.filter((e) => e.pipeline.startsWith('classical/python-sdk-v2/'))).toEqual([]);
  });
});

describe('microsoft+MLOpsPython (EXPECTED §2): az ml model deploy --dc, no environment', () => {
  const r = repo('microsoft+MLOpsPython');
  const cd = '.pipelines/diabetes_regression-cd.yml';

  test('stage Deploy_ACI: workingDirectory $(Build.SourcesDirectory)/$(SOURCES_DIR_TRAIN)/scoring, \\ continuations; rule says unknown (engineer: nonproduction)', () => {
    const e = one(r, 'diabetes_regression/scoring/deployment_config_aci.yml', cd);
    expect(e).toMatchObject({
      command: 'v1-model-deploy',
      platform: 'azure-devops',
      line: 62,
      stageName: 'Deploy_ACI',
      jobName: 'Deploy_ACI',
      stepName: 'Deploy to ACI (CLI)',
      variableFiles: ['.pipelines/diabetes_regression-variables-template.yml'],
      stage: 'unknown',
      reason: `deployed by ${cd} stage Deploy_ACI job Deploy_ACI (no environment, variable file or stage word in its names)`,
      overrides: { name: '$(ACI_DEPLOYMENT_NAME)' },
    });
  });

  test('stage Deploy_AKS: unknown (engineer: production); --compute-target from the variable group stays unresolved', () => {
    const e = one(r, 'diabetes_regression/scoring/deployment_config_aks.yml', cd);
    expect(e).toMatchObject({ line: 108, stageName: 'Deploy_AKS', jobName: 'Deploy_AKS', stage: 'unknown' });
    expect(e.overrides).toEqual({ name: '$(AKS_DEPLOYMENT_NAME)', computeTargetName: '$(AKS_COMPUTE_NAME)' });
    expect(stageFromPipelines([e])).toEqual({ stage: 'unknown', reason: e.reason });
  });

  test('only the CD pipeline deploys manifests (model package / list are not deployments)', () => {
    expect([...new Set(r.evidence.map((e) => e.pipeline))]).toEqual([cd]);
  });
});

describe('Azure-Samples+MLOpsManufacturing (EXPECTED §3): ${{ parameters.workingDirectory }} default', () => {
  test('stage Deploy_ACI, working directory from the parameter default and variables-template.yml; rule says unknown (engineer: nonproduction)', () => {
    const r = repo('Azure-Samples+MLOpsManufacturing');
    const p = 'samples/image-classification-tensorflow/devops_pipelines/04-deploy-model-aci.yml';
    const e = one(r, 'samples/image-classification-tensorflow/ml_model/score/deployment_config_aci.yml', p);
    expect(e).toMatchObject({
      command: 'v1-model-deploy',
      line: 59,
      stageName: 'Deploy_ACI',
      jobName: 'Deploy_ACI',
      variableFiles: ['samples/image-classification-tensorflow/devops_pipelines/variables-template.yml'],
      stage: 'unknown',
      overrides: { name: '$(ACI_DEPLOYMENT_NAME)' },
    });
    expect(r.evidence).toHaveLength(1);
  });
});

describe('SaschaDittmann+MLOps-AzureCLI (EXPECTED §11): deployment jobs with environments, artifact paths', () => {
  const r = repo('SaschaDittmann+MLOps-AzureCLI');

  test('environment diabetes-staging ⇒ nonproduction; $(System.ArtifactsDirectory)/drop/deployment maps to deployment/', () => {
    expect(one(r, 'deployment/aciDeploymentConfig.yml', 'azure-pipelines.yml')).toMatchObject({
      command: 'v1-model-deploy',
      line: 294,
      stageName: 'Staging',
      jobName: 'DeployToACI',
      stepName: 'Deploy to ML Service to ACI',
      environment: 'diabetes-staging',
      stage: 'nonproduction',
      reason: 'deployed by azure-pipelines.yml stage Staging job DeployToACI (environment: diabetes-staging)',
      overrides: { name: 'diabetes-service-aci' },
    });
  });

  test('environment diabetes-production ⇒ production; -n $(service.name.production), --ct $(aks.clusterName) resolved', () => {
    expect(one(r, 'deployment/aksDeploymentConfig.yml', 'azure-pipelines.yml')).toMatchObject({
      line: 399,
      stageName: 'Production',
      jobName: 'DeployToAKS',
      environment: 'diabetes-production',
      stage: 'production',
      reason: 'deployed by azure-pipelines.yml stage Production job DeployToAKS (environment: diabetes-production)',
      overrides: { name: 'diabetes-service-aks', computeTargetName: 'aks' },
    });
  });
});
