import type { TargetId } from '../core/types.js';

/**
 * The Azure ML "compute target for model deployment" table (aml-compute-target-deploy.md,
 * 2020-12-11) as data, with the two CLI/SDK v2 rows of the product spec. Every rule reads
 * capabilities from here; no rule repeats them.
 */
export interface TargetRow {
  id: TargetId;
  title: string;
  usedFor: string;
  realtime: boolean;
  batch: boolean;
  gpu: boolean;
  fpga: boolean;
  /** Service replicas can scale out / autoscale. */
  autoscale: boolean;
  /** `nonproduction` = testing/dev only; `any` = may serve production. */
  stages: 'nonproduction' | 'any';
  /** RAM ceiling of the target, GiB (ACI: < 48 GB), from config limits at run time. */
  maxMemoryLimit?: 'aci-max-memory-gb';
  maxModelSizeLimit?: 'aci-max-model-size-gb';
  description: string;
}

type Capability = 'realtime' | 'batch' | 'gpu' | 'fpga' | 'autoscale';

/** One row of the table: what it is for, what it can do, and whether it may serve production. */
function row(
  id: TargetId,
  title: string,
  usedFor: string,
  can: readonly Capability[],
  stages: TargetRow['stages'],
  description: string,
  limits: Pick<TargetRow, 'maxMemoryLimit' | 'maxModelSizeLimit'> = {},
): TargetRow {
  const has = (c: Capability) => can.includes(c);
  return { id, title, usedFor, realtime: has('realtime'), batch: has('batch'), gpu: has('gpu'), fpga: has('fpga'), autoscale: has('autoscale'), stages, ...limits, description };
}

export const TARGETS: Record<TargetId, TargetRow> = {
  local: row('local', 'Local web service', 'testing / debugging', ['realtime'], 'nonproduction', 'limited testing and troubleshooting; hardware acceleration depends on local libraries'),
  aci: row(
    'aci',
    'Azure Container Instances (ACI)',
    'testing or development',
    ['realtime'],
    'nonproduction',
    'low-scale CPU workloads needing < 48 GB RAM, models < 1 GB, a single replica',
    { maxMemoryLimit: 'aci-max-memory-gb', maxModelSizeLimit: 'aci-max-model-size-gb' },
  ),
  aks: row(
    'aks',
    'Azure Kubernetes Service (AKS)',
    'real-time inference (and batch on Azure ML Kubernetes compute)',
    ['realtime', 'batch', 'gpu', 'fpga', 'autoscale'],
    'any',
    'large-scale production deployments; fast response and autoscaling of the deployed service; GPU and FPGA',
  ),
  'compute-cluster': row(
    'compute-cluster',
    'Azure Machine Learning compute clusters',
    'batch inference',
    ['batch', 'gpu', 'autoscale'],
    'any',
    'batch inference on serverless compute, normal and low-priority VMs; no real-time inference',
  ),
  'managed-online': row(
    'managed-online',
    'Managed online endpoint',
    'real-time inference (CLI/SDK v2)',
    ['realtime', 'gpu', 'autoscale'],
    'any',
    'managed real-time inference on a catalogue VM SKU; autoscale through Azure Monitor',
  ),
};

/** How rule help cites the table (markdown). */
export const TABLE_SOURCE = 'Azure ML *compute target for model deployment* table (`aml-compute-target-deploy.md`, 2020-12-11)';
