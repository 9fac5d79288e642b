// The parsers as they were before positions became a compact table (commit 950fe59: src/parse/yaml.ts
// and src/parse/jsonc.ts, verbatim but for imports and names): a Map from JSON Pointer to span for every
// key and value. positions.test.ts checks that the table answers exactly as these Maps did.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ParseProblem, Span } from '../../src/core/types.js';
import { dict, pointerJoin } from '../../src/core/pointer.js';
import { LineIndex, templateProblem } from '../../src/parse/lines.js';
import type { RefDoc } from './reference-yaml.js';

/**
 * Parses JSON with comments and trailing commas (real aml-deploy and v1 files have both) into a
 * plain value plus JSON-Pointer → span maps. Objects have a null prototype.
 */
export function referenceJsonc(text: string, lines: LineIndex, maxDepth = 64): { docs: RefDoc[]; problems: ParseProblem[] } {
  // jsonc-parser recurses per nesting level: refuse absurd depth before it can overflow the stack.
  const deep = firstTooDeep(text, maxDepth);
  if (deep !== -1) {
    const p = lines.position(deep);
    return { docs: [], problems: [{ message: `JSON nested deeper than ${maxDepth} levels`, line: p.line, column: p.column }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const problems: ParseProblem[] = [];
  if (errors.length > 0) {
    const e = errors[0];
    const tpl = templateProblem(text, lines, e.offset, 'JSON parser', printParseErrorCode(e.error));
    if (tpl) {
      problems.push(tpl);
    } else {
      const p = lines.position(e.offset);
      problems.push({ message: `invalid JSON: ${describe(printParseErrorCode(e.error))}`, line: p.line, column: p.column, syntax: true });
    }
    return { docs: [], problems };
  }
  if (!root) return { docs: [], problems };
  const keys = new Map<string, Span>();
  const values = new Map<string, Span>();
  let firstKey: Span | undefined;
  const build = (node: Node, ptr: string, depth: number): unknown => {
    values.set(ptr, lines.span(node.offset, node.offset + node.length));
    if (depth > maxDepth) throw new DepthError(node.offset);
    switch (node.type) {
      case 'object': {
        const obj = dict();
        const seen = new Map<string, Span>();
        for (const prop of node.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (!k) continue;
          const key = String(k.value);
          const childPtr = pointerJoin(ptr, key);
          const keySpan = lines.span(k.offset, k.offset + k.length);
          if (ptr === '' && !firstKey) firstKey = keySpan;
          const prev = seen.get(key);
          if (prev) {
            problems.push({
              message: `duplicate key "${key}" (first at line ${prev.line}); Azure's loaders disagree on which value wins`,
              line: keySpan.line,
              column: keySpan.column,
            });
          }
          seen.set(key, keySpan);
          keys.set(childPtr, keySpan);
          obj[key] = v ? build(v, childPtr, depth + 1) : null;
        }
        return obj;
      }
      case 'array':
        return (node.children ?? []).map((c, i) => build(c, pointerJoin(ptr, i), depth + 1));
      default:
        return node.value;
    }
  };
  try {
    const value = build(root, '', 0);
    return { docs: [{ value, keys, values, start: firstKey ?? lines.span(root.offset, root.offset + 1), index: 0 }], problems };
  } catch (err) {
    if (err instanceof DepthError) {
      const p = lines.position(err.offset);
      return { docs: [], problems: [{ message: `JSON nested deeper than ${maxDepth} levels`, line: p.line, column: p.column }] };
    }
    throw err;
  }
}

class DepthError extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

function describe(code: string): string {
  const map: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'a property name (in double quotes) was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: "':' was expected",
    CommaExpected: "',' was expected",
    CloseBraceExpected: "'}' was expected",
    CloseBracketExpected: "']' was expected",
    EndOfFileExpected: 'text after the end of the JSON value',
    InvalidCommentToken: 'malformed comment',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'malformed number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return map[code] ?? code;
}

/** Offset of the first bracket deeper than `max` (outside strings and comments), or -1. */
function firstTooDeep(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // string: skip to the closing quote
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22 || d === 0x0a) break;
      }
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return -1;
}
