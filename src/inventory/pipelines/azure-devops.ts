// Azure DevOps pipelines: stages, jobs, deployment jobs, steps, local templates with parameters,
// mlops-templates `@repo` templates (conventions.ts), script steps and script tasks.
import { dict, isMapping } from '../../core/pointer.js';
import {
  contexts,
  deepSubstitute,
  expand,
  isConditional,
  parametersOf,
  scriptEnv,
  templatePath,
  withVariables,
  Vars,
  type Budget,
  type Frame,
} from './ado-scope.js';
import { ADO_MLOPS_TEMPLATES, isMlopsTemplates } from './conventions.js';
import { at, map, str, type Doc } from './doc.js';
import { LIMITS, type Collector } from './evidence.js';
import { exactValue, substitute } from './expr.js';
import { ancestors } from './paths.js';
import type { Named, Site } from './types.js';

/** Root keys of an Azure DevOps pipeline or template. */
export function isAzurePipeline(doc: Doc): boolean {
  const r = doc.root;
  if ('$schema' in r) return false;
  return Array.isArray(r.stages) || Array.isArray(r.jobs) || Array.isArray(r.steps) || isMapping(r.extends);
}

interface Ctx {
  c: Collector;
  top: Doc;
  budget: Budget;
  stageName?: string;
  jobName?: string;
  environment?: string;
  names: Named[];
}

export function walkPipeline(doc: Doc, c: Collector): void {
  const repos = dict<string>();
  for (const r of Array.isArray(map(doc.root.resources)?.repositories) ? (map(doc.root.resources)!.repositories as unknown[]) : []) {
    const m = map(r);
    const alias = str(m?.repository);
    if (alias !== undefined) repos[alias] = str(m?.name) ?? alias;
  }
  const base: Frame = {
    file: doc.path,
    doc,
    anchor: 0,
    params: parametersOf(doc.root.parameters, {}),
    vars: new Vars(),
    variableFiles: [],
    when: dict<string>(),
    depth: 0,
    stack: [doc.path],
    repos,
  };
  const ctx: Ctx = { c, top: doc, budget: { expansions: 0, steps: 0 }, names: [] };
  walkRoot(withVariables(base, doc.root.variables, '/variables', c, ctx.budget), doc.root, '', ctx);
}

/** Line in the top pipeline: the item's own line there, else the outermost `template:` line. */
const lineOf = (f: Frame, ptr: string): number => (f.anchor ? f.anchor : f.doc.line(ptr));

function walkRoot(f: Frame, root: Record<string, unknown>, ptr: string, ctx: Ctx): void {
  const ext = map(root.extends);
  if (ext && str(ext.template) !== undefined) {
    include(f, str(ext.template)!, ext.parameters, at(at(ptr, 'extends'), 'template'), ctx, (g, d) =>
      walkRoot(withVariables(g, d.root.variables, '/variables', ctx.c, ctx.budget), d.root, '', ctx),
    );
  }
  if (Array.isArray(root.stages)) each(f, root.stages, at(ptr, 'stages'), ctx, (g, item, p) => stage(g, item, p, ctx), 'stages');
  if (Array.isArray(root.jobs)) each(f, root.jobs, at(ptr, 'jobs'), ctx, (g, item, p) => job(g, item, p, ctx), 'jobs');
  if (Array.isArray(root.steps)) each(f, root.steps, at(ptr, 'steps'), ctx, (g, item, p) => step(g, item, p, ctx), 'steps');
}

type Visit = (f: Frame, item: Record<string, unknown>, ptr: string) => void;

