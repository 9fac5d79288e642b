import { describe, expect, it } from '@jest/globals';
import { walk } from '../../src/load/files.js';
import { loadAll } from '../../src/load/read.js';
import { looksLikeManifest } from '../../src/formats/prefilter.js';
import { recognise, normalise } from '../../src/formats/recognise.js';
import type { DraftDeployment } from '../../src/formats/types.js';
import type { ComputeInfo, LoadedFile, Manifest, ModelInfo } from '../../src/core/types.js';
import { rule as schemaRule } from '../../src/policy/rules/schema.js';
import { rule as unknownKeyRule } from '../../src/policy/rules/unknown-key.js';
import { runRule, spanOf } from '../harness.js';
import { CORPUS, loadCorpus } from './helpers.js';

const AX = 'aml-actions/Azure+aml-';
const EX = 'azureml-examples/cli/';
const V1 = 'v1-configs/';

function byPath(files: LoadedFile[], p: string): LoadedFile {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`not loaded: ${p}`);
  return f;
}

function one<T>(xs: T[] | undefined, what: string): T {
  if (!xs || xs.length !== 1) throw new Error(`expected one ${what}, got ${xs?.length ?? 0}`);
  return xs[0];
}

function deploymentOf(files: LoadedFile[], p: string): DraftDeployment {
  return one(normalise(recognise(byPath(files, p))).deployments, `deployment in ${p}`);
}

function computeOf(files: LoadedFile[], p: string): ComputeInfo {
  return one(normalise(recognise(byPath(files, p))).computes, `compute in ${p}`);
}

function modelOf(files: LoadedFile[], p: string): ModelInfo {
  return one(normalise(recognise(byPath(files, p))).models, `model in ${p}`);
}

describe('corpus: loading', () => {
  it('walks all 120 files and loads, recognises and normalises every one without an exception', async () => {
    const cands = await walk({ root: CORPUS, include: ['**/*'], exclude: [] });
    expect(cands).toHaveLength(120);
    const files = loadAll(cands, { prefilter: looksLikeManifest });
    // READMEs and the workspace.json files of the actions fail the pre-filter: they are not manifests.
    const skipped = cands.map((c) => c.path).filter((p) => !files.some((f) => f.path === p));
    expect(skipped.sort()).toEqual(
      [
        'aml-actions/Azure+aml-compute/.cloud/.azure/test/test_workspace.json',
        'aml-actions/Azure+aml-deploy/.cloud/.azure/test/test_workspace.json',
        'aml-actions/Azure+aml-registermodel/.cloud/.azure/test/test_workspace.json',
        'aml-actions/README.md',
        'aml-actions/machine-learning-apps+ml-template-azure/.cloud/.azure/workspace.json',
        'azureml-examples/README.md',
        'v1-configs/README.md',
      ].sort(),
    );
    for (const f of files) {
      const ms = recognise(f);
      expect(() => normalise(ms)).not.toThrow();
    }
  });

  it('reports exactly one problem, at the template token, in each of the 6 template files and none elsewhere', async () => {
    const files = await loadCorpus();
    const withProblems = files.filter((f) => f.problems.length > 0);
    const got = withProblems.map((f) => [f.path, f.problems.length, f.problems[0].line, f.problems[0].template === true]);
    expect(got.sort()).toEqual(
      [
        [`${EX}endpoints/online/custom-container/minimal/multimodel/minimal-multimodel-deployment.yml`, 1, 3, true],
        [`${EX}endpoints/online/custom-container/tfserving/half-plus-two/tfserving-deployment.yml`, 1, 6, true],
        [`${EX}endpoints/online/custom-container/torchserve/densenet/torchserve-deployment.yml`, 1, 9, true],
        [`${EX}endpoints/online/custom-container/triton/single-model/triton-cc-deployment.yml`, 1, 3, true],
        [`${EX}endpoints/online/managed/minimal/single-model-registered/deployment.yml`, 1, 3, true],
        [`${EX}endpoints/online/managed/minimal/single-model-registered/model.yml`, 1, 3, true],
      ].sort(),
    );
  });
});

