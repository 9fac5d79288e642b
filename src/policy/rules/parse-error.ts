import type { Rule } from '../types.js';

/** Metadata only: the engine emits parse errors while loading (listed here for --list-rules, SARIF and docs). */
export const rule: Rule = {
  id: 'parse-error',
  defaultSeverity: 'error',
  description: 'A file that looks like a manifest does not parse (malformed YAML/JSON, unrendered {{ }} template, too large).',
  remediation: 'Fix the syntax at the reported line, render templates before gating, or exclude the file in config `exclude:`.',
  check() {
    // Emitted by the engine from the loader's problems.
  },
};
