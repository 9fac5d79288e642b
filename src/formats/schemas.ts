import { Ajv, type ErrorObject, type SchemaValidateFunction, type ValidateFunction } from 'ajv';
import type { Manifest, ManifestKind } from '../types.js';
import { pointerJoin, pointerSplit } from '../load/source.js';
import { firstKeyPtr, isMapping, isNumericString, isPlaceholder, toBool, toNumber, valueIn } from './util.js';

/**
 * One JSON schema per manifest kind, checked with ajv. Unknown keys are allowed here (they are
 * `unknown-key`'s job). Checks are custom keywords so that each one tolerates what Azure's own
 * loaders accept — numeric strings where the v1 SDK calls float() and marshmallow parses text,
 * YAML-1.1 boolean words, enum casing the SDK normalises — and writes a message for a person.
 * Templates (`{{X}}`) and placeholders (`<your-name>`) are unknown values, never errors; so is null.
 */

type Schema = { [key: string]: unknown };

interface NumberSpec {
  integer?: boolean;
  min?: number;
  exclusiveMin?: number;
  max?: number;
  /** Accept numeric strings (v1 float(), marshmallow); the aml-actions validate JSON types strictly. */
  strings?: boolean;
  hint?: string;
}
interface EnumSpec {
  values: string[];
  /** exact (JSON Schema enum), ci (v1 lower-cases), snake (azure-ai-ml camel_to_snake + lower case). */
  match: 'exact' | 'ci' | 'snake';
  hint?: string;
  /** An empty value is an error (v1 `computeType`: "Need to specify computeType"). */
  notNull?: boolean;
}

// ---------------------------------------------------------------- messages

function describe(v: unknown): string {
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (Array.isArray(v)) return 'a list';
  if (isMapping(v)) return 'a mapping';
  return `\`${String(v)}\``;
}

function skip(v: unknown): boolean {
  return v === null || v === undefined || isPlaceholder(v);
}

function withHint(msg: string, hint?: string): string {
  return hint ? `${msg} ${hint}` : msg;
}

function fail(fn: SchemaValidateFunction, message: string, params: Record<string, unknown> = {}): false {
  fn.errors = [{ message, params }];
  return false;
}

const checkNumber: SchemaValidateFunction = function checkNumber(spec: NumberSpec, data: unknown): boolean {
  if (skip(data)) return true;
  if (typeof data === 'number' && !Number.isFinite(data)) {
    // YAML `.inf`/`.nan`, JSON `1e400`: no Azure loader turns these into a usable size.
    return fail(checkNumber, `must be a finite number; found ${Number.isNaN(data) ? 'NaN' : data > 0 ? 'infinity' : 'minus infinity'}.`);
  }
  const n = typeof data === 'number' ? data : spec.strings && isNumericString(data) ? toNumber(data) : undefined;
  if (n === undefined) {
    const what = spec.integer ? 'a whole number' : 'a number';
    const extra = typeof data === 'string' && !spec.strings && isNumericString(data) ? ' (write it without quotes: the action validates JSON types)' : '';
    // The hint speaks of ranges (e.g. "a zero or negative size…"): not for values of the wrong type.
    return fail(checkNumber, `must be ${what}; found ${describe(data)}${extra}.`);
  }
  if (spec.integer && !Number.isInteger(n)) return fail(checkNumber, withHint(`must be a whole number; found ${n}.`, spec.hint));
  if (spec.exclusiveMin !== undefined && !(n > spec.exclusiveMin)) {
    return fail(checkNumber, withHint(`must be greater than ${spec.exclusiveMin}; found ${n}.`, spec.hint));
  }
  if (spec.min !== undefined && n < spec.min) return fail(checkNumber, withHint(`must be at least ${spec.min}; found ${n}.`, spec.hint));
  if (spec.max !== undefined && n > spec.max) return fail(checkNumber, withHint(`must be at most ${spec.max}; found ${n}.`, spec.hint));
  return true;
};

const checkBool: SchemaValidateFunction = function checkBool(spec: { strings?: boolean }, data: unknown): boolean {
  if (skip(data) || typeof data === 'boolean') return true;
  if (spec.strings && toBool(data) !== undefined) return true;
  return fail(checkBool, `must be true or false; found ${describe(data)}.`);
};

