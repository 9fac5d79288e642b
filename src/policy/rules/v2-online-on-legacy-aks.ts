import { help } from '../kit/help.js';
import type { ComputeInfo, Ref } from '../../core/types.js';
import type { InventoryRule } from '../rule.js';

/** Computes by lower-cased name, indexed once per compute list. */
const byList = new WeakMap<readonly ComputeInfo[], Map<string, ComputeInfo[]>>();
function named(name: string, computes: readonly ComputeInfo[]): ComputeInfo[] {
  let index = byList.get(computes);
  if (!index) {
    index = new Map();
    for (const c of computes) {
      const k = c.name.toLowerCase();
      const list = index.get(k);
      if (list) list.push(c);
      else index.set(k, [c]);
    }
    byList.set(computes, index);
  }
  return index.get(name) ?? [];
}

/** The compute a resolved reference names (config facts win, as the inventory resolves them). */
function computeOf(ref: Ref, computes: readonly ComputeInfo[]): ComputeInfo | undefined {
  if (ref.resolution !== 'resolved') return undefined;
  const matches = named(ref.name.toLowerCase(), computes);
  return matches.find((c) => c.source === 'config') ?? matches[0];
}

export const rule: InventoryRule = {
  id: 'v2-online-on-legacy-aks',
  scope: 'inventory',
  defaultSeverity: 'error',
  description: 'A CLI/SDK v2 online endpoint or deployment cannot run on a legacy AKS compute (v1 AksCompute attachment).',
  remediation: 'Attach the AKS cluster as an Azure ML Kubernetes compute (`az ml compute attach --type Kubernetes`) and point `compute:` at it.',
  help: help(
    'Legacy AKS compute runs v1 web services only. CLI/SDK v2 needs the cluster attached as an Azure ML Kubernetes compute (the Azure ML ' +
      'extension on AKS or Arc); `az ml online-endpoint create` fails on a legacy AKS compute.',
    'MicrosoftDocs/azure-ai-docs `articles/machine-learning/how-to-attach-kubernetes-anywhere.md` @34cf4994 (legacy AKS compute cannot be used from CLI/SDK v2)',
  ),
  check(ctx) {
    // Kubernetes endpoints name the compute; their deployments inherit it (the registry keeps one finding per key).
    const refs: Ref[] = [];
    for (const e of ctx.inventory.endpoints) if (e.kind === 'kubernetes' && e.computeRef) refs.push(e.computeRef);
    for (const d of ctx.inventory.deployments) if (d.flavor === 'kubernetes-online' && d.computeRef && !d.skipDeployment) refs.push(d.computeRef);
    for (const ref of refs) {
      if (computeOf(ref, ctx.inventory.computes)?.type !== 'aks') continue;
      ctx.report(
        ref.at,
        `\`${ref.raw}\` is a legacy AKS compute (a v1 AksCompute attachment), which CLI/SDK v2 online endpoints cannot use: ` +
          'attach the cluster as an Azure ML Kubernetes compute (`az ml compute attach --type Kubernetes`, a kubernetesCompute YAML) and point `compute:` at it.',
      );
    }
  },
};
