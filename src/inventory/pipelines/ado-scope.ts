// Azure DevOps scopes: template parameters, variables (maps, lists, variable templates, groups,
// `${{ if }}` blocks — every branch is taken), `${{ parameters.x }}` / `${{ variables.x }}` and
// `$(name)` substitution, and where templates live.
import { dict, isMapping } from '../../core/pointer.js';
import { at, map, str, type Doc } from './doc.js';
import { LIMITS, type Collector } from './evidence.js';
import { exactValue, lookupPath, macros, substitute, type Contexts } from './expr.js';
import { ancestors, normalize, resolvePath } from './paths.js';
import { Env, type Lookup } from './shell.js';

/** A variable set to different values in different `${{ if }}` branches (or to a non-string): unknown. */
export const CONFLICT = Symbol('conflict');

/** Variables of a scope over its parent's (keys lower-case), without copying the parent. */
export class Vars {
  constructor(
    private readonly own: ReadonlyMap<string, string | typeof CONFLICT> = new Map(),
    private readonly parent?: Vars,
  ) {}

  get(name: string): string | typeof CONFLICT | undefined {
    return this.own.has(name) ? this.own.get(name) : this.parent?.get(name);
  }

  /** A known string value, by name or by the name a script sees (`a.b` is exported as `A_B`). */
  value(name: string): string | undefined {
    const k = name.toLowerCase();
    const v = this.get(k) ?? this.get(k.replace(/_/g, '.'));
    return typeof v === 'string' ? v : undefined;
  }
}

export interface Frame {
  /** The file being walked (templates are relative to it). */
  file: string;
  doc: Doc;
  /** Line in the top pipeline of the outermost `template:` that led here (0 in the top pipeline). */
  anchor: number;
  params: Record<string, unknown>;
  vars: Vars;
  variableFiles: string[];
  /** Variable file → the `${{ if }}` condition it is included under. */
  when: Record<string, string>;
  depth: number;
  stack: string[];
  /** Repository resources of the top pipeline: alias → name. */
  repos: Record<string, string>;
}

export interface Budget {
  expansions: number;
  steps: number;
}

/** Well-known folders: the checkout is the repository root. */
const ROOTS = new Set(['build.sourcesdirectory', 'system.defaultworkingdirectory', 'build.repository.localpath']);

