// What a policy silences or relaxes (reported on every run), and what one policy relaxes compared
// with another (a pull request that changes the config: the `policy-change` finding). Pure
// functions of two Configs; the rules are passed in (this floor does not import the policy).
import type { Severity, SeverityOrOff, Stage } from '../core/types.js';
import { BUILTIN_EXCLUDES, defaultConfig } from './parse.js';
import type { Config, Limits, Waiver } from './types.js';

/** What the policy needs to know of a rule. */
export interface RuleDefault {
  id: string;
  defaultSeverity: Severity;
  /** Cannot be turned off (an `off` in the config is ignored). */
  unsilenceable?: boolean;
}

const RANK: Record<SeverityOrOff, number> = { off: 0, notice: 1, warning: 2, error: 3 };

/** The severity a rule has under `config` (`off` included): the override, else the default. */
export function effectiveSeverity(config: Config, rule: RuleDefault): SeverityOrOff {
  const o = config.rules[rule.id];
  if (o === undefined) return rule.defaultSeverity;
  if (o === 'off' && rule.unsilenceable) return rule.defaultSeverity;
  return o;
}

/** Config excludes beyond the built-in ones (SPEC §5: `exclude` adds to them). */
export function extraExcludes(config: Config): string[] {
  return config.exclude.filter((g) => !BUILTIN_EXCLUDES.includes(g));
}

export interface PolicySummary {
  off: string[];
  lowered: Array<{ rule: string; from: Severity; to: Severity }>;
  limits: Array<{ limit: string; value: number; default: number }>;
}

/** Rules off, severities lowered below their default, limits that differ from the defaults. */
export function summarisePolicy(config: Config, rules: readonly RuleDefault[]): PolicySummary {
  const off: string[] = [];
  const lowered: PolicySummary['lowered'] = [];
  for (const r of rules) {
    const s = effectiveSeverity(config, r);
    if (s === 'off') off.push(r.id);
    else if (RANK[s] < RANK[r.defaultSeverity]) lowered.push({ rule: r.id, from: r.defaultSeverity, to: s });
  }
  const defaults = defaultConfig().limits as unknown as Record<string, number>;
  const values = config.limits as unknown as Record<string, number>;
  const limits: PolicySummary['limits'] = [];
  for (const k of Object.keys(values).sort()) {
    if (values[k] !== defaults[k]) limits.push({ limit: k, value: values[k]!, default: defaults[k]! });
  }
  return { off, lowered, limits };
}

// ------------------------------------------------------------------ one policy against another

/** One difference between two policies. `ptr` is where it sits in the new config (JSON Pointer), when it does. */
export interface PolicyDiffItem {
  text: string;
  relaxes: boolean;
  ptr?: string;
}

/** Which way a limit relaxes the policy. An unknown limit relaxes whichever way it moves (fail closed). */
const LOOSER: Record<keyof Limits, 'up' | 'down'> = {
  'aci-max-memory-gb': 'up',
  'aci-max-model-size-gb': 'up',
  'memory-headroom-ratio': 'down',
  'aks-production-min-nodes': 'down',
  'aks-production-min-vcpus': 'down',
  'managed-production-min-instances': 'down',
  'managed-max-request-timeout-ms': 'up',
  'kubernetes-max-request-timeout-ms': 'up',
};

const STAGE_RANK: Record<Stage, number> = { production: 2, unknown: 1, nonproduction: 0 };

/** A value quoted as code for the messages (reports render code spans inert). */
function q(s: string): string {
  return `\`${s}\``;
}

function waiverText(w: Waiver): string {
  return `${q(w.rule)} on ${q(w.path)} (owner ${q(w.owner)}, until ${w.expires}, reason ${q(w.reason)})`;
}

function added<T>(a: readonly T[], b: readonly T[]): T[] {
  return b.filter((x) => !a.includes(x));
}

function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, (x as Record<string, unknown>)[k]])) : x,
  );
}

/**
 * What `next` changes compared with `current` (the policy that judges the run), in the order a
 * reviewer reads a config: rules, limits, stages, files read, waivers, facts. Facts about models,
 * computes and SKUs count as relaxing whichever way they change: they decide what rules can see.
 */