function snake(s: string): string {
  return s.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

const checkEnum: SchemaValidateFunction = function checkEnum(spec: EnumSpec, data: unknown): boolean {
  if (data === null && spec.notNull) return fail(checkEnum, withHint(`is empty; allowed values: ${spec.values.join(', ')}.`, spec.hint));
  if (skip(data)) return true;
  if (typeof data === 'string') {
    const norm = spec.match === 'exact' ? data : spec.match === 'ci' ? data.trim().toLowerCase() : snake(data);
    const allowed = spec.values.map((v) => (spec.match === 'exact' ? v : v.toLowerCase()));
    if (allowed.includes(norm)) return true;
  }
  return fail(checkEnum, withHint(`is ${describe(data)}; allowed values: ${spec.values.join(', ')}.`, spec.hint));
};

const checkString: SchemaValidateFunction = function checkString(_spec: unknown, data: unknown): boolean {
  if (skip(data) || typeof data === 'string') return true;
  return fail(checkString, `must be text; found ${describe(data)}.`);
};

const checkTextOrNumber: SchemaValidateFunction = function checkTextOrNumber(_spec: unknown, data: unknown): boolean {
  if (skip(data) || typeof data === 'string' || typeof data === 'number') return true;
  return fail(checkTextOrNumber, `must be text or a number; found ${describe(data)}.`);
};

const QUANTITY = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?\s*$/;
const checkQuantity: SchemaValidateFunction = function checkQuantity(spec: { kind: 'cpu' | 'memory' }, data: unknown): boolean {
  if (skip(data)) return true;
  const example = spec.kind === 'cpu' ? '"500m" or "2"' : '"512Mi" or "4Gi"';
  if (!(typeof data === 'number' || (typeof data === 'string' && QUANTITY.test(data)))) {
    return fail(checkQuantity, `must be a Kubernetes quantity such as ${example}; found ${describe(data)}.`);
  }
  const n = typeof data === 'number' ? data : Number(/^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)/.exec(data)?.[0]);
  if (!(n > 0)) return fail(checkQuantity, `must be greater than 0; found ${describe(data)}: a container cannot run with no ${spec.kind}.`);
  return true;
};

/** On a mapping: each `[minKey, maxKey]` pair must have min ≤ max (reported at the min key). */
const checkMinMax: SchemaValidateFunction = function checkMinMax(pairs: Array<[string, string]>, data: unknown): boolean {
  if (!isMapping(data)) return true;
  for (const [lo, hi] of pairs) {
    const a = toNumber(data[lo]);
    const b = toNumber(data[hi]);
    if (a !== undefined && b !== undefined && a > b) {
      return fail(checkMinMax, `is ${a}, above \`${hi}\` (${b}): the minimum cannot exceed the maximum. Lower \`${lo}\` or raise \`${hi}\`.`, { key: lo });
    }
  }
  return true;
};

/** On a mapping: each `[limitKey, requestKey]` pair must have limit ≥ request (reported at the limit key). */
const checkNotBelow: SchemaValidateFunction = function checkNotBelow(pairs: Array<[string, string]>, data: unknown): boolean {
  if (!isMapping(data)) return true;
  for (const [limit, request] of pairs) {
    const a = toNumber(data[limit]);
    const b = toNumber(data[request]);
    if (a !== undefined && b !== undefined && a < b) {
      return fail(checkNotBelow, `is ${a}, below \`${request}\` (${b}): the SDK rejects a limit lower than its request. Raise \`${limit}\` or lower \`${request}\`.`, { key: limit });
    }
  }
  return true;
};

// ---------------------------------------------------------------- schema builders

function obj(properties: Record<string, Schema>, extra: Schema = {}): Schema {
  return { type: 'object', properties, ...extra };
}
const map: Schema = { type: 'object' };
const text: Schema = { mdgString: {} };
const textOrNumber: Schema = { mdgTextOrNumber: {} };

interface Family {
  num(spec?: NumberSpec): Schema;
  int(min: number, spec?: NumberSpec): Schema;
  pos(hint?: string): Schema;
  flag: Schema;
  oneOf(values: string[], hint?: string, notNull?: boolean): Schema;
}

