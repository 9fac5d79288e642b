import type {
  Accelerator,
  Anchor,
  ComputeType,
  Deployment,
  Inventory,
  Manifest,
  ParsedDoc,
  Severity,
  SeverityOrOff,
  Stage,
} from '../types.js';
import type { SkuCatalog } from '../catalog/skus.js';

export interface Limits {
  'aci-max-memory-gb': number;
  'aci-max-model-size-gb': number;
  'memory-headroom-ratio': number;
  'aks-production-min-nodes': number;
  'aks-production-min-vcpus': number;
  'managed-production-min-instances': number;
  'managed-max-request-timeout-ms': number;
}

export const DEFAULT_LIMITS: Limits = {
  'aci-max-memory-gb': 48,
  'aci-max-model-size-gb': 1,
  'memory-headroom-ratio': 1.5,
  'aks-production-min-nodes': 3,
  'aks-production-min-vcpus': 12,
  'managed-production-min-instances': 3,
  'managed-max-request-timeout-ms': 180000,
};

export interface ConfigModel {
  memoryGb?: number;
  sizeBytes?: number;
  accelerator?: Accelerator;
}

export interface ConfigCompute {
  type: ComputeType;
  vmSize?: string;
  nodes?: number;
  minNodes?: number;
  maxNodes?: number;
  tier?: 'dedicated' | 'lowpriority';
  purpose?: string;
}

export interface ConfigSku {
  vcpus: number;
  memoryGb: number;
  gpus: number;
  fpga?: boolean;
  managedOnline: boolean;
}

export interface Waiver {
  rule: string;
  path: string;
  reason: string;
  owner: string;
  /** YYYY-MM-DD */
  expires: string;
  /** Index in the config's `waivers` list (for positions). */
  index: number;
}

export interface Config {
  defaultStage: Stage;
  stages: { production: string[]; nonproduction: string[] };
  include: string[];
  exclude: string[];
  /** Severity overrides by rule id. */
  rules: Record<string, SeverityOrOff>;
  limits: Limits;
  skus: Record<string, ConfigSku>;
  models: Record<string, ConfigModel>;
  computes: Record<string, ConfigCompute>;
  waivers: Waiver[];
  /** The config file, when one was read: repo-relative path and parsed document (for waiver positions). */
  source?: { path: string; doc: ParsedDoc };
}

/** What a rule sees. Each rule gets its own context with its id bound. */
export interface RuleContext {
  readonly inventory: Inventory;
  readonly config: Config;
  readonly skus: SkuCatalog;
  readonly limits: Limits;
  /** Report a finding at a key. At most one finding per rule per key is kept. */
  report(at: Anchor, message: string, severity?: Severity): void;
  /** Record that this rule could not be evaluated for a deployment/manifest, and why. */
  skip(what: Deployment | Manifest, why: string): void;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** One line: how to fix a finding. */
  remediation: string;
  /** Needs a known stage: not evaluated for deployments whose stage is `unknown`. */
  stageDependent?: boolean;
  /** For `skipped`: whether the rule applies to this deployment's target at all. */
  appliesTo?(d: Deployment): boolean;
  check(ctx: RuleContext): void;
}
