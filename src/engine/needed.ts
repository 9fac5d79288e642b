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
import { awaitingParse, parseLoaded } from '../load/read.js';
import { deployedAs, type Deployed } from './deployed.js';

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
): Manifest[] {
  const pending = new Set(files.filter(awaitingParse));
  const found = new Map<LoadedFile, Manifest[]>();
  const facts = new Map<LoadedFile, TextFacts>();
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
    if (!pending.has(f) || !(f.text.includes('instance_type') || (facts.get(f)?.mayHide ?? MAY_HIDE_WORDS.test(f.text)))) continue;
    for (const m of parse(f)) quota.push(m);
    f.docs = [];
    f.problems = [];
  }
  return quota;
}