function family(strings: boolean, match: EnumSpec['match']): Family {
  return {
    num: (spec = {}) => ({ mdgNumber: { strings, ...spec } }),
    int: (min, spec = {}) => ({ mdgNumber: { strings, integer: true, min, ...spec } }),
    pos: (hint) => ({ mdgNumber: { strings, exclusiveMin: 0, ...(hint ? { hint } : {}) } }),
    flag: { mdgBool: { strings } },
    oneOf: (values, hint, notNull) => ({ mdgEnum: { values, match, ...(hint ? { hint } : {}), ...(notNull ? { notNull } : {}) } }),
  };
}

const SIZE_HINT = 'A zero or negative size cannot be deployed.';

function v1Schema(): Schema {
  const f = family(true, 'ci');
  const int1 = f.int(1);
  return obj({
    computeType: f.oneOf(
      ['aci', 'aks', 'aksendpoint', 'local'],
      'The v1 CLI needs one of them (any case) and stops with "unknown deployment type" otherwise.',
      true,
    ),
    containerResourceRequirements: obj(
      { cpu: f.pos(SIZE_HINT), memoryInGB: f.pos(SIZE_HINT), cpuLimit: f.pos(SIZE_HINT), memoryInGBLimit: f.pos(SIZE_HINT), gpu: f.int(0), fpga: f.int(0) },
      { mdgNotBelow: [['cpuLimit', 'cpu'], ['memoryInGBLimit', 'memoryInGB']] },
    ),
    gpuCores: f.int(0),
    autoScaler: obj(
      { autoscaleEnabled: f.flag, minReplicas: int1, maxReplicas: int1, refreshPeriodInSeconds: int1, targetUtilization: f.num({ exclusiveMin: 0, max: 100 }) },
      { mdgMinMax: [['minReplicas', 'maxReplicas']] },
    ),
    numReplicas: int1,
    dataCollection: obj({ storageEnabled: f.flag }),
    authEnabled: f.flag,
    tokenAuthEnabled: f.flag,
    appInsightsEnabled: f.flag,
    sslEnabled: f.flag,
    scoringTimeoutMs: int1,
    maxConcurrentRequestsPerContainer: int1,
    maxQueueWaitMs: int1,
    livenessProbeRequirements: obj({ periodSeconds: int1, initialDelaySeconds: int1, timeoutSeconds: int1, successThreshold: int1, failureThreshold: int1 }),
    port: f.int(1, { max: 65535 }),
    computeTargetName: text,
    namespace: text,
    keys: obj({ primaryKey: text, secondaryKey: text }),
    trafficPercentile: f.num({ min: 0, max: 100 }),
  });
}

function amlDeploySchema(): Schema {
  const f = family(false, 'exact');
  const flags = Object.fromEntries(
    ['enable_gpu', 'autoscale_enabled', 'skip_deployment', 'test_enabled', 'delete_service_after_deployment', 'profiling_enabled',
      'authentication_enabled', 'app_insights_enabled', 'model_data_collection_enabled', 'ssl_enabled', 'token_auth_enabled'].map((k) => [k, f.flag]),
  );
  const ints1 = Object.fromEntries(
    ['num_replicas', 'autoscale_min_replicas', 'autoscale_max_replicas', 'autoscale_refresh_seconds', 'scoring_timeout_ms',
      'replica_max_concurrent_requests', 'period_seconds', 'initial_delay_seconds', 'timeout_seconds', 'success_threshold', 'failure_threshold'].map((k) => [k, f.int(1)]),
  );
  return obj(
    {
      ...flags,
      ...ints1,
      name: text,
      deployment_compute_target: text,
      cpu_cores: f.pos(SIZE_HINT),
      memory_gb: f.pos(SIZE_HINT),
      gpu_cores: f.int(0),
      autoscale_target_utilization: f.int(1, { max: 100 }),
      max_request_wait_time: f.int(0),
      runtime: f.oneOf(['python', 'spark-py']),
      create_image: f.oneOf(['docker', 'function_blob', 'function_http', 'function_service_bus_queue']),
      tags: map,
      properties: map,
    },
    { mdgMinMax: [['autoscale_min_replicas', 'autoscale_max_replicas']] },
  );
}

