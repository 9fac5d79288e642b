// The result of a run, as reports show it: rows of the inventory, the scope, the summary, the policy.
// Pure data; imports only the domain types.
import type { DeployedBy } from './deploy.js';
import type { Accelerator, ComputeType, FailOn, Finding, Ref, Severity, Stage, TargetId } from './domain.js';

/** What a deployment really runs on, as reports show it (a batch deployment on a compute instance is not on a cluster). */
export type RunsOn = TargetId | 'compute-instance' | 'virtual-machine';

export interface InventoryRow {
  file: string;
  line: number;
  kind: string;
  name: string | null;
  target: RunsOn;
  stage: Stage;
  /** Where the stage came from: `tags.stage: prod`, `deployed by .github/workflows/cd.yml job deploy (environment: production)`, … */
  stageSource: string;
  mode: 'realtime' | 'batch';
  instanceType: string | null;
  instances: number | null;
  memoryGb: number | null;
  gpus: number | null;
  model: string | null;
  modelSizeBytes: number | null;
  compute: string | null;
  /** How the model and compute references resolved (null when the file names none). */
  modelResolution: Ref['resolution'] | null;
  computeResolution: Ref['resolution'] | null;
  /** The pipeline steps that deploy the file. */
  deployedBy: DeployedBy[];
}

/** An endpoint of the inventory (JSON report `endpoints`). */
export interface EndpointRow {
  file: string;
  line: number;
  kind: string;
  name: string | null;
  compute: string | null;
  computeResolution: Ref['resolution'] | null;
  /** Deployments in the repository that name this endpoint. */
  deployments: number;
}

/** A model the repository or the config describes (JSON report `models`). */
export interface ModelRow {
  /** null when declared in config `models:`. */
  file: string | null;
  line: number | null;
  kind: string;
  name: string | null;
  version: string | null;
  type: string | null;
  memoryGb: number | null;
  sizeBytes: number | null;
  accelerator: Accelerator | null;
  localPath: string | null;
}

/** A compute the repository or the config describes (JSON report `computes`). */
export interface ComputeRow {
  file: string | null;
  line: number | null;
  kind: string;
  name: string;
  type: ComputeType;
  vmSize: string | null;
  nodes: number | null;
  minNodes: number | null;
  maxNodes: number | null;
  tier: 'dedicated' | 'lowpriority' | null;
  purpose: string | null;
}

export interface SkippedEntry {
  file: string;
  rules: string[];
  why: string;
}

export interface WaiverInForce {
  rule: string;
  path: string;
  reason: string;
  owner: string;
  expires: string;
  expiringSoon: boolean;
  matched: number;
}

export interface ScopeInfo {
  mode: 'all' | 'changed';
  reason: string;
  filesScanned: number;
  manifests: number;
  /** Files the walk found (include/exclude applied), and how many of them the pre-filter left unparsed. */
  candidates?: number;
  prefiltered?: number;
}

export interface Summary {
  result: 'pass' | 'fail';
  errors: number;
  warnings: number;
  notices: number;
  suppressed: number;
}

/** The policy that judged the run, and everything in it that silences or relaxes a rule (always reported). */
export interface PolicyInfo {
  /** Where the policy came from: the base branch's config, the PR's own (head), or the checkout (CLI). */
  from: 'base' | 'head' | 'checkout';
  /** Repo-relative path of the config file, or null for the built-in defaults. */
  file: string | null;
  /** The commit the config was read at (`from: base`), when known. */
  commit?: string;
  /** Rules turned off. */
  off: string[];
  /** Rules whose severity is set lower than their default. */
  lowered: Array<{ rule: string; from: Severity; to: Severity }>;
  /** Limits set to other values than the defaults. */
  limits: Array<{ limit: string; value: number; default: number }>;
  /** The stage of deployments nothing else classifies (after the `default-stage` input, if any). */
  defaultStage: Stage;
  /** Globs the config adds to the built-in excludes, and how many files they kept out of this run. */
  excluded: { patterns: string[]; files: number };
  /** Waivers in the config: in force (listed in `Result.waivers`) and expired. */
  waivers: { inForce: number; expired: number };
  /** Why the policy is not the one asked for (e.g. the base branch's config is invalid). */
  note?: string;
  /** The pull request changes the config: what its config would change (the `policy-change` finding says it too). */
  change?: PolicyChange;
}

/** A pull request's change to the config, measured against the policy that judged the run. */
export interface PolicyChange {
  /** The PR's config file (repo-relative), or where it was when the PR deletes it. */
  file: string;
  kind: 'added' | 'changed' | 'deleted';
  /** What the change turns off, lowers, waives or relaxes, one sentence each. */
  relaxes: string[];
  /** Other changes (raised severities, tighter limits, removed waivers). */
  other: string[];
  /** Findings of this run the PR's config would hide (by rule, file and line). */
  hidden: number;
  /** The verdict the PR's config would give this run. */
  wouldResult?: 'pass' | 'fail';
  /** The PR's config is invalid (the first problem, `file:line:col: message`). */
  invalid?: string;
}

/** vCPU quota the repository's managed online deployments need, per VM family (quota advisory). */
export interface QuotaNeed {
  family: string;
  vcpus: number;
  /** Configured quota (config `quota:`), when declared. */
  quota?: number;
  deployments: Array<{ file: string; name: string | null; instanceType: string; instances: number; vcpus: number }>;
}

export interface Result {
  version: 1;
  tool: { name: string; version: string };
  scope: ScopeInfo;
  summary: Summary;
  findings: Finding[];
  /** The deployments (SPEC §8), then the endpoints, models and computes they were resolved against. */
  inventory: InventoryRow[];
  endpoints: EndpointRow[];
  models: ModelRow[];
  computes: ComputeRow[];
  skipped: SkippedEntry[];
  waivers: WaiverInForce[];
  failOn: FailOn;
  /** The policy that judged the run (rules off, lowered severities, changed limits). */
  policy?: PolicyInfo;
  /** Per VM family, the vCPU quota managed online deployments need. */
  quota?: QuotaNeed[];
}
