/**
 * Messages a reviewer reads at a glance (issue #11): the first sentence says what is wrong and the
 * fix; the why, with its citation, is the rule's `help` (--explain, the docs page, SARIF `help`,
 * check-run `raw_details`) and is not repeated on every finding. Checked on every finding of every
 * rule on the examples/ repository, the real-world fixtures and the rule pages' failing examples.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../src/core/types.js';
import { evaluate } from '../../src/engine.js';
import { placeholderKind } from '../../src/formats/kit/placeholder.js';
import { ALL_RULES } from '../../src/policy/rules/index.js';
import { EXAMPLES_NOW, ruleExamples } from '../docs/examples.js';
import { judgePullRequest } from '../docs/pr-example.js';
import { check } from '../harness.js';
import { REALWORLD, resultOf } from '../helpers.js';

/** At most this many sentences. */
const MAX_SENTENCES = 2;
/** Characters of prose, not counting what the message quotes (keys, values, names, paths, rule ids). */
const MAX_PROSE = 300;
/** Characters in all, quotes included (long paths and lists of blocked rules). */
const MAX_CHARS = 600;

const HELP = new Map(ALL_RULES.map((r) => [r.id, r.help]));
const RULE_ID = new RegExp(`\\b(?:${ALL_RULES.map((r) => r.id).join('|')})\\b`, 'g');

/** The message with what it quotes (code spans, "names", paths, rule ids) reduced to `Q`. */
function prose(message: string): string {
  return message
    .replace(/`[^`]*`/g, 'Q')
    .replace(/"[^"]*"/g, 'Q')
    .replace(RULE_ID, 'Q')
    .replace(/\S*\/\S*/g, 'Q');
}

function sentences(message: string): string[] {
  return prose(message)
    .replace(/\b(?:e\.g|i\.e|vs)\./g, 'eg')
    .split(/(?<=[.!?])\s+(?=[A-Z(])/)
    .filter((s) => s.trim() !== '');
}

/** The spans a message quotes: `code` and "names". */
function quoted(message: string): string[] {
  return [...message.matchAll(/`([^`]*)`|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
}

/** What is wrong with a message's shape, if anything. */
function shapeProblems(ruleId: string, message: string): string[] {
  const out: string[] = [];
  if (/\bFix:/.test(message)) out.push('says "Fix:" (the fix belongs in the first sentence)');
  const n = sentences(message).length;
  if (n > MAX_SENTENCES) out.push(`${n} sentences`);
  const p = prose(message).length;
  if (p > MAX_PROSE) out.push(`${p} characters of prose`);
  if (message.length > MAX_CHARS) out.push(`${message.length} characters`);
  if (/compute target table|aml-compute-target-deploy|\bSource:/i.test(message)) out.push('cites its source (that is the help)');
  // A sentence of the rule's help said again on the finding.
  const help = HELP.get(ruleId) ?? '';
  for (const s of help.split(/(?<=[.;:])\s+/)) {
    const words = s.replace(/\s+/g, ' ').trim();
    if (words.length >= 40 && message.includes(words.slice(0, 40))) out.push(`repeats its help: "${words.slice(0, 40)}…"`);
  }
  // A placeholder of the manifest is the template notice's to name (parse-error names the token that broke the file).
  if (ruleId !== 'template' && ruleId !== 'parse-error') {
    for (const q of quoted(message)) if (!q.includes('model-deploy-gate:') && placeholderKind(q)) out.push(`embeds the placeholder ${q}`);
  }
  return out;
}

function realRepositories(): string[] {
  return readdirSync(REALWORLD, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function findingsOf(root: string): Finding[] {
  return resultOf(evaluate({ root, failOn: 'error', scopeReason: 'test', now: EXAMPLES_NOW })).findings;
}

describe('the shape check itself', () => {
  test('rejects the old style (why and "Fix:" on every line) and accepts what + fix in one sentence', () => {
    const old =
      'Production deployment "blue" runs `instance_count: 1`; Azure ML recommends at least 3 instances for a production Managed online endpoint, ' +
      'so that node upgrades and failures do not take the endpoint down (Azure reserves 20 % extra quota for upgrades). Fix: set `instance_count: 3` or more.';
    expect(shapeProblems('managed-instance-count-ha', old)).toEqual([
      'says "Fix:" (the fix belongs in the first sentence)',
      'repeats its help: "Azure reserves 20 % extra quota for upgr…"',
    ]);
    const cited =
      '`containerResourceRequirements.memoryInGB: 64` asks for 64 GB on ACI; the Azure ML compute target table (aml-compute-target-deploy.md) limits ACI ' +
      'to CPU workloads needing less than 48 GB of RAM. Larger requests fail to deploy. Request less than 48 GB.';
    expect(shapeProblems('aci-memory-limit', cited)).toEqual(['3 sentences', 'cites its source (that is the help)']);
    expect(shapeProblems('managed-instance-count-ha', 'Production deployment "blue" runs `instance_count: 1`: set `instance_count: 3` or more.')).toEqual([]);
  });

  test('counts prose, not quotes; sees a repeated help sentence and an embedded placeholder', () => {
    expect(shapeProblems('schema', `\`${'k'.repeat(400)}\` is 3, above \`max\` (2): lower it.`)).toEqual([]);
    expect(shapeProblems('schema', `${'word '.repeat(62)}.`)).toEqual(['311 characters of prose']);
    const helpSentence = HELP.get('aci-model-size')!.split('\n\n')[0].slice(0, 60);
    expect(shapeProblems('aci-model-size', `Model "m" is 2 GiB: ${helpSentence}`)).toHaveLength(1);
    expect(shapeProblems('kubernetes-registry-asset', 'It uses `azureml://registries/$(REG)/models/m/versions/1`: register it.')).toEqual([
      'embeds the placeholder azureml://registries/$(REG)/models/m/versions/1',
    ]);
    expect(shapeProblems('template', 'A value is a placeholder (`model: $(MODEL)`): gate the rendered file.')).toEqual([]);
  });
});

describe('every finding message is what + fix, at most two sentences, without the why', () => {
  const seen = new Set<string>();
  const expectShape = (where: string, findings: Finding[]) => {
    const bad = findings.map((f) => ({ at: `${where} ${f.file}:${f.line} ${f.ruleId}`, problems: shapeProblems(f.ruleId, f.message), message: f.message }));
    for (const f of findings) seen.add(f.ruleId);
    expect(bad.filter((b) => b.problems.length > 0)).toEqual([]);
  };

  test('the examples/ repository', () => {
    const findings = findingsOf(path.resolve('examples'));
    expect(findings.length).toBeGreaterThan(30);
    expectShape('examples', findings);
  });

  test.each(realRepositories())('real repository %s', (repo) => {
    expectShape(repo, findingsOf(path.join(REALWORLD, repo)));
  });

  test.each(ALL_RULES.map((r) => r.id))("docs/rules/%s.md's failing examples", (id) => {
    for (const e of ruleExamples(id).failing) {
      const r = id === 'policy-change' ? judgePullRequest(e.files, EXAMPLES_NOW) : check(e.files, { now: EXAMPLES_NOW });
      expectShape(`${id}.md ${e.label}`, r.findings);
    }
  });

  test('together they cover every rule', () => {
    expect([...seen].sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  });
});
