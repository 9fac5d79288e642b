// The configuration, as the rest of the product reads it (kebab-case file → camelCase values).
import type { Accelerator, ComputeInfo, ParsedDoc, SeverityOrOff, Stage } from '../core/types.js';

export interface Limits {
  'aci-max-memory-gb': number;
  'aci-max-model-size-gb': number;
  'memory-headroom-ratio': number;
  'aks-production-min-nodes': number;
  'aks-production-min-vcpus': number;
  'managed-production-min-instances': number;
  'managed-max-request-timeout-ms': number;
  'kubernetes-max-request-timeout-ms': number;
}

export interface ConfigModel {
  memoryGb?: number;
  sizeBytes?: number;
  accelerator?: Accelerator;
}

/** Facts about a compute defined outside the repository: the inventory's own compute facts. */
export type ConfigCompute = Pick<ComputeInfo, 'type' | 'vmSize' | 'nodes' | 'minNodes' | 'maxNodes' | 'tier' | 'purpose'>;

export interface ConfigSku {
  vcpus: number;
  memoryGb: number;
  gpus: number;
  fpga?: boolean;
  managedOnline: boolean;
}

export interface Waiver {
  rule: string;
  path: string;
  reason: string;
  owner: string;
  /** YYYY-MM-DD */
  expires: string;
  /** Index in the config's `waivers` list (for positions). */
  index: number;
}

export interface Config {
  defaultStage: Stage;
  stages: { production: string[]; nonproduction: string[] };
  include: string[];
  exclude: string[];
  /** Severity overrides by rule id. */
  rules: Record<string, SeverityOrOff>;
  limits: Limits;
  skus: Record<string, ConfigSku>;
  models: Record<string, ConfigModel>;
  computes: Record<string, ConfigCompute>;
  waivers: Waiver[];
  /** The config file, when one was read: repo-relative path and parsed document (for waiver positions). */
  source?: { path: string; doc: ParsedDoc };
}

/** A config file's text, as found on disk (or at a base commit). */
export interface ConfigSource {
  /** Repo-relative with `/` when inside the root, else absolute. */
  path: string;
  text: string;
}

/** What is wrong with a config file, with its 1-based position (0 when it concerns the whole file). */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type ConfigOutcome = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/** `file:line:col: message` (or `file: message`), the form editors and CI logs link. */
export function problemText(p: ConfigProblem): string {
  return p.line > 0 ? `${p.file}:${p.line}:${p.column}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** Every problem, the first in full and the next ones as `also …` lines. */
export function problemsText(problems: readonly ConfigProblem[]): string {
  const [first, ...more] = problems;
  if (!first) return '';
  return [problemText(first), ...more.slice(0, 4).map((p) => `  also ${problemText(p)}`)].join('\n');
}
