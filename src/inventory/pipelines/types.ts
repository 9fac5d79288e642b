// The module's public data types (re-exported by index.ts) and the context a step runs in.
import type { DeployAs, Stage } from '../../core/types.js';
import type { Lookup } from './shell.js';

/** A pipeline file: repo-relative path (with /) and its text. */
export interface PipelineSource {
  path: string;
  text: string;
}

/** What a step deploys a file as (the command decides the family); defined in core for the formats. */
export type DeployCommand = DeployAs;

export type Platform = 'github-actions' | 'azure-devops';

export interface DeployEvidence {
  /** Repo-relative path of the file the command deploys (resolved; exists in `files`). */
  manifest: string;
  /** What it deploys the file as (decides the family). */
  command: DeployCommand;
  /** Repo-relative path of the pipeline (workflow / Azure DevOps pipeline) that runs it. */
  pipeline: string;
  platform: Platform;
  /** 1-based line of the command (or of the step / `uses:` / `template:` that runs it) in `pipeline`. */
  line: number;
  stageName?: string;
  jobName?: string;
  stepName?: string;
  /** The job's / deployment job's environment, resolved where literal. */
  environment?: string;
  /** Variable files that apply (e.g. config-infra-prod.yml), resolved when they exist, else as written. */
  variableFiles: string[];
  stage: Stage;
  /** For the report: `deployed by <pipeline> job <job> (environment: production)`. */
  reason: string;
  /** Command-line values that replace file values (`name`, `endpoint_name`, `--set` keys…), as written when not literal. */
  overrides: Record<string, string>;
}

/** A name that may carry a stage word, and what it names. */
export interface Named {
  kind: 'stage' | 'job' | 'step' | 'workflow';
  value: string;
}

/** Where a step runs: everything the evidence records, except the command itself. */
export interface Site {
  pipeline: string;
  platform: Platform;
  /** Line of the step in `pipeline` (used when the command's own line is not in `pipeline`). */
  line: number;
  /** Maps a 0-based line inside the step's script to a line of `pipeline`, when the script is written there. */
  scriptLine?: (offset: number) => number;
  stageName?: string;
  jobName?: string;
  stepName?: string;
  environment?: string;
  /** Other values the environment may take (matrix values, literals of an unresolved expression). */
  environmentAlternatives?: string[];
  variableFiles: string[];
  /** Variable file → the condition it is used under (`eq(variables['Build.SourceBranchName'], 'main')`). */
  when?: Readonly<Record<string, string>>;
  names: Named[];
  /** The step's working directory after substitution (may hold unresolved variables). */
  cwd?: string;
  /** Folders tried after the working directory: project root, ancestors of the pipeline, root. */
  bases: string[];
  /** Shell environment of the step (variables exported to scripts). */
  env: Lookup;
}