export const isConditional = (key: string): boolean => /^\$\{\{\s*(if|elseif|else|each)\b/i.test(key);

export function contexts(f: Frame): Contexts {
  return (path) => {
    const [head, ...rest] = path;
    if (head === 'parameters') return lookupPath(f.params, rest);
    if (head === 'variables' && rest.length === 1) return f.vars.value(rest[0]);
    return undefined;
  };
}

export function macroLookup(f: Frame): (name: string) => string | undefined {
  return (name) => {
    const n = name.toLowerCase();
    if (ROOTS.has(n)) return '.';
    const v = f.vars.get(n);
    return typeof v === 'string' ? v : undefined;
  };
}

/** A string with template expressions and macros substituted (what the agent sees). */
export function expand(f: Frame, s: string): string {
  return macros(substitute(s, contexts(f)), macroLookup(f));
}

/** A value passed as a template parameter: expressions of the caller resolved, deep (bounded). */
export function deepSubstitute(f: Frame, v: unknown, budget = { nodes: 0 }): unknown {
  if (++budget.nodes > 2000) return undefined;
  if (typeof v === 'string') {
    const exact = exactValue(v, contexts(f));
    return exact !== undefined ? exact : substitute(v, contexts(f));
  }
  if (Array.isArray(v)) return v.map((x) => deepSubstitute(f, x, budget));
  if (isMapping(v)) {
    const out = dict();
    for (const [k, x] of Object.entries(v)) out[k] = deepSubstitute(f, x, budget);
    return out;
  }
  return v;
}

/** Declared parameters' defaults, overlaid with the caller's values. */
export function parametersOf(declared: unknown, given: Record<string, unknown>): Record<string, unknown> {
  const out = dict();
  if (Array.isArray(declared)) {
    for (const p of declared) {
      const m = map(p);
      const name = str(m?.name);
      if (name !== undefined && m && 'default' in m) out[name] = m.default;
    }
  } else if (isMapping(declared)) {
    for (const [k, v] of Object.entries(declared)) out[k] = v;
  }
  for (const [k, v] of Object.entries(given)) out[k] = v;
  return out;
}

/** A template file named by `template:` in `from`: `/x.yml` from the root, else beside `from`, then its ancestors. */
export function templatePath(ref: string, from: string, c: Collector): string | undefined {
  const r = ref.trim().replace(/@self$/, '');
  if (r.startsWith('/')) {
    const n = normalize(r.slice(1));
    return n !== undefined && c.docs.has(n) ? n : undefined;
  }
  const p = resolvePath(r, undefined, ancestors(from), c.index);
  return p !== undefined && c.docs.has(p) ? p : undefined;
}

interface Assign {
  name: string;
  value: string | undefined;
  /** The `${{ if … }}` condition(s) it is set under, if any. */
  cond: string | undefined;
}

/** The scope's variables after a `variables:` block (and the variable files it names). */
export function withVariables(f: Frame, block: unknown, ptr: string, c: Collector, budget: Budget): Frame {
  if (block === undefined) return f;
  const assigns: Assign[] = [];
  const files = [...f.variableFiles];
  const when = Object.assign(dict<string>(), f.when);
  readVariables(f, block, ptr, undefined, assigns, { files, when }, c, budget);
  const own = new Map<string, string | typeof CONFLICT>();
  const byName = new Map<string, Assign[]>();
  for (const a of assigns) {
    const k = a.name.toLowerCase();
    const list = byName.get(k);
    if (list) list.push(a);
    else byName.set(k, [a]);
  }
  for (const [k, list] of byName) {
    const values = new Set(list.map((a) => a.value));
    const last = list[list.length - 1].value;
    own.set(k, (values.size > 1 && list.some((a) => a.cond !== undefined)) || last === undefined ? CONFLICT : last);
  }
  return { ...f, vars: new Vars(own, f.vars), variableFiles: files, when };
}

/** `ptr` locates `block` in `f.doc` only when `f.doc` holds it (the caller's block in the caller's file). */
interface Files {
  files: string[];
  when: Record<string, string>;
}

/** `${{ if eq(a, b) }}` → `eq(a, b)`, nested conditions joined with "and". */
function condition(outer: string | undefined, key: string): string {
  const m = /^\$\{\{\s*(?:(?:else)?if\s+)?([\s\S]*?)\s*\}\}$/.exec(key.trim());
  const own = m ? m[1] : key;
  return outer === undefined ? own : `${outer} and ${own}`;
}

function readVariables(f: Frame, block: unknown, ptr: string, cond: string | undefined, out: Assign[], fs: Files, c: Collector, budget: Budget): void {
  if (out.length > 5000) return;
  const push = (name: string, v: unknown, p: string, conditional: string | undefined): void => {
    const s = f.doc.scalar(p, v);
    out.push({ name, value: s === undefined ? undefined : substitute(s, contexts(f)), cond: conditional });
  };
  if (isMapping(block)) {
    for (const [k, v] of Object.entries(block)) {
      if (isConditional(k)) readVariables(f, v, at(ptr, k), condition(cond, k), out, fs, c, budget);
      else push(k, v, at(ptr, k), cond);
    }
    return;
  }
  if (!Array.isArray(block)) return;
  block.forEach((item, i) => {
    const m = map(item);
    if (!m) return;
    const keys = Object.keys(m);
    const p = at(ptr, i);
    if (keys.length === 1 && isConditional(keys[0])) {
      readVariables(f, m[keys[0]], at(p, keys[0]), condition(cond, keys[0]), out, fs, c, budget);
    } else if (str(m.name) !== undefined && 'value' in m) {
      push(str(m.name)!, m.value, at(p, 'value'), cond);
    } else if (str(m.template) !== undefined) {
      const ref = substitute(str(m.template)!, contexts(f));
      const local = !ref.includes('@') || ref.endsWith('@self');
      const path = local ? templatePath(ref, f.file, c) : undefined;
      const named = path ?? (local ? resolvePath(ref, undefined, ancestors(f.file), c.index) : undefined) ?? ref;
      if (!fs.files.includes(named)) fs.files.push(named);
      if (cond !== undefined) fs.when[named] = cond;
      const doc = path === undefined ? undefined : c.docs.get(path);
      if (!doc || f.stack.includes(path!) || f.depth >= LIMITS.depth || ++budget.expansions > LIMITS.expansions) return;
      c.included.add(doc.path);
      const params = parametersOf(doc.root.parameters, map(deepSubstitute(f, m.parameters)) ?? {});
      const inner: Frame = { ...f, file: doc.path, doc, params, depth: f.depth + 1, stack: [...f.stack, doc.path] };
      readVariables(inner, doc.root.variables, '/variables', cond, out, fs, c, budget);
    }
    // `- group: name`: a variable group lives in Azure DevOps, not in the repository (unknown values).
  });
}

/** Variables as the agent exports them to scripts (`a.b` → `$A_B`), and the step's `env:`. */
export function scriptEnv(f: Frame, extra: unknown): Lookup {
  const look = macroLookup(f);
  const base: Lookup = {
    get: (name) => {
      const v = ROOTS.has(name.toLowerCase().replace(/_/g, '.')) ? '.' : f.vars.value(name);
      return v === undefined ? undefined : macros(v, look);
    },
  };
  const m = map(extra);
  if (!m) return base;
  const env = new Env(base);
  for (const [k, v] of Object.entries(m)) {
    const s = str(v);
    if (s !== undefined) env.set(k, expand(f, s));
  }
  return env;
}
