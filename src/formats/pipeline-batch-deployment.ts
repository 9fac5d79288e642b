// CLI v2 pipeline component batch deployment (`pipelineComponentBatchDeployment`, `type: pipeline`):
// its pipeline jobs run on `settings.default_compute` (AZURE-ML-FACTS §2c.5).
import type { Fields } from '../core/types.js';
import { define } from './family.js';
import { leaves } from './kit/fields.js';
import { refAt } from './kit/refs.js';
import { map, obj, text, V2, type Schema } from './kit/schema.js';
import { V2_FAMILY, kindReason, v2TargetKey } from './kit/v2.js';
import { anchor, prune, str, tagsOf, text as textAt } from './kit/values.js';
import type { DraftDeployment } from './types.js';

const KIND = 'pipelineComponentBatchDeployment';

const FIELDS: Fields = {
  $schema: true,
  ...leaves('name', 'endpoint_name', 'description', 'type', 'component', 'job_definition', 'provisioning_state', 'id'),
  tags: 'map',
  properties: 'map',
  // Pipeline job settings (default_compute, default_datastore, continue_on_step_failure, force_rerun, …).
  settings: 'map',
};

function schema(): Schema {
  const f = V2;
  return obj({
    name: text,
    endpoint_name: text,
    type: f.oneOf(['pipeline']),
    settings: obj({ default_compute: text, continue_on_step_failure: f.flag, force_rerun: f.flag }),
    tags: map,
  });
}

export const pipelineBatchDeployment = define({
  id: 'pipeline-batch-deployment',
  kinds: [KIND],
  prefilter: { types: ['pipeline'] },
  detect: ({ data, type }) => (type === 'pipeline' && 'component' in data ? KIND : undefined),
  ...V2_FAMILY,
  fields: () => FIELDS,
  schema,
  normalise(m) {
    const d: DraftDeployment = {
      manifest: m,
      flavor: 'pipeline-batch',
      name: textAt(m, '/name'),
      endpointName: textAt(m, '/endpoint_name'),
      target: 'compute-cluster',
      mode: 'batch',
      targetReason: `${kindReason(m)}: pipeline jobs run on settings.default_compute`,
      targetKey: anchor(m, v2TargetKey(m)),
      computeRef: refAt(m, '/settings/default_compute'),
      tags: tagsOf(m),
    };
    return { deployments: [prune(d)] };
  },
});
