import { describe, expect, it } from '@jest/globals';
import { environmentImage, kindReason, v2TargetKey } from '../../../src/formats/kit/v2.js';
import { only } from '../../harness.js';

const MOD = '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json';

describe('v2 shared readers', () => {
  it('table-level findings point at $schema, else type, else the first key', () => {
    expect(v2TargetKey(only('d.yml', `name: b\n${MOD}\nendpoint_name: e\ninstance_type: Standard_DS3_v2\n`))).toBe('/$schema');
    expect(v2TargetKey(only('c.yml', 'name: c\ntype: amlcompute\n'))).toBe('/type');
    expect(v2TargetKey(only('d.yml', 'endpoint_name: e\ninstance_type: Standard_DS3_v2\n'))).toBe('/endpoint_name');
  });

  it('says how the kind was recognised', () => {
    expect(kindReason(only('d.yml', `${MOD}\nname: b\n`))).toBe('managedOnlineDeployment');
    expect(kindReason(only('d.yml', 'endpoint_name: e\ninstance_type: Standard_DS3_v2\n'))).toBe('managedOnlineDeployment (recognised by its keys)');
  });

  it('reads the environment image from a reference or an inline image, and nothing from other shapes', () => {
    expect(environmentImage(only('d.yml', `${MOD}\nname: b\nenvironment: azureml:env:1\n`))).toMatchObject({ value: 'azureml:env:1', ptr: '/environment' });
    expect(environmentImage(only('d.yml', `${MOD}\nname: b\nenvironment:\n  image: mcr.microsoft.com/x:1\n`))).toMatchObject({ value: 'mcr.microsoft.com/x:1', ptr: '/environment/image' });
    expect(environmentImage(only('d.yml', `${MOD}\nname: b\nenvironment: [1]\n`))).toBeUndefined();
    expect(environmentImage(only('d.yml', `${MOD}\nname: b\n`))).toBeUndefined();
  });
});
