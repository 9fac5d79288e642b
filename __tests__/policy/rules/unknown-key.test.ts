import { describe, expect, it } from '@jest/globals';
import { rule as schemaRule } from '../../../src/policy/rules/schema.js';
import { rule as unknownKeyRule } from '../../../src/policy/rules/unknown-key.js';
import { manifestsOf, runRule, type Reported } from '../../harness.js';

const MOD = '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json';

function unknown(rel: string, text: string): Reported[] {
  return runRule(unknownKeyRule, manifestsOf(rel, text));
}
const where = (rs: Reported[]) => rs.map((r) => `${r.line}:${r.column} ${r.ptr}`);

describe('unknown-key rule', () => {
  it('has the contract id and severity', () => {
    expect(unknownKeyRule.id).toBe('unknown-key');
    expect(unknownKeyRule.defaultSeverity).toBe('warning');
  });

  it('v1: mis-cased key, suggested and said to be ignored', () => {
    const r = unknown('d.yml', 'computeType: aci\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGb: 64\n');
    expect(where(r)).toEqual(['4:3 /containerResourceRequirements/memoryInGb']);
    expect(r[0].message).toBe('Unknown key `containerResourceRequirements.memoryInGb` in a v1 deployment config (computeType aci), ignored by the v1 CLI/SDK (the setting has no effect): did you mean `memoryInGB`?');
  });

  it('v1: a key of another computeType is unknown, except the keys rules read', () => {
    const aci = unknown('d.yml', 'computeType: aci\nscoringTimeoutMs: 100\nnumReplicas: 2\nautoScaler:\n  autoscaleEnabled: true\ngpuCores: 1\ncontainerResourceRequirements:\n  gpu: 1\n  fpga: 2\n');
    expect(where(aci)).toEqual(['2:1 /scoringTimeoutMs']);
    expect(aci[0].message).toBe('`scoringTimeoutMs` is read only for computeType AKS/AKSENDPOINT, so the v1 CLI/SDK ignores it for computeType aci: remove it, or change computeType if that target is what you meant.');
    const local = unknown('d.yml', 'computeType: local\nport: 8890\ncontainerResourceRequirements:\n  cpu: 1\n  gpu: 1\n');
    expect(where(local)).toEqual(['4:3 /containerResourceRequirements/cpu']);
  });

  it('v2: a key three levels down is named by its whole dotted path', () => {
    const K8S = '$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineDeployment.schema.json';
    const r = unknown('dep.yml', `${K8S}\nname: b\nendpoint_name: ep\ninstance_count: 1\nresources:\n  requests:\n    cpus: "1"\n`);
    expect(where(r)).toEqual(['7:5 /resources/requests/cpus']);
    expect(r[0].message).toMatch(/^Unknown key `resources\.requests\.cpus` in a kubernetesOnlineDeployment/);
  });

  it('v2: misspelled keys at any depth are rejected by the CLI; free-form maps accept anything', () => {
    const r = unknown(
      'dep.yml',
      `${MOD}\nname: b\ninstance_typ: Standard_DS3_v2\ninstance_count: 1\nrequest_settings:\n  request_timeout: 1000\ntags:\n  AnyThing: 1\nenvironment_variables:\n  WORKER_COUNT: 2\nmodel:\n  name: m\n  pth: ./m\n`,
    );
    expect(where(r)).toEqual(['3:1 /instance_typ', '6:3 /request_settings/request_timeout', '13:3 /model/pth']);
    expect(r[0].message).toBe('Unknown key `instance_typ` in a managedOnlineDeployment, rejected by the Azure ML CLI v2 (the command fails): did you mean `instance_type`?');
    expect(r[1].message).toMatch(/`request_timeout_ms`/);
    expect(r[2].message).toMatch(/`path`/);
  });

  it('$schema and legacy spellings are known; a string where a mapping may be is fine', () => {
    expect(unknown('dep.yml', `${MOD}\nname: b\nmodel:\n  local_path: m.pkl\ncode_configuration:\n  code:\n    local_path: src/\n  scoring_script: s.py\nenvironment: azureml:env:1\n`)).toEqual([]);
    expect(unknown('d.json', '{"$schema": "x", "computeType": "aci"}')).toEqual([]);
  });

  it('names the known keys when nothing is close', () => {
    const r = unknown('c.yml', 'type: amlcompute\nname: c\nzzzz: 1\n');
    expect(r[0].message).toBe('Unknown key `zzzz` in an amlCompute, rejected by the Azure ML CLI v2 (the command fails): remove it or fix its spelling (known keys here: name, type, description, location, resource_id, id, provisioning_state, provisioning_errors, created_on, tags, size, tier, …).');
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
