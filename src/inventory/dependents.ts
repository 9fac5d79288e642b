// A diff-aware run (SPEC §6): the changed files plus every manifest that depends on one of them.
import type { Inventory, Ref } from '../core/types.js';
import { nameToken, numericName, type TextFacts } from './mentions.js';
import { dirOf } from './models.js';

/**
 * Changed files plus every manifest whose deployment uses a changed definition: any model metadata
 * of its model's name (facts merge from several files), any compute definition of its compute's
 * name, the files under its model's local path, and (Kubernetes) its endpoint.
 */
export function dependents(changed: ReadonlySet<string>, inv: Inventory): Set<string> {
  const scope = new Set(changed);
  const touches = (p: string | undefined) => p !== undefined && changed.has(p);
  const changedList = [...changed];
  const under = (dir: string | undefined) => dir !== undefined && changedList.some((c) => dir === '' || c === dir || c.startsWith(dir + '/'));
  // Names defined by changed files: a new or edited definition can resolve (or break) a reference.
  const modelNames = new Set(inv.models.filter((m) => m.name && touches(m.manifest?.file.path)).map((m) => m.name));
  const computeNames = new Set(inv.computes.filter((c) => touches(c.manifest?.file.path)).map((c) => c.name.toLowerCase()));
  const endpointNames = new Set(inv.endpoints.filter((e) => e.name && touches(e.manifest.file.path)).map((e) => e.name));
  const named = (ref: Ref | undefined, names: Set<string | undefined>, fold = false) =>
    ref !== undefined && !ref.external && names.has(fold ? ref.name.toLowerCase() : ref.name);
  for (const d of inv.deployments) {
    const file = d.manifest.file.path;
    if (scope.has(file)) continue;
    if (
      touches(d.model?.manifest?.file.path) ||
      (d.model?.name !== undefined && modelNames.has(d.model.name)) ||
      named(d.modelRef, modelNames) ||
      touches(d.compute?.manifest?.file.path) ||
      named(d.computeRef, computeNames, true) ||
      touches(d.computeRef?.at.manifest.file.path) ||
      (d.inheritsEndpointCompute === true && d.endpointName !== undefined && endpointNames.has(d.endpointName)) ||
      under(d.model?.localPath)
    ) {
      scope.add(file);
    }
  }
  // Findings about an in-scope deployment may sit in its endpoint file (inherited compute key).
  for (const d of inv.deployments) {
    const ep = d.computeRef?.at.manifest.file.path;
    if (ep && scope.has(d.manifest.file.path)) scope.add(ep);
  }
  return scope;
}

// ---------------------------------------------------------------- pull-request runs: what to parse

/**
 * What a pull-request run must have parsed so that `dependents` and every rule judge the in-scope
 * files exactly as a run over the whole checkout would. Two directions:
 * - dependents: names the changed files define (and definitions tied to them: a model of such a name or
 *   at a changed folder, an endpoint on such a compute), referenced anywhere (`mention`), folders of
 *   changed files (models and Kubernetes endpoints linked by folder), model paths at or above a change;
 * - definitions: for every parsed deployment and endpoint, the models, computes and endpoints its
 *   references name (`define`: a `…name:` key with that value), the models at its model's local path,
 *   the files of its folder.
 */
export interface Needs {
  /** Lower-cased first tokens of names to look for anywhere in a text. */
  mention: Set<string>;
  /** Lower-cased first tokens of names a definition may carry. */
  define: Set<string>;
  /** A name to find has a numeric form (YAML may spell it otherwise): any odd value matches. */
  numeric: boolean;
  /** A name has no first token to look for: every file matches. */
  everything: boolean;
  /** Model local paths (repo-relative, '' = root) whose models are needed. */
  paths: Set<string>;
  /** Folders whose files are all needed. */
  dirs: Set<string>;
}

/** Every folder above a changed path, the root ('') included, and the changed paths themselves. */
export function ancestorsOf(changed: Iterable<string>): Set<string> {
  const out = new Set<string>(['']);
  for (const c of changed) {
    out.add(c);
    for (let i = c.indexOf('/'); i !== -1; i = c.indexOf('/', i + 1)) out.add(c.slice(0, i));
  }
  return out;
}

/**
 * Needs of the parsed part of the checkout (see Needs); `inv` is built from the parsed files only,
 * `above` is `ancestorsOf(changed)`.
 */
