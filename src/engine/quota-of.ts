// What a file adds to the vCPU quota: a pure function of its path, text and syntax, and of the
// steps that deploy it. A pull-request run works it out for every file that may add to the quota and that it
// does not parse for the verdict (engine/needed.ts): about one file in six of a monorepo, so it is
// read for its values alone when it is plain YAML (parse/plain-block.ts, five times faster than
// parseYaml and its positions, which nothing here needs).
import type { DeployAs, LoadedFile, ParsedDoc, QuotaEntry, Span } from '../core/types.js';
import type { Family, QuotaFields } from '../formats/family.js';
import { recognise } from '../formats/recognise.js';
import { withCommandValues } from '../inventory/overrides.js';
import type { DeployEvidence } from '../inventory/pipelines/index.js';
import { parsedText } from '../load/read.js';
import { plainBlockMapping } from '../parse/plain-block.js';
import { quotaEntries } from '../policy/kit/quota.js';

const NO_SPANS: ReadonlyMap<string, Span> = new Map();
const FIRST_LINE: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * The quota entries of a file: parsed as the loader parses it (values alone), recognised as the
 * commands that deploy it load it (`commands`: engine/deployed.ts `deployedAs`), with the values of
 * their command lines (`evidence`), read by each family's `quota` (the fields its `normalise` would
 * give): what `judge` counts for the file when it parses it.
 */
export function quotaOf(path: string, text: string, syntax: LoadedFile['syntax'], commands: readonly DeployAs[] = [], evidence?: readonly DeployEvidence[]): QuotaEntry[] {
  const file: LoadedFile = { path, abs: '', text, syntax, size: 0, ...valuesOf(text, syntax) };
  const counted: QuotaFields[] = [];
  for (const m of withCommandValues(recognise(file, commands), evidence)) {
    const q = (m.family as Family).quota?.(m);
    if (q) counted.push(q);
  }
  return quotaEntries(counted);
}

/** The documents of a text with their values as parsedText gives them (positions only when parseYaml reads it). */
export function valuesOf(text: string, syntax: LoadedFile['syntax']): Pick<LoadedFile, 'docs' | 'problems'> {
  const value = syntax === 'yaml' ? plainBlockMapping(text) : undefined;
  if (value === undefined) return parsedText(text, syntax);
  const doc: ParsedDoc = { value, keys: NO_SPANS, values: NO_SPANS, start: FIRST_LINE, index: 0 };
  return { docs: [doc], problems: [] };
}
