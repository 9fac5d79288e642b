// Azure/aml-registermodel action parameters file (`.cloud/.azure/registermodel.json`, AZURE-ML-FACTS
// §2b): the v1 model's declared memory requirement.
import type { FieldNode, Fields, ModelInfo } from '../core/types.js';
import { define } from './family.js';
import { map, obj, text, vocabulary, SIZE_HINT, type Schema } from './kit/schema.js';
import { firstKeyPtr, num, prune, text as textAt } from './kit/values.js';

const FIELDS: Fields = Object.fromEntries(
  [
    'model_file_name', 'model_name', 'model_framework', 'model_framework_version', 'model_description',
    'datasets', 'sample_input_dataset', 'sample_output_dataset', 'pipeline_child_run_name', 'cpu_cores',
    'memory_gb', 'metrics_max', 'metrics_min', 'force_registration',
  ].map((k) => [k, true as FieldNode]),
);
FIELDS.model_tags = 'map';
FIELDS.model_properties = 'map';

const KEYS = ['model_file_name', 'model_name', 'model_framework'];

function schema(): Schema {
  const f = vocabulary(false, 'exact');
  return obj({
    model_name: text,
    model_file_name: text,
    model_framework: f.oneOf(['scikitlearn', 'onnx', 'tensorflow', 'keras', 'custom']),
    cpu_cores: f.pos(SIZE_HINT),
    memory_gb: f.pos(SIZE_HINT),
    force_registration: f.flag,
    model_tags: map,
    model_properties: map,
  });
}

export const amlRegisterModelAction = define({
  id: 'aml-registermodel-action',
  kinds: ['amlRegisterModelAction'],
  v1: true,
  prefilter: { keys: KEYS },
  detect: ({ data }) => (KEYS.some((k) => k in data) ? 'amlRegisterModelAction' : undefined),
  label: () => 'aml-registermodel parameters file',
  unknownKeyEffect: 'ignored by the action (the setting has no effect)',
  fields: () => ({ ...FIELDS, $schema: true }),
  schema,
  targetKey: firstKeyPtr,
  deprecation: {
    what: 'an Azure/aml-registermodel action parameters file (SDK v1)',
    replacement: () => 'replace the action with a v2 model YAML (`az ml model create -f`), keeping `memory_gb` / `model_size_bytes` in its tags',
  },
  normalise(m) {
    const mem = num(m, '/memory_gb');
    const info: ModelInfo = {
      name: textAt(m, '/model_name'),
      memoryGb: mem?.value,
      manifest: m,
      source: 'repo',
      rank: 1,
      memorySource: mem ? `memory_gb: ${mem.value} in ${m.file.path}` : undefined,
    };
    return { models: [prune(info)] };
  },
});
