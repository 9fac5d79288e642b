import { KUBERNETES_DEFAULT_INSTANCE_TYPE, KUBERNETES_MLFLOW_MIN } from '../../catalog/azure-defaults.js';
import type { Anchor, Deployment, Fact, KubeResources } from '../../core/types.js';
import { quantityBelow } from '../../formats/kit/quantity.js';
import { valueAt } from '../../formats/kit/values.js';
import type { DeploymentRule } from '../rule.js';
import { GIB, describeDeployment, describeModel, keyPath, num } from '../kit/describe.js';
import { modelGap } from '../kit/gaps.js';

/** Minimum requests for MLflow (no-code) models on Kubernetes online endpoints (Azure ML instance type docs). */
const MLFLOW_MIN_CPU = KUBERNETES_MLFLOW_MIN.cpu;
const MLFLOW_MIN_MEMORY_BYTES = KUBERNETES_MLFLOW_MIN.memoryGi * GIB;
const below = quantityBelow;

const NAMES: Record<keyof KubeResources, string> = { cpu: 'cpu', memory: 'memory', gpu: 'nvidia.com/gpu' };

function isKubernetesOnline(d: Deployment): boolean {
  return d.flavor === 'kubernetes-online';
}

/** The quantity as written (`"200Mi"`), for messages. */
function written(f: Fact<number>): string {
  const v = valueAt(f.manifest, f.ptr);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : num(f.value);
}

function anchor(f: Fact<number>): Anchor {
  return { manifest: f.manifest, ptr: f.ptr };
}

export const rule: DeploymentRule = {
  id: 'kubernetes-resources',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'Kubernetes online deployment resources must be consistent: limits ≥ requests, GPUs in limits, MLflow models ≥ 2 CPU and 4 GiB.',
  remediation: 'Raise the limit to at least the request, put nvidia.com/gpu in limits, and request ≥ 2 CPU / 4Gi for MLflow models.',
  needs: { model: true },
  appliesTo: isKubernetesOnline,
  check(d, ctx) {
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
    // An inline model says its type even when its files live in a datastore (`type: mlflow_model`, `path: azureml://…`).
    const mlflow = d.model?.type === 'mlflow_model' || d.modelRef?.type === 'mlflow_model';
    const gap = mlflow ? undefined : modelGap(d);
    if (gap) {
      ctx.skip(d, gap);
      return;
    }
    if (!mlflow) return;
    const why = `MLflow (no-code) models on Kubernetes online endpoints need requests of at least ${MLFLOW_MIN_CPU} CPU and 4Gi memory`;
    if (!req.cpu && !req.memory) {
      if (d.instanceType) return; // the named instance type sets the requests; its definition lives in the cluster
      ctx.report(
        d.targetKey,
        `${describeDeployment(d)} serves ${describeModel(d)} (an MLflow model) without \`resources.requests\` or \`instance_type\`, ` +
          `so it gets the default instance type (${KUBERNETES_DEFAULT_INSTANCE_TYPE.cpu} CPU, ${KUBERNETES_DEFAULT_INSTANCE_TYPE.memory}); ${why}. ` +
          'Fix: add `resources.requests: { cpu: "2", memory: "4Gi" }` (and matching limits).',
      );
      return;
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
  },
};
