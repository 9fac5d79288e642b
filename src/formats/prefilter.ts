// The cheap text pre-filter (SPEC §2): a file that holds none of the words any family looks for is
// not parsed. Its words come from the families; nothing here names a key of its own.
import * as path from 'node:path';
import { FAMILIES } from './index.js';
import { pattern, screenTest, type TextScreen } from '../core/screen.js';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Tests {
  key: RegExp;
  schema: RegExp;
  type: RegExp;
  fileNames: Set<string>;
}

let tests: Tests | undefined;

function build(): Tests {
  const keys = new Set<string>();
  const types = new Set<string>();
  const schemas = new Set<string>(['azureml']);
  const fileNames = new Set<string>();
  for (const f of FAMILIES) {
    for (const k of f.prefilter.keys ?? []) keys.add(k);
    for (const t of f.prefilter.types ?? []) types.add(t);
    for (const n of f.prefilter.fileNames ?? []) fileNames.add(n);
    for (const s of Object.keys(f.schemas ?? {})) schemas.add(s === 'model' ? 'model.schema' : s);
  }
  const alt = (set: Set<string>) => [...set].map(escape).join('|');
  return {
    key: new RegExp(`(?:^|[\\s{,"'])(?:${alt(keys)})["']?\\s*:`),
    schema: new RegExp(`\\$schema["']?\\s*:\\s*["']?[^\\n]*(?:${alt(schemas)})`, 'i'),
    type: new RegExp(`(?:^|[\\s{,"'])type["']?\\s*:\\s*["']?(?:${alt(types)})\\b`, 'i'),
    fileNames,
  };
}

/**
 * Text in which a key can be spelled without its letters appearing literally, as Azure's loaders
 * (PyYAML, Python json) read it: an escape inside a double-quoted string (`"compute\u0054ype"`,
 * `"\x24schema"`), a tag (`!!str`, `!<…>`, `%TAG`), an alias used as a key (`*k : ACI`), an explicit
 * key (`? computeType`). Such a file cannot be ruled out by words: it is parsed. One RegExp per
 * case, each with a string it cannot match without: most texts hold none of them, and
 * `String.includes` rules a case out far faster than a RegExp that may start anywhere.
 */
const MAY_HIDE: ReadonlyArray<{ literal: string; re: RegExp }> = [
  { literal: '\\', re: /"[^"\n]*\\/m },
  { literal: '!', re: /(?:^|[\s[{,:-])!/m },
  { literal: '%TAG', re: /^%TAG/m },
  { literal: '*', re: /\*[^\s,[\]{}]+[ \t]*:(?:\s|$)/m },
  { literal: '?', re: /^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)/m },
];

/** Whether a key may hide in the text (see MAY_HIDE). */
export function mayHideWords(text: string): boolean {
  for (const { literal, re } of MAY_HIDE) if (text.includes(literal) && re.test(text)) return true;
  return false;
}

/**
 * Could this YAML/JSON file be an Azure ML manifest? Keeps workflows, package.json … unparsed. A strict
 * superset of what the families recognise: a file it cannot rule out cheaply goes to the full parse.
 */
export function looksLikeManifest(relPath: string, text: string): boolean {
  return (test ??= screenTest(prefilterScreen()))(relPath, text);
}

let test: ((relPath: string, text: string) => boolean) | undefined;

/** The pre-filter as data (the reader thread runs the same test: load/screen.ts). */
export function prefilterScreen(): TextScreen {
  const t = (tests ??= build());
  return { fileNames: [...t.fileNames], patterns: [pattern(t.key), pattern(t.schema), pattern(t.type), ...MAY_HIDE.map((h) => pattern(h.re, undefined, h.literal))] };
}

/** `$schema` basenames of Azure ML assets that are not deployments, endpoints, computes or models. */
const OUT_OF_SCOPE_SCHEMAS = new Set([
  'environment', 'data', 'mltable', 'schedule', 'workspace', 'registry', 'index', 'modelversionpackage',
  'featureset', 'featuresetspec', 'featurestore', 'featurestoreentity', 'capabilityhost',
]);
const OUT_OF_SCOPE_SUFFIX = /(job|component|datastore|connection|workspaceconnection)$/;

/**
 * What kind of Azure ML asset outside the gate's scope a file's text says it is (a pipeline job, a
 * component, an environment…), judged from the text alone (for files that do not parse).
 */
export function outOfScopeAsset(text: string): string | undefined {
  // A file that also holds a key only a gated family uses (`computeType`, `endpoint_name`,
  // `auth_mode`…) is not excused by its `$schema` or `command:`: Azure's deploying command ignores
  // `$schema`, so the words the gate cannot read may be a deployment's (fail closed).
  if ((tests ??= build()).key.test(text)) return undefined;
  const m = /^\s*["']?\$schema["']?\s*:\s*["']?([^\s"'#]+)/m.exec(text);
  if (m) {
    const noQuery = m[1].replace(/[?#].*$/, '');
    const name = noQuery.slice(noQuery.lastIndexOf('/') + 1).replace(/(\.schema)?\.(json|ya?ml)$/i, '').replace(/\.schema$/i, '');
    const base = name.toLowerCase();
    if (OUT_OF_SCOPE_SCHEMAS.has(base) || OUT_OF_SCOPE_SUFFIX.test(base)) return `${name} (\`$schema\`)`;
    return undefined;
  }
  if (/^jobs\s*:/m.test(text) && /^type\s*:\s*["']?pipeline\b/m.test(text)) return 'pipeline job (`type: pipeline` with `jobs:`)';
  if (/^command\s*:/m.test(text)) return 'command job or component (`command:`)';
  return undefined;
}
