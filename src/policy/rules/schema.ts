import type { ManifestRule } from '../rule.js';
import { help } from '../kit/help.js';

export const rule: ManifestRule = {
  id: 'schema',
  scope: 'manifest',
  defaultSeverity: 'error',
  description:
    'A recognised manifest breaks its format: wrong type, bad enum value, missing required field, zero or negative size, unknown computeType, min above max.',
  remediation: 'Fix the value the message names; Azure would reject the file or deploy something other than what it says.',
  help: help(
    'Azure rejects such files at deployment time — or, for v1 configs and the aml-actions, deploys something other than what the file ' +
      'says. The other rules read these values to apply the compute target table (ACI\'s 48 GB limit, GPU only on AKS, 150 % memory ' +
      'headroom…); a value that cannot be read cannot be checked.\n\n' +
      "It accepts what Azure's own loaders accept: numeric strings and YAML 1.1 booleans (`True`, `yes`) in v1 configs and CLI v2 YAML; " +
      'enum spellings the v2 SDK normalises (`auth_mode: Key`, `tier: LowPriority`); `computeType` in any case. The aml-actions validate ' +
      'JSON types strictly, so `"cpu_cores": "1"` is reported there. Unrendered templates (`{{SKU}}`), documented placeholders ' +
      '(`<your-cluster-name>`) and empty values are unknown, never errors. Keys Azure does not know are the job of `unknown-key`.',
    'the formats\' own loaders: azure-ai-ml `_schema` (CLI/SDK v2 YAML), azureml-core `deploy_config_dict_to_obj` (v1 deployment configs), ' +
      'the aml-deploy / aml-compute / aml-registermodel actions\' `code/schemas.py`',
  ),
  check(m, ctx) {
    for (const issue of m.family.validate(m)) ctx.report({ manifest: m, ptr: issue.ptr }, issue.message);
  },
};