/** List items, `${{ if }}` blocks flattened (every branch), `- template:` items expanded. */
function each(f: Frame, list: unknown, ptr: string, ctx: Ctx, visit: Visit, listKey?: string, splices = 0): void {
  const items = Array.isArray(list) ? list : [];
  items.forEach((raw, i) => {
    if (++ctx.budget.steps > LIMITS.steps || !ctx.c.step()) return;
    const p = at(ptr, i);
    if (typeof raw === 'string') {
      const spliced = splices < LIMITS.splices ? exactValue(raw, contexts(f)) : undefined;
      if (Array.isArray(spliced)) each({ ...f, anchor: f.anchor || f.doc.line(p) }, spliced, p, ctx, visit, listKey, splices + 1);
      return;
    }
    const m = map(raw);
    if (!m) return;
    const keys = Object.keys(m);
    if (keys.length === 1 && isConditional(keys[0])) return each(f, m[keys[0]], at(p, keys[0]), ctx, visit, listKey, splices);
    const tpl = str(m.template);
    if (tpl !== undefined && listKey !== undefined) {
      include(f, tpl, m.parameters, p, ctx, (g, d) => each(g, d.root[listKey], at('', listKey), ctx, visit, listKey));
      return;
    }
    visit(f, merged(m), p);
  });
}

/** A mapping with its `${{ if }}` members merged in (every branch; the first value of a key wins). */
function merged(m: Record<string, unknown>): Record<string, unknown> {
  const out = dict();
  const cond: Array<Record<string, unknown>> = [];
  for (const [k, v] of Object.entries(m)) {
    if (isConditional(k)) {
      const inner = map(v);
      if (inner) cond.push(merged(inner));
    } else out[k] = v;
  }
  for (const c of cond) for (const [k, v] of Object.entries(c)) if (!(k in out)) out[k] = v;
  return out;
}

/** Expands a local template (relative to the including file) with its parameters. */
function include(f: Frame, ref: string, given: unknown, ptr: string, ctx: Ctx, walk: (g: Frame, d: Doc) => void): void {
  const written = substitute(ref, contexts(f));
  const at_ = written.lastIndexOf('@');
  if (at_ > 0 && !written.endsWith('@self')) return external(f, written.slice(0, at_), written.slice(at_ + 1), given, ptr, ctx);
  if (f.depth >= LIMITS.depth || ++ctx.budget.expansions > LIMITS.expansions) return;
  const path = templatePath(written, f.file, ctx.c);
  if (path === undefined || f.stack.includes(path)) return;
  const doc = ctx.c.docs.get(path);
  if (!doc) return;
  ctx.c.included.add(path);
  const params = parametersOf(doc.root.parameters, map(deepSubstitute(f, given)) ?? {});
  walk({ ...f, file: path, doc, anchor: lineOf(f, ptr), params, depth: f.depth + 1, stack: [...f.stack, path] }, doc);
}

function stage(f: Frame, s: Record<string, unknown>, ptr: string, ctx: Ctx): void {
  const g = withVariables(f, s.variables, at(ptr, 'variables'), ctx.c, ctx.budget);
  const id = str(s.stage);
  const display = str(s.displayName);
  const names = [...ctx.names, ...named('stage', g, id, display)];
  const inner: Ctx = { ...ctx, names, ...(id !== undefined ? { stageName: expand(g, id) } : {}) };
  each(g, s.jobs, at(ptr, 'jobs'), inner, (h, item, p) => job(h, item, p, inner), 'jobs');
}

function named(kind: Named['kind'], f: Frame, ...values: Array<string | undefined>): Named[] {
  return values.filter((v): v is string => v !== undefined).map((v) => ({ kind, value: expand(f, v) }));
}

function job(f: Frame, j: Record<string, unknown>, ptr: string, ctx: Ctx): void {
  const g = withVariables(f, j.variables, at(ptr, 'variables'), ctx.c, ctx.budget);
  const id = str(j.job) ?? str(j.deployment);
  const names = [...ctx.names, ...named('job', g, id, str(j.displayName))];
  const envRaw = str(j.environment) ?? str(map(j.environment)?.name);
  const inner: Ctx = {
    ...ctx,
    names,
    ...(id !== undefined ? { jobName: expand(g, id) } : {}),
    ...(envRaw !== undefined ? { environment: expand(g, envRaw) } : {}),
  };
  const lists: Array<[unknown, string]> = [[j.steps, at(ptr, 'steps')]];
  const strategy = map(j.strategy);
  for (const [sk, sv] of Object.entries(strategy ?? {})) {
    for (const [hk, hv] of Object.entries(map(sv) ?? {})) {
      const hook = map(hv);
      if (hook) lists.push([hook.steps, at(at(at(at(ptr, 'strategy'), sk), hk), 'steps')]);
      for (const [ok, ov] of Object.entries(hk === 'on' ? (hook ?? {}) : {})) lists.push([map(ov)?.steps, at(at(at(at(at(ptr, 'strategy'), sk), hk), ok), 'steps')]);
    }
  }
  for (const [list, p] of lists) each(g, list, p, inner, (h, item, q) => step(h, item, q, inner), 'steps');
}

