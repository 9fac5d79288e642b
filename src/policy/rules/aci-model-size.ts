import { TARGETS } from '../../catalog/targets.js';
import type { DeploymentRule } from '../rule.js';
import { GIB, describeModel, gib, num } from '../kit/describe.js';
import { modelAnchor } from '../kit/facts.js';
import { hasLinkedModel } from '../kit/gaps.js';
import { TABLE, help } from '../kit/help.js';

export const rule: DeploymentRule = {
  id: 'aci-model-size',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'ACI suits only small models (less than 1 GB); larger models need AKS.',
  remediation: 'Dev/test larger models on a single-node (DevTest) AKS cluster; serve production from AKS or a managed online endpoint.',
  help: help(
    'The compute target table: "Container instances are suitable only for small models less than 1 GB in size. ' +
      'Use single-node AKS clusters for dev/test of larger models."',
    TABLE,
  ),
  needs: { model: true },
  appliesTo: (d) => TARGETS[d.target].maxModelSizeLimit !== undefined,
  check(d, ctx) {
    const row = TARGETS[d.target];
    if (!row.maxModelSizeLimit) return;
    if (!hasLinkedModel(ctx, d)) return;
    const m = d.model;
    if (m.sizeBytes === undefined) {
      ctx.skip(d, `the size of ${describeModel(d)} is unknown; set \`model_size_bytes\` in its tags/MLmodel or \`size-bytes\` in config \`models:\``);
      return;
    }
    const limitGb = ctx.limits[row.maxModelSizeLimit];
    if (m.sizeBytes < limitGb * GIB) return;
    ctx.report(
      modelAnchor(d),
      `${describeModel(d)} is ${gib(m.sizeBytes)}${m.sizeSource ? ` (${m.sizeSource})` : ''}, too large for ${row.title} (under ${num(limitGb)} GB only): ` +
        'use a single-node AKS cluster for dev/test (aml-compute `compute_type: akscluster`, `cluster_purpose: DevTest`, `agent_count: 1`), ' +
        'or AKS / a managed online endpoint.',
    );
  },
};