function amlComputeSchema(): Schema {
  const f = family(false, 'exact');
  return obj(
    {
      name: text,
      compute_type: f.oneOf(['amlcluster', 'akscluster']),
      vm_size: text,
      vm_priority: f.oneOf(['dedicated', 'lowpriority']),
      min_nodes: f.int(0),
      max_nodes: f.int(1),
      idle_seconds_before_scaledown: f.int(0),
      agent_count: f.int(1, { hint: 'An AKS cluster needs at least one node.' }),
      cluster_purpose: text,
      load_balancer_type: f.oneOf(['PublicIp', 'InternalLoadBalancer']),
      remote_login_port_public_access: f.oneOf(['Enabled', 'Disabled', 'NotSpecified']),
      identity_type: f.oneOf(['SystemAssigned', 'UserAssigned']),
    },
    { mdgMinMax: [['min_nodes', 'max_nodes']] },
  );
}

function amlRegisterSchema(): Schema {
  const f = family(false, 'exact');
  return obj({
    model_name: text,
    model_file_name: text,
    model_framework: f.oneOf(['scikitlearn', 'onnx', 'tensorflow', 'keras', 'custom']),
    cpu_cores: f.pos(SIZE_HINT),
    memory_gb: f.pos(SIZE_HINT),
    force_registration: f.flag,
    model_tags: map,
    model_properties: map,
  });
}

const V2 = family(true, 'snake');

function onlineDeploymentSchema(kube: boolean): Schema {
  const f = V2;
  const probe = obj({ initial_delay: f.int(0), period: f.int(1), timeout: f.int(1), success_threshold: f.int(1), failure_threshold: f.int(1) });
  const quantities = obj({ cpu: { mdgQuantity: { kind: 'cpu' } }, memory: { mdgQuantity: { kind: 'memory' } }, 'nvidia.com/gpu': f.int(0), gpu: f.int(0) });
  return obj(
    {
      name: text,
      endpoint_name: text,
      instance_type: text,
      instance_count: f.int(1, { hint: 'A deployment needs at least one instance.' }),
      type: f.oneOf(kube ? ['kubernetes'] : ['managed']),
      app_insights_enabled: f.flag,
      model_mount_path: text,
      egress_public_network_access: f.oneOf(['enabled', 'disabled']),
      scale_settings: obj(
        {
          type: f.oneOf(kube ? ['default', 'target_utilization'] : ['default'], kube ? undefined : 'Managed online deployments scale through Azure Monitor autoscale, not in this file.'),
          min_instances: f.int(0),
          max_instances: f.int(1),
          polling_interval: f.int(1),
          target_utilization_percentage: f.int(1, { max: 100 }),
        },
        { mdgMinMax: [['min_instances', 'max_instances']] },
      ),
      request_settings: obj({ request_timeout_ms: f.int(1), max_concurrent_requests_per_instance: f.int(1), max_queue_wait_ms: f.int(0) }),
      liveness_probe: probe,
      readiness_probe: probe,
      tags: map,
      properties: map,
      environment_variables: map,
      ...(kube ? { resources: obj({ requests: quantities, limits: quantities }) } : {}),
    },
    kube ? {} : { required: ['instance_type', 'instance_count'] },
  );
}

function endpointSchema(kind: 'managed' | 'kubernetes' | 'batch'): Schema {
  const f = V2;
  const base: Record<string, Schema> = {
    name: text,
    description: text,
    auth_mode: f.oneOf(kind === 'batch' ? ['aad_token'] : ['key', 'aml_token', 'aad_token']),
    tags: map,
    properties: map,
  };
  if (kind === 'batch') return obj({ ...base, defaults: obj({ deployment_name: text }) });
  return obj({
    ...base,
    public_network_access: f.oneOf(['enabled', 'disabled']),
    identity: obj({ type: f.oneOf(['system_assigned', 'user_assigned', 'system_assigned,user_assigned', 'none']) }),
    traffic: map,
    mirror_traffic: map,
    ...(kind === 'kubernetes' ? { compute: text } : {}),
  });
}

function batchDeploymentSchema(): Schema {
  const f = V2;
  const settings: Record<string, Schema> = {
    max_concurrency_per_instance: f.int(1),
    error_threshold: f.int(-1, { hint: '-1 ignores all failed mini-batches.' }),
    logging_level: f.oneOf(['warning', 'info', 'debug']),
    mini_batch_size: f.int(1),
    output_action: f.oneOf(['append_row', 'summary_only']),
    output_file_name: text,
    retry_settings: obj({ max_retries: f.int(0), timeout: f.int(1) }),
    environment_variables: map,
  };
  return obj({
    ...settings, // legacy layout: settings at the root
    name: text,
    endpoint_name: text,
    type: f.oneOf(['model', 'pipeline']),
    resources: obj({ instance_count: f.int(1, { hint: 'A batch deployment needs at least one node.' }), instance_type: text }),
    settings: obj(settings),
    tags: map,
    properties: map,
  });
}

