// Why the action stopped: each failure ends in setFailed with one of these messages.
import { problemsText, type ConfigProblem } from '../config/types.js';
import { errorMessage } from './client.js';
import { PolicyError } from './policy.js';
import { SettingsError } from './settings.js';

/** A requirement the workflow set (`check-run: on`) that could not be met, after a complete evaluation. */
export class RequirementError extends Error {}

/** The workspace does not hold the pull request: nothing was gated. */
export class CheckoutError extends Error {}

/** The config could not be read: nothing was gated. */
export class ConfigError extends Error {
  constructor(problems: ConfigProblem[]) {
    super(problemsText(problems));
  }
}

export function failureMessage(error: unknown): string {
  if (error instanceof RequirementError) return `model-deploy-gate: ${error.message}`;
  if (error instanceof SettingsError) return `model-deploy-gate: ${error.message}`;
  if (error instanceof ConfigError) return `model-deploy-gate: invalid configuration: ${error.message}`;
  if (error instanceof CheckoutError) return `model-deploy-gate: ${error.message}`;
  if (error instanceof PolicyError) return `model-deploy-gate: ${error.message}.`;
  return `model-deploy-gate: internal error, the manifests were not gated: ${errorMessage(error)}`;
}

/** Why GitHub refused a write, for the warning. */
export function permissionHint(status: number | undefined, permission: string): string {
  if (status === 403 || status === 404) {
    return `the token lacks the \`${permission}\` permission (add it to the job's \`permissions:\`; pull requests from forks always get a read-only token)`;
  }
  if (status !== undefined && status >= 400 && status < 500) return 'GitHub refused the request as invalid (not retried)';
  return 'the GitHub API kept failing';
}
