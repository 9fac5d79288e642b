import { KUBERNETES_DEFAULT_INSTANCE_TYPE, KUBERNETES_MLFLOW_MIN } from '../../catalog/azure-defaults.js';
import type { Anchor, Deployment, Fact, KubeResources } from '../../core/types.js';
import { quantityBelow } from '../../formats/kit/quantity.js';
import { valueAt } from '../../formats/kit/values.js';
import type { Change, DeploymentRule } from '../rule.js';
import { GIB, describeDeployment, describeModel, keyPath, num } from '../kit/describe.js';
import { modelGap } from '../kit/gaps.js';
import { help } from '../kit/help.js';

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
  help: help(
    'Kubernetes rejects a pod whose limit is below its request, and schedules GPUs from `resources.limits` only (a GPU request without an ' +
      'equal limit is rejected). Azure ML requires MLflow (no-code) deployments on Kubernetes online endpoints to request at least 2 CPU ' +
      'and 4 GiB; without `resources.requests` or an `instance_type` a deployment gets the default instance type (100m CPU, 2Gi). ' +
      'Quantities are exact: `4G` is 4 × 10^9 bytes, below `4Gi` (4 × 2^30).',
    'Azure ML "Create and manage instance types" (`how-to-manage-kubernetes-instance-types.md`, MicrosoftDocs/azure-ai-docs @198cec07)',
    'Kubernetes "Resource Management for Pods and Containers"',
  ),
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
          `\`${keyPath(l.ptr)}: ${written(l)}\` is below its request \`${keyPath(r.ptr)}: ${written(r)}\`: ` +
            `set the ${NAMES[k]} limit to at least ${written(r)}, or lower the request.`,
        );
      }
    }
    if (req.gpu && req.gpu.value > 0 && !lim.gpu) {
      ctx.report(
        anchor(req.gpu),
        `${describeDeployment(d)} requests \`nvidia.com/gpu\` without a limit: add \`resources.limits.nvidia.com/gpu: ${written(req.gpu)}\`.`,
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
    if (!req.cpu && !req.memory) {
      if (d.instanceType) return; // the named instance type sets the requests; its definition lives in the cluster
      ctx.report(
        d.targetKey,
        `${describeDeployment(d)} serves ${describeModel(d)}, an MLflow model, without \`resources.requests\` or \`instance_type\`, ` +
          `so it gets the default instance type (${KUBERNETES_DEFAULT_INSTANCE_TYPE.cpu} CPU, ${KUBERNETES_DEFAULT_INSTANCE_TYPE.memory}): ` +
          `add \`resources.requests: { cpu: "${MLFLOW_MIN_CPU}", memory: "4Gi" }\` (and matching limits).`,
      );
      return;
    }
    if (req.cpu && below(req.cpu, MLFLOW_MIN_CPU)) {
      ctx.report(
        anchor(req.cpu),
        `\`${keyPath(req.cpu.ptr)}: ${written(req.cpu)}\` is below the ${MLFLOW_MIN_CPU} CPU that MLflow models need on Kubernetes (${describeModel(d)}): request \`cpu: "${MLFLOW_MIN_CPU}"\` or more.`,
      );
    }
    if (req.memory && below(req.memory, MLFLOW_MIN_MEMORY_BYTES)) {
      ctx.report(
        anchor(req.memory),
        `\`${keyPath(req.memory.ptr)}: ${written(req.memory)}\` is below the 4Gi that MLflow models need on Kubernetes (${describeModel(d)}): request \`memory: "4Gi"\` or more.`,
      );
    }
  },
  fix(d, at) {
    const req = d.requests ?? {};
    const lim = d.limits ?? {};
    const raw = (f: Fact<number>): string | number => {
      const v = valueAt(f.manifest, f.ptr);
      return typeof v === 'number' ? v : written(f);
    };
    // A limit below its request: raise the limit to the request, written the same way.
    for (const k of ['cpu', 'memory', 'gpu'] as const) {
      const l = lim[k];
      const r = req[k];
      if (l && r && l.ptr === at.ptr) return { description: `raise the ${NAMES[k]} limit to its request (${written(r)})`, changes: [{ set: l.ptr, value: raw(r) }] };
    }
    // A GPU request without a limit: the limit equal to the request.
    if (req.gpu && req.gpu.ptr === at.ptr && !lim.gpu) {
      const ptr = `${req.gpu.ptr.slice(0, req.gpu.ptr.lastIndexOf('/requests/'))}/limits/nvidia.com~1gpu`;
      return { description: `add \`resources.limits.nvidia.com/gpu: ${written(req.gpu)}\`, equal to the request`, changes: [{ set: ptr, value: raw(req.gpu), like: req.gpu.ptr }] };
    }
    // MLflow minimums: 2 CPU and 4Gi (limits raised along when they would fall below).
    const mins = { cpu: { q: String(MLFLOW_MIN_CPU), n: MLFLOW_MIN_CPU }, memory: { q: '4Gi', n: MLFLOW_MIN_MEMORY_BYTES } };
    const raise = (k: 'cpu' | 'memory', reqPtr: string, numeric: boolean): Change[] => {
      const v = k === 'cpu' && numeric ? mins.cpu.n : mins[k].q;
      const out: Change[] = [{ set: reqPtr, value: v }];
      const l = lim[k];
      if (l && below(l, mins[k].n)) out.push({ set: l.ptr, value: v });
      return out;
    };
    for (const k of ['cpu', 'memory'] as const) {
      const r = req[k];
      if (r && r.ptr === at.ptr) {
        return { description: `request \`${k}: "${mins[k].q}"\`, the minimum for MLflow models on Kubernetes`, changes: raise(k, r.ptr, typeof valueAt(r.manifest, r.ptr) === 'number') };
      }
    }
    if (!req.cpu && !req.memory && !d.instanceType && at.ptr === d.targetKey.ptr && d.model?.type === 'mlflow_model') {
      return {
        description: 'add `resources.requests` of 2 CPU and 4Gi, the minimum for MLflow models on Kubernetes',
        changes: [...raise('cpu', '/resources/requests/cpu', false), ...raise('memory', '/resources/requests/memory', false)],
      };
    }
    return undefined;
  },
};
