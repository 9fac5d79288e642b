import { TARGETS } from '../../catalog/targets.js';
import type { DeploymentRule } from '../rule.js';
import { CITE, GIB, describeDeployment, describeModel, gib, num } from '../kit/describe.js';
import { modelAnchor } from '../kit/facts.js';
import { hasLinkedModel } from '../kit/gaps.js';

export const rule: DeploymentRule = {
  id: 'aci-model-size',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'ACI suits only small models (less than 1 GB); larger models need AKS.',
  remediation: 'Dev/test larger models on a single-node (DevTest) AKS cluster; serve production from AKS or a managed online endpoint.',
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
      `${describeModel(d)} is ${gib(m.sizeBytes)}${m.sizeSource ? ` (${m.sizeSource})` : ''}, but ${describeDeployment(d)} deploys it to ${row.title}; ` +
        `the ${CITE} says container instances suit only small models under ${num(limitGb)} GB. ` +
        `Fix: for dev/test use a single-node AKS cluster (aml-compute \`compute_type: akscluster\`, \`cluster_purpose: DevTest\`, \`agent_count: 1\`) ` +
        `or a managed online endpoint; for production use AKS or a managed online endpoint.`,
    );
  },
};
