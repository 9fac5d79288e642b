import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/formats/recognise.js';
import { manifestsOf } from '../harness.js';
import { deployment } from './helpers.js';

describe('v1 deployment config', () => {
  it('maps computeType in any case to its target and points at computeType', () => {
    expect(deployment('a.yml', 'computeType: AksEndpoint\n').target).toBe('aks');
    expect(deployment('a.yml', 'computeType: Local\n').target).toBe('local');
    const d = deployment('a.yml', 'computeType: aci\n');
    expect(d).toMatchObject({ target: 'aci', mode: 'realtime', targetKey: { ptr: '/computeType' }, targetReason: 'computeType: aci' });
  });

  it('recognises an unknown computeType but makes no deployment of it', () => {
    const ms = manifestsOf('a.json', '{"computeType": "kubernetes", "numReplicas": 2}');
    expect(ms.map((m) => m.kind)).toEqual(['v1DeploymentConfig']);
    expect(ms[0].family.v1).toBe(true);
    expect(normalise(ms).deployments).toEqual([]);
  });

  it('prefers gpuCores, falls back to containerResourceRequirements.gpu, keeps FPGA, numeric strings', () => {
    const a = deployment('a.json', '{"computeType":"aci","gpuCores":0,"containerResourceRequirements":{"gpu":1,"fpga":2,"memoryInGB":"2.5"}}');
    expect(a.gpu).toMatchObject({ value: 1, ptr: '/containerResourceRequirements/gpu' });
    expect(a.fpga).toMatchObject({ value: 2, ptr: '/containerResourceRequirements/fpga' });
    expect(a.memoryGb).toMatchObject({ value: 2.5, ptr: '/containerResourceRequirements/memoryInGB' });
    const b = deployment('a.json', '{"computeType":"aks","gpuCores":2,"containerResourceRequirements":{"gpu":1}}');
    expect(b.gpu).toMatchObject({ value: 2, ptr: '/gpuCores' });
  });

  it('reads replicas, autoscale and the compute target name; invents no defaults', () => {
    const d = deployment('a.yml', 'computeType: aks\ncomputeTargetName: prod-aks\nnumReplicas: 3\nautoScaler:\n  autoscaleEnabled: "True"\n');
    expect(d.replicas).toMatchObject({ value: 3, ptr: '/numReplicas' });
    expect(d.autoscaleEnabled).toMatchObject({ value: true, ptr: '/autoScaler/autoscaleEnabled' });
    expect(d.computeRef).toMatchObject({ name: 'prod-aks', at: { ptr: '/computeTargetName' } });
    expect(d.memoryGb).toBeUndefined();
    expect(d.cpu).toBeUndefined();
    expect(d.name).toBeUndefined();
    expect(d.tags).toEqual({});
  });
});
