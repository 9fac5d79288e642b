import * as path from 'node:path';
import type { LoadedFile, Manifest, ManifestKind, ParsedDoc } from '../types.js';
import type { Normalised } from './index.js';
import { AML_DEPLOY, fieldOf } from './fields.js';
import { isMapping } from './util.js';
import { normaliseV1Config } from './v1-config.js';
import { normaliseAmlCompute, normaliseAmlDeploy, normaliseAmlRegisterModel } from './aml-actions.js';
import { normaliseV2Online } from './v2-online.js';
import { normaliseV2Batch } from './v2-batch.js';
import { normaliseV2Compute } from './v2-compute.js';
import { normaliseV2Model } from './v2-model.js';
import { normaliseMlModel } from './mlmodel.js';

/** `$schema` basenames (lower case, extension stripped) → kind. */
const SCHEMA_KINDS: Record<string, ManifestKind> = {
  managedonlinedeployment: 'managedOnlineDeployment',
  kubernetesonlinedeployment: 'kubernetesOnlineDeployment',
  managedonlineendpoint: 'managedOnlineEndpoint',
  kubernetesonlineendpoint: 'kubernetesOnlineEndpoint',
  batchendpoint: 'batchEndpoint',
  batchdeployment: 'batchDeployment',
  modelbatchdeployment: 'modelBatchDeployment',
  pipelinecomponentbatchdeployment: 'pipelineComponentBatchDeployment',
  amlcompute: 'amlCompute',
  kubernetescompute: 'kubernetesCompute',
  computeinstance: 'computeInstance',
  vmcompute: 'vmCompute',
  model: 'model',
};

const V1_FAMILIES = new Set<ManifestKind>(['v1DeploymentConfig', 'amlDeployAction', 'amlComputeAction', 'amlRegisterModelAction']);

const AML_DEPLOY_KEYS = [
  'deployment_compute_target',
  'inference_entry_script',
  'inference_source_directory',
  'enable_gpu',
  'autoscale_enabled',
];
/** Sizing keys that, with nothing but aml-deploy fields beside them, make a file an aml-deploy file. */
const AML_DEPLOY_SIZING_KEYS = ['cpu_cores', 'memory_gb', 'gpu_cores', 'num_replicas'];
const AML_COMPUTE_KEYS = ['compute_type', 'vm_priority', 'cluster_purpose', 'agent_count', 'min_nodes'];
const AML_REGISTER_KEYS = ['model_file_name', 'model_name', 'model_framework'];

