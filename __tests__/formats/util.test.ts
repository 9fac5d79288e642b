import { describe, expect, it } from '@jest/globals';
import { parseQuantity as parseCpu, parseQuantity as parseMemory } from '../../src/formats/kit/quantity.js';
import { parseRef, resolveLocal } from '../../src/formats/kit/refs.js';
import { toBool, toNumber } from '../../src/formats/kit/values.js';
import { isPlaceholder } from '../../src/formats/kit/placeholder.js';
import { schemaBasename, detectKind } from '../../src/formats/recognise.js';
import { suggestKey, editDistance } from '../../src/core/text.js';
import { only } from './helpers.js';

const m = only('x/v1.yml', 'computeType: aci\n');
const at = { manifest: m, ptr: '/model' };

describe('parseRef', () => {
  it.each([
    ['azureml:fraud:3', { name: 'fraud', version: '3', external: false }],
    ['azureml:fraud@latest', { name: 'fraud', label: 'latest', external: false }],
    ['azureml:cpu-cluster', { name: 'cpu-cluster', external: false }],
    ['cpu-cluster', { name: 'cpu-cluster', external: false }],
    ['azureml://registries/azureml/models/phi-3/versions/4', { name: 'phi-3', version: '4', external: true }],
    ['azureml://registries/azureml/models/phi-3/labels/latest', { name: 'phi-3', label: 'latest', external: true }],
    ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/models/m/versions/2', { name: 'm', version: '2', external: true }],
    ['azureml://datastores/ws/paths/models/m.pkl', { external: true }],
    ['runs:/abc/model', { external: true }],
  ])('%s', (raw, expected) => {
    expect(parseRef(raw, at)).toMatchObject({ raw, ...expected, at });
  });

  it('leaves template versions unknown and rejects empty references', () => {
    const r = parseRef('azureml:m:{{MODEL_VERSION}}', at);
    expect(r).toMatchObject({ name: 'm', external: false });
    expect(r?.version).toBeUndefined();
    expect(parseRef('  ', at)).toBeUndefined();
    expect(parseRef('azureml:', at)).toBeUndefined();
  });
});

describe('Kubernetes quantities', () => {
  it('parses CPU', () => {
    expect(parseCpu('500m')).toBe(0.5);
    expect(parseCpu('0.1')).toBe(0.1);
    expect(parseCpu('2')).toBe(2);
    expect(parseCpu(2)).toBe(2);
    expect(parseCpu('two')).toBeUndefined();
    expect(parseCpu(null)).toBeUndefined();
  });
  it('parses memory exactly: decimal and binary suffixes differ', () => {
    expect(parseMemory('0.1Gi')).toBeCloseTo(107374182.4);
    expect(parseMemory('200Mi')).toBe(200 * 1024 * 1024);
    expect(parseMemory('1G')).toBe(1e9);
    expect(parseMemory('4G')).toBe(4e9);
    expect(parseMemory('4G')!).toBeLessThan(parseMemory('4Gi')!);
    expect(parseMemory('1500Mi')).toBe(1500 * 2 ** 20);
    expect(parseMemory('128974848')).toBe(128974848);
    expect(parseMemory('129e6')).toBe(129e6);
    expect(parseMemory('1Gb')).toBeUndefined();
    expect(parseMemory(['1Gi'])).toBeUndefined();
  });
});

describe('scalars', () => {
  it('numbers accept numeric strings only', () => {
    expect(toNumber('1.5')).toBe(1.5);
    expect(toNumber(' 4 ')).toBe(4);
    expect(toNumber('4GB')).toBeUndefined();
    expect(toNumber(true)).toBeUndefined();
    expect(toNumber(Number.NaN)).toBeUndefined();
  });
  it('booleans accept YAML 1.1 words in strings', () => {
    expect(toBool('True')).toBe(true);
    expect(toBool('no')).toBe(false);
    expect(toBool(1)).toBeUndefined();
  });
  it('recognises templates and placeholders', () => {
    expect(isPlaceholder('{{ENDPOINT_NAME}}')).toBe(true);
    expect(isPlaceholder('<your-cluster-name>')).toBe(true);
    expect(isPlaceholder('${{ inputs.sku }}')).toBe(true);
    expect(isPlaceholder('Standard_DS3_v2')).toBe(false);
    expect(isPlaceholder('a<b')).toBe(false);
  });
  it('resolves local paths from the manifest folder', () => {
    expect(resolveLocal('a/b/deploy.yml', '../model/')).toBe('a/model');
    expect(resolveLocal('deploy.yml', '.')).toBe('.');
  });
});

describe('detection helpers', () => {
  it('takes the $schema basename of any host, any case', () => {
    expect(schemaBasename('https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json')).toBe('managedonlinedeployment');
    expect(schemaBasename('http://azureml/sdk-2-0/OnlineDeployment.json')).toBe('onlinedeployment');
    expect(schemaBasename('https://example.org/x/AMLCOMPUTE.SCHEMA.JSON?v=2')).toBe('amlcompute');
    expect(schemaBasename('https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.template.yaml')).toBe('managedonlineendpoint');
  });
  it('detects v2 by shape, first match wins', () => {
    const d = (o: Record<string, unknown>) => detectKind('a.yml', Object.assign(Object.create(null), o));
    expect(d({ type: 'kubernetes', endpoint_name: 'e' })).toBe('kubernetesOnlineDeployment');
    // `compute` is no online deployment key: with it, the file is a batch deployment (as `az ml batch-deployment` loads it).
    expect(d({ type: 'kubernetes', endpoint_name: 'e', compute: 'c' })).toBe('batchDeployment');
    expect(d({ endpoint_name: 'e', compute: 'c' })).toBe('batchDeployment');
    expect(d({ endpoint_name: 'e', compute: 'c', type: 'model' })).toBe('modelBatchDeployment');
    expect(d({ type: 'pipeline', component: 'x' })).toBe('pipelineComponentBatchDeployment');
    expect(d({ endpoint_name: 'e', instance_type: 'Standard_DS3_v2' })).toBe('managedOnlineDeployment');
    expect(d({ type: 'AmlCompute' })).toBe('amlCompute');
    expect(d({ type: 'kubernetes', namespace: 'x' })).toBe('kubernetesCompute');
    expect(d({ name: 'x', version: 1 })).toBeUndefined();
    expect(detectKind('m/MLmodel', Object.assign(Object.create(null), { flavors: {} }))).toBe('mlflowModel');
    expect(detectKind('m/other.yml', Object.assign(Object.create(null), { flavors: {} }))).toBeUndefined();
  });
});

describe('key suggestions', () => {
  it('prefers case, then word order, then small edits, then contained words', () => {
    expect(suggestKey('memoryInGb', ['cpu', 'memoryInGB', 'memoryInGBLimit'])).toBe('memoryInGB');
    expect(suggestKey('enableAppInsights', ['appInsightsEnabled', 'authEnabled'])).toBe('appInsightsEnabled');
    expect(suggestKey('instance_typ', ['instance_type', 'instance_count'])).toBe('instance_type');
    expect(suggestKey('ComputeTarget', ['computeType', 'computeTargetName'])).toBe('computeTargetName');
    expect(suggestKey('cpu', ['cpu_cores', 'memory_gb'])).toBe('cpu_cores');
    expect(suggestKey('zzz', ['cpu_cores', 'memory_gb'])).toBeUndefined();
    expect(editDistance('tpye', 'type')).toBe(1);
  });
});
