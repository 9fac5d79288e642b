// `${{ … }}` expressions (GitHub Actions and Azure DevOps template expressions) and Azure DevOps
// `$(name)` macros. Only what can be known from the files is evaluated: literals, context
// look-ups, `a || b`, `format()`, `coalesce()`. Everything else stays as written (unresolved).

/** A context look-up: `inputs.x` → ['inputs', 'x']. undefined = not known here. */
export type Contexts = (path: string[]) => unknown;

const MAX_TEXT = 64 * 1024;
const EXPR = /\$\{\{([\s\S]*?)\}\}/g;

/** Replaces every `${{ expr }}` whose value is known; the others stay as written. */
export function substitute(text: string, ctx: Contexts): string {
  if (text.length > MAX_TEXT || !text.includes('${{')) return text;
  const out = text.replace(EXPR, (whole, body: string) => {
    const v = evaluate(body, ctx);
    return v === undefined ? whole : v;
  });
  return out.length > MAX_TEXT ? text : out;
}

/** The value of a string that is exactly one expression (objects and lists included). */
export function exactValue(text: string, ctx: Contexts): unknown {
  const m = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(text);
  if (!m || m[1].includes('}}')) return undefined;
  const ast = parse(m[1]);
  return ast ? value(ast, ctx) : undefined;
}

/** String value of an expression body, or undefined when any part is unknown. */
export function evaluate(body: string, ctx: Contexts): string | undefined {
  const ast = parse(body);
  if (!ast) return undefined;
  return scalar(value(ast, ctx));
}

/** The string literals inside an expression (`github.ref == 'x' && 'prod' || 'dev'` → x, prod, dev). */
export function literals(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(EXPR)) for (const l of m[1].matchAll(/'((?:[^']|'')*)'/g)) out.push(l[1].replace(/''/g, "'"));
  return out;
}

/** Azure DevOps macros `$(name)`: replaced when the variable is known, recursively (bounded). */
export function macros(text: string, lookup: (name: string) => string | undefined, depth = 0): string {
  if (depth > 6 || text.length > MAX_TEXT || !text.includes('$(')) return text;
  const out = text.replace(/\$\(([A-Za-z_][\w.\-]*)\)/g, (whole, name: string) => {
    const v = lookup(name);
    return v === undefined ? whole : macros(v, lookup, depth + 1);
  });
  return out.length > MAX_TEXT ? text : out;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

// ---------------------------------------------------------------- a tiny expression parser

type Ast =
  | { k: 'lit'; v: string | number | boolean | null }
  | { k: 'ref'; path: string[] }
  | { k: 'or'; a: Ast; b: Ast }
  | { k: 'call'; name: string; args: Ast[] };

const TOKEN = /\s*(?:('(?:[^']|'')*')|(\|\||[(),])|([A-Za-z_][\w-]*(?:\s*(?:\.\s*[A-Za-z_*][\w-]*|\[\s*(?:'(?:[^']|'')*'|\d+)\s*\]))*)|(-?\d+(?:\.\d+)?))/y;

function tokenize(src: string): string[] | undefined {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m || m.index !== pos) return undefined;
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
    pos = TOKEN.lastIndex;
    if (out.length > 200) return undefined;
  }
  return out;
}

function parse(body: string): Ast | undefined {
  if (body.length > 2000) return undefined;
  const toks = tokenize(body.trim());
  if (!toks || !toks.length) return undefined;
  let i = 0;
  const primary = (): Ast | undefined => {
    const t = toks[i++];
    if (t === undefined) return undefined;
    if (t.startsWith("'")) return { k: 'lit', v: t.slice(1, -1).replace(/''/g, "'") };
    if (/^-?\d/.test(t)) return { k: 'lit', v: Number(t) };
    if (t === 'true' || t === 'false') return { k: 'lit', v: t === 'true' };
    if (t === 'null') return { k: 'lit', v: null };
    if (!/^[A-Za-z_]/.test(t)) return undefined;
    if (toks[i] === '(') {
      i++;
      const args: Ast[] = [];
      while (toks[i] !== ')') {
        const a = or();
        if (!a) return undefined;
        args.push(a);
        if (toks[i] === ',') i++;
        else if (toks[i] !== ')') return undefined;
      }
      i++;
      return { k: 'call', name: t.toLowerCase(), args };
    }
    return { k: 'ref', path: refPath(t) };
  };
  const or = (): Ast | undefined => {
    let a = primary();
    while (a && toks[i] === '||') {
      i++;
      const b = primary();
      a = b ? { k: 'or', a, b } : undefined;
    }
    return a;
  };
  const ast = or();
  return ast && i === toks.length ? ast : undefined;
}

function refPath(t: string): string[] {
  const out: string[] = [];
  for (const m of t.matchAll(/([A-Za-z_*][\w-]*)|\[\s*'((?:[^']|'')*)'\s*\]|\[\s*(\d+)\s*\]/g)) out.push(m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3]);
  return out;
}

function value(ast: Ast, ctx: Contexts): unknown {
  switch (ast.k) {
    case 'lit':
      return ast.v;
    case 'ref':
      return ctx(ast.path);
    case 'or': {
      const a = value(ast.a, ctx);
      if (a === undefined) return undefined;
      return a === '' || a === null || a === false || a === 0 ? value(ast.b, ctx) : a;
    }
    case 'call': {
      const args = ast.args.map((a) => value(a, ctx));
      if (ast.name === 'format') {
        const parts = args.map(scalar);
        if (parts.some((p) => p === undefined)) return undefined;
        const [fmt, ...rest] = parts as string[];
        return fmt.replace(/\{(\d+)\}/g, (w, n: string) => rest[Number(n)] ?? w);
      }
      if (ast.name === 'coalesce') {
        for (const a of args) {
          if (a === undefined) return undefined;
          if (a !== '' && a !== null) return a;
        }
        return '';
      }
      return undefined;
    }
  }
}

/** Case-insensitive own-key look-up along a path (Azure DevOps names are case-insensitive). */
export function lookupPath(root: unknown, path: string[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (Array.isArray(cur) && /^\d+$/.test(seg)) cur = cur[Number(seg)];
    else if (cur && typeof cur === 'object' && !Array.isArray(cur)) {
      const o = cur as Record<string, unknown>;
      const key = Object.hasOwn(o, seg) ? seg : Object.keys(o).find((k) => k.toLowerCase() === seg.toLowerCase());
      cur = key === undefined ? undefined : o[key];
    } else return undefined;
  }
  return cur;
}
