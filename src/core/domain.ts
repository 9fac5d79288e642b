// The domain: parsed files, manifests, facts, deployments, findings. Pure data and interfaces;
// imports only ./edit.ts (spans and text edits) and ./deploy.ts (what pipelines deploy).
import type { CommandValue, DeployedBy } from './deploy.js';
import type { FindingFix, Span } from './edit.js';

export type Severity = 'error' | 'warning' | 'notice';
export type SeverityOrOff = Severity | 'off';
export type FailOn = Severity | 'never';
export type Stage = 'production' | 'nonproduction' | 'unknown';

// ---------------------------------------------------------------- load

/** One YAML/JSON document with a source position for every key and value. */
export interface ParsedDoc {
  /**
   * The document's value; objects inherit nothing (no prototype pollution: `__proto__`, `constructor`
   * are plain keys).
   */
  value: unknown;
  /**
   * JSON Pointer (RFC 6901, as ajv's instancePath) of a mapping member → span of its key. The parsers
   * return read-only views computed on demand from a compact position table (src/parse/positions.ts).
   */
  keys: ReadonlyMap<string, Span>;
  /** JSON Pointer → span of the value (the root is ''). */
  values: ReadonlyMap<string, Span>;
  /** Span of the document's first key (or first token): the inventory line of the document. */
  start: Span;
  /** 0-based index of the document inside its file. */
  index: number;
}

export interface ParseProblem {
  message: string;
  line: number;
  column: number;
  /** True when the cause is an unrendered `{{ … }}` template. */
  template?: boolean;
  /** A syntax error Azure's own loaders stop at too (not a limit of this reader, an encoding or a link). */
  syntax?: boolean;
}

export interface LoadedFile {
  /** Repo-relative path with `/`. */
  path: string;
  /** Absolute path on disk. */
  abs: string;
  text: string;
  syntax: 'yaml' | 'json';
  size: number;
  docs: ParsedDoc[];
  /** Problems that make the file (or part of it) unreadable; each becomes a `parse-error`. */
  problems: ParseProblem[];
}

// ---------------------------------------------------------------- formats

/**
 * Known keys of a mapping (AZURE-ML-FACTS.md §2a–§2d, azure-ai-ml `_schema`). A member is
 * `true` (a leaf, a list, or a value whose inside is not checked), `'map'` (free-form sub-keys:
 * tags, properties, environment variables…) or a nested `Fields` (checked when the value is a
 * mapping; a string in its place, such as `model: azureml:m:1`, is fine).
 */
export type FieldNode = true | 'map' | Fields;
export interface Fields {
  [key: string]: FieldNode;
}

/** A schema problem of a manifest: the key it names (JSON Pointer) and the message. */
export interface SchemaIssue {
  ptr: string;
  message: string;
}

/** A key that holds a secret when it is set to a real value (secret-in-manifest). */
export interface SecretSpec {
  ptr: string;
  what: string;
  fix: string;
  /** The value counts only when it is PEM private-key text, or names a repository file that holds one. */
  pem?: boolean;
}

/**
 * What the policy knows of a manifest's family (formats/family.ts implements it): its label,
 * its known keys and schema, its secrets, whether it is SDK/CLI v1. Rules ask the family; no rule
 * switches on a kind.
 */
export interface FamilyInfo {
  readonly id: string;
  /** SDK/CLI v1 family (deprecated). */
  readonly v1: boolean;
  /** `v1 deployment config (computeType aci)`, `aml-deploy parameters file`, `managedOnlineDeployment`. */
  label(m: Manifest): string;
  /** What Azure does with a key it does not know in this family, as a participle (`ignored by the v1 CLI/SDK`; unknown-key). */
  readonly unknownKeyEffect: string;
  /** The known-key tree of this manifest. */
  fields(m: Manifest): Fields;
  /** A family-specific word on a key the tree does not know (v1: valid only for another computeType). */
  keyAdvice?(m: Manifest, dottedKey: string): string | undefined;
  /** Schema problems, one per key at most, in document order. */
  validate(m: Manifest): SchemaIssue[];
  readonly secrets: readonly SecretSpec[];
  /** Where file-level findings point (v1: `computeType`, else the first key). */
  targetKey(m: Manifest): string;
  /** v1 families: what the file is and its CLI/SDK v2 equivalent (v1-deprecated). */
  readonly deprecation?: {
    /** `an SDK/CLI v1 deployment configuration`. */
    what: string;
    replacement(m: Manifest, d: Deployment | undefined): string;
  };
}

