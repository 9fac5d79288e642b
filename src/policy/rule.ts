// A rule: one object in one file under rules/, listed once in rules/index.ts. It says what it checks
// and how to fix it, which deployments it applies to, which facts it needs, and how to check them.
import type { SkuCatalog } from '../catalog/skus.js';
import type { Config, Limits } from '../config/types.js';
import type { RuleMeta } from '../core/rules.js';
import type { Anchor, Deployment, Inventory, Manifest, Severity } from '../core/types.js';
import type { Change } from '../fix/plan.js';

export type { TextEdit } from '../core/types.js';
export type { Change } from '../fix/plan.js';

/**
 * A rule's fix of one of its findings, where the answer is determined: what to change, as JSON
 * Pointers and values. The registry turns it into minimal text edits of the file (src/fix/plan.ts)
 * and attaches them as `Finding.fix`; a change that cannot be made byte-exactly drops the fix.
 */
export interface RuleFix {
  /** What the fix does, in a sentence ("set `instance_count: 3`"). */
  description: string;
  changes: Change[];
  /** The manifest whose file the changes edit, when it is not the finding's (e.g. the compute it names). */
  in?: Manifest;
}

/** What a rule sees while it checks. Each rule gets its own context with its id bound. */
export interface RuleContext {
  readonly inventory: Inventory;
  readonly config: Config;
  readonly skus: SkuCatalog;
  readonly limits: Limits;
  /** Every rule of the run (unresolved-reference names those a missing reference blocks). */
  readonly rules: readonly Rule[];
  /** The run's clock (dates in messages: "support ended on …"). */
  readonly now: Date;
  /** Report a finding at a key. At most one finding per rule per key is kept. */
  report(at: Anchor, message: string, opts?: { severity?: Severity }): void;
  /** Record that this rule could not be evaluated for a deployment or manifest, and why. */
  skip(what: Deployment | Manifest, why: string): void;
}

interface RuleBase extends RuleMeta {
  /** Unsilenceable rules cannot be turned off or suppressed (their findings say the gate could not look). */
  readonly unsilenceable?: boolean;
}

/** Facts about other files a deployment rule reads: unresolved references block it. */
export interface Needs {
  model?: boolean;
  /** The compute's facts; a function when only some deployments read them (memory from the VM size). */
  compute?: boolean | ((d: Deployment) => boolean);
}

/**
 * Checks one deployment at a time. The registry calls `check` only for deployments that deploy
 * something and that `appliesTo` accepts; for `productionOnly` rules, only production ones (and it
 * lists the unknown-stage ones under `skipped`).
 */
export interface DeploymentRule extends RuleBase {
  readonly scope: 'deployment';
  appliesTo(d: Deployment): boolean;
  readonly needs?: Needs;
  check(d: Deployment, ctx: RuleContext): void;
  /** The fix of the finding `check` just reported at `at` for `d`, if its answer is determined. */
  fix?(d: Deployment, at: Anchor, ctx: RuleContext): RuleFix | undefined;
}

/** Checks one recognised manifest at a time (its format, keys, secrets). */
export interface ManifestRule extends RuleBase {
  readonly scope: 'manifest';
  check(m: Manifest, ctx: RuleContext): void;
  /** The fix of the finding `check` just reported at `at` in `m`, if its answer is determined. */
  fix?(m: Manifest, at: Anchor, ctx: RuleContext): RuleFix | undefined;
}

/** Checks the inventory as a whole (references across files). */
export interface InventoryRule extends RuleBase {
  readonly scope: 'inventory';
  check(ctx: RuleContext): void;
  /** The fix of the finding `check` just reported at `at`, if its answer is determined. */
  fix?(at: Anchor, ctx: RuleContext): RuleFix | undefined;
}

/** Findings the engine itself makes through the registry (parse errors, suppressions, waivers). */
export interface EngineRule extends RuleBase {
  readonly scope: 'engine';
}

export type Rule = DeploymentRule | ManifestRule | InventoryRule | EngineRule;
