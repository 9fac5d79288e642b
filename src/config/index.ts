export type { Config, ConfigCompute, ConfigModel, ConfigOutcome, ConfigProblem, ConfigSku, ConfigSource, Limits, Waiver } from './types.js';
export { problemText, problemsText } from './types.js';
export { BUILTIN_EXCLUDES, defaultConfig, isCalendarDate, keyName, parseConfig } from './parse.js';
export { CONFIG_FILES, configFrom, loadConfig, readConfigSource, type SourceOutcome } from './load.js';
export { diffPolicies, effectiveSeverity, extraExcludes, summarisePolicy, type PolicyDiffItem, type PolicySummary, type RuleDefault } from './policy.js';