/** A recognised document. `data` is the document's top-level mapping. */
export interface Manifest {
  kind: string;
  family: FamilyInfo;
  file: LoadedFile;
  doc: ParsedDoc;
  /** The document's mapping, or what Azure gets from it: the command line's values set over it. */
  data: Record<string, unknown>;
  /**
   * A variant of a document deployed with values on the command line (inventory/overrides.ts): the
   * steps that deploy this variant (indexes into the file's deploying steps), and the values.
   */
  deployedSteps?: readonly number[];
  commandValues?: readonly CommandValue[];
}

/** A fact read from a manifest, with where it came from (JSON Pointer into `manifest.doc`). */
export interface Fact<T> {
  value: T;
  ptr: string;
  manifest: Manifest;
}

/** Where a finding should point: a key of a manifest. */
export interface Anchor {
  manifest: Manifest;
  ptr: string;
}

export interface Ref {
  raw: string;
  name: string;
  version?: string;
  label?: string;
  /** Registry or ARM-id references live outside the repository by design: never "unresolved". */
  external: boolean;
  /** A reference by local path (inline model `path`). */
  path?: string;
  /** Inline model `type` (mlflow_model, custom_model, triton_model). */
  type?: string;
  /** The reference is (or holds) a placeholder, e.g. `azureml:<your model name>:1`: what kind. */
  placeholder?: string;
  at: Anchor;
  /**
   * Set by the inventory stage: `resolved`, `external` (registry / ARM id), `missing` (found nowhere),
   * `version-mismatch` (the name exists with other versions only: see `versionsFound`).
   */
  resolution?: 'resolved' | 'external' | 'missing' | 'version-mismatch' | 'placeholder';
  versionsFound?: string[];
}

export type ComputeType = 'amlcompute' | 'kubernetes' | 'aks' | 'computeinstance' | 'virtualmachine';

export interface ComputeInfo {
  name: string;
  type: ComputeType;
  vmSize?: string;
  /** AKS node count (agent_count); for clusters, max nodes. */
  nodes?: number;
  minNodes?: number;
  maxNodes?: number;
  tier?: 'dedicated' | 'lowpriority';
  purpose?: string;
  /** The defining manifest; undefined when declared in config `computes:`. */
  manifest?: Manifest;
  source: 'repo' | 'config';
}

export type Accelerator = 'gpu' | 'fpga' | 'none';

export interface ModelInfo {
  name?: string;
  version?: string;
  memoryGb?: number;
  sizeBytes?: number;
  accelerator?: Accelerator;
  /** mlflow_model | custom_model | triton_model */
  type?: string;
  /** Local path (repo-relative, `/`) of the model's files, when inside the repository. */
  localPath?: string;
  manifest?: Manifest;
  source: 'repo' | 'config' | 'inline';
  /** SPEC §2 order of model facts when several files describe one model: lower wins. */
  rank?: number;
  /** Where each fact came from, for messages ("declared in model.yml tags"). */
  memorySource?: string;
  sizeSource?: string;
}

export type TargetId = 'local' | 'aci' | 'aks' | 'compute-cluster' | 'managed-online';

/**
 * How a deployment is served, whatever file spelled it: a v1 web service (v1 config or aml-deploy
 * file), a v2 managed or Kubernetes online deployment, a v2 model batch deployment or a pipeline
 * component batch deployment.
 */
