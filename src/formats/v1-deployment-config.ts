// SDK/CLI v1 deployment configuration (`az ml model deploy --deploy-config-file`, AZURE-ML-FACTS §2a).
// Loaded by the v1 CLI with yaml.safe_load (JSON or YAML); dispatched on `computeType`, any case.
import type { Anchor, Fact, Fields, Manifest, TargetId } from '../core/types.js';
import { pointerJoin } from '../core/pointer.js';
import { V1_DEFAULT_AUTOSCALE_MAX, V1_DEFAULT_CPU, V1_DEFAULT_MEMORY_GB } from '../catalog/azure-defaults.js';
import { migrationAdvice } from '../catalog/migration.js';
import { define } from './family.js';
import { treeOf } from './kit/fields.js';
import { refAt } from './kit/refs.js';
import { obj, text, vocabulary, SIZE_HINT, type Schema } from './kit/schema.js';
import { anchor, bool, num, numberAt, prune, str, valueAt } from './kit/values.js';
import type { DraftDeployment } from './types.js';

type V1Type = 'aci' | 'aks' | 'aksendpoint' | 'local';

/** `computeType` (compared case-insensitively, as the v1 CLI does) → target. */
const TARGETS: Record<V1Type, TargetId> = { aci: 'aci', aks: 'aks', aksendpoint: 'aks', local: 'local' };
const NAMES: Record<V1Type, string> = { aci: 'ACI', aks: 'AKS', aksendpoint: 'AKSENDPOINT', local: 'local' };

const ALL: V1Type[] = ['aci', 'aks', 'aksendpoint', 'local'];
const ACI_AKS: V1Type[] = ['aci', 'aks', 'aksendpoint'];
const AKS: V1Type[] = ['aks', 'aksendpoint'];

/**
 * Every key `deploy_config_dict_to_obj` reads, with the computeTypes it is read for.
 * `rulesRead` marks keys a rule of this product reads on every computeType (autoscale, replicas,
 * GPU/FPGA intent), which are therefore not "unknown" on ACI/local.
 */
const KEYS: Array<{ path: string; types: V1Type[]; rulesRead?: boolean }> = [
  ...group(ALL, false, ['computeType']),
  ...group(ACI_AKS, false, ['containerResourceRequirements.cpu', 'containerResourceRequirements.memoryInGB', 'authEnabled', 'appInsightsEnabled', 'keys.primaryKey', 'keys.secondaryKey']),
  ...group(AKS, false, ['containerResourceRequirements.cpuLimit', 'containerResourceRequirements.memoryInGBLimit', 'dataCollection.storageEnabled', 'tokenAuthEnabled', 'scoringTimeoutMs', 'maxConcurrentRequestsPerContainer', 'maxQueueWaitMs', 'namespace']),
  ...group(AKS, false, ['periodSeconds', 'initialDelaySeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'].map((k) => `livenessProbeRequirements.${k}`)),
  // REST fields the CLI does not read (GPU/FPGA intent), and what a rule reads on every computeType.
  ...group(AKS, true, ['containerResourceRequirements.gpu', 'containerResourceRequirements.fpga', 'gpuCores', 'numReplicas']),
  ...group(AKS, true, ['autoscaleEnabled', 'minReplicas', 'maxReplicas', 'refreshPeriodInSeconds', 'targetUtilization'].map((k) => `autoScaler.${k}`)),
  ...group(['aks'], false, ['computeTargetName']),
  ...group(['aksendpoint'], false, ['versionName', 'trafficPercentile']),
  ...group(['aci'], false, ['location', 'sslEnabled', 'sslCertificate', 'sslKey', 'cname', 'dnsNameLabel', 'vaultBaseUrl', 'keyName', 'keyVersion', 'vnetName', 'subnetName']),
  ...group(['local'], false, ['port']),
];

function group(types: V1Type[], rulesRead: boolean, paths: string[]): Array<{ path: string; types: V1Type[]; rulesRead?: boolean }> {
  return paths.map((path) => (rulesRead ? { path, types, rulesRead } : { path, types }));
}

/** `computeType` in lower case when it is one of the four the v1 CLI knows. */
function v1Type(m: Manifest): V1Type | undefined {
  const v = m.data.computeType;
  const t = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
  return t !== undefined && Object.hasOwn(TARGETS, t) ? (t as V1Type) : undefined;
}

const trees = new Map<string, Fields>();

/** Known keys for a computeType; an unknown computeType gets the union of all. */
function fieldsFor(type: V1Type | undefined): Fields {
  const key = type ?? '*';
  let t = trees.get(key);
  if (!t) {
    t = treeOf(KEYS.filter((k) => type === undefined || k.types.includes(type) || k.rulesRead).map((k) => k.path));
    trees.set(key, t);
  }
  return { ...t, $schema: true };
}

