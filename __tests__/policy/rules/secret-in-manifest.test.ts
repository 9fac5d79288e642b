import { describe, test, expect } from '@jest/globals';
import { check } from '../../harness.js';
import { gate } from '../../helpers.js';
import { one, none } from './expect.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

describe('secret-in-manifest', () => {
  const KEY = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==';
  const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----\n';

  test('keys.primaryKey and keys.secondaryKey fire at each key and never echo the value', () => {
    const r = check({ 'deploy/dev/aci.yml': `computeType: ACI\nkeys:\n  primaryKey: ${KEY}\n  secondaryKey: ${KEY}x\n` });
    const fs = r.findings.filter((f) => f.ruleId === 'secret-in-manifest');
    expect(fs.map((f) => f.line).sort()).toEqual([3, 4]);
    for (const f of fs) expect(f.message).not.toContain(KEY);
    expect(fs.sort((a, b) => a.line - b.line)[0].message).toBe('This file commits a service authentication key (`keys.primaryKey`): omit `keys` so Azure generates the keys, or pass them at deploy time from a secret store (`az ml service regen-key`, GitHub secrets).');
  });

  test('sslKey naming a PEM private key file in the repo fires; a certificate file does not', async () => {
    const r = await gate({
      'deploy/dev/aci.json': '{\n  "computeType": "ACI",\n  "sslEnabled": true,\n  "sslCertificate": "certs/cert.pem",\n  "sslKey": "certs/key.pem"\n}\n',
      'deploy/dev/certs/key.pem': PEM,
      'deploy/dev/certs/cert.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    });
    const f = one(r, 'secret-in-manifest', 'deploy/dev/aci.json', 5, 'error');
    expect(f.message).not.toContain('MIIEow');
  });

  test('sslKey with inline PEM text fires', () => {
    const r = check({ 'deploy/dev/aci.yml': `computeType: ACI\nsslEnabled: true\nsslKey: |\n  ${PEM.trim().split('\n').join('\n  ')}\n` });
    const f = one(r, 'secret-in-manifest', 'deploy/dev/aci.yml', 3, 'error');
    expect(f.message).not.toContain('MIIEow');
    expect(f.message).toBe('This file commits a TLS private key inline (`sslKey`): remove the key from the file, rotate it, and supply it at deploy time from a secret store.');
  });

  test('sslKey pointing outside the repository is not read', async () => {
    const r = await gate({ 'deploy/dev/aci.yml': 'computeType: ACI\nsslKey: ../../../../../../../../etc/ssl/private/ssl-cert-snakeoil.key\n' });
    none(r, 'secret-in-manifest');
  });

  test('compute ssh_settings.admin_password fires; placeholders and empty keys do not', () => {
    const r = check({
      'compute/cluster.yml': `$schema: ${SCHEMA}/amlCompute.schema.json\nname: c1\ntype: amlcompute\nssh_settings:\n  admin_username: azureuser\n  admin_password: Hunter2-Hunter2\n`,
      'deploy/dev/aci.yml': 'computeType: ACI\nkeys:\n  primaryKey: ${{ secrets.PRIMARY_KEY }}\n  secondaryKey: ""\n',
    });
    const fs = r.findings.filter((f) => f.ruleId === 'secret-in-manifest');
    expect(fs.map((f) => `${f.file}:${f.line}`)).toEqual(['compute/cluster.yml:6']);
    expect(fs[0].message).not.toContain('Hunter2');
  });
});
