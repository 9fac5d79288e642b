// CLI v2 model batch deployments (`batchDeployment`, `modelBatchDeployment` with `type: model`),
// in the current layout (`settings:`) and the legacy one (settings at the root), AZURE-ML-FACTS §2c.5.
import type { Fields, Manifest } from '../core/types.js';
import { isMapping } from '../core/pointer.js';
import { define, type DetectInput } from './family.js';
import { DEPLOYMENT_BASE, leaves } from './kit/fields.js';
import { modelRef, refAt } from './kit/refs.js';
import { map, obj, text, V2, type Schema } from './kit/schema.js';
import { V2_FAMILY, environmentImage, kindReason, v2TargetKey } from './kit/v2.js';
import { anchor, num, prune, str, tagsOf, text as textAt, valueAt } from './kit/values.js';
import type { DraftDeployment } from './types.js';

const BATCH = 'batchDeployment';
const MODEL = 'modelBatchDeployment';
const PIPELINE = 'pipelineComponentBatchDeployment';

/**
 * What `az ml batch-deployment create -f` loads, whatever `$schema` says: exactly `type: model` is a
 * model batch deployment, `type: pipeline` a pipeline component one, anything else the legacy layout.
 */
const byType = ({ rawType }: DetectInput): string => (rawType === 'model' ? MODEL : rawType === 'pipeline' ? PIPELINE : BATCH);

/** Keys only a job or a component has: a file with them is not a deployment. */
const JOB_KEYS = ['command', 'jobs', 'inputs', 'outputs', 'trial', 'search_space'];
/** Keys of a batch deployment's own (current or legacy) layout. */
const BATCH_KEYS = ['mini_batch_size', 'output_action', 'output_file_name', 'retry_settings', 'error_threshold', 'max_concurrency_per_instance', 'settings', 'resources'];
const RETRY = leaves('max_retries', 'timeout');
const SETTINGS: Fields = {
  ...leaves('max_concurrency_per_instance', 'error_threshold', 'logging_level', 'mini_batch_size', 'output_action', 'output_file_name', 'instance_count'),
  retry_settings: RETRY,
  environment_variables: 'map',
};
const FIELDS: Fields = {
  ...DEPLOYMENT_BASE,
  ...leaves('type', 'job_definition', 'component'),
  compute: leaves('target', 'instance_count', 'instance_type'),
  resources: { ...leaves('instance_count', 'instance_type', 'shm_size', 'docker_args', 'locations', 'max_instance_count'), properties: 'map' },
  settings: SETTINGS,
  // Legacy layout (CLI < 1.7): settings at the root.
  ...SETTINGS,
};

function schema(): Schema {
  const f = V2;
  const settings: Record<string, Schema> = {
    max_concurrency_per_instance: f.int(1),
    error_threshold: f.int(-1, { hint: '-1 ignores all failed mini-batches.' }),
    logging_level: f.oneOf(['warning', 'info', 'debug']),
    mini_batch_size: f.int(1),
    output_action: f.oneOf(['append_row', 'summary_only']),
    output_file_name: text,
    retry_settings: obj({ max_retries: f.int(0), timeout: f.int(1) }),
    environment_variables: map,
  };
  return obj({
    ...settings, // legacy layout: settings at the root
    name: text,
    endpoint_name: text,
    type: f.oneOf(['model', 'pipeline']),
    resources: obj({ instance_count: f.int(1, { hint: 'A batch deployment needs at least one node.' }), instance_type: text }),
    settings: obj(settings),
    tags: map,
    properties: map,
  });
}

/**
 * The compute of a batch deployment: `compute: azureml:NAME` or bare `NAME`; the 2021 preview
 * layout `compute: {target, instance_count}` too.
 */
function computeRef(m: Manifest) {
  return refAt(m, isMapping(valueAt(m, '/compute')) ? '/compute/target' : '/compute');
}

export const batchDeployment = define({
  id: 'batch-deployment',
  kinds: [BATCH, MODEL],
  schemas: { batchdeployment: byType, modelbatchdeployment: byType, pipelinecomponentbatchdeployment: byType },
  prefilter: { keys: ['endpoint_name', 'mini_batch_size'] },
  detect(input) {
    const { data } = input;
    if (!('compute' in data) || JOB_KEYS.some((k) => k in data)) return undefined;
    const kind = byType(input);
    if (kind === PIPELINE) return undefined; // a pipeline deployment has no `compute`: its family decides
    if ('endpoint_name' in data) return kind;
    // Deployment files often leave `endpoint_name` to the command line (`--endpoint-name`).
    return 'model' in data && BATCH_KEYS.some((k) => k in data) ? kind : undefined;
  },
  ...V2_FAMILY,
  fields: () => ({ ...FIELDS, $schema: true }),
  schema,
  normalise(m) {
    const d: DraftDeployment = {
      manifest: m,
      flavor: 'model-batch',
      name: textAt(m, '/name'),
      endpointName: textAt(m, '/endpoint_name'),
      target: 'compute-cluster',
      mode: 'batch',
      targetReason: `${kindReason(m)}: batch scoring on its compute`,
      targetKey: anchor(m, v2TargetKey(m)),
      computeRef: computeRef(m),
      instanceCount: num(m, '/resources/instance_count') ?? num(m, '/compute/instance_count'),
      instanceType: str(m, '/resources/instance_type') ?? str(m, '/compute/instance_type'),
      environmentImage: environmentImage(m),
      modelRef: modelRef(m),
      tags: tagsOf(m),
    };
    return { deployments: [prune(d)] };
  },
});
