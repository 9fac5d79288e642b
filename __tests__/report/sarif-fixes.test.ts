import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ALL_RULES } from '../../src/policy/rules/index.js';
import { renderJson } from '../../src/report/json.js';
import { renderSarif, toSarif } from '../../src/report/sarif.js';
import { gate } from '../helpers.js';

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';

function multitool(sarifText: string): Array<{ ruleId: string; level?: string; message: { id?: string; arguments?: string[] } }> {
  const bin = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
  const dir = mkdtempSync(path.join(tmpdir(), 'mdg-sarif-fix-'));
  try {
    const input = path.join(dir, 'in.sarif');
    const log = path.join(dir, 'log.sarif');
    writeFileSync(input, sarifText);
    execFileSync(bin, ['validate', input, '--output', log, '--log', 'ForceOverwrite', '--rule-kind', 'Gh;Sarif'], { stdio: 'pipe' });
    return (JSON.parse(readFileSync(log, 'utf8')) as { runs: Array<{ results?: [] }> }).runs.flatMap((r) => r.results ?? []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const files = {
  'online/blue.yml': [
    `$schema: ${SCHEMA}/kubernetesOnlineDeployment.schema.json`,
    'name: blue',
    'endpoint_name: k8s',
    'model: azureml:sk:1',
    'request_settings:',
    '  request_timeout_ms: 250000',
    'resources:',
    '  requests:',
    '    cpu: "1"',
    '    memory: 2Gi',
    '    nvidia.com/gpu: 1',
    '  limits:',
    '    cpu: 500m',
    '',
  ].join('\n'),
  'models/sk.yml': `$schema: ${SCHEMA}/model.schema.json\nname: sk\nversion: 1\ntype: custom_model\n`,
  'score/dev/aci.yml': 'computeType: ACI\ncontainerResourceRequirements:\n  memoryInGb: 2\n',
};

describe('SARIF fixes', () => {
  test('replacements (a value) and insertions (a new key) are SARIF 2.1.0 fixes the multitool accepts', async () => {
    const r = await gate(files);
    const log = toSarif(r, ALL_RULES);
    const fixed = log.runs[0].results.filter((x) => x.fixes);
    expect(fixed.map((x) => x.ruleId).sort()).toEqual(['kubernetes-resources', 'kubernetes-resources', 'unknown-key']);
    const insertion = fixed.find((x) => x.fixes![0].description.text.includes('nvidia.com/gpu'))!;
    expect(insertion.fixes![0].artifactChanges[0]).toEqual({
      artifactLocation: { uri: 'online/blue.yml', uriBaseId: '%SRCROOT%' },
      replacements: [{ deletedRegion: { startLine: 14, startColumn: 1, endLine: 14, endColumn: 1 }, insertedContent: { text: '    nvidia.com/gpu: 1\n' } }],
    });
    const rename = fixed.find((x) => x.ruleId === 'unknown-key')!;
    expect(rename.fixes![0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 13 }, insertedContent: { text: 'memoryInGB' } },
    ]);
    const issues = multitool(renderSarif(r, ALL_RULES)).filter((x) => x.level === undefined || x.level === 'error' || x.level === 'warning');
    expect(issues.map((x) => `${x.ruleId} ${x.message.id ?? ''} ${(x.message.arguments ?? []).join(' | ')}`)).toEqual([]);
  }, 60_000);

  test('the JSON report carries each fix (description, edits with offsets and spans)', async () => {
    const r = await gate({ 'score/dev/aci.yml': files['score/dev/aci.yml'] });
    expect(files['score/dev/aci.yml'].indexOf('memoryInGb')).toBe(50);
    const json = JSON.parse(renderJson(r)) as { findings: Array<{ ruleId: string; fix?: unknown }> };
    expect(json.findings.find((f) => f.ruleId === 'unknown-key')?.fix).toEqual({
      description: 'Rename `containerResourceRequirements.memoryInGb` to `memoryInGB`',
      edits: [{ start: 50, end: 60, text: 'memoryInGB', span: { line: 3, column: 3, endLine: 3, endColumn: 13 } }],
    });
  });
});
