import type { FailOn, Result, Stage } from './types.js';

export interface EngineOptions {
  /** Repository root: every path in the output is relative to it. */
  root: string;
  /** Explicit config file (CLI --config / action input `config`), relative to root or absolute. */
  configPath?: string;
  /** Restrict loading to these repo-relative files/folders (CLI positional paths). */
  paths?: string[];
  failOn: FailOn;
  /** Overrides config `default-stage`. */
  defaultStage?: Stage;
  /**
   * Changed files (repo-relative, `/`) for a diff-aware run; undefined = audit everything.
   * Findings are kept for these files plus every manifest that depends on one of them.
   */
  changed?: string[];
  /** Why this scope (event name, "git diff main...HEAD", …) for the report. */
  scopeReason: string;
  /** Clock for waiver expiry (tests). */
  now?: Date;
}

export { evaluate } from './engine-impl.js';
export type { Result };
