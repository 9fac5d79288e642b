// Repository text made inert for GitHub markdown (job summary, check run, PR comment).
//
// Every string from the repository (names, keys, values, paths, reasons, owners, messages that quote
// them) is written so that GitHub renders it as text: no raw HTML, no images or links, no @-mentions
// or #-references, no autolinks, no table cell broken out of, whatever backticks it holds.

/** One very long cell (a pasted PEM, a huge path) must not eat the whole budget. */
export const MAX_CELL_CHARS = 1000;

/** Zero-width space: breaks mentions, references and autolinks without changing what is shown. */
const ZWSP = '\u200b';

/** C0/C1 controls (but tab and line breaks) and bidirectional overrides ("Trojan source"): shown as U+FFFD. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Plain text, inert: entities for HTML, backslashes for markdown punctuation, mentions and links broken. */
export function inertText(s: string, breaks: boolean): string {
  let t = s.replace(CONTROL, '\ufffd').replace(/\r\n?/g, '\n');
  // `_` between two letters or digits cannot open or close emphasis (GFM): left as is, for readable sources.
  // No `<` survives, so no tag (and no attribute, hence `"` needs nothing); `!` needs no escape once `[` has one.
  t = t.replace(/[&<>\\`*[\]~|$]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      default:
        return `\\${c}`;
    }
  });
  t = t
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#(?=[\p{L}\p{N}_-])/gu, `#${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`)
    .replace(/\b(mailto|xmpp):/gi, `$1${ZWSP}:`);
  return t.replace(/\n/g, breaks ? '<br>' : ' ');
}

/**
 * A code span holding `s` literally: fenced with one more backtick than its longest run, padded when
 * it starts or ends with a backtick or a space. GitHub renders code spans as text (no HTML, mentions
 * or links). In a table cell a `|` would still end the cell (and a backslash before it cannot be
 * escaped inside code), so such text is written as inert plain text instead.
 */
function codeSpan(s: string, cell: boolean): string {
  const t = s.replace(CONTROL, '\ufffd').replace(/\r\n?|\n/g, ' ');
  if (t === '') return '';
  if (cell && t.includes('|')) return inertText(t, false);
  const longest = Math.max(0, ...[...t.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(t) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/**
 * Splits text into plain and code parts as CommonMark reads backticks: a run of n backticks opens a
 * code span closed by the next run of exactly n; an unmatched run is literal text.
 */
export function parts(s: string): Array<{ code: boolean; text: string }> {
  const out: Array<{ code: boolean; text: string }> = [];
  let plain = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '`') {
      const next = s.indexOf('`', i);
      const stop = next === -1 ? s.length : next;
      plain += s.slice(i, stop);
      i = stop;
      continue;
    }
    let n = 0;
    while (s[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    let j = i + n;
    let close = -1;
    while (j < s.length) {
      const k = s.indexOf(fence, j);
      if (k === -1) break;
      let m = 0;
      while (s[k + m] === '`') m++;
      if (m === n) {
        close = k;
        break;
      }
      j = k + m;
    }
    if (close === -1) {
      plain += fence;
      i += n;
      continue;
    }
    if (plain) out.push({ code: false, text: plain });
    plain = '';
    let body = s.slice(i + n, close).replace(/\r\n?|\n/g, ' ');
    if (body.length > 1 && body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '') body = body.slice(1, -1);
    out.push({ code: true, text: body });
    i = close + n;
  }
  if (plain) out.push({ code: false, text: plain });
  return out;
}

/**
 * Text safe in a table cell (and anywhere else): no `|` or line break ends the cell (breaks become
 * `<br>`), nothing from the repository renders as HTML, a link, an image or a mention. Code spans
 * (the messages use them for keys and values) stay code spans, re-fenced.
 */
export function esc(s: string): string {
  const t = s.length > MAX_CELL_CHARS ? `${s.slice(0, MAX_CELL_CHARS)}…` : s;
  return parts(t)
    .map((p) => (p.code ? codeSpan(p.text, true) : inertText(p.text, true)))
    .join('');
}

/** The same, for a line of running text (outside tables): line breaks become spaces. */
export function escLine(s: string): string {
  return parts(s)
    .map((p) => (p.code ? codeSpan(p.text, false) : inertText(p.text, false)))
    .join('');
}

/** A code span in a table cell (inert text when it cannot be one). */
export function code(s: string): string {
  const t = s.length > MAX_CELL_CHARS ? `${s.slice(0, MAX_CELL_CHARS)}…` : s;
  return codeSpan(t, true);
}

export function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Last resort when even the headings do not fit: cut on a character boundary, with a marker. */
export function cutToBytes(s: string, max: number): string {
  const marker = '\n\n_… report cut to fit._\n';
  const room = max - bytes(marker);
  if (room <= 0) return Buffer.from(s, 'utf8').subarray(0, Math.max(0, max)).toString('utf8').replace(/\uFFFD+$/, '');
  const cut = Buffer.from(s, 'utf8').subarray(0, room).toString('utf8').replace(/\uFFFD+$/, '');
  return cut + marker;
}
