import type { Rule } from '../types.js';
import type { Deployment, Manifest } from '../../types.js';
import { num, numberAt, targetKeyOf, valueAt } from './support.js';

/** ACI → managed online migration table (Azure ML "upgrade to v2 managed online endpoints"): first row whose CPU and memory bounds hold. */
const MIGRATION: ReadonlyArray<{ cpu: number; memoryGb: number; sku: string }> = [
  { cpu: 1, memoryGb: 1.2, sku: 'Standard_DS1_v2' },
  { cpu: 2, memoryGb: 1.7, sku: 'Standard_F2s_v2' },
  { cpu: 2, memoryGb: 4.7, sku: 'Standard_DS2_v2' },
  { cpu: 2, memoryGb: 13.7, sku: 'Standard_E2s_v3' },
  { cpu: 4, memoryGb: 5.7, sku: 'Standard_F4s_v2' },
  { cpu: 4, memoryGb: 11.7, sku: 'Standard_DS3_v2' },
  { cpu: 4, memoryGb: 16, sku: 'Standard_E4s_v3' },
];

/** v1 defaults Azure applies when `cpu` / `memoryInGB` (`cpu_cores` / `memory_gb`) are omitted. */
const DEFAULT_CPU = 0.1;
const DEFAULT_MEMORY_GB = 0.5;

const END = 'SDK v1 support ends 2026-06-30 and CLI v1 support ended 2025-09-30';

export function migrationSku(cpu: number, memoryGb: number): string | undefined {
  return MIGRATION.find((r) => cpu <= r.cpu && memoryGb <= r.memoryGb)?.sku;
}

function skuAdvice(cpu: number, memoryGb: number): string {
  const sku = migrationSku(cpu, memoryGb);
  const sized = `${num(cpu)} CPU / ${num(memoryGb)} GB`;
  if (sku) return `by the ACI→managed online migration table, ${sized} maps to \`instance_type: ${sku}\``;
  return `${sized} is above the migration table (4 CPU / 16 GB): size the \`instance_type\` by profiling the model`;
}


function v2Equivalent(m: Manifest, d: Deployment | undefined): string {
  switch (m.kind) {
    case 'v1DeploymentConfig': {
      const raw = valueAt(m, '/computeType');
      const t = typeof raw === 'string' ? raw.toLowerCase() : '';
      if (t === 'local') return 'test locally with a v2 local endpoint (`az ml online-deployment create --local`)';
      const cpu = d?.cpu?.value ?? numberAt(m, '/containerResourceRequirements/cpu') ?? DEFAULT_CPU;
      const mem = d?.memoryGb?.value ?? numberAt(m, '/containerResourceRequirements/memoryInGB') ?? DEFAULT_MEMORY_GB;
      const alt = t === 'aci' ? '' : ', or a kubernetesOnlineDeployment on an Azure ML Kubernetes compute with matching `resources.requests`';
      return `use a v2 managedOnlineEndpoint + managedOnlineDeployment YAML (\`az ml online-deployment create -f\`)${alt}; ${skuAdvice(cpu, mem)}`;
    }
    case 'amlDeployAction': {
      const cpu = d?.cpu?.value ?? numberAt(m, '/cpu_cores') ?? DEFAULT_CPU;
      const mem = d?.memoryGb?.value ?? numberAt(m, '/memory_gb') ?? DEFAULT_MEMORY_GB;
      return (
        'replace the Azure/aml-deploy action (deprecated) with azure/login + `az ml online-deployment create -f` and a v2 managedOnlineDeployment ' +
        `(or kubernetesOnlineDeployment for AKS) YAML; ${skuAdvice(cpu, mem)}`
      );
    }
    case 'amlComputeAction': {
      const raw = valueAt(m, '/compute_type');
      const t = typeof raw === 'string' ? raw.toLowerCase() : '';
      if (t === 'akscluster') {
        return 'replace the Azure/aml-compute action with `az ml compute attach --type Kubernetes` (a v2 kubernetesCompute YAML; legacy AKS compute cannot host v2 endpoints)';
      }
      return 'replace the Azure/aml-compute action with a v2 amlCompute YAML (`az ml compute create -f`: `size`, `tier`, `min_instances`, `max_instances`)';
    }
    case 'amlRegisterModelAction':
      return 'replace the Azure/aml-registermodel action with a v2 model YAML (`az ml model create -f`), keeping `memory_gb` / `model_size_bytes` in its tags';
    default:
      return 'move to the Azure ML CLI/SDK v2 YAML equivalent';
  }
}

const FAMILY: Partial<Record<Manifest['kind'], string>> = {
  v1DeploymentConfig: 'an SDK/CLI v1 deployment configuration',
  amlDeployAction: 'an Azure/aml-deploy action parameters file (SDK v1)',
  amlComputeAction: 'an Azure/aml-compute action parameters file (SDK v1)',
  amlRegisterModelAction: 'an Azure/aml-registermodel action parameters file (SDK v1)',
};

export const rule: Rule = {
  id: 'v1-deprecated',
  defaultSeverity: 'warning',
  description: 'SDK/CLI v1 deployment configs and the aml-deploy/aml-compute/aml-registermodel actions are deprecated.',
  remediation: 'Move to CLI/SDK v2 YAML (managed or Kubernetes online deployments, amlCompute, model); the message names the SKU.',
  check(ctx) {
    const byManifest = new Map<Manifest, Deployment>(ctx.inventory.deployments.map((d) => [d.manifest, d]));
    for (const m of ctx.inventory.manifests) {
      if (!m.v1) continue;
      const family = FAMILY[m.kind] ?? 'an SDK/CLI v1 file';
      ctx.report(
        { manifest: m, ptr: targetKeyOf(m) },
        `This is ${family}; ${END}` +
          (m.kind === 'v1DeploymentConfig' || m.kind === 'amlDeployAction' ? ', and v1 ACI/AKS web services are legacy for new deployments. ' : '. ') +
          `Fix: ${v2Equivalent(m, byManifest.get(m))}.`,
      );
    }
  },
};
