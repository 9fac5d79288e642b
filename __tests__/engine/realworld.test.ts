/**
 * The gate on the real public repositories of __fixtures__/realworld (verbatim, sources and licenses
 * in its README), as a user runs it: `--root <repo>`. Each repository's deployments (kind, what they
 * run on, stage and where the stage came from) and every finding are asserted against the ground
 * truth in __fixtures__/realworld/EXPECTED.md: production comes from the pipelines that deploy the
 * files (issue #11), and not one `error` is false.
 */
import { describe, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { evaluate } from '../../src/engine.js';
import { REALWORLD, resultOf } from '../helpers.js';

type Row = [file: string, kind: string, target: string, stage: string, stageSource: string];
type Found = [severity: string, rule: string, file: string, line: number];

const EXPECTED: Record<string, { rows: Row[]; findings: Found[] }> = {
  'Azure+AML-Kubernetes': {
    rows: [
      ['docs/AKS-HCI/cli/mnist/deployment.yml', 'kubernetesOnlineDeployment', 'aks', 'unknown', 'no stage tag, config glob, deploying pipeline or path word'],
      ['docs/AKS-HCI/notebooks/distributed-cifar10/pt_deployment.yml', 'kubernetesOnlineDeployment', 'aks', 'unknown', 'no stage tag, config glob, deploying pipeline or path word'],
      ['docs/AKS-HCI/notebooks/mnist/deployment.yml', 'kubernetesOnlineDeployment', 'aks', 'unknown', 'no stage tag, config glob, deploying pipeline or path word'],
      ['docs/AKS-HCI/notebooks/object-segmentation-on-azure-stack/deployment.yml', 'kubernetesOnlineDeployment', 'aks', 'unknown', 'no stage tag, config glob, deploying pipeline or path word'],
      ['docs/AKS-HCI/notebooks/pipeline/deployment.yml', 'kubernetesOnlineDeployment', 'aks', 'unknown', 'no stage tag, config glob, deploying pipeline or path word'],
      ['examples/inference/gpu-inferencing/blue-deployment.yml', 'kubernetesOnlineDeployment', 'aks', 'nonproduction', 'word "examples" in the path or name'],
      ['examples/inference/simple-flow/blue-deployment.yml', 'kubernetesOnlineDeployment', 'aks', 'nonproduction', 'deployed by .github/workflows/kubernetes-compute-simple-examples.yml job test (job name "test")'],
    ],
    findings: [
      ['notice', 'template', 'docs/AKS-HCI/cli/mnist/deployment.yml', 4],
      ['notice', 'template', 'docs/AKS-HCI/cli/mnist/endpoint.yml', 3],
      ['notice', 'template', 'docs/AKS-HCI/notebooks/distributed-cifar10/pt_deployment.yml', 4],
      ['notice', 'template', 'docs/AKS-HCI/notebooks/distributed-cifar10/pt_endpoint.yml', 2],
      ['notice', 'template', 'docs/AKS-HCI/notebooks/mnist/deployment.yml', 4],
      ['notice', 'template', 'docs/AKS-HCI/notebooks/mnist/endpoint.yml', 3],
      ['notice', 'template', 'docs/AKS-HCI/notebooks/object-segmentation-on-azure-stack/deployment.yml', 4],
      ['notice', 'template', 'docs/AKS-HCI/notebooks/object-segmentation-on-azure-stack/endpoint.yml', 2],
      ['notice', 'template', 'docs/AKS-HCI/notebooks/pipeline/deployment.yml', 4],
      ['notice', 'template', 'docs/AKS-HCI/notebooks/pipeline/endpoint.yml', 2],
      ['notice', 'template', 'examples/inference/gpu-inferencing/endpoint.yml', 2],
      ['notice', 'unresolved-reference', 'examples/inference/simple-flow/endpoint.yml', 2],
    ],
  },
  'Azure+mlops-project-template': {
    rows: [
      ['classical/aml-cli-v2/mlops/azureml/deploy/batch/batch-deployment.yml', 'batchDeployment', 'compute-cluster', 'production', 'deployed by .github/workflows/deploy-batch-endpoint-pipeline-classical.yml job create-deployment (variable file config-infra-prod.yml)'],
      // The Azure DevOps pipeline deploys the same file under another name (`deployment_name: taxi-batch-dp`): a second deployment.
      ['classical/aml-cli-v2/mlops/azureml/deploy/batch/batch-deployment.yml', 'batchDeployment', 'compute-cluster', 'production', "deployed by classical/aml-cli-v2/mlops/devops-pipelines/deploy-batch-endpoint-pipeline.yml stage CreateBatchEndpoint job DeployBatchEndpoint (variable file config-infra-prod.yml if eq(variables['Build.SourceBranchName'], 'main'))"],
      ['classical/aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 'managedOnlineDeployment', 'managed-online', 'production', 'deployed by .github/workflows/deploy-online-endpoint-pipeline-classical.yml job create-deployment (variable file config-infra-prod.yml)'],
      ['classical/rai-aml-cli-v2/mlops/azureml/deploy/batch/batch-deployment.yml', 'batchDeployment', 'compute-cluster', 'production', "deployed by classical/rai-aml-cli-v2/mlops/devops-pipelines/deploy-batch-endpoint-pipeline.yml stage CreateBatchEndpoint job DeployBatchEndpoint (variable file config-infra-prod.yml if eq(variables['Build.SourceBranchName'], 'main'))"],
      ['classical/rai-aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 'managedOnlineDeployment', 'managed-online', 'production', "deployed by classical/rai-aml-cli-v2/mlops/devops-pipelines/deploy-online-endpoint-pipeline.yml stage CreateOnlineEndpoint job DeployOnlineEndpoint (variable file config-infra-prod.yml if eq(variables['Build.SourceBranchName'], 'main'))"],
      ['cv/aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 'managedOnlineDeployment', 'managed-online', 'production', "deployed by cv/aml-cli-v2/mlops/devops-pipelines/deploy-online-endpoint-pipeline.yml stage CreateOnlineEndpoint job DeployOnlineEndpoint (variable file config-infra-prod.yml if eq(variables['Build.SourceBranchName'], 'main'))"],
      ['nlp/aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 'managedOnlineDeployment', 'managed-online', 'production', "deployed by nlp/aml-cli-v2/mlops/devops-pipelines/deploy-online-endpoint-pipeline.yml stage CreateOnlineEndpoint job DeployOnlineEndpoint (variable file config-infra-prod.yml if eq(variables['Build.SourceBranchName'], 'main'))"],
    ],
    findings: [
      ['warning', 'managed-instance-count-ha', 'classical/aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 6],
      ['warning', 'managed-instance-count-ha', 'classical/rai-aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 6],
      ['warning', 'managed-instance-count-ha', 'cv/aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 6],
      ['warning', 'managed-instance-count-ha', 'nlp/aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 9],
      ['notice', 'unresolved-reference', 'classical/aml-cli-v2/mlops/azureml/deploy/batch/batch-deployment.yml', 4],
      ['notice', 'unresolved-reference', 'classical/aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 4],
      ['notice', 'unresolved-reference', 'classical/rai-aml-cli-v2/mlops/azureml/deploy/batch/batch-deployment.yml', 4],
      ['notice', 'unresolved-reference', 'classical/rai-aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 4],
      ['notice', 'unresolved-reference', 'cv/aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 4],
      ['notice', 'unresolved-reference', 'nlp/aml-cli-v2/mlops/azureml/deploy/online/online-deployment.yml', 12],
    ],
  },
  'Azure+mlops-starter-sklearn': {
    rows: [
      ['cli/endpoints/batch_deployment.yml', 'batchDeployment', 'compute-cluster', 'unknown', 'no stage tag, config glob, deploying pipeline or path word'],
      ['cli/endpoints/batch_deployment_mlflow.yml', 'batchDeployment', 'compute-cluster', 'unknown', 'no stage tag, config glob, deploying pipeline or path word'],
      ['cli/endpoints/online_deployment.yml', 'managedOnlineDeployment', 'managed-online', 'unknown', 'no stage tag, config glob, deploying pipeline or path word'],
      ['cli/endpoints/online_deployment_mlflow.yml', 'managedOnlineDeployment', 'managed-online', 'unknown', 'no stage tag, config glob, deploying pipeline or path word'],
    ],
    findings: [
    ],
  },
  'Azure+mlops-templates': {
    rows: [
    ],
    findings: [
    ],
  },
  'Azure+mlops-v2-gha-demo': {
    rows: [
      ['mlops/azureml/deploy/batch/batch-deployment.yml', 'batchDeployment', 'compute-cluster', 'production', 'deployed by .github/workflows/deploy-batch-endpoint-pipeline-classical.yml job create-deployment (variable file config-infra-prod.yml)'],
      ['mlops/azureml/deploy/online/online-deployment.yml', 'managedOnlineDeployment', 'managed-online', 'production', 'deployed by .github/workflows/deploy-online-endpoint-pipeline-classical.yml job create-deployment (variable file config-infra-prod.yml)'],
    ],
    findings: [
      ['warning', 'managed-instance-count-ha', 'mlops/azureml/deploy/online/online-deployment.yml', 6],
      ['notice', 'unresolved-reference', 'mlops/azureml/deploy/batch/batch-deployment.yml', 4],
      ['notice', 'unresolved-reference', 'mlops/azureml/deploy/batch/batch-deployment.yml', 5],
      ['notice', 'unresolved-reference', 'mlops/azureml/deploy/online/online-deployment.yml', 4],
    ],
  },
  'Azure+mlops-v2': {
    rows: [
    ],
    findings: [
    ],
  },
  'Azure-Samples+MLOpsManufacturing': {
    rows: [
      ['samples/image-classification-tensorflow/ml_model/score/deployment_config_aci.yml', 'v1DeploymentConfig', 'aci', 'unknown', 'deployed by samples/image-classification-tensorflow/devops_pipelines/04-deploy-model-aci.yml stage Deploy_ACI job Deploy_ACI (no environment, variable file or stage word in its names); no stage tag, config glob or path word either'],
    ],
    findings: [
      ['warning', 'v1-deprecated', 'samples/image-classification-tensorflow/ml_model/score/deployment_config_aci.yml', 1],
    ],
  },
  'Azure-Samples+mlops-enterprise-template': {
    rows: [
      ['.cloud/.azure/deploy_aci.json', 'amlDeployAction', 'aci', 'nonproduction', 'deployed by .github/workflows/deploy_model.yml job deploy (step name "Dev Deploy")'],
      ['.cloud/.azure/deploy_aks.json', 'amlDeployAction', 'aks', 'production', 'deployed by .github/workflows/deploy_model.yml job deploy (step name "Prod Deploy")'],
    ],
    findings: [
      ['warning', 'v1-deprecated', '.cloud/.azure/compute.json', 2],
      ['warning', 'v1-deprecated', '.cloud/.azure/deploy_aci.json', 2],
      ['warning', 'v1-deprecated', '.cloud/.azure/deploy_aks.json', 2],
      ['warning', 'v1-deprecated', '.cloud/.azure/registermodel.json', 2],
    ],
  },
  'SaschaDittmann+MLOps-AzureCLI': {
    rows: [
      ['deployment/aciDeploymentConfig.yml', 'v1DeploymentConfig', 'aci', 'nonproduction', 'deployed by .github/workflows/mlops.yml job stagingdeployment (job name "Deploy to Staging (ACI)")'],
      ['deployment/aksDeploymentConfig.yml', 'v1DeploymentConfig', 'aks', 'production', 'deployed by .github/workflows/mlops.yml job productiondeployment (job name "Deploy to Production (AKS)")'],
    ],
    findings: [
      ['warning', 'v1-deprecated', 'deployment/aciDeploymentConfig.yml', 5],
      ['warning', 'v1-deprecated', 'deployment/aksDeploymentConfig.yml', 1],
      ['warning', 'unknown-key', 'deployment/aksDeploymentConfig.yml', 16],
    ],
  },
  'microsoft+MLOps': {
    rows: [
      ['examples/KubeflowPipeline/code/deploy/aksdeploymentconfig.json', 'v1DeploymentConfig', 'aks', 'nonproduction', 'word "examples" in the path or name'],
      ['examples/KubeflowPipeline/code/deploy/deploymentconfig.json', 'v1DeploymentConfig', 'aci', 'nonproduction', 'word "examples" in the path or name'],
      ['examples/MLOps_GitHubActions/Code/deployconfig.json', 'v1DeploymentConfig', 'aks', 'nonproduction', 'word "examples" in the path or name; deployed by examples/MLOps_GitHubActions/Code/.github/workflows/deploy.yml job deploy-model (no environment, variable file or stage word in its names)'],
      ['examples/MLOps_GitHubActions/Code/deployconfiglocal.json', 'v1DeploymentConfig', 'local', 'nonproduction', 'word "examples" in the path or name'],
      ['examples/cli-train-deploy/aciDeploymentConfig.yml', 'v1DeploymentConfig', 'aci', 'nonproduction', 'word "examples" in the path or name'],
      ['examples/explainability/deploymentConfig.json', 'v1DeploymentConfig', 'aci', 'nonproduction', 'word "examples" in the path or name'],
      ['examples/imagenet-transfer-learning/deploymentConfig.json', 'v1DeploymentConfig', 'aci', 'nonproduction', 'word "examples" in the path or name'],
      ['examples/pytorch-imagenet-onnx/deployment/deployment_config_aci.yml', 'v1DeploymentConfig', 'aci', 'nonproduction', 'word "examples" in the path or name'],
      ['examples/pytorch-imagenet-onnx/deployment/deployment_config_aks.yml', 'v1DeploymentConfig', 'aks', 'nonproduction', 'word "examples" in the path or name'],
      ['model-deployment/aciDeploymentConfig.yml', 'v1DeploymentConfig', 'aci', 'unknown', 'no stage tag, config glob, deploying pipeline or path word'],
      ['model-deployment/aksDeploymentConfig.yml', 'v1DeploymentConfig', 'aks', 'unknown', 'no stage tag, config glob, deploying pipeline or path word'],
    ],
    findings: [
      ['warning', 'v1-deprecated', 'examples/KubeflowPipeline/code/deploy/aksdeploymentconfig.json', 2],
      ['warning', 'unknown-key', 'examples/KubeflowPipeline/code/deploy/aksdeploymentconfig.json', 3],
      ['warning', 'v1-deprecated', 'examples/KubeflowPipeline/code/deploy/deploymentconfig.json', 6],
      ['warning', 'unknown-key', 'examples/KubeflowPipeline/code/deploy/deploymentconfig.json', 7],
      ['warning', 'v1-deprecated', 'examples/MLOps_GitHubActions/Code/deployconfig.json', 2],
      ['warning', 'v1-deprecated', 'examples/MLOps_GitHubActions/Code/deployconfiglocal.json', 2],
      ['warning', 'v1-deprecated', 'examples/cli-train-deploy/aciDeploymentConfig.yml', 5],
      ['warning', 'v1-deprecated', 'examples/explainability/deploymentConfig.json', 6],
      ['warning', 'v1-deprecated', 'examples/imagenet-transfer-learning/deploymentConfig.json', 6],
      ['warning', 'v1-deprecated', 'examples/pytorch-imagenet-onnx/deployment/deployment_config_aci.yml', 5],
      ['warning', 'v1-deprecated', 'examples/pytorch-imagenet-onnx/deployment/deployment_config_aks.yml', 1],
      ['warning', 'unknown-key', 'examples/pytorch-imagenet-onnx/deployment/deployment_config_aks.yml', 16],
      ['warning', 'v1-deprecated', 'model-deployment/aciDeploymentConfig.yml', 5],
      ['warning', 'v1-deprecated', 'model-deployment/aksDeploymentConfig.yml', 1],
      ['warning', 'unknown-key', 'model-deployment/aksDeploymentConfig.yml', 16],
    ],
  },
  'microsoft+MLOpsPython': {
    rows: [
      ['diabetes_regression/scoring/deployment_config_aci.yml', 'v1DeploymentConfig', 'aci', 'unknown', 'deployed by .pipelines/diabetes_regression-cd.yml stage Deploy_ACI job Deploy_ACI (no environment, variable file or stage word in its names); no stage tag, config glob or path word either'],
      ['diabetes_regression/scoring/deployment_config_aks.yml', 'v1DeploymentConfig', 'aks', 'unknown', 'deployed by .pipelines/diabetes_regression-cd.yml stage Deploy_AKS job Deploy_AKS (no environment, variable file or stage word in its names); no stage tag, config glob or path word either'],
    ],
    findings: [
      ['warning', 'v1-deprecated', 'diabetes_regression/scoring/deployment_config_aci.yml', 1],
      ['warning', 'v1-deprecated', 'diabetes_regression/scoring/deployment_config_aks.yml', 1],
      ['warning', 'unknown-key', 'diabetes_regression/scoring/deployment_config_aks.yml', 16],
    ],
  },
  'microsoft+dstoolkit-mlops-v2': {
    rows: [
    ],
    findings: [
    ],
  },
};

describe('real repositories, run as `model-deploy-gate --root <repo>`', () => {
  test.each(Object.keys(EXPECTED))('%s', (repo) => {
    const r = resultOf(evaluate({ root: path.join(REALWORLD, repo), failOn: 'error', scopeReason: 'test' }));
    expect(r.inventory.map((x) => [x.file, x.kind, x.target, x.stage, x.stageSource])).toEqual(EXPECTED[repo].rows);
    expect(r.findings.map((f) => [f.severity, f.ruleId, f.file, f.line])).toEqual(EXPECTED[repo].findings);
  });

  test('no real repository gets an error, and every production deployment is production by its pipeline', () => {
    const all = Object.values(EXPECTED);
    expect(all.flatMap((e) => e.findings).filter(([s]) => s === 'error')).toEqual([]);
    const production = all.flatMap((e) => e.rows).filter((row) => row[3] === 'production');
    expect(production.length).toBeGreaterThanOrEqual(10);
    for (const row of production) expect(row[4]).toMatch(/^deployed by /);
  });

  test('every production row records the pipeline step in deployedBy', () => {
    const r = resultOf(evaluate({ root: path.join(REALWORLD, 'SaschaDittmann+MLOps-AzureCLI'), failOn: 'error', scopeReason: 'test' }));
    const aks = r.inventory.find((x) => x.file === 'deployment/aksDeploymentConfig.yml')!;
    expect(aks.deployedBy.map((e) => [e.pipeline, e.command, e.stage])).toEqual(
      expect.arrayContaining([['.github/workflows/mlops.yml', 'v1-model-deploy', 'production']]),
    );
    expect(aks.deployedBy.every((e) => e.line > 0)).toBe(true);
  });
});
