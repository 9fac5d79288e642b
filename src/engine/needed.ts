// A pull-request run parses what the changed files need and leaves the rest of the checkout read and
// pre-filtered only (engine.ts `finish`).
import type { Config } from '../config/types.js';
import type { LoadedFile, Manifest, QuotaEntry } from '../core/types.js';
import { modelLocalPath, resolveLocal } from '../formats/kit/refs.js';
import { mayHideWords } from '../formats/prefilter.js';
import { normalise, recognise } from '../formats/recognise.js';
import { buildInventory } from '../inventory/build.js';
import { withCommandValues } from '../inventory/overrides.js';
import { ancestorsOf, needsOf, WantedIndex } from '../inventory/dependents.js';
import { mentionTest, textFacts, type TextFacts } from '../inventory/mentions.js';
import { awaitingParse, parseLoaded, type SpareWork } from '../load/read.js';
import { deployedAs, type Deployed } from './deployed.js';
import { quotaOf } from './quota-of.js';

/** A model path written in a file, resolved as the formats resolve it. */
const local = (file: string, value: string): string | undefined => modelLocalPath(resolveLocal(file, value));

/**
 * Whether a file's manifests may add to the vCPU quota (a managed online deployment's
 * `instance_type`, or a file whose words may hide it: `mayHide` when already known): such files are
 * read for the quota in every pull-request run.
 */
export function mayAddToQuota(text: string, mayHide?: boolean): boolean {
  return text.includes('instance_type') || (mayHide ?? mayHideWords(text));
}

/**
 * What parseNeeded does in any case, done while the main thread waits for the reader thread (the
 * engine hands it to the read as its spare work: load/read.ts `SpareWork`): the text facts of every
 * file read and their index (`WantedIndex`), and the quota entries of each file that may add to the
 * quota as if no pipeline deployed it (engine/quota-of.ts). All are pure functions of the text, so
 * the run's result is the same with or without.
 */
export class AheadOfNeed implements SpareWork {
  readonly facts = new Map<LoadedFile, TextFacts>();
  readonly index = new WantedIndex<LoadedFile>(local);
  private readonly queue: LoadedFile[] = [];
  private next = 0;
  private readonly quota = new Map<LoadedFile, QuotaEntry[]>();

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
    const t = this.factsOf(f);
    this.index.add(f, t);
    if (mayAddToQuota(f.text, t.mayHide)) this.quota.set(f, quotaOf(f.path, f.text, f.syntax));
    return true;
  };

  /** The quota entries of a file no pipeline deploys. */
  quotaOf(f: LoadedFile): QuotaEntry[] {
    return this.quota.get(f) ?? quotaOf(f.path, f.text, f.syntax);
  }

  factsOf(f: LoadedFile): TextFacts {
    let t = this.facts.get(f);
    if (!t) this.facts.set(f, (t = textFacts(f.text)));
    return t;
  }
}

/**
 * A pull-request run parses the changed files (and those a changed pipeline deploys), then, until
 * nothing new is needed, every file that can define what the parsed ones reference, reference what
 * the changed ones define, or share a folder or a model path with them (`needsOf`, `wanted`: tests
 * on the raw text that are a superset of what a parse finds). What stays unparsed cannot change a
 * verdict in the scope: `judge` over these files equals `judge` over the whole checkout kept to the
 * scope (tested exhaustively). Then the quota entries of the other files that may hold a managed
 * online deployment are returned (engine/quota-of.ts: their values alone), and those files are left
 * unparsed for `judge`.
 */
export function parseNeeded(
  root: string,
  files: readonly LoadedFile[],
  config: Config,
  deployed: Deployed,
  seed: ReadonlySet<string>,
  onParse?: (path: string) => void,
  ahead = new AheadOfNeed(),
): QuotaEntry[] {
  const pending = new Set(files.filter(awaitingParse));
  const found = new Map<LoadedFile, Manifest[]>();
  const above = ancestorsOf(seed);
  const parse = (f: LoadedFile): Manifest[] => {
    pending.delete(f);
    parseLoaded(f);
    onParse?.(f.path);
    const m = withCommandValues(recognise(f, deployedAs(deployed, f.path)), deployed.get(f.path));
    if (m.length > 0) found.set(f, m);
    return m;
  };
  for (const f of files) if (seed.has(f.path) && pending.has(f)) parse(f);
  for (const f of pending) ahead.index.add(f, ahead.factsOf(f));
  for (;;) {
    const manifests: Manifest[] = [];
    for (const f of files) for (const m of found.get(f) ?? []) manifests.push(m);
    const needs = needsOf(seed, above, buildInventory(root, [], manifests, normalise(manifests), config, deployed));
    const mentions = mentionTest(needs.mention);
    const next = ahead.index.among(pending, needs, above, mentions);
    if (next.length === 0) break;
    for (const f of next) parse(f);
  }
  const quota: QuotaEntry[] = [];
  for (const f of files) {
    if (!pending.has(f) || !mayAddToQuota(f.text, ahead.factsOf(f).mayHide)) continue;
    onParse?.(f.path);
    // A file a pipeline deploys is read as its commands load it (AheadOfNeed's entries assume none).
    quota.push(...(deployed.has(f.path) ? quotaOf(f.path, f.text, f.syntax, deployedAs(deployed, f.path), deployed.get(f.path)) : ahead.quotaOf(f)));
  }
  return quota;
}
