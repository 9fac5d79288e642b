// Conventions of code that is not in the checkout, hard-coded from the copies in
// __tests__/__fixtures__/realworld/Azure+mlops-templates/ (commit e8de328) and the aml-* actions'
// documented defaults. Each external step is replaced by the command it runs, which then goes
// through the same reader as any script.
import type { DeployCommand } from './types.js';

export interface ExternalTemplate {
  /** Matches the template path (after `${{ }}` substitution, before `@repo`). */
  path: RegExp;
  displayName: string;
  /** The command, with the template's own `${{ parameters.x }}` / caller `$(var)` references. */
  script: string;
}

/** Azure/mlops-templates `templates/aml-cli-v2/*.yml@<alias of a repository named mlops-templates>`. */
export const ADO_MLOPS_TEMPLATES: readonly ExternalTemplate[] = [
  {
    // templates/aml-cli-v2/create-deployment.yml:13-24
    path: /(^|\/)create-deployment\.ya?ml$/,
    displayName: 'Create deployment',
    script: 'az ml $(endpoint_type)-deployment create --name ${{ parameters.deployment_name }} --endpoint $(endpoint_name) -f ${{ parameters.deployment_file }}',
  },
  {
    // templates/aml-cli-v2/create-endpoint.yml:8-25
    path: /(^|\/)create-endpoint\.ya?ml$/,
    displayName: 'Create online/batch endpoint',
    script: 'az ml $(endpoint_type)-endpoint create --name $(endpoint_name) -f ${{ parameters.endpoint_file }}',
  },
];

/** A repository resource is mlops-templates when its name (or alias) ends with `mlops-templates`. */
export const isMlopsTemplates = (repoName: string): boolean => /(^|\/)mlops-templates$/i.test(repoName.trim());

/** Azure/mlops-templates reusable workflows `uses: <owner>/mlops-templates/.github/workflows/x.yml@ref`. */
export const GHA_MLOPS_WORKFLOWS: readonly ExternalTemplate[] = [
  {
    // .github/workflows/create-deployment.yml:57-61 — the *deployment* file is the input `endpoint_file`
    path: /^[\w.-]+\/mlops-templates\/\.github\/workflows\/create-deployment\.ya?ml@/i,
    displayName: 'create-deployment',
    script: 'az ml ${{ inputs.endpoint_type }}-deployment create --name ${{ inputs.deployment_name }} --endpoint ${{ inputs.endpoint_name }} -f ${{ github.workspace }}/${{ inputs.endpoint_file }}',
  },
  {
    // .github/workflows/create-endpoint.yml:54-58
    path: /^[\w.-]+\/mlops-templates\/\.github\/workflows\/create-endpoint\.ya?ml@/i,
    displayName: 'create-endpoint',
    script: 'az ml ${{ inputs.endpoint_type }}-endpoint create --name ${{ inputs.endpoint_name }} -f ${{ github.workspace }}/${{ inputs.endpoint_file }}',
  },
];

/** mlops-templates' read-yaml workflow: its `file_name` input is a variable file. */
export const GHA_READ_YAML = /^[\w.-]+\/mlops-templates\/\.github\/workflows\/read-yaml\.ya?ml@/i;

/** The mlops-v2 variable files, wherever a workflow names them. */
export const CONFIG_INFRA = /(?<![\w.-])config-infra-[\w.-]*?\.ya?ml\b/gi;

export interface AmlAction {
  uses: RegExp;
  input: string;
  defaultFile: string;
  command: DeployCommand;
}

/** Azure/aml-* actions read `.cloud/.azure/<parameters_file>` (README of each action). */
export const AML_ACTIONS: readonly AmlAction[] = [
  { uses: /^azure\/aml-deploy@/i, input: 'parameters_file', defaultFile: 'deploy.json', command: 'aml-deploy' },
  { uses: /^azure\/aml-compute@/i, input: 'parameters_file', defaultFile: 'compute.json', command: 'aml-compute' },
  { uses: /^azure\/aml-registermodel@/i, input: 'parameters_file', defaultFile: 'registermodel.json', command: 'aml-registermodel' },
];

export const AML_ACTIONS_DIR = '.cloud/.azure';
