// A pull-request run parses what the changed files need and leaves the rest of the checkout read and
// pre-filtered only (engine.ts `finish`).
import type { Config } from '../config/types.js';
import type { LoadedFile, Manifest } from '../core/types.js';
import { modelLocalPath, resolveLocal } from '../formats/kit/refs.js';
import { MAY_HIDE_WORDS } from '../formats/prefilter.js';
import { normalise, recognise } from '../formats/recognise.js';
import { buildInventory } from '../inventory/build.js';
import { withCommandValues } from '../inventory/overrides.js';
import { ancestorsOf, needsOf, wanted } from '../inventory/dependents.js';
import { mentionTest, textFacts, type TextFacts } from '../inventory/mentions.js';
import { awaitingParse, parseAhead, parseLoaded, type SpareWork } from '../load/read.js';
import { deployedAs, type Deployed } from './deployed.js';

/**
 * Whether a file's manifests may add to the vCPU quota (a managed online deployment's
 * `instance_type`, or a file whose words may hide it: `mayHide` when already known): such files are
 * parsed in every pull-request run.
 */
export function mayAddToQuota(text: string, mayHide?: boolean): boolean {
  return text.includes('instance_type') || (mayHide ?? MAY_HIDE_WORDS.test(text));
}

/**
 * What parseNeeded does in any case, done while the main thread waits for the reader thread (the
 * engine hands it to the read as its spare work): the text facts of every file read, and the parse
 * of each file that may add to the quota (load/read.ts `parseAhead`: kept until parseNeeded asks).
 * Only when: both are pure functions of the text, so the run's result is the same with or without.
 */
export class AheadOfNeed implements SpareWork {
  readonly facts = new Map<LoadedFile, TextFacts>();
  private readonly queue: LoadedFile[] = [];
  private next = 0;

  readonly kept = (f: LoadedFile): void => {
    if (awaitingParse(f)) this.queue.push(f);
  };

  readonly run = (): boolean => {
    const f = this.queue[this.next++];
    if (f === undefined) {
      this.next = this.queue.length;
      return false;
    }
    if (!awaitingParse(f)) return true;
    let t = this.facts.get(f);
    if (!t) this.facts.set(f, (t = textFacts(f.text)));
    if (mayAddToQuota(f.text, t.mayHide)) parseAhead(f);
    return true;
  };
}

/**
 * A pull-request run parses the changed files (and those a changed pipeline deploys), then, until
 * nothing new is needed, every file that can define what the parsed ones reference, reference what
 * the changed ones define, or share a folder or a model path with them (`needsOf`, `wanted`: tests
 * on the raw text that are a superset of what a parse finds). What stays unparsed cannot change a
 * verdict in the scope: `judge` over these files equals `judge` over the whole checkout kept to the
 * scope (tested exhaustively). Then the files that may hold a managed online deployment are parsed
 * for the quota alone: their manifests are returned and the files left unparsed for `judge`.
 */
export function parseNeeded(
  root: string,
  files: readonly LoadedFile[],
  config: Config,
  deployed: Deployed,
  seed: ReadonlySet<string>,
  onParse?: (path: string) => void,
  ahead = new AheadOfNeed(),
): Manifest[] {
  const pending = new Set(files.filter(awaitingParse));
  const found = new Map<LoadedFile, Manifest[]>();
  const facts = ahead.facts;
  const above = ancestorsOf(seed);
  const local = (file: string, value: string) => modelLocalPath(resolveLocal(file, value));
  const parse = (f: LoadedFile): Manifest[] => {
    pending.delete(f);
    parseLoaded(f);
    onParse?.(f.path);
    const m = withCommandValues(recognise(f, deployedAs(deployed, f.path)), deployed.get(f.path));
    if (m.length > 0) found.set(f, m);
    return m;
  };
  for (const f of files) if (seed.has(f.path) && pending.has(f)) parse(f);
  for (;;) {
    const manifests: Manifest[] = [];
    for (const f of files) for (const m of found.get(f) ?? []) manifests.push(m);
    const needs = needsOf(seed, above, buildInventory(root, [], manifests, normalise(manifests), config, deployed));
    const mentions = mentionTest(needs.mention);
    const next: LoadedFile[] = [];
    for (const f of pending) {
      let t = facts.get(f);
      if (!t) facts.set(f, (t = textFacts(f.text)));
      if (wanted(f.path, t, needs, above, mentions, f.text, local)) next.push(f);
    }
    if (next.length === 0) break;
    for (const f of next) parse(f);
  }
  const quota: Manifest[] = [];
  for (const f of files) {
    if (!pending.has(f) || !mayAddToQuota(f.text, facts.get(f)?.mayHide)) continue;
    for (const m of parse(f)) quota.push(m);
    f.docs = [];
    f.problems = [];
  }
  return quota;
}
