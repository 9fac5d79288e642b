// What every report needs to know about a rule, and where its documentation lives.
import type { Severity } from './types.js';

/** Where the project lives: tool `informationUri` and the base of every rule's help page. */
export const PROJECT_URL = 'https://github.com/model-deploy-gate/model-deploy-gate';

/** The rule's documentation page (`docs/rules/<id>.md` on the default branch). */
export function helpUri(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

/** The face of a rule that reports show (SARIF driver rules, --list-rules, --explain). */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** One line: how to fix a finding. */
  remediation: string;
  /**
   * Why the rule exists, ending with a `Source: …` paragraph that cites where that comes from
   * (markdown). Reports show it once per rule (`--explain`, the docs page's *Why*, SARIF `help`,
   * check-run `raw_details`), so finding messages say only what is wrong and the fix.
   */
  help: string;
  /** Evaluated for production deployments only. */
  productionOnly?: boolean;
  /** A fix can be applied (`--fix`) for some of its findings. */
  fixable?: boolean;
}
