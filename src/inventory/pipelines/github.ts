// GitHub Actions workflows: jobs, steps, `run:` scripts, local reusable workflows with their
// inputs, mlops-templates reusable workflows and the Azure/aml-* actions (conventions.ts).
import { dict, isMapping } from '../../core/pointer.js';
import { AML_ACTIONS, AML_ACTIONS_DIR, CONFIG_INFRA, GHA_MLOPS_WORKFLOWS, GHA_READ_YAML } from './conventions.js';
import { at, map, str, type Doc } from './doc.js';
import { LIMITS, type Collector } from './evidence.js';
import { literals, lookupPath, substitute, type Contexts } from './expr.js';
import { ancestors, join, resolvePath } from './paths.js';
import { Env, type Lookup } from './shell.js';
import type { Named, Site } from './types.js';

const WORKFLOW = /^(?:(.*)\/)?\.github\/workflows\/[^/]+\.ya?ml$/i;

export const isWorkflowPath = (path: string): boolean => WORKFLOW.test(path);

/** The folder holding `.github/workflows/` (a sub-project's root for nested workflows). */
export function projectRoot(path: string): string {
  return WORKFLOW.exec(path)?.[1] ?? '';
}

interface Run {
  top: Doc;
  c: Collector;
  root: string;
  bases: string[];
  variableFiles: string[];
  budget: { expansions: number; steps: number };
}

/** The workflow's `on:` (YAML 1.1 reads the key `on` as true). */
function triggers(doc: Doc): unknown {
  return doc.root.on ?? doc.root.true;
}

/** True when the workflow runs only when another workflow calls it. */
export function callableOnly(doc: Doc): boolean {
  const on = triggers(doc);
  if (typeof on === 'string') return on === 'workflow_call';
  if (Array.isArray(on)) return on.length === 1 && on[0] === 'workflow_call';
  return isMapping(on) && Object.keys(on).length === 1 && 'workflow_call' in on;
}

export function walkWorkflow(doc: Doc, c: Collector): void {
  const root = projectRoot(doc.path);
  const run: Run = {
    top: doc,
    c,
    root,
    bases: [...new Set([root, ...ancestors(doc.path)])],
    variableFiles: [],
    budget: { expansions: 0, steps: 0 },
  };
  collectVariableFiles(run, doc, {});
  walkJobs(run, doc, { inputs: dict(), names: [], depth: 0, stack: [doc.path] });
}

interface Call {
  inputs: Record<string, unknown>;
  /** Set when walking a called workflow: the caller's job, line and names. */
  caller?: { job: string; line: number };
  names: Named[];
  depth: number;
  stack: string[];
}

function contexts(inputs: Record<string, unknown>, env: Lookup, matrix: Record<string, unknown[]>): Contexts {
  return (path) => {
    const [head, ...rest] = path;
    if (head === 'inputs') return str(lookupPath(inputs, rest));
    if (head === 'github' && rest.length === 1 && rest[0] === 'workspace') return '.';
    if (head === 'env' && rest.length === 1) return env.get(rest[0]);
    if (head === 'matrix' && rest.length === 1) {
      const vals = matrix[rest[0]];
      return vals && vals.length === 1 ? str(vals[0]) : undefined;
    }
    return undefined;
  };
}

/** `env:` values, each substituted with what is known so far. */
function addEnv(env: Lookup, block: unknown, ctx: (env: Lookup) => Contexts): Lookup {
  const m = map(block);
  if (!m) return env;
  const out = new Env(env);
  for (const [k, v] of Object.entries(m)) {
    const s = str(v);
    if (s !== undefined) out.set(k, substitute(s, ctx(out)));
  }
  return out;
}

function matrixOf(job: Record<string, unknown>): Record<string, unknown[]> {
  const out = dict<unknown[]>();
  const m = map(map(job.strategy)?.matrix);
  if (!m) return out;
  for (const [k, v] of Object.entries(m)) if (Array.isArray(v) && k !== 'include' && k !== 'exclude') out[k] = v.slice(0, 64);
  for (const inc of Array.isArray(m.include) ? m.include.slice(0, 64) : []) {
    for (const [k, v] of Object.entries(map(inc) ?? {})) (out[k] ??= []).push(v);
  }
  return out;
}

