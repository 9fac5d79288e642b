// Unified diffs (`--- a/file` / `+++ b/file`, 3 lines of context) that `git apply` and `patch -p1`
// accept. Lines keep their terminators, so a CRLF file diffs as CRLF and a missing final newline
// is marked "\ No newline at end of file".

const CONTEXT = 3;
/** Above this many cells the middle of a change is one replace block (manifests are small). */
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The edit script old → new: common prefix and suffix, then an LCS of the middle. */
function script(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ops: Op[] = a.slice(0, pre).map((line) => ({ kind: ' ', line }));
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  if (am.length * bm.length > MAX_CELLS) {
    for (const line of am) ops.push({ kind: '-', line });
    for (const line of bm) ops.push({ kind: '+', line });
  } else {
    const n = am.length;
    const m = bm.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        ops.push({ kind: ' ', line: am[i++] });
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push({ kind: '-', line: am[i++] });
      } else {
        ops.push({ kind: '+', line: bm[j++] });
      }
    }
  }
  for (const line of a.slice(a.length - suf)) ops.push({ kind: ' ', line });
  return ops;
}

function body(op: Op): string {
  const nl = op.line.endsWith('\n');
  return `${op.kind}${nl ? op.line : `${op.line}\n\\ No newline at end of file\n`}`;
}

/** A unified diff of one file ('' when nothing changed). `file` is repo-relative with `/`. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = script(splitLines(before), splitLines(after));
  // Old/new line number at each op.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldAt.push(o);
    newAt.push(n);
    if (op.kind !== '+') o++;
    if (op.kind !== '-') n++;
  }
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  const hunks: Array<[number, number]> = [];
  for (const i of changed) {
    const from = Math.max(0, i - CONTEXT);
    const to = Math.min(ops.length - 1, i + CONTEXT);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else hunks.push([from, to]);
  }
  let out = `--- a/${file}\n+++ b/${file}\n`;
  for (const [from, to] of hunks) {
    const slice = ops.slice(from, to + 1);
    const oldCount = slice.filter((x) => x.kind !== '+').length;
    const newCount = slice.filter((x) => x.kind !== '-').length;
    const oldStart = oldCount === 0 ? oldAt[from] - 1 : oldAt[from];
    const newStart = newCount === 0 ? newAt[from] - 1 : newAt[from];
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`;
    // Within a run of changes, removals first, then additions (the usual layout).
    let k = 0;
    while (k < slice.length) {
      if (slice[k].kind === ' ') {
        out += body(slice[k++]);
        continue;
      }
      const run: Op[] = [];
      while (k < slice.length && slice[k].kind !== ' ') run.push(slice[k++]);
      for (const x of run) if (x.kind === '-') out += body(x);
      for (const x of run) if (x.kind === '+') out += body(x);
    }
  }
  return out;
}
