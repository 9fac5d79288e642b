// What a file's text can say about names and local paths before it is parsed: a pull-request run
// parses only the files that can define, reference or sit next to what the changed files need
// (dependents.ts). Every test here is a superset of what a parse would find: a file whose text cannot
// be read this way (escapes, tags, aliases, block scalars, multi-line values, numbers) counts as a hit.
import { mayHideWords } from '../formats/prefilter.js';

/** Characters that end a name's first token in raw text and in the parsed value alike. */
const STOP = /[\s'",\]}#]/;
/** First characters of a YAML value this reader does not follow: block scalars, anchors, aliases, tags, flow collections. */
const COMPLEX_START = /[|>&*![{]/;
/** A plain YAML value that does not stay a string as written (numbers, booleans, null). */
const NOT_A_STRING = /^(?:[-+]?(?:[0-9]|\.[0-9]).*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
const NUMERIC_START = /^[-+.0-9]/;

/**
 * A character class of `re` as a test of one UTF-16 code unit: a table for ASCII, `re` itself for
 * the rest (the same answers as `re.test` on the character; far cheaper in the loops over a text).
 */
function unitTest(re: RegExp): (unit: number) => boolean {
  const ascii = new Uint8Array(128);
  for (let u = 0; u < 128; u++) ascii[u] = re.test(String.fromCharCode(u)) ? 1 : 0;
  return (u) => (u < 128 ? ascii[u] === 1 : re.test(String.fromCharCode(u)));
}

const isStop = unitTest(STOP);
const isComplexStart = unitTest(COMPLEX_START);

export interface TextFacts {
  /** Escapes, tags, alias or explicit keys: any name can hide in it. */
  mayHide: boolean;
  /** Lower-cased first tokens of the values of keys ending in `name` (`name`, `model_name`, `endpoint_name`, …). */
  names: Set<string>;
  /** Some `…name:` value is not plain text on its line (or starts like a number). */
  oddName: boolean;
  /** Values of `path:` / `local_path:` keys (model paths, inline in deployments and in model YAML), as written. */
  paths: string[];
  /** Some `path:` value cannot be read from the text alone. */
  oddPath: boolean;
  /** `paths` resolved as model local paths (filled by the first reader that resolves them). */
  locals?: Array<string | undefined>;
}

/** The lower-cased first token of a name (what any text that holds the name holds), or undefined when it has none. */
export function nameToken(name: string): string | undefined {
  const t = name.trim();
  const m = STOP.exec(t);
  const tok = (m ? t.slice(0, m.index) : t).toLowerCase();
  return tok === '' ? undefined : tok;
}

/** True when a name may be written in another form than its value (YAML numbers: `0x1F` is 31). */
export function numericName(name: string): boolean {
  return NUMERIC_START.test(name.trim());
}

const isKeyBoundary = unitTest(/[\s{,"'[]/);
const isNamePrefix = unitTest(/[A-Za-z0-9_$.-]/);

/**
 * For a key that starts at `start` (at line start or after a space, `{`, `,`, a quote or `[`) and whose
 * word ends at `wordEnd`: where its value starts (after an optional closing quote and the `:`), or -1.
 */
function valueStart(text: string, start: number, wordEnd: number): number {
  if (start > 0 && !isKeyBoundary(text.charCodeAt(start - 1))) return -1;
  let i = wordEnd;
  if (text[i] === '"' || text[i] === "'") i++;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  return text[i] === ':' ? i + 1 : -1;
}

export function textFacts(text: string): TextFacts {
  const facts: TextFacts = { mayHide: mayHideWords(text), names: new Set(), oddName: false, paths: [], oddPath: false };
  for (let at = text.indexOf('name'); at !== -1; at = text.indexOf('name', at + 4)) {
    let k = at;
    while (k > 0 && isNamePrefix(text.charCodeAt(k - 1))) k--;
    let i = valueStart(text, k, at + 4);
    if (i === -1) continue;
    while (text[i] === ' ' || text[i] === '\t') i++;
    const c = text[i];
    if (c === undefined || c === '\n' || c === '\r' || c === '#' || isComplexStart(text.charCodeAt(i))) {
      facts.oddName = true;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (text[i] === ' ' || text[i] === '\t') i++;
    }
    let j = i;
    while (j < text.length && !isStop(text.charCodeAt(j))) j++;
    const tok = text.slice(i, j).toLowerCase();
    if (tok === '' || NUMERIC_START.test(tok)) facts.oddName = true;
    else facts.names.add(tok);
  }
  for (let at = text.indexOf('path'); at !== -1; at = text.indexOf('path', at + 4)) {
    // `path` or `local_path`, nothing else before it in the key.
    const start = at >= 6 && text.startsWith('local_', at - 6) ? at - 6 : at;
    const i = valueStart(text, start, at + 4);
    if (i === -1) continue;
    const v = pathValue(text, i);
    if (v === undefined) facts.oddPath = true;
    else facts.paths.push(v);
  }
  return facts;
}

/** The value of a `path:` key starting at `i` when the text alone says what it is, else undefined. */
function pathValue(text: string, i: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', i) + 1;
  let keyColumn = lineStart;
  while (text[keyColumn] === ' ' || text[keyColumn] === '-' || text[keyColumn] === '\t') keyColumn++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const c = text[i];
  if (c === undefined || c === '\n' || c === '\r' || c === '#' || COMPLEX_START.test(c)) return undefined;
  let end = text.indexOf('\n', i);
  if (end === -1) end = text.length;
  const line = text.slice(i, end).replace(/\r$/, '');
  let value: string;
  if (c === '"' || c === "'") {
    const close = line.indexOf(c, 1);
    if (close === -1) return undefined;
    value = line.slice(1, close);
    if (value.includes('\\') || (c === "'" && line[close + 1] === "'")) return undefined;
  } else {
    value = line.replace(/\s+#.*$/, '').trimEnd();
    if (/[,[\]{}]/.test(value) || NOT_A_STRING.test(value)) return undefined;
    // A plain value continued on a more indented next line is one folded value.
    if (end < text.length) {
      let k = end + 1;
      let indent = 0;
      while (text[k] === ' ' || text[k] === '\t') {
        k++;
        indent++;
      }
      if (k < text.length && text[k] !== '\n' && text[k] !== '\r' && indent > keyColumn - lineStart) return undefined;
    }
  }
  value = value.trim();
  return value === '' ? undefined : value;
}

/** A test for any of the tokens anywhere in a text (case-insensitive), or undefined when there are none. */
export function mentionTest(tokens: Iterable<string>): ((text: string) => boolean) | undefined {
  const list = [...new Set(tokens)];
  if (list.length === 0) return undefined;
  const re = new RegExp(list.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
  return (text) => re.test(text);
}
