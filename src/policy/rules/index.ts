import type { Rule } from '../rule.js';
import { rule as localNotForProduction } from './local-not-for-production.js';
import { rule as aciNotForProduction } from './aci-not-for-production.js';
import { rule as computeClusterNotRealtime } from './compute-cluster-not-realtime.js';
import { rule as batchRequiresComputeCluster } from './batch-requires-compute-cluster.js';
import { rule as gpuRealtimeRequiresAks } from './gpu-realtime-requires-aks.js';
import { rule as gpuBatchRequiresGpuCluster } from './gpu-batch-requires-gpu-cluster.js';
import { rule as fpgaRequiresAks } from './fpga-requires-aks.js';
import { rule as aciMemoryLimit } from './aci-memory-limit.js';
import { rule as aciModelSize } from './aci-model-size.js';
import { rule as memoryHeadroom } from './memory-headroom.js';
import { rule as autoscaleRequiresAks } from './autoscale-requires-aks.js';
import { rule as aksProductionCluster } from './aks-production-cluster.js';
import { rule as gpuReplicasExceedCluster } from './gpu-replicas-exceed-cluster.js';
import { rule as lowPriorityProductionBatch } from './low-priority-production-batch.js';
import { rule as managedSkuUnsupported } from './managed-sku-unsupported.js';
import { rule as managedInstanceCountHa } from './managed-instance-count-ha.js';
import { rule as requestTimeoutLimit } from './request-timeout-limit.js';
import { rule as kubernetesResources } from './kubernetes-resources.js';
import { rule as v1Deprecated } from './v1-deprecated.js';
import { rule as secretInManifest } from './secret-in-manifest.js';
import { rule as schema } from './schema.js';
import { rule as unknownKey } from './unknown-key.js';
import { rule as parseError } from './parse-error.js';
import { rule as unresolvedReference } from './unresolved-reference.js';
import { rule as invalidSuppression } from './invalid-suppression.js';
import { rule as waiverExpired } from './waiver-expired.js';
import { rule as template } from './template.js';
import { rule as kubernetesRegistryAsset } from './kubernetes-registry-asset.js';
import { rule as v2OnlineOnLegacyAks } from './v2-online-on-legacy-aks.js';
import { rule as quotaExceeded } from './quota-exceeded.js';
import { rule as policyChange } from './policy-change.js';

/** Every rule, in the order of SPEC §4 then the rules added since (the order of --list-rules, SARIF and docs). */
export const ALL_RULES: readonly Rule[] = [
  localNotForProduction,
  aciNotForProduction,
  computeClusterNotRealtime,
  batchRequiresComputeCluster,
  gpuRealtimeRequiresAks,
  gpuBatchRequiresGpuCluster,
  fpgaRequiresAks,
  aciMemoryLimit,
  aciModelSize,
  memoryHeadroom,
  autoscaleRequiresAks,
  aksProductionCluster,
  gpuReplicasExceedCluster,
  lowPriorityProductionBatch,
  managedSkuUnsupported,
  managedInstanceCountHa,
  requestTimeoutLimit,
  kubernetesResources,
  v1Deprecated,
  secretInManifest,
  schema,
  unknownKey,
  parseError,
  unresolvedReference,
  invalidSuppression,
  waiverExpired,
  // Rules added after SPEC §4's table (issues #11 and #13).
  template,
  kubernetesRegistryAsset,
  v2OnlineOnLegacyAks,
  quotaExceeded,
  policyChange,
];
