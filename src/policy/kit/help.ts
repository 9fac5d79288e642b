// A rule's `help` (RuleMeta.help): why the rule matters, then the source it cites. It is the docs
// page's *Why* section word for word (__tests__/docs/rule-help.test.ts), and what --explain, SARIF
// `help` and check-run `raw_details` show once per rule, so finding messages need not repeat it.
import { TABLE_SOURCE } from '../../catalog/targets.js';

/** The compute target table, as help cites it. */
export const TABLE = TABLE_SOURCE;

/** For rules that follow from how the gate works, not from Azure's documentation. */
export const POLICY = 'model-deploy-gate policy';

/** `why` (markdown paragraphs separated by blank lines), then `Source: …` citing `sources`. */
export function help(why: string, ...sources: string[]): string {
  return `${why}\n\nSource: ${sources.join('; ')}.`;
}
