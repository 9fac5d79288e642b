import type { EngineRule } from '../rule.js';
import { POLICY, help } from '../kit/help.js';

/** The engine reports parse errors from the loader's problems. They say the gate could not look: never off, never suppressed. */
export const rule: EngineRule = {
  id: 'parse-error',
  scope: 'engine',
  defaultSeverity: 'error',
  unsilenceable: true,
  description: 'A file that looks like a manifest does not parse (malformed YAML/JSON, unrendered {{ }} template, too large).',
  remediation: 'Fix the syntax at the reported line, render templates before gating, or exclude the file in config `exclude:`.',
  help: help(
    'An unreadable manifest cannot be checked; passing it silently would hide every other problem in it. A syntax error in an Azure ML ' +
      'asset the gate does not gate (a job, a component) is a notice, unless a pipeline deploys the file, or the file also holds a key ' +
      'only a gated family uses (`computeType`, `endpoint_name`, `auth_mode`…): `az ml … create -f` ignores `$schema`, so such a ' +
      'disguise does not excuse what the gate could not read.',
    `${POLICY} (fail closed)`,
  ),
};
