import { printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import type { ParsedDoc, ParseProblem } from '../core/types.js';
import { LineIndex, templateProblem } from './lines.js';
import { Doc, newMapping } from './doc.js';
import { PositionBuilder } from './positions.js';

/**
 * Parses JSON with comments and trailing commas (real aml-deploy and v1 files have both) into a
 * plain value plus the positions of every key and value (JSON-Pointer → span views). Objects inherit
 * nothing.
 */
export function parseJsonc(text: string, lines: LineIndex, maxDepth = 64): { docs: ParsedDoc[]; problems: ParseProblem[] } {
  // jsonc-parser recurses per nesting level: refuse absurd depth before it can overflow the stack.
  const deep = firstTooDeep(text, maxDepth);
  if (deep !== -1) {
    const p = lines.position(deep);
    return { docs: [], problems: [{ message: `JSON nested deeper than ${maxDepth} levels`, line: p.line, column: p.column }] };
  }
  const errors: ParseError[] = [];
  const problems: ParseProblem[] = [];
  // One pass over jsonc-parser's events builds the value and its positions (no syntax tree).
  const positions = new PositionBuilder();
  interface Frame {
    node: number;
    start: number;
    obj?: Record<string, unknown>;
    arr?: unknown[];
    key?: string;
    keyStart: number;
    keyEnd: number;
  }
  const stack: Frame[] = [];
  let root: unknown;
  let haveRoot = false;
  let firstKeyStart = -1;
  let firstKeyEnd = -1;
  let depthError = -1;
  let rootOffset = 0;
  /** Opens the node of the next value (a member of the current container, or the root). */
  const openValue = (offset: number): number => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (positions.count === 0) rootOffset = offset;
      return positions.open(-1, '', -1, -1);
    }
    if (top.arr) return positions.open(top.node, top.arr.length, -1, -1);
    return positions.open(top.node, top.key ?? '', top.keyStart, top.keyEnd);
  };
  const place = (value: unknown): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (!haveRoot) {
        root = value;
        haveRoot = true;
      }
    } else if (top.arr) {
      top.arr.push(value);
    } else if (top.obj && top.key !== undefined) {
      top.obj[top.key] = value;
      top.key = undefined;
    }
  };
  const tooDeep = (offset: number): boolean => {
    if (stack.length > maxDepth && depthError === -1) depthError = offset;
    return depthError !== -1;
  };
  const begin = (offset: number, container: { obj?: Record<string, unknown>; arr?: unknown[] }) => {
    const node = openValue(offset);
    tooDeep(offset);
    stack.push({ node, start: offset, ...container, keyStart: -1, keyEnd: -1 });
  };
  const finish = (offset: number, length: number) => {
    const f = stack.pop();
    if (!f) return;
    positions.value(f.node, f.start, offset + length);
    positions.close(f.node);
    place(f.obj ?? f.arr);
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => begin(offset, { obj: newMapping() }),
      onObjectEnd: finish,
      onArrayBegin: (offset) => begin(offset, { arr: [] }),
      onArrayEnd: finish,
      onObjectProperty: (key, offset, length) => {
        const top = stack[stack.length - 1];
        if (!top?.obj) return;
        if (stack.length === 1 && firstKeyStart === -1) {
          firstKeyStart = offset;
          firstKeyEnd = offset + length;
        }
        if (Object.hasOwn(top.obj, key) || top.key === key) {
          const prev = positions.lastChildWithKey(top.node, key);
          const here = lines.position(offset);
          problems.push({
            message: `duplicate key "${key}" (first at line ${prev === -1 ? here.line : lines.lineOf(positions.keyStart(prev))}); Azure's loaders disagree on which value wins`,
            line: here.line,
            column: here.column,
          });
        }
        top.key = key;
        top.keyStart = offset;
        top.keyEnd = offset + length;
      },
      onLiteralValue: (value, offset, length) => {
        const node = openValue(offset);
        positions.value(node, offset, offset + length);
        positions.close(node);
        tooDeep(offset);
        place(value);
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  );
  if (errors.length > 0) {
    positions.release();
    const e = errors[0];
    const tpl = templateProblem(text, lines, e.offset, 'JSON parser', printParseErrorCode(e.error));
    if (tpl) return { docs: [], problems: [tpl] };
    const p = lines.position(e.offset);
    return { docs: [], problems: [{ message: `invalid JSON: ${describe(printParseErrorCode(e.error))}`, line: p.line, column: p.column, syntax: true }] };
  }
  if (depthError !== -1) {
    positions.release();
    const p = lines.position(depthError);
    return { docs: [], problems: [{ message: `JSON nested deeper than ${maxDepth} levels`, line: p.line, column: p.column }] };
  }
  if (!haveRoot) {
    positions.release();
    return { docs: [], problems };
  }
  const table = positions.finish(lines);
  const start = firstKeyStart >= 0 ? lines.span(firstKeyStart, firstKeyEnd) : lines.span(rootOffset, rootOffset + 1);
  return { docs: [new Doc(root, table, start, 0)], problems };
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