function schema(): Schema {
  const f = vocabulary(true, 'ci');
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

function positive(f: Fact<number> | undefined): boolean {
  return f !== undefined && f.value > 0;
}

/** `computeType`, as written (any case), else the first key. */
function targetKey(m: Manifest): string {
  const keys = Object.keys(m.data);
  const k = keys.find((x) => x === 'computeType') ?? keys.find((x) => x.toLowerCase() === 'computetype') ?? keys[0];
  return k === undefined ? '' : pointerJoin('', k);
}

export const v1DeploymentConfig = define({
  id: 'v1-deployment-config',
  kinds: ['v1DeploymentConfig'],
  v1: true,
  prefilter: { keys: ['computeType'] },
  detect: ({ data }) => ('computeType' in data ? 'v1DeploymentConfig' : undefined),
  // `$schema` is no key the v1 CLI reads: a v1 config keeps its meaning with one.
  detectUnderForeignSchema: true,
  label(m) {
    const ct = typeof m.data.computeType === 'string' ? m.data.computeType : '?';
    return `v1 deployment config (computeType ${ct})`;
  },
  unknownKeyEffect: 'ignored by the v1 CLI/SDK (the setting has no effect)',
  fields: (m) => fieldsFor(v1Type(m)),
  keyAdvice(m, dotted) {
    if (v1Type(m) === undefined) return undefined;
    const e = KEYS.find((k) => k.path === dotted);
    if (!e) return undefined;
    const ct = typeof m.data.computeType === 'string' ? m.data.computeType : '';
    return (
      `\`${dotted}\` is read only for computeType ${e.types.map((t) => NAMES[t]).join('/')}, so the v1 CLI/SDK ignores it for computeType ${ct}: ` +
      'remove it, or change computeType if that target is what you meant.'
    );
  },
  schema,
  targetKey,
  secrets: [
    {
      ptr: '/keys/primaryKey',
      what: 'a service authentication key (`keys.primaryKey`)',
      fix: 'omit `keys` so Azure generates the keys, or pass them at deploy time from a secret store (`az ml service regen-key`, GitHub secrets)',
    },
    {
      ptr: '/keys/secondaryKey',
      what: 'a service authentication key (`keys.secondaryKey`)',
      fix: 'omit `keys` so Azure generates the keys, or pass them at deploy time from a secret store (`az ml service regen-key`, GitHub secrets)',
    },
    { ptr: '/sslKey', what: 'sslKey', fix: '', pem: true },
  ],
  deprecation: {
    what: 'an SDK/CLI v1 deployment configuration',
    replacement(m, d) {
      const raw = valueAt(m, '/computeType');
      const t = typeof raw === 'string' ? raw.toLowerCase() : '';
      if (t === 'local') return 'test locally with a v2 local endpoint (`az ml online-deployment create --local`)';
      const cpu = d?.cpu?.value ?? numberAt(m, '/containerResourceRequirements/cpu') ?? V1_DEFAULT_CPU;
      const mem = d?.memoryGb?.value ?? numberAt(m, '/containerResourceRequirements/memoryInGB') ?? V1_DEFAULT_MEMORY_GB;
      const alt = t === 'aci' ? '' : ', or a kubernetesOnlineDeployment with matching `resources.requests`';
      return `use a v2 managedOnlineDeployment (\`az ml online-deployment create -f\`) ${migrationAdvice(cpu, mem)}${alt}`;
    },
  },
  /**
   * An unknown `computeType` yields no deployment: the `schema` rule reports it. Omitted sizes stay
   * undefined (the rules apply Azure's defaults and point at `computeType`).
   */
  normalise(m) {
    const ct = v1Type(m);
    if (!ct) return {};
    const target = TARGETS[ct];
    const gpuCores = num(m, '/gpuCores');
    const crrGpu = num(m, '/containerResourceRequirements/gpu');
    const gpu = positive(gpuCores) ? gpuCores : positive(crrGpu) ? crrGpu : (gpuCores ?? crrGpu);
    const gpuAsks: Anchor[] = [];
    for (const ptr of ['/gpuCores', '/containerResourceRequirements/gpu']) {
      const v = numberAt(m, ptr);
      if (v !== undefined && v > 0) gpuAsks.push(anchor(m, ptr));
    }
    if (gpu && gpu.value > 0 && !gpuAsks.some((a) => a.ptr === gpu.ptr)) gpuAsks.unshift(anchor(m, gpu.ptr));
    const replicas = num(m, '/numReplicas');
    const autoscaleEnabled = bool(m, '/autoScaler/autoscaleEnabled');
    const d: DraftDeployment = {
      manifest: m,
      flavor: 'v1-web-service',
      target,
      mode: 'realtime',
      targetReason: `computeType: ${String(m.data.computeType).trim()}`,
      targetKey: anchor(m, targetKey(m)),
      cpu: num(m, '/containerResourceRequirements/cpu'),
      memoryGb: num(m, '/containerResourceRequirements/memoryInGB'),
      defaultMemory: target === 'local' ? undefined : { gb: V1_DEFAULT_MEMORY_GB, key: 'containerResourceRequirements.memoryInGB' },
      defaultCpu: V1_DEFAULT_CPU,
      gpu,
      gpuAsks,
      fpga: num(m, '/containerResourceRequirements/fpga'),
      autoscaleEnabled,
      minReplicas: num(m, '/autoScaler/minReplicas'),
      maxReplicas: num(m, '/autoScaler/maxReplicas'),
      replicas,
      // The v1 SDK autoscales an AKS service when no replica count is set (AZURE-ML-FACTS §2a).
      scaling: {
        maxKey: 'autoScaler.maxReplicas',
        replicasKey: 'numReplicas',
        defaultMax: V1_DEFAULT_AUTOSCALE_MAX,
        implicit: target === 'aks' && autoscaleEnabled === undefined && replicas === undefined,
      },
      computeRef: refAt(m, '/computeTargetName'),
      linksModelByFolder: true,
      tags: Object.create(null) as Record<string, string>,
    };
    return { deployments: [prune(d)] };
  },
});