describe('corpus: recognition', () => {
  const KINDS: Array<[string, Manifest['kind'] | undefined]> = [
    [`${V1}Azure__azureml-examples__v1__python-sdk__experimental__deploy-triton__deploymentconfig.json`, 'v1DeploymentConfig'],
    [`${V1}Azure__azureml-examples__v1__python-sdk__experimental__deploy-triton__src__deploymentconfig.json`, 'v1DeploymentConfig'],
    [`${V1}Azure__azureml-examples__v1__python-sdk__tutorials__deploy-local__deploymentconfig.json`, 'v1DeploymentConfig'],
    [`${V1}microsoft__MLOpsPython__diabetes_regression__scoring__deployment_config_aks.yml`, 'v1DeploymentConfig'],
    [`${V1}microsoft__MLOps__examples__cli-train-deploy__aciDeploymentConfig.yml`, 'v1DeploymentConfig'],
    [`${AX}deploy/.cloud/.azure/deploy.json`, 'amlDeployAction'],
    [`${AX}deploy/.cloud/.azure/docker.json`, 'amlDeployAction'],
    [`${AX}deploy/.cloud/.azure/test/test_aci_deploy.json`, 'amlDeployAction'],
    [`${AX}compute/.cloud/.azure/aks_compute.json`, 'amlComputeAction'],
    [`${AX}compute/.cloud/.azure/test/test_aml_compute.json`, 'amlComputeAction'],
    ['aml-actions/machine-learning-apps+ml-template-azure/.cloud/.azure/compute.json', 'amlComputeAction'],
    [`${AX}registermodel/.cloud/.azure/registermodel.json`, 'amlRegisterModelAction'],
    ['aml-actions/machine-learning-apps+ml-template-azure/.cloud/.azure/registermodel.json', 'amlRegisterModelAction'],
    [`${EX}endpoints/online/managed/sample/blue-deployment.yml`, 'managedOnlineDeployment'],
    [`${EX}endpoints/online/managed/sample/endpoint.yml`, 'managedOnlineEndpoint'],
    [`${EX}endpoints/online/custom-container/tfserving/half-plus-two/tfserving-endpoint.yml`, 'managedOnlineEndpoint'],
    [`${EX}endpoints/online/kubernetes/kubernetes-blue-deployment.yml`, 'kubernetesOnlineDeployment'],
    [`${EX}endpoints/online/kubernetes/kubernetes-endpoint.yml`, 'kubernetesOnlineEndpoint'],
    ['azureml-examples/_history/53f91eacd/cli/endpoints/online/kubernetes/kubernetes-blue-deployment.yml', 'kubernetesOnlineDeployment'],
    ['azureml-examples/_history/a4837f6cb/cli/endpoints/online/managed/sample/blue-deployment.yml', 'managedOnlineDeployment'],
    [`${EX}endpoints/batch/deploy-models/imagenet-classifier/endpoint.yml`, 'batchEndpoint'],
    [`${EX}endpoints/batch/deploy-models/imagenet-classifier/deployment-by-batch.yml`, 'modelBatchDeployment'],
    [`${EX}foundation-models/system/inference/text-generation/batch-deploy.yml`, 'batchDeployment'],
    [`${EX}endpoints/batch/deploy-pipelines/hello-batch/deployment.yml`, 'pipelineComponentBatchDeployment'],
    [`${EX}resources/compute/cluster-low-priority.yml`, 'amlCompute'],
    [`${EX}resources/compute/instance-basic.yml`, 'computeInstance'],
    [`${EX}resources/compute/vm-attach.yml`, 'vmCompute'],
    [`${EX}assets/model/local-mlflow.yml`, 'model'],
    [`${EX}generative-ai/promptflow/deploy-flow/model.yaml`, 'model'],
    [`${EX}assets/model/mlflow-model/MLmodel`, 'mlflowModel'],
    [`${EX}endpoints/online/ncd/sklearn-diabetes/model/MLmodel`, 'mlflowModel'],
    // ModelVersionPackage is an Azure ML asset but not a deployment manifest.
    [`${EX}endpoints/online/deploy-with-packages/custom-model/package-moe.yml`, undefined],
  ];

  it.each(KINDS)('%s → %s', async (p, kind) => {
    const files = await loadCorpus();
    const ms = recognise(byPath(files, p));
    if (kind === undefined) expect(ms).toHaveLength(0);
    else {
      expect(ms.map((m) => m.kind)).toEqual([kind]);
      expect(ms[0].family.v1).toBe(['v1DeploymentConfig', 'amlDeployAction', 'amlComputeAction', 'amlRegisterModelAction'].includes(kind));
    }
  });

  it('recognises every loadable corpus manifest (only the non-manifest package file is left out)', async () => {
    const files = await loadCorpus();
    const unrecognised = files.filter((f) => f.docs.length > 0 && recognise(f).length === 0).map((f) => f.path);
    expect(unrecognised).toEqual([`${EX}endpoints/online/deploy-with-packages/custom-model/package-moe.yml`]);
  });
});

