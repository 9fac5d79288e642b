import { describe, expect, it } from '@jest/globals';
import { rule as schemaRule } from '../../src/policy/rules/schema.js';
import { rule as unknownKeyRule } from '../../src/policy/rules/unknown-key.js';
import { manifestsOf, runRule, type Reported } from './helpers.js';

const MOD = '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json';
const KOD = '$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineDeployment.schema.json';
const AMLC = '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json';

function schema(rel: string, text: string): Reported[] {
  return runRule(schemaRule, manifestsOf(rel, text));
}
function unknown(rel: string, text: string): Reported[] {
  return runRule(unknownKeyRule, manifestsOf(rel, text));
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
    expect(r.find((x) => x.ptr.endsWith('minReplicas'))?.message).toMatch(/above `maxReplicas` \(2\)/);
  });

  it('managed online without instance_type and instance_count: at the first key of the document', () => {
    const text = `# a deployment\n${MOD}\nname: blue\nendpoint_name: e\n`;
    const r = schema('dep.yml', text);
    expect(where(r)).toEqual(['2:1 /$schema']);
    const all = runRule(schemaRule, manifestsOf('dep.yml', text));
    expect(all).toHaveLength(1); // both missing fields in one finding at the first key
    expect(all[0].message).toMatch(/`instance_type` and `instance_count`/);
    expect(all[0].message).toMatch(/Standard_DS3_v2/);
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

describe('unknown-key rule', () => {
  it('has the contract id and severity', () => {
    expect(unknownKeyRule.id).toBe('unknown-key');
    expect(unknownKeyRule.defaultSeverity).toBe('warning');
  });

  it('v1: mis-cased key, suggested and said to be ignored', () => {
    const r = unknown('d.yml', 'computeType: aci\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGb: 64\n');
    expect(where(r)).toEqual(['4:3 /containerResourceRequirements/memoryInGb']);
    expect(r[0].message).toMatch(/Did you mean `memoryInGB`\?/);
    expect(r[0].message).toMatch(/ignores/);
  });

  it('v1: a key of another computeType is unknown, except the keys rules read', () => {
    const aci = unknown('d.yml', 'computeType: aci\nscoringTimeoutMs: 100\nnumReplicas: 2\nautoScaler:\n  autoscaleEnabled: true\ngpuCores: 1\ncontainerResourceRequirements:\n  gpu: 1\n  fpga: 2\n');
    expect(where(aci)).toEqual(['2:1 /scoringTimeoutMs']);
    expect(aci[0].message).toMatch(/only for computeType AKS\/AKSENDPOINT/);
    const local = unknown('d.yml', 'computeType: local\nport: 8890\ncontainerResourceRequirements:\n  cpu: 1\n  gpu: 1\n');
    expect(where(local)).toEqual(['4:3 /containerResourceRequirements/cpu']);
  });

  it('v2: misspelled keys at any depth are rejected by the CLI; free-form maps accept anything', () => {
    const r = unknown(
      'dep.yml',
      `${MOD}\nname: b\ninstance_typ: Standard_DS3_v2\ninstance_count: 1\nrequest_settings:\n  request_timeout: 1000\ntags:\n  AnyThing: 1\nenvironment_variables:\n  WORKER_COUNT: 2\nmodel:\n  name: m\n  pth: ./m\n`,
    );
    expect(where(r)).toEqual(['3:1 /instance_typ', '6:3 /request_settings/request_timeout', '13:3 /model/pth']);
    expect(r[0].message).toMatch(/Did you mean `instance_type`\?/);
    expect(r[0].message).toMatch(/rejects/);
    expect(r[1].message).toMatch(/`request_timeout_ms`/);
    expect(r[2].message).toMatch(/`path`/);
  });

  it('$schema and legacy spellings are known; a string where a mapping may be is fine', () => {
    expect(unknown('dep.yml', `${MOD}\nname: b\nmodel:\n  local_path: m.pkl\ncode_configuration:\n  code:\n    local_path: src/\n  scoring_script: s.py\nenvironment: azureml:env:1\n`)).toEqual([]);
    expect(unknown('d.json', '{"$schema": "x", "computeType": "aci"}')).toEqual([]);
  });

  it('names the known keys when nothing is close', () => {
    const r = unknown('c.yml', 'type: amlcompute\nname: c\nzzzz: 1\n');
    expect(r[0].message).toMatch(/known keys here: .*size/);
  });
});

describe('hostile input', () => {
  it('prototype-named keys and values are plain data', () => {
    const text = '{"computeType": "constructor", "__proto__": {"cpu": 1}, "constructor": 1, "toString": {"x": 1}}';
    const ms = manifestsOf('d.json', text);
    expect(ms.map((m) => m.kind)).toEqual(['v1DeploymentConfig']);
    expect(where(runRule(unknownKeyRule, ms))).toEqual(['1:32 /__proto__', '1:57 /constructor', '1:75 /toString']);
    expect(where(runRule(schemaRule, ms))).toEqual(['1:2 /computeType']);
    expect(manifestsOf('x.yml', '$schema: https://h/constructor.schema.json\nendpoint_name: e\ninstance_type: x\n')).toEqual([]);
  });

  it('neither rule throws on values of every wrong type', () => {
    const junk = [null, [], [1, 'a'], 'x', 0, -1, true, { a: { b: [] } }, '{{X}}', 1e308];
    const keys = [
      'computeType', 'containerResourceRequirements', 'gpuCores', 'autoScaler', 'numReplicas', 'deployment_compute_target',
      'enable_gpu', 'tags', 'model', 'environment', 'resources', 'scale_settings', 'compute', 'settings', 'instance_type',
      'instance_count', 'request_settings', 'path', 'version', 'flavors', 'model_size_bytes', 'properties', 'tier',
      'min_instances', 'max_instances', 'vm_priority', 'min_nodes', 'max_nodes', 'name', 'auth_mode', 'identity',
    ];
    const schemas = [
      'managedOnlineDeployment', 'kubernetesOnlineDeployment', 'managedOnlineEndpoint', 'kubernetesOnlineEndpoint', 'batchEndpoint',
      'batchDeployment', 'modelBatchDeployment', 'pipelineComponentBatchDeployment', 'amlCompute', 'kubernetesCompute',
      'computeInstance', 'vmCompute', 'model',
    ];
    const shapes: Array<Record<string, unknown>> = [
      ...schemas.map((s) => ({ $schema: `https://h/${s}.schema.json` })),
      { computeType: 'aks' }, { inference_entry_script: 's.py' }, { compute_type: 'akscluster' }, { model_name: 'm' },
    ];
    let checked = 0;
    for (const shape of shapes) {
      for (const v of junk) {
        const doc: Record<string, unknown> = { ...shape };
        for (const k of keys) if (!(k in doc)) doc[k] = v;
        const ms = manifestsOf('j/x.json', JSON.stringify(doc));
        expect(ms).toHaveLength(1);
        expect(() => runRule(schemaRule, ms)).not.toThrow();
        expect(() => runRule(unknownKeyRule, ms)).not.toThrow();
        checked++;
      }
    }
    expect(checked).toBe(shapes.length * junk.length);
  });
});

describe('unknown-key: empty keys', () => {
  it('an empty key is reported with a message that names it', () => {
    const r = runRule(unknownKeyRule, manifestsOf('d.yml', 'computeType: ACI\n"": oops\n'));
    expect(r.map((x) => [x.line, x.ptr])).toEqual([[2, '/']]);
    expect(r[0].message).toMatch(/empty key/);
  });
});
