// Hand-built Result fixtures for the report tests (no engine involved).
import type { Finding, InventoryRow, Result, Severity } from '../../src/core/types.js';
import { helpUri } from '../../src/core/rules.js';
import type { RuleMeta } from '../../src/core/rules.js';

export const RULES: RuleMeta[] = [
  { id: 'aci-memory-limit', defaultSeverity: 'error', description: 'ACI deployments must request < 48 GB of memory.', remediation: 'Move to AKS or a managed online endpoint.', help: 'ACI is for low-scale CPU workloads under 48 GB.\n\nSource: the compute target table.' },
  { id: 'aci-not-for-production', defaultSeverity: 'error', description: 'ACI is for testing or development only.', remediation: 'Deploy production to AKS or managed online.', help: 'ACI runs one replica.\n\nSource: the compute target table.' },
  { id: 'managed-instance-count-ha', defaultSeverity: 'warning', description: 'Production managed online deployments need 3+ instances.', remediation: 'Set instance_count: 3.', help: 'Upgrades and failures take one instance down.\n\nSource: the managed online deployment reference.' },
  { id: 'unresolved-reference', defaultSeverity: 'notice', description: 'A model or compute reference is found nowhere.', remediation: 'Declare it in config models:/computes:.', help: 'The gate never passes silently.\n\nSource: model-deploy-gate policy.' },
  { id: 'schema', defaultSeverity: 'error', description: 'A recognised manifest breaks its format.', remediation: 'Fix the key.', help: 'Azure rejects the file.\n\nSource: the formats\' loaders.' },
  { id: 'v1-deprecated', defaultSeverity: 'warning', description: 'SDK/CLI v1 files are deprecated.', remediation: 'Migrate to v2 YAML.', help: 'Support ended.\n\nSource: the v1 deprecation notice.' },
];

export function finding(ruleId: string, severity: Severity, file: string, line: number, message: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity,
    message,
    file,
    line,
    column: 3,
    endLine: line,
    endColumn: 15,
    helpUri: helpUri(ruleId),
    suppressed: null,
    ...extra,
  };
}

export function row(file: string, extra: Partial<InventoryRow> = {}): InventoryRow {
  return {
    file,
    line: 1,
    kind: 'managedOnlineDeployment',
    name: 'blue',
    target: 'managed-online',
    stage: 'production',
    stageSource: 'word "prod" in the path or name',
    mode: 'realtime',
    instanceType: 'Standard_DS3_v2',
    instances: 3,
    memoryGb: 14,
    gpus: 0,
    model: 'fraud-detector:3',
    modelSizeBytes: 123456,
    compute: null,
    modelResolution: 'resolved',
    computeResolution: null,
    deployedBy: [],
    ...extra,
  };
}

export function sampleResult(): Result {
  const findings: Finding[] = [
    finding('aci-memory-limit', 'error', 'deploy/dev/aci.yml', 7, 'memoryInGB is 64 GB; ACI supports < 48 GB (compute target table). Use Standard_E8s_v3 (64 GiB) on managed online.'),
    finding('aci-not-for-production', 'error', 'deploy/prod/aci config.yml', 1, 'ACI is for testing | development only.\nDeploy to AKS.'),
    finding('managed-instance-count-ha', 'warning', 'deploy/prod/blue.yml', 9, 'instance_count is 1; production needs 3 or more.'),
    finding('unresolved-reference', 'notice', 'deploy/prod/blue.yml', 4, 'model azureml:fraud:2 not found <anywhere>; declare it under `models:` in the config.'),
    finding('v1-deprecated', 'warning', 'deploy/dev/aci.yml', 1, 'v1 deployment config; use a managed online deployment.', {
      suppressed: { by: 'inline', reason: 'migration tracked in ML-7' },
    }),
    finding('aci-not-for-production', 'error', 'deploy/legacy/old.yml', 1, 'ACI is for testing or development only.', {
      suppressed: { by: 'waiver', reason: 'migrating, ML-123', owner: '@ml-platform', expires: '2027-01-31' },
    }),
  ];
  return {
    version: 1,
    tool: { name: 'model-deploy-gate', version: '1.2.3' },
    scope: { mode: 'all', reason: 'workflow_dispatch', filesScanned: 120, manifests: 64 },
    summary: { result: 'fail', errors: 2, warnings: 1, notices: 1, suppressed: 2 },
    findings,
    endpoints: [],
    models: [],
    computes: [],
    inventory: [
      row('deploy/prod/blue.yml'),
      row('deploy/dev/aci.yml', {
        kind: 'v1DeploymentConfig', name: null, target: 'aci', stage: 'nonproduction', instanceType: null, instances: 1,
        memoryGb: 64, gpus: null, model: null, modelSizeBytes: 3 * 2 ** 30,
      }),
      row('batch/score.yml', { kind: 'batchDeployment', target: 'compute-cluster', mode: 'batch', stage: 'unknown', instanceType: 'Standard_NC6s_v3', instances: 2, gpus: 1, compute: 'azureml:gpu-cluster' }),
    ],
    skipped: [{ file: 'batch/score.yml', rules: ['low-priority-production-batch'], why: 'stage unknown' }],
    waivers: [
      { rule: 'aci-not-for-production', path: 'deploy/legacy/**', reason: 'migrating, ML-123', owner: '@ml-platform', expires: '2027-01-31', expiringSoon: true, matched: 1 },
      { rule: 'v1-deprecated', path: '.cloud/**', reason: 'until Q3', owner: '@data-eng', expires: '2027-09-30', expiringSoon: false, matched: 0 },
    ],
    failOn: 'error',
  };
}