export type Flavor = 'v1-web-service' | 'managed-online' | 'kubernetes-online' | 'model-batch' | 'pipeline-batch';

export interface KubeResources {
  cpu?: Fact<number>; // cores
  memory?: Fact<number>; // bytes
  gpu?: Fact<number>;
}

export interface Deployment {
  manifest: Manifest;
  flavor: Flavor;
  name?: string;
  endpointName?: string;
  target: TargetId;
  mode: 'realtime' | 'batch';
  /** Why the target was chosen, for messages. */
  targetReason: string;
  stage: Stage;
  stageReason: string;
  /** The pipeline steps that deploy this file (empty when none in the checkout does). */
  deployedBy: DeployedBy[];

  modelRef?: Ref;
  model?: ModelInfo;
  /** v1/aml-deploy files, which name no model, link to the single model metadata file of their folder. */
  linksModelByFolder?: boolean;
  /** Linked that way. */
  modelByFolder?: boolean;
  computeRef?: Ref;
  compute?: ComputeInfo;
  /** A Kubernetes online deployment runs on its endpoint's compute. */
  inheritsEndpointCompute?: boolean;

  /** `computeType` or the file's first key (aml-deploy): where table-level findings point. */
  targetKey: Anchor;

  instanceType?: Fact<string>;
  instanceCount?: Fact<number>;
  /** Memory per replica/instance, GiB, as written (v1 memoryInGB, aml-deploy memory_gb). */
  memoryGb?: Fact<number>;
  /** What Azure applies when the file sets no memory (v1 families: 0.5 GB), and the key to set. */
  defaultMemory?: { gb: number; key: string };
  cpu?: Fact<number>;
  /** What Azure applies when the file sets no CPU (v1 families: 0.1). */
  defaultCpu?: number;
  gpu?: Fact<number>;
  /** Keys asking for a GPU with a value > 0 / true (v1 families), where gpu findings point. */
  gpuAsks?: Anchor[];
  fpga?: Fact<number>;
  replicas?: Fact<number>;
  autoscaleEnabled?: Fact<boolean>;
  minReplicas?: Fact<number>;
  maxReplicas?: Fact<number>;
  /** Autoscaling as the family spells it: key names and Azure's default maximum. */
  scaling?: { maxKey: string; replicasKey?: string; defaultMax: number; implicit: boolean };
  requestTimeoutMs?: Fact<number>;
  requests?: KubeResources;
  limits?: KubeResources;
  tags: Record<string, string>;
  environmentImage?: Fact<string>;
  /** aml-deploy `skip_deployment: true`: builds an image, deploys nothing. */
  skipDeployment?: boolean;
  /** Said when the compute reference is unresolved (aml-deploy falls back to ACI). */
  unresolvedComputeNote?: string;
}

export interface Endpoint {
  manifest: Manifest;
  name?: string;
  kind: 'managed' | 'kubernetes' | 'batch';
  computeRef?: Ref;
}

export interface Inventory {
  files: LoadedFile[];
  manifests: Manifest[];
  deployments: Deployment[];
  endpoints: Endpoint[];
  models: ModelInfo[];
  computes: ComputeInfo[];
  /**
   * The managed online deployments of the whole checkout when `deployments` holds only part of it (a
   * pull-request run parses only what the changed files need): the vCPU quota is the repository's.
   */
  quotaPool?: readonly QuotaEntry[];
}

/**
 * A managed online deployment as the vCPU quota counts it (policy/kit/quota.ts `quotaEntries`): plain
 * values, so that the reader thread can work them out too (engine/quota-task.ts).
 */
export interface QuotaEntry {
  file: string;
  name: string | null;
  instanceType: string;
  instances: number;
}

// ---------------------------------------------------------------- findings / result

export interface SuppressionInfo {
  by: 'inline' | 'waiver';
  reason: string;
  owner?: string;
  expires?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  helpUri: string;
  suppressed: SuppressionInfo | null;
  /** Present when the rule can fix this finding. */
  fix?: FindingFix;
}