function pipelineBatchSchema(): Schema {
  const f = V2;
  return obj({
    name: text,
    endpoint_name: text,
    type: f.oneOf(['pipeline']),
    settings: obj({ default_compute: text, continue_on_step_failure: f.flag, force_rerun: f.flag }),
    tags: map,
  });
}

function computeSchema(kind: 'amlCompute' | 'kubernetesCompute' | 'computeInstance' | 'vmCompute'): Schema {
  const f = V2;
  const identity = obj({ type: f.oneOf(['system_assigned', 'user_assigned', 'system_assigned,user_assigned', 'none']) });
  switch (kind) {
    case 'amlCompute':
      return obj(
        {
          name: text,
          type: f.oneOf(['amlcompute']),
          size: text,
          tier: f.oneOf(['dedicated', 'low_priority']),
          min_instances: f.int(0),
          max_instances: f.int(1, { hint: 'A cluster that can never start a node runs nothing.' }),
          idle_time_before_scale_down: f.int(0),
          ssh_public_access_enabled: f.flag,
          enable_node_public_ip: f.flag,
          identity,
          tags: map,
        },
        { mdgMinMax: [['min_instances', 'max_instances']] },
      );
    case 'kubernetesCompute':
      return obj({ name: text, type: f.oneOf(['kubernetes']), namespace: text, resource_id: text, identity, properties: map });
    case 'computeInstance':
      return obj({ name: text, type: f.oneOf(['computeinstance']), size: text, identity, tags: map });
    case 'vmCompute':
      return obj({ name: text, type: f.oneOf(['virtualmachine']), resource_id: text, tags: map });
  }
}

function modelFacts(): Schema {
  const f = V2;
  return obj({
    memory_gb: f.pos('It declares the memory the model needs, in GiB.'),
    model_size_bytes: f.int(1),
    accelerator: f.oneOf(['gpu', 'fpga', 'none']),
  });
}

function modelSchema(): Schema {
  const f = V2;
  return obj({
    name: text,
    version: textOrNumber,
    path: text,
    type: f.oneOf(['custom_model', 'mlflow_model', 'triton_model']),
    description: text,
    tags: modelFacts(),
    properties: modelFacts(),
    flavors: map,
  });
}

function mlmodelSchema(): Schema {
  return obj({ flavors: map, model_size_bytes: V2.int(1), signature: map, metadata: map });
}

/** The JSON schema of a kind (built on demand; pure data). */
export function schemaFor(kind: ManifestKind): Schema {
  switch (kind) {
    case 'v1DeploymentConfig':
      return v1Schema();
    case 'amlDeployAction':
      return amlDeploySchema();
    case 'amlComputeAction':
      return amlComputeSchema();
    case 'amlRegisterModelAction':
      return amlRegisterSchema();
    case 'managedOnlineDeployment':
      return onlineDeploymentSchema(false);
    case 'kubernetesOnlineDeployment':
      return onlineDeploymentSchema(true);
    case 'managedOnlineEndpoint':
      return endpointSchema('managed');
    case 'kubernetesOnlineEndpoint':
      return endpointSchema('kubernetes');
    case 'batchEndpoint':
      return endpointSchema('batch');
    case 'batchDeployment':
    case 'modelBatchDeployment':
      return batchDeploymentSchema();
    case 'pipelineComponentBatchDeployment':
      return pipelineBatchSchema();
    case 'amlCompute':
    case 'kubernetesCompute':
    case 'computeInstance':
    case 'vmCompute':
      return computeSchema(kind);
    case 'model':
      return modelSchema();
    case 'mlflowModel':
      return mlmodelSchema();
  }
}

// ---------------------------------------------------------------- validation

let ajv: Ajv | undefined;
const compiled = new Map<ManifestKind, ValidateFunction>();

