import type { ComputeInfo, Manifest } from '../types.js';
import type { Normalised } from './index.js';
import { num, prune, text, valueAt } from './util.js';

/** v2 compute YAML: cluster (with Azure's defaults), Kubernetes attach, compute instance, attached VM. */
export function normaliseV2Compute(m: Manifest): Partial<Normalised> {
  const name = text(m, '/name') ?? '';
  let info: ComputeInfo;
  switch (m.kind) {
    case 'amlCompute': {
      const rawTier = valueAt(m, '/tier');
      const tier = typeof rawTier === 'string' ? rawTier.trim().toLowerCase().replace(/[_-]/g, '') : undefined;
      const maxNodes = num(m, '/max_instances')?.value ?? 1;
      info = {
        name,
        type: 'amlcompute',
        vmSize: text(m, '/size') ?? 'Standard_DS3_v2',
        minNodes: num(m, '/min_instances')?.value ?? 0,
        maxNodes,
        nodes: maxNodes,
        tier: rawTier === undefined || rawTier === null ? 'dedicated' : tier === 'lowpriority' ? 'lowpriority' : tier === 'dedicated' ? 'dedicated' : undefined,
        manifest: m,
        source: 'repo',
      };
      break;
    }
    case 'kubernetesCompute':
      info = { name, type: 'kubernetes', manifest: m, source: 'repo' };
      break;
    case 'computeInstance':
      info = { name, type: 'computeinstance', vmSize: text(m, '/size'), nodes: 1, manifest: m, source: 'repo' };
      break;
    case 'vmCompute':
      info = { name, type: 'virtualmachine', nodes: 1, manifest: m, source: 'repo' };
      break;
    default:
      return {};
  }
  return { computes: [prune(info)] };
}
