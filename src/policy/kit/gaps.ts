// When a rule cannot judge a deployment (a reference unresolved, a fact unknown), it says why in
// `skipped`: never a silent pass.
import type { ComputeInfo, Deployment, ModelInfo, Ref } from '../../core/types.js';
import type { RuleContext } from '../rule.js';

export function isUnresolved(ref: Ref | undefined): boolean {
  return ref?.resolution === 'missing' || ref?.resolution === 'version-mismatch';
}

/** Why a rule reading a referenced definition's facts cannot judge it, or undefined when it can. */
function refGap(ref: Ref | undefined, resolved: boolean, what: 'model' | 'compute'): string | undefined {
  if (resolved || !ref) return undefined;
  const config = what === 'model' ? 'models:' : 'computes:';
  if (ref.resolution === 'placeholder') return `the ${what} reference is a placeholder (${ref.placeholder}): render the file, or set the ${what}`;
  if (ref.resolution === 'external') {
    return `${what} "${ref.raw}" is ${what === 'model' ? 'registered' : 'defined'} outside the repository; declare its facts in config \`${config}\``;
  }
  return `${what} reference "${ref.raw}" is not resolved; declare it in config \`${config}\``;
}

/** Why a compute-based rule could not run for this deployment, or undefined when it can. */
export function computeGap(d: Deployment): string | undefined {
  return refGap(d.computeRef, d.compute !== undefined, 'compute');
}

export function modelGap(d: Deployment): string | undefined {
  return refGap(d.modelRef, d.model !== undefined, 'model');
}

/**
 * Why the model rules cannot run for a v1 config / aml-deploy file that is linked to no model
 * (they name none; SPEC §2 links them to the single model metadata file of their folder).
 */
export function unlinkedModel(d: Deployment): string | undefined {
  if (d.model || d.modelRef || !d.linksModelByFolder) return undefined;
  return (
    'the file names no model (the model is given on the command line or by the workflow) and its folder does not hold exactly one model metadata file ' +
    "(model YAML, MLmodel or aml-registermodel file); put the model's metadata next to it"
  );
}

/** Why a real-time AKS deployment names no compute, per family (for `skipped`). */
export function noComputeNamed(d: Deployment): string {
  if (d.inheritsEndpointCompute) {
    return (
      `its compute comes from its Kubernetes endpoint${d.endpointName ? ` "${d.endpointName}"` : ''}, which is not in the repository or names no \`compute\`; ` +
      'add the kubernetesOnlineEndpoint YAML with `compute: azureml:<name>`'
    );
  }
  return 'no AKS compute is named in the file (it is given on the command line); set `computeTargetName` and define that compute in the repository or in config `computes:`';
}

/**
 * Whether the deployment's compute is resolved; if not, records why a compute-based rule cannot
 * judge it (no compute named — only when `unnamed` says why that matters —, an unresolved or
 * external reference).
 */
export function hasResolvedCompute(
  ctx: RuleContext,
  d: Deployment,
  unnamed?: string,
): d is Deployment & { computeRef: Ref; compute: ComputeInfo } {
  if (!d.computeRef) {
    if (unnamed) ctx.skip(d, unnamed);
    return false;
  }
  const gap = computeGap(d);
  if (gap) {
    ctx.skip(d, gap);
    return false;
  }
  return d.compute !== undefined;
}

/**
 * Whether the deployment has a model whose facts can be judged; if not, records why (unresolved or
 * external reference, or a v1/aml-deploy file linked to no model).
 */
export function hasLinkedModel(ctx: RuleContext, d: Deployment): d is Deployment & { model: ModelInfo } {
  const gap = modelGap(d);
  if (gap) {
    ctx.skip(d, gap);
    return false;
  }
  if (!d.model) {
    const why = unlinkedModel(d);
    if (why) ctx.skip(d, why);
    return false;
  }
  return true;
}
