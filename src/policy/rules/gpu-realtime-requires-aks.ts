import { TARGETS } from '../../catalog/targets.js';
import type { Deployment } from '../../core/types.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment, keyPath } from '../kit/describe.js';
import { TABLE, help } from '../kit/help.js';

/** Real-time targets without GPU support in the table (local, ACI). */
function noGpuService(d: Deployment): boolean {
  const row = TARGETS[d.target];
  return d.mode === 'realtime' && row.realtime && !row.gpu;
}

export const rule: DeploymentRule = {
  id: 'gpu-realtime-requires-aks',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'GPU inference as a web service is supported only on AKS (or managed online GPU SKUs), not on ACI or a Local web service.',
  remediation: 'Deploy GPU web services to an AKS cluster with an N-series VM size, or drop the GPU request for ACI/local.',
  help: help(
    'The compute target table: GPU inference *as a web service* is supported only on AKS (with CLI/SDK v2, also on managed online ' +
      'endpoints with a GPU `instance_type`). ACI and local services deploy without the GPU: the model silently runs on CPU, or fails to load CUDA.',
    TABLE,
    'Azure ML "Deploy a model for inference with GPU" (`v1/how-to-deploy-inferencing-gpus.md`)',
  ),
  appliesTo: noGpuService,
  check(d, ctx) {
    const row = TARGETS[d.target];
    for (const at of d.gpuAsks ?? []) {
      ctx.report(
        at,
        `\`${keyPath(at.ptr)}\` asks for a GPU, but ${describeDeployment(d)} deploys to ${row.title}, which has no GPU support: ` +
          'deploy to an AKS compute created with an N-series VM size (e.g. Standard_NC6s_v3) or a managed online endpoint ' +
          `with a GPU \`instance_type\`, or remove \`${keyPath(at.ptr)}\`.`,
      );
    }
  },
};