function walkJobs(run: Run, doc: Doc, call: Call): void {
  const wfName = str(doc.root.name);
  const jobs = map(doc.root.jobs);
  if (!jobs) return;
  const choices = call.caller ? dict<unknown[]>() : dispatchChoices(doc);
  const wfEnv = addEnv(new Env().set('GITHUB_WORKSPACE', '.'), doc.root.env, (env) => contexts(call.inputs, env, {}));
  for (const [id, raw] of Object.entries(jobs)) {
    const job = map(raw);
    if (!job) continue;
    const matrix = matrixOf(job);
    const ctxOf = (env: Lookup): Contexts => contexts(call.inputs, env, matrix);
    const env = addEnv(wfEnv, job.env, ctxOf);
    const ctx = ctxOf(env);
    const jobPtr = at('/jobs', id);
    const jobName = str(job.name);
    const names: Named[] = [
      ...call.names,
      { kind: 'job', value: id },
      ...(jobName ? [{ kind: 'job' as const, value: substitute(jobName, ctx) }] : []),
    ];
    const tail: Named[] = wfName ? [{ kind: 'workflow', value: wfName }] : [];
    const site: Site = {
      pipeline: run.top.path,
      platform: 'github-actions',
      line: call.caller?.line ?? doc.line(jobPtr),
      jobName: call.caller?.job ?? id,
      variableFiles: run.variableFiles,
      names: [...names, ...tail],
      bases: run.bases,
      env,
      ...environmentOf(job, ctx, { matrix, inputs: choices }),
    };
    const wd = str(map(map(job.defaults)?.run)?.['working-directory']) ?? str(map(map(doc.root.defaults)?.run)?.['working-directory']);
    const uses = str(job.uses);
    if (uses !== undefined) {
      callWorkflow(run, doc, call, site, uses, map(job.with) ?? {}, ctx, at(jobPtr, 'uses'), [...names, ...tail]);
      continue;
    }
    const steps = Array.isArray(job.steps) ? job.steps : [];
    steps.forEach((s, i) => {
      if (++run.budget.steps > LIMITS.steps || !run.c.step()) return;
      const step = map(s);
      if (step) walkStep(run, doc, call, site, step, at(at(jobPtr, 'steps'), i), wd, ctxOf);
    });
  }
}

/** Values a manual run may give each `workflow_dispatch` input: its default and its choices. */
function dispatchChoices(doc: Doc): Record<string, unknown[]> {
  const out = dict<unknown[]>();
  for (const [k, v] of Object.entries(map(map(map(triggers(doc))?.workflow_dispatch)?.inputs) ?? {})) {
    const m = map(v);
    out[k] = [m?.default, ...(Array.isArray(m?.options) ? m.options.slice(0, 64) : [])].filter((x) => x !== undefined);
  }
  return out;
}

function environmentOf(job: Record<string, unknown>, ctx: Contexts, choices: Record<string, Record<string, unknown[]>>): Partial<Site> {
  const raw = str(job.environment) ?? str(map(job.environment)?.name);
  if (raw === undefined) return {};
  const environment = substitute(raw, ctx);
  if (!environment.includes('${{')) return { environment };
  const alts = literals(environment);
  for (const m of environment.matchAll(/\b(matrix|inputs)\.([\w-]+)/g)) for (const v of choices[m[1]]?.[m[2]] ?? []) if (str(v)) alts.push(str(v)!);
  return { environment, environmentAlternatives: [...new Set(alts)] };
}