describe('corpus: normalised facts', () => {
  it('v1 configs: target from computeType in any case, sizes, GPU, autoscale', async () => {
    const files = await loadCorpus();
    const triton = deploymentOf(files, `${V1}Azure__azureml-examples__v1__python-sdk__experimental__deploy-triton__src__deploymentconfig.json`);
    expect(triton).toMatchObject({ target: 'aks', mode: 'realtime', targetKey: { ptr: '/computeType' } });
    expect(triton.gpu).toMatchObject({ value: 1, ptr: '/gpuCores' });
    expect(triton.memoryGb).toMatchObject({ value: 4, ptr: '/containerResourceRequirements/memoryInGB' });

    const aks = deploymentOf(files, `${V1}microsoft__MLOpsPython__diabetes_regression__scoring__deployment_config_aks.yml`);
    expect(aks.target).toBe('aks');
    expect(aks.autoscaleEnabled?.value).toBe(true); // YAML 1.1 `True`
    expect([aks.minReplicas?.value, aks.maxReplicas?.value]).toEqual([1, 3]);
    expect(aks.cpu?.value).toBe(0.5);

    const aci = deploymentOf(files, `${V1}microsoft__MLOps__examples__KubeflowPipeline__code__deploy__deploymentconfig.json`);
    expect(aci).toMatchObject({ target: 'aci', targetReason: 'computeType: ACI' });
    expect([aci.cpu?.value, aci.memoryGb?.value]).toEqual([2, 4]);

    const local = deploymentOf(files, `${V1}microsoft__MLOps__examples__MLOps_GitHubActions__Code__deployconfiglocal.json`);
    expect(local.target).toBe('local');
    // No invented defaults: the file sets no memory or cpu.
    expect(local.memoryGb).toBeUndefined();
    expect(local.cpu).toBeUndefined();
  });

  it('aml-deploy: ACI without a compute target, AKS with one; first key as target key; skip_deployment', async () => {
    const files = await loadCorpus();
    const aci = deploymentOf(files, `${AX}deploy/.cloud/.azure/test/test_aci_deploy.json`);
    expect(aci).toMatchObject({ target: 'aci', name: 'TESTSERVICENAME', targetKey: { ptr: '/name' } });
    expect(aci.computeRef).toBeUndefined();
    const aks = deploymentOf(files, `${AX}deploy/.cloud/.azure/test/test_aks_deploy.json`);
    expect(aks).toMatchObject({ target: 'aks', computeRef: { name: 'aks-intTest', external: false, at: { ptr: '/deployment_compute_target' } } });
    const docker = deploymentOf(files, `${AX}deploy/.cloud/.azure/docker.json`);
    expect(docker).toMatchObject({ target: 'aci', skipDeployment: true, targetKey: { ptr: '/inference_source_directory' } });
    const sample = deploymentOf(files, `${AX}deploy/.cloud/.azure/aks_deploy.json`);
    expect(sample.gpu).toMatchObject({ value: 0, ptr: '/gpu_cores' });
    expect(sample.autoscaleEnabled?.value).toBe(true);
    expect(sample.maxReplicas).toMatchObject({ value: 10, ptr: '/autoscale_max_replicas' });
    expect(sample.replicas).toBeUndefined(); // "num_replicas": null
  });

  it('aml-compute and aml-registermodel: defaults and declared model memory', async () => {
    const files = await loadCorpus();
    expect(computeOf(files, `${AX}compute/.cloud/.azure/test/test_aks_compute.json`)).toMatchObject({
      name: 'aks-intTest', type: 'aks', vmSize: 'Standard_D3_v2', nodes: 3, purpose: 'FastProd',
    });
    expect(computeOf(files, `${AX}compute/.cloud/.azure/test/test_aml_compute.json`)).toMatchObject({
      name: 'aml-intTest', type: 'amlcompute', vmSize: 'Standard_DS3_v2', tier: 'lowpriority', minNodes: 0, maxNodes: 2,
    });
    expect(computeOf(files, 'aml-actions/machine-learning-apps+ml-template-azure/.cloud/.azure/compute.json')).toMatchObject({
      name: 'githubcluster', type: 'amlcompute', vmSize: 'Standard_DS3_v2', tier: 'dedicated',
    });
    const reg = modelOf(files, `${AX}registermodel/.cloud/.azure/registermodel.json`);
    expect(reg).toMatchObject({ memoryGb: 1, source: 'repo' });
    expect(reg.memorySource).toContain('memory_gb');
    // The test files use `cpu`/`memory`, which the action ignores: no memory fact.
    expect(modelOf(files, `${AX}registermodel/.cloud/.azure/test/test_registermodel.json`)).toMatchObject({ name: 'mymodel' });
    expect(modelOf(files, `${AX}registermodel/.cloud/.azure/test/test_registermodel.json`).memoryGb).toBeUndefined();
  });

  it('managed online deployments: SKU, count, timeout, model and environment references', async () => {
    const files = await loadCorpus();
    const blue = deploymentOf(files, `${EX}endpoints/online/managed/sample/blue-deployment.yml`);
    expect(blue).toMatchObject({ target: 'managed-online', mode: 'realtime', name: 'blue', endpointName: 'my-endpoint', targetKey: { ptr: '/$schema' } });
    expect(blue.instanceType).toMatchObject({ value: 'Standard_DS3_v2', ptr: '/instance_type' });
    expect(blue.instanceCount).toMatchObject({ value: 1, ptr: '/instance_count' });
    expect(blue.modelRef).toMatchObject({ path: `${EX}endpoints/online/model-1/model`, external: false, at: { ptr: '/model' } });
    expect(blue.environmentImage?.value).toBe('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest');

    const registered = deploymentOf(files, `${EX}endpoints/online/managed/sample/blue-deployment-with-registered-assets.yml`);
    expect(registered.modelRef).toMatchObject({ name: 'my-model', version: '1', external: false });
    expect(registered.environmentImage).toMatchObject({ value: 'azureml:my-env:1', ptr: '/environment' });

    const triton = deploymentOf(files, `${EX}endpoints/online/triton/single-model/create-managed-deployment.yaml`);
    expect(triton.instanceType?.value).toBe('STANDARD_NC4AS_T4_V3');
    expect(triton.modelRef).toMatchObject({ name: 'sample-densenet-onnx-model', version: '1', path: `${EX}endpoints/online/triton/single-model/models` });

    const llama = deploymentOf(files, `${EX}foundation-models/meta-llama-3/inference/meta-llama-3-70b/deploy.yml`);
    expect(llama.requestTimeoutMs).toMatchObject({ value: 180000, ptr: '/request_settings/request_timeout_ms' });
    expect(llama.modelRef).toBeUndefined();
    expect(llama.endpointName).toBeUndefined();

    const registry = deploymentOf(files, `${EX}jobs/pipelines-with-components/nyc_taxi_data_regression/deploy.yml`);
    expect(registry.modelRef).toMatchObject({ name: 'nyc-taxi-model', external: true });
    expect(registry.modelRef?.version).toBeUndefined(); // `<VERSION>` placeholder

    const label = deploymentOf(files, `${EX}monitoring/azureml-e2e-model-monitoring/endpoints/deployment.yaml`);
    expect(label.modelRef).toMatchObject({ name: 'credit-default-model', label: 'latest' });

    const legacy = deploymentOf(files, 'azureml-examples/_history/a4837f6cb/cli/endpoints/online/managed/sample/blue-deployment.yml');
    expect(legacy.modelRef?.path).toBe('azureml-examples/_history/a4837f6cb/cli/endpoints/online/model-1/model/sklearn_regression_model.pkl');
    expect(legacy.instanceType?.value).toBe('Standard_F2s_v2');
  });

  it('Kubernetes online deployments and endpoint: requests/limits in bytes and cores, scale settings, compute', async () => {
    const files = await loadCorpus();
    const blue = deploymentOf(files, `${EX}endpoints/online/kubernetes/kubernetes-blue-deployment.yml`);
    expect(blue).toMatchObject({ target: 'aks', mode: 'realtime', endpointName: 'my-endpoint' });
    expect(blue.requests?.cpu).toMatchObject({ value: 0.1, ptr: '/resources/requests/cpu' });
    expect(blue.requests?.memory?.value).toBeCloseTo(0.1 * 2 ** 30);
    expect(blue.limits?.memory).toMatchObject({ value: 200 * 2 ** 20, ptr: '/resources/limits/memory' });
    expect(blue.instanceCount?.value).toBe(1);
    expect(blue.autoscaleEnabled).toBeUndefined(); // scale_settings.type: default

    const green = deploymentOf(files, `${EX}endpoints/online/kubernetes/kubernetes-green-deployment.yml`);
    expect(green.instanceType?.value).toBe('defaultinstancetype');
    expect(green.autoscaleEnabled).toMatchObject({ value: true, ptr: '/scale_settings/type' });
    expect([green.minReplicas?.value, green.maxReplicas?.value]).toEqual([1, 3]);
    expect(green.limits).toBeUndefined();

    const ep = one(normalise(recognise(byPath(files, `${EX}endpoints/online/kubernetes/kubernetes-endpoint.yml`))).endpoints, 'endpoint');
    expect(ep).toMatchObject({ kind: 'kubernetes', name: 'my-endpoint', computeRef: { name: 'inferencecompute', at: { ptr: '/compute' } } });

    const old = deploymentOf(files, 'azureml-examples/_history/53f91eacd/cli/endpoints/online/kubernetes/kubernetes-blue-deployment.yml');
    expect(old).toMatchObject({ target: 'aks', targetKey: { ptr: '/type' } });
  });

  it('batch deployments: compute (prefixed or bare), count, GPU hints; pipeline default_compute', async () => {
    const files = await loadCorpus();
    const gpu = deploymentOf(files, `${EX}endpoints/batch/deploy-models/imagenet-classifier/deployment-by-batch.yml`);
    expect(gpu).toMatchObject({ mode: 'batch', target: 'compute-cluster', computeRef: { name: 'gpu-cluster', at: { ptr: '/compute' } } });
    expect(gpu.tags.device_acceleration).toBe('CUDA');
    expect(gpu.instanceCount?.value).toBe(2);
    expect(gpu.modelRef).toMatchObject({ name: 'imagenet-classifier', label: 'latest' });
    expect(gpu.environmentImage?.value).toContain('cuda');

    const legacy = deploymentOf(files, `${EX}foundation-models/system/inference/text-generation/batch-deploy.yml`);
    expect(legacy.computeRef).toMatchObject({ raw: 'cpu-cluster', name: 'cpu-cluster' });
    expect(legacy.instanceCount?.value).toBe(1);

    const inline = deploymentOf(files, `${EX}endpoints/batch/deploy-models/mnist-classifier/deployment-torch/deployment.yml`);
    expect(inline.modelRef).toMatchObject({ name: 'mnist-classifier-torch', path: `${EX}endpoints/batch/deploy-models/mnist-classifier/deployment-torch/model` });

    const pipe = deploymentOf(files, `${EX}endpoints/batch/deploy-pipelines/batch-scoring-with-preprocessing/deployment.yml`);
    expect(pipe).toMatchObject({ mode: 'batch', computeRef: { name: 'batch-cluster', at: { ptr: '/settings/default_compute' } } });
    expect(pipe.modelRef).toBeUndefined();
  });

  it('computes and models: v2 defaults, tiers, local paths', async () => {
    const files = await loadCorpus();
    expect(computeOf(files, `${EX}resources/compute/cluster-low-priority.yml`)).toMatchObject({
      name: 'low-pri-example', type: 'amlcompute', vmSize: 'STANDARD_DS3_v2', tier: 'lowpriority', minNodes: 0, maxNodes: 2,
    });
    expect(computeOf(files, `${EX}resources/compute/cluster-minimal.yml`)).toMatchObject({ vmSize: 'Standard_DS3_v2', tier: 'dedicated', maxNodes: 1 });
    expect(computeOf(files, `${EX}resources/compute/instance-basic.yml`)).toMatchObject({ type: 'computeinstance', vmSize: 'STANDARD_DS3_v2' });
    expect(computeOf(files, `${EX}resources/compute/vm-attach.yml`)).toMatchObject({ type: 'virtualmachine', name: 'vm-example' });
    expect(modelOf(files, `${EX}assets/model/local-mlflow.yml`)).toMatchObject({
      name: 'local-mlflow-example', type: 'mlflow_model', localPath: `${EX}assets/model/mlflow-model`,
    });
    expect(modelOf(files, `${EX}endpoints/online/managed/inference-schema/model.yml`)).toMatchObject({ name: 'azureml-infschema', version: '1' });
    expect(modelOf(files, `${EX}generative-ai/promptflow/deploy-flow/model.yaml`).localPath).toBe(`${EX}generative-ai/promptflow/basic-chat`);
    expect(modelOf(files, `${EX}assets/model/mlflow-model/MLmodel`)).toMatchObject({ type: 'mlflow_model', localPath: `${EX}assets/model/mlflow-model` });
  });
});

