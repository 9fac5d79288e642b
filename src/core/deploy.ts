// What a pipeline deploys a file as, and the evidence of it in a report. Pure data; imports nothing.

/**
 * The Azure ML command (or GitHub action) a pipeline deploys a file with. The command, not the
 * file's content, decides how Azure loads it: `az ml batch-endpoint create -f X` loads X as a batch
 * endpoint whatever its `$schema` says.
 */
export type DeployAs =
  | 'online-deployment'
  | 'online-endpoint'
  | 'batch-deployment'
  | 'batch-endpoint'
  | 'compute'
  | 'model'
  | 'v1-model-deploy'
  | 'aml-deploy'
  | 'aml-compute'
  | 'aml-registermodel';

/** One pipeline step that deploys a file, as reports show it. */
export interface DeployedBy {
  /** Repo-relative path of the workflow or Azure DevOps pipeline. */
  pipeline: string;
  /** 1-based line of the command (or of the step that runs it) in `pipeline`. */
  line: number;
  command: DeployAs;
  /** The stage this step means (environment, variable files, names). */
  stage: 'production' | 'nonproduction' | 'unknown';
  /** `deployed by .github/workflows/cd.yml job deploy-prod (environment: prod)`. */
  reason: string;
  /** Command-line values that replace the file's (`--set instance_count=1`, `-n blue`), as written. */
  overrides: Record<string, string>;
}

/** A literal value a deploying step sets on the command line, over the file's (`--set instance_count=1`). */
export interface CommandValue {
  /** JSON Pointer of the key it sets in the manifest (`instance_count` → `/instance_count`). */
  ptr: string;
  value: string;
  /** As the command line gives it, for messages: `--set instance_count=1`, `--name blue`. */
  flag: string;
  /** The step: its pipeline and line. */
  pipeline: string;
  line: number;
}
