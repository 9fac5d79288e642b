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

export const TARGETS: Record<TargetId, TargetRow> = {
  local: {
    id: 'local',
    title: 'Local web service',
    usedFor: 'testing / debugging',
    realtime: true,
    batch: false,
    gpu: false,
    fpga: false,
    autoscale: false,
    stages: 'nonproduction',
    description: 'limited testing and troubleshooting; hardware acceleration depends on local libraries',
  },
  aci: {
    id: 'aci',
    title: 'Azure Container Instances (ACI)',
    usedFor: 'testing or development',
    realtime: true,
    batch: false,
    gpu: false,
    fpga: false,
    autoscale: false,
    stages: 'nonproduction',
    maxMemoryLimit: 'aci-max-memory-gb',
    maxModelSizeLimit: 'aci-max-model-size-gb',
    description: 'low-scale CPU workloads needing < 48 GB RAM, models < 1 GB, a single replica',
  },
  aks: {
    id: 'aks',
    title: 'Azure Kubernetes Service (AKS)',
    usedFor: 'real-time inference (and batch on Azure ML Kubernetes compute)',
    realtime: true,
    batch: true,
    gpu: true,
    fpga: true,
    autoscale: true,
    stages: 'any',
    description: 'large-scale production deployments; fast response and autoscaling of the deployed service; GPU and FPGA',
  },
  'compute-cluster': {
    id: 'compute-cluster',
    title: 'Azure Machine Learning compute clusters',
    usedFor: 'batch inference',
    realtime: false,
    batch: true,
    gpu: true,
    fpga: false,
    autoscale: true,
    stages: 'any',
    description: 'batch inference on serverless compute, normal and low-priority VMs; no real-time inference',
  },
  'managed-online': {
    id: 'managed-online',
    title: 'Managed online endpoint',
    usedFor: 'real-time inference (CLI/SDK v2)',
    realtime: true,
    batch: false,
    gpu: true,
    fpga: false,
    autoscale: true,
    stages: 'any',
    description: 'managed real-time inference on a catalogue VM SKU; autoscale through Azure Monitor',
  },
};

export const TABLE_SOURCE = 'Azure ML compute target table (aml-compute-target-deploy.md)';