export function needsOf(changed: ReadonlySet<string>, above: ReadonlySet<string>, inv: Inventory): Needs {
  const needs: Needs = { mention: new Set(), define: new Set(), numeric: false, everything: false, paths: new Set(), dirs: new Set() };
  const token = (name: string | undefined, into: Set<string>) => {
    if (name === undefined) return;
    const t = nameToken(name);
    if (t === undefined) needs.everything = true;
    else into.add(t);
    if (numericName(name)) needs.numeric = true;
  };
  const inChanged = (p: string | undefined) => p !== undefined && changed.has(p);
  for (const c of changed) needs.dirs.add(dirOf(c));

  // Dependents: what the changed files define, and the definitions tied to it.
  const modelNames = new Set<string>();
  const computeNames = new Set<string>();
  for (const m of inv.models) if (m.name && inChanged(m.manifest?.file.path)) modelNames.add(m.name);
  for (const c of inv.computes) {
    if (!inChanged(c.manifest?.file.path)) continue;
    computeNames.add(c.name.toLowerCase());
    token(c.name, needs.mention);
  }
  for (const m of inv.models) {
    if (!m.manifest) continue;
    const tied = inChanged(m.manifest.file.path) || (m.name !== undefined && modelNames.has(m.name)) || (m.localPath !== undefined && above.has(m.localPath));
    if (!tied) continue;
    token(m.name, needs.mention);
    if (m.localPath !== undefined) needs.paths.add(m.localPath);
    needs.dirs.add(dirOf(m.manifest.file.path));
  }
  for (const e of inv.endpoints) {
    const onChangedCompute = e.computeRef !== undefined && !e.computeRef.external && computeNames.has(e.computeRef.name.toLowerCase());
    if (!inChanged(e.manifest.file.path) && !onChangedCompute) continue;
    token(e.name, needs.mention);
    needs.dirs.add(dirOf(e.manifest.file.path));
  }

  // Definitions: what every parsed deployment and endpoint resolves against.
  for (const d of inv.deployments) {
    needs.dirs.add(dirOf(d.manifest.file.path));
    const mr = d.modelRef;
    if (mr && !mr.external) {
      token(mr.name, needs.define);
      if (mr.path !== undefined) {
        const local = mr.path === '.' ? '' : mr.path.startsWith('..') ? undefined : mr.path;
        if (local !== undefined) needs.paths.add(local);
      }
    }
    if (d.model?.localPath !== undefined) needs.paths.add(d.model.localPath);
    if (d.computeRef && !d.computeRef.external) token(d.computeRef.name, needs.define);
    token(d.endpointName, needs.define);
  }
  for (const e of inv.endpoints) {
    token(e.name, needs.define);
    if (e.computeRef && !e.computeRef.external) token(e.computeRef.name, needs.define);
    if (e.kind === 'kubernetes') needs.dirs.add(dirOf(e.manifest.file.path));
  }
  return needs;
}

/**
 * Does a file not parsed yet hold something the needs ask for? A superset: `mentions` tests the
 * `mention` tokens, `above` holds the folders at or above a changed path (ancestorsOf), `facts` is what
 * its text says (mentions.ts), `local` resolves a model path written in the file as the formats do.
 */
export function wanted(
  path: string,
  facts: TextFacts,
  needs: Needs,
  above: ReadonlySet<string>,
  mentions: ((text: string) => boolean) | undefined,
  text: string,
  local: (file: string, value: string) => string | undefined,
): boolean {
  if (needs.everything || facts.mayHide) return true;
  if (needs.dirs.has(dirOf(path))) return true;
  if (facts.oddPath) return true;
  for (const x of localsOf(path, facts, local)) if (x !== undefined && (above.has(x) || needs.paths.has(x))) return true;
  if (needs.mention.size > 0 && (needs.numeric || (mentions !== undefined && mentions(text)))) return true;
  if (needs.define.size > 0) {
    if (facts.oddName) return true;
    for (const t of facts.names) if (needs.define.has(t)) return true;
  }
  return false;
}

/** The model paths a file's text names, resolved as the formats resolve them (kept in `facts.locals`). */
export function localsOf(path: string, facts: TextFacts, local: (file: string, value: string) => string | undefined): ReadonlyArray<string | undefined> {
  if (!facts.locals) {
    facts.locals = facts.paths.map((v) => local(path, v));
    // An MLmodel file is the model of its own folder.
    if (path === 'MLmodel' || path.endsWith('/MLmodel')) facts.locals.push(local(path, '.'));
  }
  return facts.locals;
}

/**
 * `wanted` for many files at once: each file is indexed once by what its facts say (its folder, the
 * model paths and name tokens it holds, whether every need takes it), so that asking again after each
 * round of parses costs what the needs hold instead of what the checkout holds. `among` gives exactly
 * the files of `pending` for which `wanted` is true, in `pending`'s order (tested against `wanted`).
 */
export class WantedIndex<F extends { readonly path: string; readonly text: string }> {
  private readonly indexed = new Set<F>();
  /** Files `wanted` takes whatever the needs: escapes and the like (`mayHide`), a path it cannot read. */
  private readonly always: F[] = [];
  private readonly oddName: F[] = [];
  private readonly byDir = new Map<string, F[]>();
  private readonly byLocal = new Map<string, F[]>();
  private readonly byName = new Map<string, F[]>();

  constructor(private readonly local: (file: string, value: string) => string | undefined) {}

  add(f: F, facts: TextFacts): void {
    if (this.indexed.has(f)) return;
    this.indexed.add(f);
    if (facts.mayHide || facts.oddPath) {
      this.always.push(f);
      return;
    }
    listIn(this.byDir, dirOf(f.path)).push(f);
    for (const x of localsOf(f.path, facts, this.local)) if (x !== undefined) listIn(this.byLocal, x).push(f);
    if (facts.oddName) this.oddName.push(f);
    for (const t of facts.names) listIn(this.byName, t).push(f);
  }

  /** The files of `pending` (each one added) that `wanted` takes. */
  among(pending: ReadonlySet<F>, needs: Needs, above: ReadonlySet<string>, mentions: ((text: string) => boolean) | undefined): F[] {
    if (needs.everything || (needs.mention.size > 0 && needs.numeric)) return [...pending];
    const hits = new Set<F>(this.always);
    const take = (list: readonly F[] | undefined) => {
      if (list) for (const f of list) hits.add(f);
    };
    for (const d of needs.dirs) take(this.byDir.get(d));
    for (const x of above) take(this.byLocal.get(x));
    for (const x of needs.paths) take(this.byLocal.get(x));
    if (needs.define.size > 0) {
      take(this.oddName);
      for (const t of needs.define) take(this.byName.get(t));
    }
    const out: F[] = [];
    for (const f of pending) if (hits.has(f) || (mentions !== undefined && needs.mention.size > 0 && mentions(f.text))) out.push(f);
    return out;
  }
}

function listIn<F>(map: Map<string, F[]>, key: string): F[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
