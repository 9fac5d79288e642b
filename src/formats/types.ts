// What the format modules hand to the inventory.
import type { ComputeInfo, Deployment, Endpoint, ModelInfo } from '../core/types.js';

/**
 * A deployment as a format module sees it: everything but what needs other files
 * (stage, resolved model/compute). The inventory stage completes it.
 */
export type DraftDeployment = Omit<Deployment, 'stage' | 'stageReason' | 'deployedBy' | 'model' | 'compute' | 'modelByFolder'>;

/** The typed records one manifest contributes. */
export interface Normalised {
  deployments: DraftDeployment[];
  endpoints: Endpoint[];
  models: ModelInfo[];
  computes: ComputeInfo[];
}