describe('corpus: schema and unknown-key rules', () => {
  it('schema finds nothing wrong in the corpus', async () => {
    const files = await loadCorpus();
    expect(runRule(schemaRule, files.flatMap((f) => recognise(f)))).toEqual([]);
  });

  it('unknown-key finds exactly the known misspelled, misplaced and ignored keys, at their lines', async () => {
    const files = await loadCorpus();
    const got = runRule(unknownKeyRule, files.flatMap((f) => recognise(f))).map((r) => `${r.file}:${r.line}:${r.column} ${r.ptr}`);
    expect(got.sort()).toEqual(
      [
        `${AX}registermodel/.cloud/.azure/test/test_registermodel.json:6:5 /cpu`,
        `${AX}registermodel/.cloud/.azure/test/test_registermodel.json:7:5 /memory`,
        `${AX}registermodel/.cloud/.azure/test/test_registermodel_fromlocal.json:6:5 /cpu`,
        `${AX}registermodel/.cloud/.azure/test/test_registermodel_fromlocal.json:7:5 /memory`,
        `${V1}microsoft__MLOpsPython__diabetes_regression__scoring__deployment_config_aks.yml:16:1 /sslEnabled`,
        `${V1}microsoft__MLOps__examples__KubeflowPipeline__code__deploy__aksdeploymentconfig.json:3:5 /ComputeTarget`,
        `${V1}microsoft__MLOps__examples__KubeflowPipeline__code__deploy__deploymentconfig.json:7:5 /enableAppInsights`,
        `${V1}microsoft__MLOps__examples__pytorch-imagenet-onnx__deployment__deployment_config_aks.yml:16:1 /sslEnabled`,
        `${V1}microsoft__MLOps__model-deployment__aksDeploymentConfig.yml:16:1 /sslEnabled`,
      ].sort(),
    );
  });

  it('unknown-key messages name the nearest known key and what Azure does', async () => {
    const files = await loadCorpus();
    const found = runRule(unknownKeyRule, files.flatMap((f) => recognise(f)));
    const msg = (ptr: string, file: string) => found.find((r) => r.ptr === ptr && r.file.includes(file))?.message ?? '';
    expect(msg('/ComputeTarget', 'aksdeploymentconfig')).toMatch(/`computeTargetName`/);
    expect(msg('/ComputeTarget', 'aksdeploymentconfig')).toMatch(/ignored by the v1 CLI\/SDK/);
    expect(msg('/enableAppInsights', 'KubeflowPipeline')).toMatch(/`appInsightsEnabled`/);
    expect(msg('/sslEnabled', 'MLOpsPython')).toMatch(/only for computeType ACI/);
    expect(msg('/cpu', 'test_registermodel.json')).toMatch(/`cpu_cores`/);
    expect(msg('/memory', 'test_registermodel.json')).toMatch(/`memory_gb`/);
  });

  it('facts point at their key line in JSONC with comments (aml-deploy deploy.json)', async () => {
    const files = await loadCorpus();
    const d = deploymentOf(files, `${AX}deploy/.cloud/.azure/deploy.json`);
    // Lines after `//` comments and blank lines: gpu_cores is on line 38, autoscale_max_replicas on 41.
    expect(spanOf({ manifest: d.manifest, ptr: d.gpu!.ptr }).line).toBe(38);
    expect(spanOf({ manifest: d.manifest, ptr: d.maxReplicas!.ptr }).line).toBe(41);
    expect(spanOf({ manifest: d.manifest, ptr: d.computeRef?.at.ptr ?? '/deployment_compute_target' })).toMatchObject({ line: 3, column: 5 });
  });
});