const SCRIPT_KEYS = ['script', 'bash', 'powershell', 'pwsh'] as const;

function step(f: Frame, s: Record<string, unknown>, ptr: string, ctx: Ctx): void {
  const inputs = merged(map(s.inputs) ?? {});
  const display = str(s.displayName) ?? str(s.name);
  const task = str(s.task) ?? '';
  const key = SCRIPT_KEYS.find((k) => str(s[k]) !== undefined);
  const inlineKey = key ? undefined : ['inlineScript', 'script', 'Inline', 'InlineScript'].find((k) => str(inputs[k]) !== undefined);
  const fileRef = key || inlineKey ? undefined : (str(inputs.scriptPath) ?? str(inputs.filePath) ?? str(inputs.ScriptPath));
  if (!key && !inlineKey && fileRef === undefined) return;
  const wd = str(s.workingDirectory) ?? str(inputs.workingDirectory) ?? str(inputs.cwd);
  const site = siteOf(f, ctx, lineOf(f, ptr), display, s.env, wd);
  const powershell = key === 'powershell' || key === 'pwsh' || /powershell/i.test(task) || /^(ps|pscore|powershell)$/i.test(str(inputs.scriptType) ?? '');
  if (key || inlineKey) {
    const scriptPtr = key ? at(ptr, key) : at(at(ptr, 'inputs'), inlineKey!);
    const raw = str(key ? s[key] : inputs[inlineKey!])!;
    const first = f.doc.valueLine(scriptPtr);
    const text = raw
      .split('\n')
      .map((l) => expand(f, l).replace(/\n/g, ' '))
      .join('\n');
    ctx.c.script(f.anchor ? site : { ...site, scriptLine: (o) => first + o }, text, powershell);
    return;
  }
  ctx.c.script(site, `bash ${JSON.stringify(expand(f, fileRef!))}`);
}

function siteOf(f: Frame, ctx: Ctx, line: number, stepName: string | undefined, env: unknown, wd: string | undefined): Site {
  const names = stepName ? [...ctx.names, ...named('step', f, stepName)] : ctx.names;
  const site: Site = {
    pipeline: ctx.top.path,
    platform: 'azure-devops',
    line,
    variableFiles: f.variableFiles,
    when: f.when,
    names,
    // The agent runs steps in the repository root; then the project-template fallback (ancestors).
    bases: [...new Set(['', ...ancestors(ctx.top.path), ...ancestors(f.file)])],
    env: scriptEnv(f, env),
  };
  if (ctx.stageName !== undefined) site.stageName = ctx.stageName;
  if (ctx.jobName !== undefined) site.jobName = ctx.jobName;
  if (stepName !== undefined) site.stepName = expand(f, stepName);
  if (ctx.environment !== undefined) site.environment = ctx.environment;
  if (wd !== undefined) site.cwd = expand(f, wd);
  return site;
}

/** `template: x.yml@alias` from another repository: the mlops-templates convention, else nothing. */
function external(f: Frame, path: string, alias: string, given: unknown, ptr: string, ctx: Ctx): void {
  if (!isMlopsTemplates(f.repos[alias] ?? alias)) return;
  const known = ADO_MLOPS_TEMPLATES.find((t) => t.path.test(path));
  if (!known) return;
  const params = map(deepSubstitute(f, given)) ?? {};
  const g: Frame = { ...f, params, vars: f.vars };
  const text = expand(g, known.script);
  const line = lineOf(f, ptr);
  ctx.c.script(siteOf(g, ctx, line, known.displayName, undefined, undefined), text);
}