function validator(kind: ManifestKind): ValidateFunction {
  let v = compiled.get(kind);
  if (v) return v;
  if (!ajv) {
    // Unoptimised code compiles ~40 % faster; validation cost is negligible next to parsing.
    ajv = new Ajv({ allErrors: true, strict: true, code: { optimize: false } });
    ajv.addKeyword({ keyword: 'mdgNumber', schemaType: 'object', errors: true, validate: checkNumber });
    ajv.addKeyword({ keyword: 'mdgBool', schemaType: 'object', errors: true, validate: checkBool });
    ajv.addKeyword({ keyword: 'mdgEnum', schemaType: 'object', errors: true, validate: checkEnum });
    ajv.addKeyword({ keyword: 'mdgString', schemaType: 'object', errors: true, validate: checkString });
    ajv.addKeyword({ keyword: 'mdgTextOrNumber', schemaType: 'object', errors: true, validate: checkTextOrNumber });
    ajv.addKeyword({ keyword: 'mdgQuantity', schemaType: 'object', errors: true, validate: checkQuantity });
    ajv.addKeyword({ keyword: 'mdgMinMax', schemaType: 'array', errors: true, validate: checkMinMax });
    ajv.addKeyword({ keyword: 'mdgNotBelow', schemaType: 'array', errors: true, validate: checkNotBelow });
  }
  v = ajv.compile(schemaFor(kind));
  compiled.set(kind, v);
  return v;
}

export interface SchemaIssue {
  /** JSON Pointer of the key the finding names. */
  ptr: string;
  message: string;
}

function dotted(ptr: string): string {
  return pointerSplit(ptr).reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

const REQUIRED_HINTS: Record<string, string> = {
  instance_type: 'Add the VM SKU, e.g. `instance_type: Standard_DS3_v2` (one allowed on managed online endpoints).',
  instance_count: 'Add `instance_count:` (3 or more for production, for high availability).',
};

function requiredIssue(m: Manifest, parent: string, missing: string[]): SchemaIssue {
  const top = parent === '';
  const names = missing.map((k) => `\`${top ? k : `${dotted(parent)}.${k}`}\``);
  const hints = missing.map((k) => REQUIRED_HINTS[k]).filter((h): h is string => h !== undefined);
  return {
    // A top-level field has no key of its own: the document's first key (SPEC §4).
    ptr: top ? firstKeyPtr(m) : parent,
    message: [
      `${m.kind} requires ${names.join(' and ')}, which this file does not set: the Azure ML CLI v2 rejects the file.`,
      ...hints,
    ].join(' '),
  };
}

function issueOf(m: Manifest, e: ErrorObject): SchemaIssue | undefined {
  const data = valueIn(m.data, e.instancePath);
  if (e.keyword === 'type') {
    if (skip(data)) return undefined;
    return { ptr: e.instancePath, message: `\`${dotted(e.instancePath)}\` must be a mapping of keys; found ${describe(data)}.` };
  }
  const key = (e.params as { key?: unknown }).key;
  const ptr = typeof key === 'string' ? pointerJoin(e.instancePath, key) : e.instancePath;
  return { ptr, message: `\`${dotted(ptr)}\` ${e.message ?? 'is invalid.'}` };
}

function position(m: Manifest, ptr: string): number {
  const s = m.doc.keys.get(ptr) ?? m.doc.values.get(ptr) ?? m.doc.start;
  return s.line * 1e6 + s.column;
}

/** Validates a manifest against its kind's schema; one issue per key at most, in document order. */
export function validateManifest(m: Manifest): SchemaIssue[] {
  const v = validator(m.kind);
  if (v(m.data)) return [];
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  const missing = new Map<string, string[]>();
  const issues: SchemaIssue[] = [];
  for (const e of v.errors ?? []) {
    if (e.keyword === 'required') {
      const list = missing.get(e.instancePath) ?? [];
      list.push(String((e.params as { missingProperty?: unknown }).missingProperty ?? ''));
      missing.set(e.instancePath, list);
    } else {
      const issue = issueOf(m, e);
      if (issue) issues.push(issue);
    }
  }
  for (const [parent, keys] of missing) issues.unshift(requiredIssue(m, parent, keys));
  for (const issue of issues) {
    if (seen.has(issue.ptr)) continue;
    seen.add(issue.ptr);
    out.push(issue);
  }
  return out.sort((a, b) => position(m, a.ptr) - position(m, b.ptr));
}
