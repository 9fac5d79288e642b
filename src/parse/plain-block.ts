// A reader of the simplest YAML there is, for values alone: one block mapping of `key: value` lines,
// nested by indentation, with one-line scalars and whole-line comments, in printable ASCII. Most
// deployment files are written so. Where it answers, its value is the one parseYaml gives (the same
// scalar resolution, `resolvePlain`; mappings made by `newMapping`, keys in source order; tested
// against parseYaml on the corpus and on generated texts); anything else it leaves to parseYaml
// (undefined): sequences, flow collections, quotes with escapes, block scalars, anchors, tags,
// trailing comments, duplicate keys, several documents, tabs. No positions: it serves what needs the
// values only (engine/quota-of.ts).
import { newMapping } from './doc.js';
import { resolvePlain } from './yaml.js';

/** Anything but printable ASCII and line feeds (tabs, carriage returns, control and non-ASCII characters). */
const NOT_PLAIN_TEXT = /[^\n\x20-\x7e]/;
/** `indent key:` and the rest of the line: the key a plain word (no quotes, spaces, `?`, `<<`, `-`). */
const KEY_LINE = /^( *)([A-Za-z_$][A-Za-z0-9_.$/-]*):(?: +(.*))?$/;
/** A one-line single- or double-quoted scalar without escapes. */
const SINGLE_QUOTED = /^'([^']*)'$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
/** How a plain scalar may not start (YAML's indicators), and what it may not hold: a comment, a mapping value, a flow bracket. */
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const NOT_IN_PLAIN = / #|: |[[\]{}]|:$/;
/** YAML's limit on an implicit key. */
const MAX_KEY = 1024;
/** Deeper files are left to parseYaml (its depth limit is 64). */
const MAX_DEPTH = 32;
const NOT_READ = Symbol('not read');

/** The document's value, or undefined when the text is not of this subset (parseYaml reads it then). */
export function plainBlockMapping(text: string): Record<string, unknown> | undefined {
  if (NOT_PLAIN_TEXT.test(text)) return undefined;
  const root = newMapping();
  const indents = [0];
  const maps = [root];
  // A key without a value on its line: a mapping if deeper lines follow, null if not.
  let open: { map: Record<string, unknown>; key: string; indent: number } | undefined;
  let keys = 0;
  for (let at = 0; at <= text.length; ) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const line = text.slice(at, end);
    at = end + 1;
    let i = 0;
    while (line.charCodeAt(i) === 32) i++;
    if (i === line.length || line.charCodeAt(i) === 35) continue; // blank, or a comment line
    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const indent = m[1].length;
    if (open) {
      if (indent > open.indent) {
        if (indents.length >= MAX_DEPTH) return undefined;
        const child = newMapping();
        open.map[open.key] = child;
        indents.push(indent);
        maps.push(child);
      }
      open = undefined;
    }
    while (indents[indents.length - 1] > indent) {
      indents.pop();
      maps.pop();
    }
    // Deeper than its mapping with no key above it to open (a scalar's continuation), or between two levels.
    if (indents[indents.length - 1] !== indent) return undefined;
    const map = maps[maps.length - 1];
    const key = m[2];
    if (key.length > MAX_KEY || Object.hasOwn(map, key)) return undefined;
    keys++;
    const raw = (m[3] ?? '').trimEnd();
    if (raw === '') {
      map[key] = null;
      open = { map, key, indent };
      continue;
    }
    const value = scalar(raw);
    if (value === NOT_READ) return undefined;
    map[key] = value;
  }
  return keys > 0 ? root : undefined;
}

function scalar(raw: string): unknown {
  const c = raw.charCodeAt(0);
  if (c === 39) {
    const q = SINGLE_QUOTED.exec(raw);
    return q ? q[1] : NOT_READ;
  }
  if (c === 34) {
    const q = DOUBLE_QUOTED.exec(raw);
    return q ? q[1] : NOT_READ;
  }
  if (PLAIN_START.test(raw) || NOT_IN_PLAIN.test(raw)) return NOT_READ;
  return resolvePlain(raw);
}
