// A rule: one object in one file under rules/, listed once in rules/index.ts. It says what it checks
// and how to fix it, which deployments it applies to, which facts it needs, and how to check them.
import type { SkuCatalog } from '../catalog/skus.js';
import type { Config, Limits } from '../config/types.js';
import type { RuleMeta } from '../core/rules.js';
import type { Anchor, Deployment, Inventory, Manifest, Severity } from '../core/types.js';

/** A minimal text edit: replace [start, end) of a file with `text` (byte offsets of the file's text). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
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
}

/** Checks one recognised manifest at a time (its format, keys, secrets). */
export interface ManifestRule extends RuleBase {
  readonly scope: 'manifest';
  check(m: Manifest, ctx: RuleContext): void;
}

/** Checks the inventory as a whole (references across files). */
export interface InventoryRule extends RuleBase {
  readonly scope: 'inventory';
  check(ctx: RuleContext): void;
}

/** Findings the engine itself makes through the registry (parse errors, suppressions, waivers). */
export interface EngineRule extends RuleBase {
  readonly scope: 'engine';
}

export type Rule = DeploymentRule | ManifestRule | InventoryRule | EngineRule;
