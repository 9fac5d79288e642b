// Every manifest family, listed once. The order is the detection order by shape (docs/formats.md).
import type { Family } from './family.js';
import { mlflowModel } from './mlflow-model.js';
import { v1DeploymentConfig } from './v1-deployment-config.js';
import { amlDeployAction } from './aml-deploy-action.js';
import { amlComputeAction } from './aml-compute-action.js';
import { amlRegisterModelAction } from './aml-registermodel-action.js';
import { onlineDeployment } from './online-deployment.js';
import { onlineEndpoint } from './online-endpoint.js';
import { batchDeployment } from './batch-deployment.js';
import { pipelineBatchDeployment } from './pipeline-batch-deployment.js';
import { batchEndpoint } from './batch-endpoint.js';
import { compute } from './compute.js';
import { model } from './model.js';

export const FAMILIES = [
  mlflowModel,
  v1DeploymentConfig,
  amlDeployAction,
  amlComputeAction,
  amlRegisterModelAction,
  onlineDeployment,
  onlineEndpoint,
  batchDeployment,
  pipelineBatchDeployment,
  batchEndpoint,
  compute,
  model,
] as const satisfies readonly Family[];

/** Every kind a family recognises. */
export type ManifestKind = (typeof FAMILIES)[number]['kinds'][number];

export type { Family } from './family.js';
export type { DraftDeployment, Normalised } from './types.js';
