// The config API as the older tests call it: throwing on problems (the product returns them as values).
import { loadConfig as load, parseConfig as parse } from '../../src/config/index.js';
import { problemsText, type Config, type ConfigOutcome, type ConfigProblem } from '../../src/config/types.js';

export class ConfigError extends Error {
  readonly line: number;
  readonly column: number;
  readonly file: string;
  constructor(readonly problems: ConfigProblem[]) {
    super(problemsText(problems));
    this.name = 'ConfigError';
    this.file = problems[0]?.file ?? '';
    this.line = problems[0]?.line ?? 0;
    this.column = problems[0]?.column ?? 0;
  }
}

export function unwrap(o: ConfigOutcome): Config {
  if (!o.ok) throw new ConfigError(o.problems);
  return o.config;
}

export function parseConfig(text: string, file: string, knownRules?: readonly string[]): Config {
  return unwrap(parse(text, file, knownRules));
}

export async function loadConfig(root: string, explicitPath?: string, knownRules?: readonly string[]): Promise<Config> {
  return unwrap(load(root, explicitPath, knownRules));
}

/** SPEC §5's seed limits (plus the Kubernetes request-timeout maximum of AZURE-ML-FACTS). */
export const DEFAULT_LIMITS = {
  'aci-max-memory-gb': 48,
  'aci-max-model-size-gb': 1,
  'memory-headroom-ratio': 1.5,
  'aks-production-min-nodes': 3,
  'aks-production-min-vcpus': 12,
  'managed-production-min-instances': 3,
  'managed-max-request-timeout-ms': 180000,
  'kubernetes-max-request-timeout-ms': 300000,
};

/** SPEC §5's default `include`. */
export const DEFAULT_INCLUDES = ['**/*.yml', '**/*.yaml', '**/*.json', '**/MLmodel'];
