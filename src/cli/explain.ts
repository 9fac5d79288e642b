// `--explain RULE`: the rule's docs page in the terminal — what it checks, why (its help, ending with
// the source it cites), how to fix a finding, and how to configure or suppress it.
import { helpUri } from '../core/rules.js';
import type { Rule } from '../policy/rule.js';

export function explainRule(r: Rule): string {
  const fixable = r.scope !== 'engine' && r.fix ? 'Fixable: `--fix` repairs its findings where the answer is determined (see the docs page).\n' : '';
  const configure = r.unsilenceable
    ? 'Configure: it cannot be turned off or suppressed (its findings say the gate could not look)\n'
    : `Configure: rules: { ${r.id}: error | warning | notice | off } in .github/model-deploy-gate.yml\n` +
      `Suppress one finding (YAML): # model-deploy-gate: ignore ${r.id} -- <reason>\n`;
  return (
    `${r.id} (default severity: ${r.defaultSeverity}${r.productionOnly ? ', production deployments only' : ''})\n\n` +
    `What it checks: ${r.description}\n\n` +
    `Why: ${r.help}\n\n` +
    `How to fix: ${r.remediation}\n${fixable}\n` +
    configure +
    `Docs: ${helpUri(r.id)}\n`
  );
}
