import type { Rule } from '../types.js';
import type { Anchor, Deployment, Fact, KubeResources } from '../../types.js';
import { activeDeployments, describeDeployment, describeModel, GIB, keyPath, modelGap, num, valueAt } from './support.js';

/** Minimum requests for MLflow (no-code) models on Kubernetes online endpoints (Azure ML instance type docs). */
const MLFLOW_MIN_CPU = 2;
const MLFLOW_MIN_MEMORY_BYTES = 4 * GIB;

/** An exact quantity: n / d (d > 0). */
interface Exact {
  n: bigint;
  d: bigint;
}

const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_EXP: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/**
 * The quantity as written, as an exact fraction: floats would make `700m` (0.7000000000000001)
 * exceed `0.7`, a false "limit below request" (SPEC §4: quantities are exact).
 */
function exactOf(v: unknown): Exact | undefined {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : typeof v === 'string' ? v : '';
  const mt = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?\s*$/.exec(s);
  if (!mt || (mt[2] === '' && (mt[3] ?? '') === '')) return undefined;
  const frac = mt[3] ?? '';
  let n = BigInt(`${mt[2]}${frac}` || '0') * (mt[1] === '-' ? -1n : 1n);
  const suffix = mt[5] ?? '';
  const e10 = (mt[4] !== undefined ? Number(mt[4]) : (DECIMAL_EXP[suffix] ?? 0)) - frac.length;
  if (Math.abs(e10) > 64 || mt[2].length + frac.length > 64) return undefined; // hostile sizes: compare as floats
  if (suffix in BINARY_EXP) n *= 2n ** BigInt(BINARY_EXP[suffix]);
  let d = 1n;
  if (e10 >= 0) n *= 10n ** BigInt(e10);
  else d = 10n ** BigInt(-e10);
  return { n, d };
}

/** a < b, exactly when both are written quantities, else by their parsed values. */
function below(a: Fact<number>, b: Fact<number> | number): boolean {
  const ea = exactOf(valueAt(a.manifest, a.ptr));
  const eb = typeof b === 'number' ? exactOf(b) : exactOf(valueAt(b.manifest, b.ptr));
  if (ea && eb) return ea.n * eb.d < eb.n * ea.d;
  return a.value < (typeof b === 'number' ? b : b.value);
}

const NAMES: Record<keyof KubeResources, string> = { cpu: 'cpu', memory: 'memory', gpu: 'nvidia.com/gpu' };

function isKubernetesOnline(d: Deployment): boolean {
  return d.manifest.kind === 'kubernetesOnlineDeployment';
}

/** The quantity as written (`"200Mi"`), for messages. */
function written(f: Fact<number>): string {
  const v = valueAt(f.manifest, f.ptr);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : num(f.value);
}

function anchor(f: Fact<number>): Anchor {
  return { manifest: f.manifest, ptr: f.ptr };
}

export const rule: Rule = {
  id: 'kubernetes-resources',
  defaultSeverity: 'error',
  description: 'Kubernetes online deployment resources must be consistent: limits ≥ requests, GPUs in limits, MLflow models ≥ 2 CPU and 4 GiB.',
  remediation: 'Raise the limit to at least the request, put nvidia.com/gpu in limits, and request ≥ 2 CPU / 4Gi for MLflow models.',
  appliesTo: (d) => isKubernetesOnline(d) && !d.skipDeployment,
  check(ctx) {
    for (const d of activeDeployments(ctx)) {
      if (!isKubernetesOnline(d)) continue;
      const req = d.requests ?? {};
      const lim = d.limits ?? {};
      for (const k of ['cpu', 'memory', 'gpu'] as const) {
        const r = req[k];
        const l = lim[k];
        if (r && l && below(l, r)) {
          ctx.report(
            anchor(l),
            `\`${keyPath(l.ptr)}: ${written(l)}\` of ${describeDeployment(d)} is below its request \`${keyPath(r.ptr)}: ${written(r)}\`; ` +
              'Kubernetes rejects a pod whose limit is lower than its request. ' +
              `Fix: set the ${NAMES[k]} limit to at least ${written(r)}, or lower the request.`,
          );
        }
      }
      if (req.gpu && req.gpu.value > 0 && !lim.gpu) {
        ctx.report(
          anchor(req.gpu),
          `${describeDeployment(d)} requests \`nvidia.com/gpu\` without a limit; Kubernetes schedules GPUs only from \`resources.limits\` ` +
            `(a GPU request without an equal limit is rejected). Fix: add \`resources.limits.nvidia.com/gpu: ${written(req.gpu)}\`.`,
        );
      }
      const gap = modelGap(d);
      if (gap) {
        ctx.skip(d, gap);
        continue;
      }
      if (d.model?.type !== 'mlflow_model') continue;
      const why = `MLflow (no-code) models on Kubernetes online endpoints need requests of at least ${MLFLOW_MIN_CPU} CPU and 4Gi memory`;
      if (!req.cpu && !req.memory) {
        if (d.instanceType) continue; // the named instance type sets the requests; its definition lives in the cluster
        ctx.report(
          d.targetKey,
          `${describeDeployment(d)} serves ${describeModel(d)} (an MLflow model) without \`resources.requests\` or \`instance_type\`, ` +
            `so it gets the default instance type (100m CPU, 2Gi); ${why}. ` +
            'Fix: add `resources.requests: { cpu: "2", memory: "4Gi" }` (and matching limits).',
        );
        continue;
      }
      if (req.cpu && below(req.cpu, MLFLOW_MIN_CPU)) {
        ctx.report(
          anchor(req.cpu),
          `\`${keyPath(req.cpu.ptr)}: ${written(req.cpu)}\` is too small for ${describeModel(d)}; ${why}. Fix: request \`cpu: "${MLFLOW_MIN_CPU}"\` or more.`,
        );
      }
      if (req.memory && below(req.memory, MLFLOW_MIN_MEMORY_BYTES)) {
        ctx.report(
          anchor(req.memory),
          `\`${keyPath(req.memory.ptr)}: ${written(req.memory)}\` is too small for ${describeModel(d)}; ${why} ` +
            '(4Gi = 4 × 2^30 bytes; 4G is only 4 × 10^9). Fix: request `memory: "4Gi"` or more.',
        );
      }
    }
  },
};
