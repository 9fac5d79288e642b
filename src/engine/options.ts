// The options of a run and its outcome: what both entry points (CLI, action) hand the engine.
import type { Config, ConfigProblem, ConfigSource } from '../config/types.js';
import type { FailOn, Result, Stage } from '../core/types.js';

/** Where the policy that judges a run comes from (SPEC §5, §6). */
export type PolicyFrom = 'base' | 'head' | 'checkout';

/**
 * The policy of a run, as config texts (the action reads them from the base commit and the
 * checkout). Without it the engine reads the config from the checkout (`from: 'checkout'`).
 */
export interface PolicyOptions {
  from: PolicyFrom;
  /** The config that judges the run; null: there is none (the built-in defaults). Paths relative to `root`. */
  source: ConfigSource | null;
  /** The commit `source` was read at (shown in the reports). */
  commit?: string;
  /**
   * `from: 'base'`: the pull request's own config (null: it has none, or deletes it). When it differs
   * from `source` the run gates everything, is evaluated a second time with it, and gets a
   * `policy-change` finding saying what it would turn off, lower, waive or relax.
   */
  proposed?: ConfigSource | null;
  /** `from: 'base'`: the pull request's config exists but cannot be read (reported as an invalid config). */
  proposedProblems?: ConfigProblem[];
  /** `from: 'head'`: the base branch's config, only to notice that the PR changes it (the run then gates everything). */
  baseline?: ConfigSource | null;
  /** Why the judging policy is not the one asked for (e.g. the base branch's config is invalid). */
  note?: string;
}

export interface EngineOptions {
  /** Repository root: every path in the output is relative to it. */
  root: string;
  /** The policy, already loaded; else it comes from `policy`, else from `configPath` or the default locations. */
  config?: Config;
  /** The policy as config texts (base branch, pull request); see PolicyOptions. */
  policy?: PolicyOptions;
  /** Explicit config file (CLI --config / action input `config`), relative to root or absolute. */
  configPath?: string;
  /**
   * Report only on these repo-relative files/folders (CLI positional paths). Everything is still
   * loaded, so models and computes defined elsewhere resolve (SPEC §6: definitions come from the
   * whole checkout).
   */
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
  maxFileBytes?: number;
  /**
   * Texts that stand in for files on disk (repo-relative path → text): `--fix` evaluates its edits
   * in memory before it writes them, and `--fix-dry-run` never writes.
   */
  overlay?: ReadonlyMap<string, string>;
  /**
   * A diff-aware run parses and judges the whole checkout too, then keeps the scope (how every
   * diff-aware run worked before pull-request runs parsed only what they need; tests compare the two).
   */
  exhaustive?: boolean;
  /** Told the path of each file a pull-request run parses (tests: what it leaves unparsed). */
  onParse?: (path: string) => void;
}

/** A run's outcome: the result, or the config problems that kept it from running (exit 2 at the edges). */
export type Outcome = { ok: true; result: Result } | { ok: false; problems: ConfigProblem[] };
