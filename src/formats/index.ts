import type {
  ComputeInfo,
  Deployment,
  Endpoint,
  LoadedFile,
  Manifest,
  ModelInfo,
  ParsedDoc,
} from '../types.js';

/**
 * A deployment as a format module sees it: everything but what needs other files
 * (stage, resolved model/compute). The inventory stage completes it.
 */
export type DraftDeployment = Omit<Deployment, 'stage' | 'stageReason' | 'model' | 'compute'>;

export interface Normalised {
  deployments: DraftDeployment[];
  endpoints: Endpoint[];
  models: ModelInfo[];
  computes: ComputeInfo[];
}

/**
 * Recognise every document of a loaded file (detection by content, SPEC §2) and normalise each
 * manifest into typed records. Documents that are not manifests are ignored.
 * Implemented by the format modules; see recognise.ts.
 */
export { recognise, normalise } from './recognise.js';
export type { ParsedDoc, LoadedFile, Manifest };
