import type { Manifest } from '../types.js';
import type { DraftDeployment, Normalised } from './index.js';
import { anchor, isMapping, modelRef, num, parseRef, prune, str, tagsOf, text, valueAt } from './util.js';
import { environmentImage, kindReason, v2TargetKey } from './v2-online.js';

/**
 * The compute of a batch deployment: `compute: azureml:NAME` or bare `NAME`; the 2021 preview
 * layout `compute: {target, instance_count}` too.
 */
function computeRef(m: Manifest) {
  const c = valueAt(m, '/compute');
  const f = isMapping(c) ? str(m, '/compute/target') : str(m, '/compute');
  return f ? parseRef(f.value, anchor(m, f.ptr)) : undefined;
}

/** v2 batch endpoints and deployments (model deployments, legacy layout, pipeline component deployments). */
export function normaliseV2Batch(m: Manifest): Partial<Normalised> {
  if (m.kind === 'batchEndpoint') {
    return { endpoints: [prune({ manifest: m, name: text(m, '/name'), kind: 'batch' as const })] };
  }
  const base = {
    manifest: m,
    name: text(m, '/name'),
    endpointName: text(m, '/endpoint_name'),
    target: 'compute-cluster' as const,
    mode: 'batch' as const,
    targetKey: anchor(m, v2TargetKey(m)),
    tags: tagsOf(m),
  };
  if (m.kind === 'pipelineComponentBatchDeployment') {
    const dc = str(m, '/settings/default_compute');
    const d: DraftDeployment = {
      ...base,
      targetReason: `${kindReason(m)}: pipeline jobs run on settings.default_compute`,
      computeRef: dc ? parseRef(dc.value, anchor(m, dc.ptr)) : undefined,
    };
    return { deployments: [prune(d)] };
  }
  if (m.kind !== 'batchDeployment' && m.kind !== 'modelBatchDeployment') return {};
  const d: DraftDeployment = {
    ...base,
    targetReason: `${kindReason(m)}: batch scoring on its compute`,
    computeRef: computeRef(m),
    instanceCount: num(m, '/resources/instance_count') ?? num(m, '/compute/instance_count'),
    instanceType: str(m, '/resources/instance_type') ?? str(m, '/compute/instance_type'),
    environmentImage: environmentImage(m),
    modelRef: modelRef(m),
  };
  return { deployments: [prune(d)] };
}
