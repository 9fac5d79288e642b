// Text helpers shared by messages and reports.

/** `1 file`, `3 files`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "a", "a and b", "a, b and c". */
export function sentenceList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Messages are sentences: capitalise a leading lowercase word (not a path, key or rule id). */
export function sentence(message: string): string {
  return /^[a-z]+[\s,;:]/.test(message) ? message[0].toUpperCase() + message.slice(1) : message;
}

/** `a label`, `an aml-deploy file`, `an MLmodel file`. */
export function article(label: string): string {
  return `${/^([aeiou]|ML)/i.test(label) ? 'an' : 'a'} ${label}`;
}

/** Up to two decimals, no trailing zeros: 0.5, 47.9, 1.33. */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Optimal-string-alignment distance (a transposition counts as one edit). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate a mistyped word most likely means ("did you mean"): a unique candidate it is the
 * start of (`aci-not-for-prod`), else the nearest by edit distance within a quarter of its length (≥ 2).
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w.length >= 4) {
    const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(w));
    if (prefixed.length === 1) return prefixed[0];
  }
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

// ---------------------------------------------------------------- key suggestions

function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_.\-/]+/)
    .filter((w) => w !== '')
    .map((w) => (w.length > 4 && w.endsWith('ed') ? w.slice(0, -1) : w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
}

/**
 * The known key a mistyped key most likely means: same letters in another case; same words in
 * another order or style (`enableAppInsights` → `appInsightsEnabled`); a small edit distance
 * (≤ 3, scaled down for short keys); or a key whose words contain all of its words (`cpu` → `cpu_cores`).
 */
export function suggestKey(key: string, known: string[]): string | undefined {
  const lk = key.toLowerCase();
  const cands = known.filter((k) => k !== key && k !== '$schema');
  const ci = cands.find((k) => k.toLowerCase() === lk);
  if (ci) return ci;
  const kw = words(key);
  const bag = [...kw].sort().join(' ');
  const sameWords = cands.find((k) => [...words(k)].sort().join(' ') === bag);
  if (sameWords) return sameWords;
  const limit = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of cands) {
    const dist = editDistance(lk, k.toLowerCase());
    if (dist <= limit && dist < bestD) {
      best = k;
      bestD = dist;
    }
  }
  if (best) return best;
  if (kw.length === 0) return undefined;
  let sub: string | undefined;
  for (const k of cands) {
    const w = new Set(words(k));
    if (kw.every((x) => w.has(x)) && (sub === undefined || editDistance(lk, k.toLowerCase()) < editDistance(lk, sub.toLowerCase()))) sub = k;
  }
  return sub;
}
