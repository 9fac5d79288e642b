import type { EngineRule } from '../rule.js';
import { POLICY, help } from '../kit/help.js';

/**
 * Reported by the engine when a pull request adds, changes or deletes the config: the run is judged
 * by the base branch's policy, and this finding says what the PR's own policy would turn off, lower,
 * waive or relax, and how many findings of the run it would hide. Its severity comes from the
 * judging (base) policy, so a PR cannot silence it with its own config; it is made after inline
 * suppressions and waivers are applied, so neither can hide it.
 */
export const rule: EngineRule = {
  id: 'policy-change',
  scope: 'engine',
  defaultSeverity: 'error',
  description:
    "A pull request changes the gate's config (adds, edits or deletes it) in a way that turns rules off, lowers severities, adds or extends waivers, or relaxes limits, stages or file selection.",
  remediation:
    'Have the config owners (CODEOWNERS) review and approve the policy change; the new policy takes effect once merged. Split policy changes from manifest changes.',
  help: help(
    'Everyone who can open a pull request controls the config file in it. If the pull request\'s config judged the pull request, a single ' +
      'added line (`aci-not-for-production: off`, a waiver on `**`) would turn the gate green. Policy changes deserve their own review by ' +
      "the config's owners: add the config to `CODEOWNERS`. The run is judged by the base branch's policy; the new policy takes effect once merged.",
    POLICY,
  ),
};
