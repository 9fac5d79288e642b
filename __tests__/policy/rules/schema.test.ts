import { describe, expect, it } from '@jest/globals';
import { rule as schemaRule } from '../../../src/policy/rules/schema.js';
import { manifestsOf, runRule, type Reported } from '../../harness.js';

const MOD = '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json';
const KOD = '$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineDeployment.schema.json';
const AMLC = '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json';

function schema(rel: string, text: string): Reported[] {
  return runRule(schemaRule, manifestsOf(rel, text));
}
const where = (rs: Reported[]) => rs.map((r) => `${r.line}:${r.column} ${r.ptr}`);

describe('schema rule', () => {
  it('has the contract id and severity', () => {
    expect(schemaRule.id).toBe('schema');
    expect(schemaRule.defaultSeverity).toBe('error');
  });

  it('unknown computeType, at computeType', () => {
    const r = schema('d.yml', 'containerResourceRequirements:\n  cpu: 1\ncomputeType: ACII\n');
    expect(where(r)).toEqual(['3:1 /computeType']);
    expect(r[0].message).toMatch(/ACII/);
    expect(r[0].message).toMatch(/aci, aks, aksendpoint, local/);
  });

  it('zero and negative sizes, non-numeric strings, whole numbers', () => {
    const r = schema(
      'd.json',
      '{\n  "computeType": "aci",\n  "containerResourceRequirements": {\n    "cpu": 0,\n    "memoryInGB": "lots"\n  },\n  "numReplicas": 1.5,\n  "gpuCores": -1\n}',
    );
    expect(where(r)).toEqual([
      '4:5 /containerResourceRequirements/cpu',
      '5:5 /containerResourceRequirements/memoryInGB',
      '7:3 /numReplicas',
      '8:3 /gpuCores',
    ]);
    expect(r[0].message).toMatch(/greater than 0; found 0/);
    expect(r[1].message).toMatch(/must be a number; found the text "lots"/);
    expect(r[2].message).toMatch(/whole number/);
    expect(r[3].message).toMatch(/at least 0; found -1/);
  });

  it('empty computeType and infinite or NaN sizes are errors', () => {
    expect(where(schema('d.yml', 'computeType:\ncontainerResourceRequirements:\n  memoryInGB: 2\n'))).toEqual(['1:1 /computeType']);
    const r = schema('d.yml', 'computeType: aci\ncontainerResourceRequirements:\n  memoryInGB: .inf\n  cpu: .nan\n');
    expect(where(r)).toEqual(['3:3 /containerResourceRequirements/memoryInGB', '4:3 /containerResourceRequirements/cpu']);
    expect(r[0].message).toMatch(/finite number; found infinity/);
    expect(where(schema('d.json', '{"computeType": "aci",\n "containerResourceRequirements": {"memoryInGB": -1e400}}'))).toEqual(['2:36 /containerResourceRequirements/memoryInGB']);
  });

  it('accepts what the v1 loader accepts: numeric strings, YAML 1.1 booleans, any computeType case', () => {
    expect(schema('d.yml', 'computeType: Aks\ncontainerResourceRequirements:\n  memoryInGB: "4"\nautoScaler:\n  autoscaleEnabled: "yes"\n  minReplicas: 1\n  maxReplicas: 3\n')).toEqual([]);
  });

  it('min above max, at the min key; limit below request, at the limit key', () => {
    const r = schema('d.yml', 'computeType: aks\nautoScaler:\n  minReplicas: 5\n  maxReplicas: 2\ncontainerResourceRequirements:\n  cpu: 2\n  cpuLimit: 1\n');
    expect(where(r).sort()).toEqual(['3:3 /autoScaler/minReplicas', '7:3 /containerResourceRequirements/cpuLimit']);
    expect(r.find((x) => x.ptr.endsWith('minReplicas'))?.message).toBe('`autoScaler.minReplicas` is 5, above `maxReplicas` (2): lower `minReplicas` or raise `maxReplicas`.');
    expect(r.find((x) => x.ptr.endsWith('cpuLimit'))?.message).toBe('`containerResourceRequirements.cpuLimit` is 1, below `cpu` (2), which the SDK rejects: raise `cpuLimit` or lower `cpu`.');
  });

  it('managed online without instance_type and instance_count: at the first key of the document', () => {
    const text = `# a deployment\n${MOD}\nname: blue\nendpoint_name: e\n`;
    const r = schema('dep.yml', text);
    expect(where(r)).toEqual(['2:1 /$schema']);
    const all = runRule(schemaRule, manifestsOf('dep.yml', text));
    expect(all).toHaveLength(1); // both missing fields in one finding at the first key
    expect(all[0].message).toBe('managedOnlineDeployment requires `instance_type` and `instance_count`, which this file does not set: add the VM SKU, e.g. `instance_type: Standard_DS3_v2` (one allowed on managed online endpoints); add `instance_count:` (3 or more for production).');
  });

  it('v2 enums, counts and types; camelCase enum spellings the SDK normalises are fine', () => {
    const r = schema(
      'c.yml',
      `${AMLC}\nname: c\ntype: amlcompute\ntier: spot\nmin_instances: 4\nmax_instances: 2\nidle_time_before_scale_down: soon\n`,
    );
    expect(where(r)).toEqual(['4:1 /tier', '5:1 /min_instances', '7:1 /idle_time_before_scale_down']);
    expect(r[0].message).toMatch(/dedicated, low_priority/);
    expect(schema('c.yml', `${AMLC}\nname: c\ntype: amlcompute\ntier: LowPriority\n`)).toEqual([]);
  });

  it('Kubernetes quantities and instance counts', () => {
    const r = schema(
      'k.yml',
      `${KOD}\nname: b\nendpoint_name: e\ninstance_count: 0\nresources:\n  requests:\n    cpu: lots\n    memory: 0Gi\n  limits:\n    nvidia.com/gpu: 0.5\n`,
    );
    expect(where(r)).toEqual([
      // No `type: kubernetes`: the CLI v2 would load it as a managed online deployment (azure-ai-ml OnlineDeployment._load).
      '1:1 /$schema',
      '4:1 /instance_count',
      '7:5 /resources/requests/cpu',
      '8:5 /resources/requests/memory',
      '10:5 /resources/limits/nvidia.com~1gpu',
    ]);
    expect(r[2].message).toMatch(/Kubernetes quantity/);
  });

  it('aml-actions are validated with JSON types, as the actions do', () => {
    const r = schema('.cloud/.azure/deploy.json', '{\n  "cpu_cores": "1",\n  "memory_gb": -2,\n  "enable_gpu": "yes",\n  "runtime": "python3"\n}');
    expect(where(r)).toEqual(['2:3 /cpu_cores', '3:3 /memory_gb', '4:3 /enable_gpu', '5:3 /runtime']);
    expect(r[0].message).toMatch(/without quotes/);
    const c = schema('.cloud/.azure/compute.json', '{"compute_type": "gpucluster", "vm_priority": "LowPriority", "min_nodes": 3, "max_nodes": 1}');
    expect(c.map((x) => x.ptr)).toEqual(['/compute_type', '/vm_priority', '/min_nodes']);
  });

  it('templates, placeholders and nulls are unknown values, not errors', () => {
    expect(schema('d.yml', `${MOD}\nname: b\ninstance_type: "{{SKU}}"\ninstance_count: <COUNT>\nrequest_settings:\n`)).toEqual([]);
    expect(schema('.cloud/.azure/deploy.json', '{"num_replicas": null, "runtime": "<\'python\' or \'spark-py\'>"}')).toEqual([]);
  });

  it('model tags declaring facts must be usable', () => {
    const r = schema('m.yml', '$schema: https://x/model.schema.json\nname: m\ntags:\n  memory_gb: big\n  accelerator: tpu\n');
    expect(where(r)).toEqual(['4:3 /tags/memory_gb', '5:3 /tags/accelerator']);
  });

  it('a section that must be a mapping', () => {
    const r = schema('d.yml', `${MOD}\nname: b\ninstance_type: Standard_DS3_v2\ninstance_count: 1\nrequest_settings: 5000\n`);
    expect(where(r)).toEqual(['5:1 /request_settings']);
    expect(r[0].message).toMatch(/must be a mapping/);
  });
});