function walkStep(
  run: Run,
  doc: Doc,
  call: Call,
  site: Site,
  step: Record<string, unknown>,
  ptr: string,
  jobWd: string | undefined,
  ctxOf: (env: Lookup) => Contexts,
): void {
  const env = addEnv(site.env, step.env, ctxOf);
  const ctx = ctxOf(env);
  const name = str(step.name);
  const stepName = name === undefined ? undefined : substitute(name, ctx);
  const names: Named[] = stepName ? [...site.names, { kind: 'step', value: stepName }] : site.names;
  const own = call.caller === undefined;
  const here: Site = { ...site, env, names, ...(stepName !== undefined ? { stepName } : {}) };
  const uses = str(step.uses);
  if (uses !== undefined) {
    const action = AML_ACTIONS.find((a) => a.uses.test(uses.trim()));
    if (!action) return;
    const file = str(map(step.with)?.[action.input]);
    const raw = join(run.root, AML_ACTIONS_DIR, substitute(file ?? action.defaultFile, ctx));
    run.c.add({ ...here, line: own ? doc.line(at(ptr, 'uses')) : site.line, bases: [''] }, action.command, raw, {});
    return;
  }
  const script = str(step.run);
  if (script === undefined) return;
  const wd = str(step['working-directory']) ?? jobWd;
  const dir = wd === undefined ? undefined : substitute(wd, ctx);
  const cwd = dir === undefined || dir.startsWith('/') ? dir : join(run.root, dir);
  const first = doc.valueLine(at(ptr, 'run'));
  const text = script
    .split('\n')
    .map((l) => substitute(l, ctx).replace(/\n/g, ' '))
    .join('\n');
  const shell = str(step.shell) ?? '';
  run.c.script(
    { ...here, line: own ? doc.line(ptr) : site.line, ...(own ? { scriptLine: (o: number) => first + o } : {}), ...(cwd !== undefined ? { cwd } : {}) },
    text,
    /pwsh|powershell/i.test(shell),
  );
}

function callWorkflow(
  run: Run,
  doc: Doc,
  call: Call,
  site: Site,
  uses: string,
  withBlock: Record<string, unknown>,
  ctx: Contexts,
  usesPtr: string,
  names: Named[],
): void {
  const line = call.caller?.line ?? doc.line(usesPtr);
  const inputs = dict();
  for (const [k, v] of Object.entries(withBlock)) {
    const s = str(v);
    inputs[k] = s === undefined ? v : substitute(s, ctx);
  }
  const known = GHA_MLOPS_WORKFLOWS.find((w) => w.path.test(uses.trim()));
  if (known) {
    const text = substitute(known.script, contexts(inputs, site.env, {}));
    run.c.script({ ...site, line }, text);
    return;
  }
  if (!uses.startsWith('./') || call.depth >= LIMITS.depth || ++run.budget.expansions > LIMITS.expansions) return;
  const target = resolvePath(uses.slice(2), undefined, [run.root, ''], run.c.index);
  const callee = target === undefined || call.stack.includes(target) ? undefined : run.c.docs.get(target);
  if (!callee) return;
  if (callableOnly(callee)) run.c.included.add(callee.path);
  const declared = map(map(map(triggers(callee))?.workflow_call)?.inputs) ?? {};
  const calleeInputs = dict();
  for (const [k, v] of Object.entries(declared)) {
    const d = map(v)?.default;
    if (d !== undefined) calleeInputs[k] = d;
  }
  Object.assign(calleeInputs, inputs);
  collectVariableFiles(run, callee, calleeInputs);
  walkJobs(run, callee, {
    inputs: calleeInputs,
    caller: call.caller ?? { job: site.jobName ?? '', line },
    names,
    depth: call.depth + 1,
    stack: [...call.stack, callee.path],
  });
}

/** mlops-v2: `config-infra-*.yml` named anywhere in the workflow, and read-yaml's `file_name`. */
function collectVariableFiles(run: Run, doc: Doc, inputs: Record<string, unknown>): void {
  const found: string[] = [];
  for (const m of doc.text.matchAll(CONFIG_INFRA)) found.push(m[0]);
  for (const raw of Object.values(map(doc.root.jobs) ?? {})) {
    const job = map(raw);
    if (!job || !GHA_READ_YAML.test(str(job.uses)?.trim() ?? '')) continue;
    const f = str(map(job.with)?.file_name);
    if (f !== undefined) {
      const v = substitute(f, contexts(inputs, new Env(), {}));
      if (!v.includes('${{')) found.push(v);
    }
  }
  for (const f of found) {
    const resolved = resolvePath(f, undefined, run.bases, run.c.index) ?? f;
    if (!run.variableFiles.includes(resolved)) run.variableFiles.push(resolved);
  }
}
