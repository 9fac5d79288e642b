// Just enough of a POSIX shell reader to find the `az ml …` commands of a script: quotes,
// `\` continuations, comments, `;` `&&` `||` `|` separators, `$X`/`${X}` from the environment and
// from earlier `X=value` / `export X=value` lines, and `cd DIR`. Command substitutions, arithmetic
// and anything not listed stay as written (unresolved).

export interface SimpleCommand {
  words: string[];
  /** 0-based line of the command's first word inside the script. */
  line: number;
  /** The working directory the script has `cd`-ed into (relative, as written), if any. */
  cd?: string;
}

/** A read-only variable look-up. */
export interface Lookup {
  get(name: string): string | undefined;
}

/** Variables a script sees: its own assignments over its parent's, without copying the parent. */
export class Env implements Lookup {
  private readonly own = new Map<string, string | undefined>();
  constructor(private readonly parent?: Lookup) {}

  get(name: string): string | undefined {
    return this.own.has(name) ? this.own.get(name) : this.parent?.get(name);
  }

  set(name: string, value: string | undefined): this {
    this.own.set(name, value);
    return this;
  }
}

const MAX_SCRIPT = 256 * 1024;
const MAX_COMMANDS = 5000;
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'time', 'sudo', 'command', 'exec', 'fi', 'done']);

/** Splits a script into simple commands with variables expanded from `env` (which the script updates). */
export function simpleCommands(script: string, env: Env, powershell = false): SimpleCommand[] {
  if (script.length > MAX_SCRIPT) return [];
  const text = powershell ? script.replace(/`\r?\n/g, '\\\n') : script;
  const out: SimpleCommand[] = [];
  let cd: string | undefined;
  const finish = (words: string[], line: number): void => {
    let i = 0;
    while (i < words.length && KEYWORDS.has(words[i])) i++;
    const ws = words.slice(i);
    let j = 0;
    while (j < ws.length && /^[A-Za-z_]\w*=/.test(ws[j])) j++;
    if (j === ws.length || ['export', 'local', 'declare', 'readonly'].includes(ws[0])) {
      for (const a of ws.slice(j === ws.length ? 0 : 1)) assign(env, a);
      return;
    }
    const cmd = ws.slice(j);
    if (cmd[0] === 'cd') {
      const dir = cmd[1];
      cd = dir === undefined || dir.startsWith('/') || dir === '-' || dir === '~' ? '$UNKNOWN' : cd ? `${cd}/${dir}` : dir;
      return;
    }
    if (out.length < MAX_COMMANDS) out.push(cd === undefined ? { words: cmd, line } : { words: cmd, line, cd });
  };
  tokenize(text, env, finish);
  return out;
}

function assign(env: Env, a: string): void {
  const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(a);
  if (m) env.set(m[1], /[$`]/.test(m[2]) ? undefined : m[2]);
}

function tokenize(text: string, env: Lookup, finish: (words: string[], line: number) => void): void {
  let words: string[] = [];
  let word: string | undefined;
  let line = 0;
  let cmdLine = 0;
  const push = (s: string): void => {
    if (word === undefined) {
      word = '';
      if (!words.length) cmdLine = line;
    }
    word += s;
  };
  const endWord = (): void => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length) finish(words, cmdLine);
    words = [];
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '\n') {
      line++;
      i += 2;
    } else if (c === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') {
      line++;
      i += 3;
    } else if (c === '\\') {
      push(text[i + 1] ?? '');
      i += 2;
    } else if (c === '\n') {
      endCommand();
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
    } else if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      endCommand();
      i++;
    } else if (c === '#' && word === undefined) {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? n : end;
      const s = text.slice(i + 1, stop);
      line += count(s);
      push(s);
      i = stop + 1;
    } else if (c === '"') {
      const start = i++;
      let s = '';
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n && '"\\$`'.includes(text[i + 1])) {
          s += text[i + 1];
          i += 2;
        } else if (text[i] === '$') {
          const [v, next] = expansion(text, i, env);
          s += v;
          i = next;
        } else s += text[i++];
      }
      i++;
      line += count(text.slice(start, i));
      push(s);
    } else if (c === '$') {
      const [v, next] = expansion(text, i, env);
      line += count(text.slice(i, next));
      push(v);
      i = next;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      const stop = end < 0 ? n : end;
      push(text.slice(i, stop + 1).replace(/\s+/g, ' '));
      line += count(text.slice(i, stop));
      i = stop + 1;
    } else {
      push(c);
      i++;
    }
  }
  endCommand();
}

/** `$…` at `i`: the value when known, else the text as written. Returns [text, next index]. */
function expansion(text: string, i: number, env: Lookup): [string, number] {
  const rest = text.slice(i, i + 4);
  if (rest.startsWith('${{')) {
    const end = text.indexOf('}}', i + 3);
    const stop = end < 0 ? text.length : end + 2;
    return [text.slice(i, stop).replace(/\s+/g, ' '), stop];
  }
  if (rest.startsWith('$(')) {
    const stop = balanced(text, i + 1, '(', ')');
    return [text.slice(i, stop).replace(/\s+/g, ' '), stop];
  }
  if (rest.startsWith('${')) {
    const end = text.indexOf('}', i + 2);
    const stop = end < 0 ? text.length : end + 1;
    const name = text.slice(i + 2, stop - 1);
    const v = /^[A-Za-z_]\w*$/.test(name) ? env.get(name) : undefined;
    return [v ?? text.slice(i, stop), stop];
  }
  const m = /^\$([A-Za-z_]\w*)/.exec(text.slice(i, i + 256));
  if (m) {
    const v = env.get(m[1]);
    return [v ?? m[0], i + m[0].length];
  }
  return ['$', i + 1];
}

function balanced(text: string, i: number, open: string, close: string): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === open) depth++;
    else if (text[j] === close && --depth === 0) return j + 1;
  }
  return text.length;
}

function count(s: string): number {
  let k = 0;
  for (let j = s.indexOf('\n'); j !== -1; j = s.indexOf('\n', j + 1)) k++;
  return k;
}