/** `https://host/latest/managedOnlineDeployment.schema.json` → `managedonlinedeployment`. */
export function schemaBasename(url: string): string {
  const noQuery = url.trim().replace(/[?#].*$/, '');
  const base = noQuery.slice(noQuery.lastIndexOf('/') + 1).toLowerCase();
  return base.replace(/(\.schema)?(\.template)?\.(json|ya?ml)$/, '').replace(/\.schema$/, '');
}

function lower(v: unknown): string | undefined {
  return typeof v === 'string' ? v.trim().toLowerCase() : undefined;
}

function has(data: Record<string, unknown>, keys: string[]): boolean {
  return keys.some((k) => k in data);
}

/** Kind of one document, or undefined when it is not a manifest (SPEC §2, detection by content). */
export function detectKind(filePath: string, data: Record<string, unknown>): ManifestKind | undefined {
  if (path.posix.basename(filePath) === 'MLmodel' && 'flavors' in data) return 'mlflowModel';
  const type = lower(data.type);
  const schema = data.$schema;
  if (typeof schema === 'string' && schema.trim() !== '') {
    const base = schemaBasename(schema);
    if (Object.hasOwn(SCHEMA_KINDS, base)) return SCHEMA_KINDS[base];
    // 2021 preview / SDK-internal ids that do not say managed or Kubernetes.
    if (base === 'onlinedeployment') return type === 'kubernetes' ? 'kubernetesOnlineDeployment' : 'managedOnlineDeployment';
    if (base === 'onlineendpoint') return 'compute' in data ? 'kubernetesOnlineEndpoint' : 'managedOnlineEndpoint';
    // Another Azure ML asset (environment, job, component, ModelVersionPackage…) or a foreign schema:
    // only a v1 config keeps its meaning with a $schema line.
    return 'computeType' in data ? 'v1DeploymentConfig' : undefined;
  }
  if ('computeType' in data) return 'v1DeploymentConfig';
  if (has(data, AML_DEPLOY_KEYS)) return 'amlDeployAction';
  if (has(data, AML_COMPUTE_KEYS)) return 'amlComputeAction';
  if (has(data, AML_REGISTER_KEYS)) return 'amlRegisterModelAction';
  // Real deploy.json files may hold only sizes (`{"cpu_cores": 1, "memory_gb": 0.5, "location": …}`):
  // an ACI deployment all the same. Every key must be an aml-deploy field, so other JSON stays out.
  if (has(data, AML_DEPLOY_SIZING_KEYS) && Object.keys(data).every((k) => fieldOf(AML_DEPLOY, k) !== undefined)) return 'amlDeployAction';
  // v2 by shape, first match wins.
  const endpointName = 'endpoint_name' in data;
  if (type === 'kubernetes' && endpointName) return 'kubernetesOnlineDeployment';
  if (endpointName && 'compute' in data) return type === 'model' ? 'modelBatchDeployment' : 'batchDeployment';
  if (type === 'pipeline' && 'component' in data) return 'pipelineComponentBatchDeployment';
  if (endpointName && 'instance_type' in data) return 'managedOnlineDeployment';
  if (type === 'amlcompute') return 'amlCompute';
  if (type === 'kubernetes') return 'kubernetesCompute';
  return undefined;
}

/** Recognises every document of a file whose value is a mapping. Never throws. */
export function recognise(file: LoadedFile): Manifest[] {
  const out: Manifest[] = [];
  for (const doc of file.docs) {
    const m = recogniseDoc(file, doc);
    if (m) out.push(m);
  }
  return out;
}

function recogniseDoc(file: LoadedFile, doc: ParsedDoc): Manifest | undefined {
  if (!isMapping(doc.value)) return undefined;
  const kind = detectKind(file.path, doc.value);
  if (!kind) return undefined;
  return { kind, file, doc, data: doc.value, v1: V1_FAMILIES.has(kind) };
}

/** Turns manifests into typed records, one family module per kind. Never throws on odd values. */
export function normalise(manifests: Manifest[]): Normalised {
  const out: Normalised = { deployments: [], endpoints: [], models: [], computes: [] };
  for (const m of manifests) {
    const part = normaliseOne(m);
    if (part.deployments) out.deployments.push(...part.deployments);
    if (part.endpoints) out.endpoints.push(...part.endpoints);
    if (part.models) out.models.push(...part.models);
    if (part.computes) out.computes.push(...part.computes);
  }
  return out;
}

function normaliseOne(m: Manifest): Partial<Normalised> {
  switch (m.kind) {
    case 'v1DeploymentConfig':
      return normaliseV1Config(m);
    case 'amlDeployAction':
      return normaliseAmlDeploy(m);
    case 'amlComputeAction':
      return normaliseAmlCompute(m);
    case 'amlRegisterModelAction':
      return normaliseAmlRegisterModel(m);
    case 'managedOnlineDeployment':
    case 'kubernetesOnlineDeployment':
    case 'managedOnlineEndpoint':
    case 'kubernetesOnlineEndpoint':
      return normaliseV2Online(m);
    case 'batchEndpoint':
    case 'batchDeployment':
    case 'modelBatchDeployment':
    case 'pipelineComponentBatchDeployment':
      return normaliseV2Batch(m);
    case 'amlCompute':
    case 'kubernetesCompute':
    case 'computeInstance':
    case 'vmCompute':
      return normaliseV2Compute(m);
    case 'model':
      return normaliseV2Model(m);
    case 'mlflowModel':
      return normaliseMlModel(m);
  }
}