export function diffPolicies(current: Config, next: Config, rules: readonly RuleDefault[]): PolicyDiffItem[] {
  const out: PolicyDiffItem[] = [];

  for (const r of rules) {
    const a = effectiveSeverity(current, r);
    const b = effectiveSeverity(next, r);
    if (r.unsilenceable && next.rules[r.id] === 'off' && current.rules[r.id] !== 'off') {
      out.push({ text: `asks to turn off ${q(r.id)}, which cannot be turned off (ignored)`, relaxes: false, ptr: `/rules/${r.id}` });
    }
    if (a === b) continue;
    const ptr = `/rules/${r.id}`;
    if (b === 'off') out.push({ text: `turns off ${q(r.id)} (${a} → off)`, relaxes: true, ptr });
    else if (RANK[b] < RANK[a]) out.push({ text: `lowers ${q(r.id)} from ${a} to ${b}`, relaxes: true, ptr });
    else out.push({ text: `raises ${q(r.id)} from ${a} to ${b}`, relaxes: false, ptr });
  }

  const la = current.limits as unknown as Record<string, number>;
  const lb = next.limits as unknown as Record<string, number>;
  for (const k of [...new Set([...Object.keys(la), ...Object.keys(lb)])].sort()) {
    const a = la[k];
    const b = lb[k];
    if (a === b || b === undefined) continue;
    const way = LOOSER[k as keyof Limits];
    const looser = a === undefined || way === undefined ? true : way === 'up' ? b > a : b < a;
    out.push({ text: `${looser ? 'loosens' : 'tightens'} limit ${q(k)} from ${a ?? 'its default'} to ${b}`, relaxes: looser, ptr: `/limits/${k}` });
  }

  if (current.defaultStage !== next.defaultStage) {
    const relax = STAGE_RANK[next.defaultStage] < STAGE_RANK[current.defaultStage];
    out.push({
      text:
        `changes default-stage from ${current.defaultStage} to ${next.defaultStage}` +
        (relax ? ' (deployments nothing else classifies move out of production)' : ''),
      relaxes: relax,
      ptr: '/default-stage',
    });
  }
  for (const g of added(next.stages.production, current.stages.production)) {
    out.push({ text: `no longer treats ${q(g)} as production (stages.production)`, relaxes: true, ptr: '/stages/production' });
  }
  for (const g of added(current.stages.nonproduction, next.stages.nonproduction)) {
    out.push({ text: `treats ${q(g)} as non-production (stages.nonproduction)`, relaxes: true, ptr: '/stages/nonproduction' });
  }
  for (const g of added(current.stages.production, next.stages.production)) {
    out.push({ text: `treats ${q(g)} as production (stages.production)`, relaxes: false, ptr: '/stages/production' });
  }
  for (const g of added(next.stages.nonproduction, current.stages.nonproduction)) {
    out.push({ text: `no longer treats ${q(g)} as non-production (stages.nonproduction)`, relaxes: false, ptr: '/stages/nonproduction' });
  }

  for (const g of added(current.exclude, next.exclude)) out.push({ text: `excludes ${q(g)} from the gate`, relaxes: true, ptr: '/exclude' });
  for (const g of added(next.include, current.include)) out.push({ text: `stops including ${q(g)}`, relaxes: true, ptr: '/include' });
  for (const g of added(next.exclude, current.exclude)) out.push({ text: `no longer excludes ${q(g)}`, relaxes: false, ptr: '/exclude' });
  for (const g of added(current.include, next.include)) out.push({ text: `also includes ${q(g)}`, relaxes: false, ptr: '/include' });

  for (const w of next.waivers) {
    const ptr = `/waivers/${w.index}`;
    const same = current.waivers.find((x) => x.rule === w.rule && x.path === w.path);
    if (!same) {
      const others = current.waivers.filter((x) => x.rule === w.rule).map((x) => q(x.path));
      out.push({
        text: `adds a waiver for ${waiverText(w)}${others.length ? ` (the base waives ${q(w.rule)} only on ${others.join(', ')})` : ''}`,
        relaxes: true,
        ptr,
      });
    } else if (w.expires > same.expires) {
      out.push({ text: `extends the waiver for ${q(w.rule)} on ${q(w.path)} from ${same.expires} to ${w.expires}`, relaxes: true, ptr: `${ptr}/expires` });
    } else if (w.expires < same.expires) {
      out.push({ text: `shortens the waiver for ${q(w.rule)} on ${q(w.path)} to ${w.expires}`, relaxes: false, ptr: `${ptr}/expires` });
    } else if (w.owner !== same.owner || w.reason !== same.reason) {
      out.push({ text: `changes the owner or reason of the waiver for ${q(w.rule)} on ${q(w.path)}`, relaxes: false, ptr });
    }
  }
  for (const w of current.waivers) {
    if (!next.waivers.some((x) => x.rule === w.rule && x.path === w.path)) {
      out.push({ text: `removes the waiver for ${q(w.rule)} on ${q(w.path)}`, relaxes: false });
    }
  }

  for (const section of ['models', 'computes', 'skus'] as const) {
    const a = current[section] as Record<string, unknown>;
    const b = next[section] as Record<string, unknown>;
    for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const ptr = `/${section}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!(name in a)) out.push({ text: `declares facts for ${section} ${q(name)}`, relaxes: true, ptr });
      else if (!(name in b)) out.push({ text: `removes the facts for ${section} ${q(name)} (rules that need them are skipped)`, relaxes: true });
      else if (stable(a[name]) !== stable(b[name])) out.push({ text: `changes the facts for ${section} ${q(name)}`, relaxes: true, ptr });
    }
  }
  return out;
}
