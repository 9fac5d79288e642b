// A diff-aware run (SPEC §6): the changed files plus every manifest that depends on one of them.
import type { Inventory, Ref } from '../core/types.js';

/**
 * Changed files plus every manifest whose deployment uses a changed definition: any model metadata
 * of its model's name (facts merge from several files), any compute definition of its compute's
 * name, the files under its model's local path, and (Kubernetes) its endpoint.
 */
export function dependents(changed: ReadonlySet<string>, inv: Inventory): Set<string> {
  const scope = new Set(changed);
  const touches = (p: string | undefined) => p !== undefined && changed.has(p);
  const changedList = [...changed];
  const under = (dir: string | undefined) => dir !== undefined && changedList.some((c) => dir === '' || c === dir || c.startsWith(dir + '/'));
  // Names defined by changed files: a new or edited definition can resolve (or break) a reference.
  const modelNames = new Set(inv.models.filter((m) => m.name && touches(m.manifest?.file.path)).map((m) => m.name));
  const computeNames = new Set(inv.computes.filter((c) => touches(c.manifest?.file.path)).map((c) => c.name.toLowerCase()));
  const endpointNames = new Set(inv.endpoints.filter((e) => e.name && touches(e.manifest.file.path)).map((e) => e.name));
  const named = (ref: Ref | undefined, names: Set<string | undefined>, fold = false) =>
    ref !== undefined && !ref.external && names.has(fold ? ref.name.toLowerCase() : ref.name);
  for (const d of inv.deployments) {
    const file = d.manifest.file.path;
    if (scope.has(file)) continue;
    if (
      touches(d.model?.manifest?.file.path) ||
      (d.model?.name !== undefined && modelNames.has(d.model.name)) ||
      named(d.modelRef, modelNames) ||
      touches(d.compute?.manifest?.file.path) ||
      named(d.computeRef, computeNames, true) ||
      touches(d.computeRef?.at.manifest.file.path) ||
      (d.inheritsEndpointCompute === true && d.endpointName !== undefined && endpointNames.has(d.endpointName)) ||
      under(d.model?.localPath)
    ) {
      scope.add(file);
    }
  }
  // Findings about an in-scope deployment may sit in its endpoint file (inherited compute key).
  for (const d of inv.deployments) {
    const ep = d.computeRef?.at.manifest.file.path;
    if (ep && scope.has(d.manifest.file.path)) scope.add(ep);
  }
  return scope;
}
