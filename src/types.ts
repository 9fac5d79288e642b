// Shared domain types. Pure data: no behaviour, no imports of @actions/*.

export type Severity = 'error' | 'warning' | 'notice';
export type SeverityOrOff = Severity | 'off';
export type FailOn = Severity | 'never';
export type Stage = 'production' | 'nonproduction' | 'unknown';

/** 1-based source range. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

// ---------------------------------------------------------------- load

/** One YAML/JSON document with a source position for every key and value. */
export interface ParsedDoc {
  /** The document's value; objects have a null prototype (no prototype pollution). */
  value: unknown;
  /** JSON Pointer (RFC 6901, as ajv's instancePath) of a mapping member → span of its key. */
  keys: Map<string, Span>;
  /** JSON Pointer → span of the value (the root is ''). */
  values: Map<string, Span>;
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

export type ManifestKind =
  | 'v1DeploymentConfig'
  | 'amlDeployAction'
  | 'amlComputeAction'
  | 'amlRegisterModelAction'
  | 'managedOnlineDeployment'
  | 'kubernetesOnlineDeployment'
  | 'managedOnlineEndpoint'
  | 'kubernetesOnlineEndpoint'
  | 'batchEndpoint'
  | 'batchDeployment'
  | 'modelBatchDeployment'
  | 'pipelineComponentBatchDeployment'
  | 'amlCompute'
  | 'kubernetesCompute'
  | 'computeInstance'
  | 'vmCompute'
  | 'model'
  | 'mlflowModel';

/** A recognised document. `data` is the document's top-level mapping. */
export interface Manifest {
  kind: ManifestKind;
  file: LoadedFile;
  doc: ParsedDoc;
  data: Record<string, unknown>;
  /** v1 / aml-actions families are deprecated (SDK/CLI v1). */
  v1: boolean;
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
  at: Anchor;
  /**
   * Set by the inventory stage: `resolved`, `external` (registry / ARM id), `missing` (found nowhere),
   * `version-mismatch` (the name exists with other versions only: see `versionsFound`).
   */
  resolution?: 'resolved' | 'external' | 'missing' | 'version-mismatch';
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
  /** Where each fact came from, for messages ("declared in model.yml tags"). */
  memorySource?: string;
  sizeSource?: string;
}

export type TargetId = 'local' | 'aci' | 'aks' | 'compute-cluster' | 'managed-online';

export interface KubeResources {
  cpu?: Fact<number>; // cores
  memory?: Fact<number>; // bytes
  gpu?: Fact<number>;
}

export interface Deployment {
  manifest: Manifest;
  name?: string;
  endpointName?: string;
  target: TargetId;
  mode: 'realtime' | 'batch';
  /** Why the target was chosen, for messages. */
  targetReason: string;
  stage: Stage;
  stageReason: string;

  modelRef?: Ref;
  model?: ModelInfo;
  /** v1/aml-deploy files linked to the single model metadata file of their folder. */
  modelByFolder?: boolean;
  computeRef?: Ref;
  compute?: ComputeInfo;

  /** `computeType` or the file's first key (aml-deploy): where table-level findings point. */
  targetKey: Anchor;

  instanceType?: Fact<string>;
  instanceCount?: Fact<number>;
  /** Memory per replica/instance, GiB, as written (v1 memoryInGB, aml-deploy memory_gb). */
  memoryGb?: Fact<number>;
  cpu?: Fact<number>;
  gpu?: Fact<number>;
  fpga?: Fact<number>;
  replicas?: Fact<number>;
  autoscaleEnabled?: Fact<boolean>;
  minReplicas?: Fact<number>;
  maxReplicas?: Fact<number>;
  requestTimeoutMs?: Fact<number>;
  requests?: KubeResources;
  limits?: KubeResources;
  tags: Record<string, string>;
  environmentImage?: Fact<string>;
  /** aml-deploy `skip_deployment: true`: builds an image, deploys nothing. */
  skipDeployment?: boolean;
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
}

export interface InventoryRow {
  file: string;
  line: number;
  kind: ManifestKind;
  name: string | null;
  target: TargetId;
  stage: Stage;
  mode: 'realtime' | 'batch';
  instanceType: string | null;
  instances: number | null;
  memoryGb: number | null;
  gpus: number | null;
  model: string | null;
  modelSizeBytes: number | null;
  compute: string | null;
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
}

export interface Summary {
  result: 'pass' | 'fail';
  errors: number;
  warnings: number;
  notices: number;
  suppressed: number;
}

export interface Result {
  version: 1;
  tool: { name: string; version: string };
  scope: ScopeInfo;
  summary: Summary;
  findings: Finding[];
  inventory: InventoryRow[];
  skipped: SkippedEntry[];
  waivers: WaiverInForce[];
  failOn: FailOn;
}
