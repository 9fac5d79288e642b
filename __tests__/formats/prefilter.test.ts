// The pre-filter's test for texts in which a key may hide (formats/prefilter.ts `mayHideWords`) is one
// RegExp per case behind a string each case needs: it must answer as the single RegExp it replaced,
// and the screen built from it (core/screen.ts, also run by the reader thread) as that screen without
// the strings. A file it wrongly calls plain would be ruled out unparsed, or left unread for a PR.
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { screenTest } from '../../src/core/screen.js';
import { looksLikeManifest, mayHideWords, prefilterScreen } from '../../src/formats/prefilter.js';
import { rng } from '../helpers.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The single RegExp `mayHideWords` replaced (what every case of it means). */
const REFERENCE = /"[^"\n]*\\|(?:^|[\s[{,:-])!|^%TAG|\*[^\s,[\]{}]+[ \t]*:(?:\s|$)|^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)/m;

function texts(root: string, out: Array<[string, string]> = []): Array<[string, string]> {
  for (const e of readdirSync(root)) {
    const p = path.join(root, e);
    if (statSync(p).isDirectory()) texts(p, out);
    else if (/\.(ya?ml|json|sh|md)$|^MLmodel$/.test(e)) out.push([path.relative(REPO, p), readFileSync(p, 'utf8')]);
  }
  return out;
}

/** Texts made of the pieces each case looks for, near misses included. */
function generated(n: number): string[] {
  const pieces = ['"a\\u0041"', '"a\\', '"x"\\', '\\', '"', '!!str ', 'a!b', ' !x', '-!', '%TAG ! x', ' %TAG', '%TAG', '%TAGx', '*k : v', '*k:', '* k:', '*k', '? k', '- ? k', '?', 'a?', ' ?\t', '-  ?', 'key: value', '\n', '  ', '\t', '{', '[', ',', ':', '-'];
  const rnd = rng(42);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let t = '';
    for (let k = 1 + Math.floor(rnd() * 8); k > 0; k--) t += pieces[Math.floor(rnd() * pieces.length)];
    out.push(t);
  }
  return out;
}

describe('mayHideWords', () => {
  test('answers as the single RegExp on every fixture, example and generated text', () => {
    const all = [...texts(path.join(REPO, '__tests__', '__fixtures__')), ...texts(path.join(REPO, 'examples'))].map(([, t]) => t).concat(generated(20_000));
    let hidden = 0;
    for (const t of all) {
      const want = REFERENCE.test(t);
      if (mayHideWords(t) !== want) throw new Error(`mayHideWords disagrees (${want}) on ${JSON.stringify(t.slice(0, 200))}`);
      if (want) hidden++;
    }
    expect(hidden).toBeGreaterThan(1000);
    expect(all.length - hidden).toBeGreaterThan(1000);
  });

  test('the pre-filter screen answers as the same screen without its strings', () => {
    const screen = prefilterScreen();
    expect(screen.patterns.filter((p) => p.literal !== undefined).length).toBe(5);
    const fast = screenTest(screen);
    const slow = screenTest({ ...screen, patterns: screen.patterns.map(({ literal: _, ...p }) => p) });
    const all = [...texts(path.join(REPO, '__tests__', '__fixtures__')), ...texts(path.join(REPO, 'examples'))].concat(generated(5000).map((t, i): [string, string] => [`g/${i}.yml`, t]));
    let passed = 0;
    for (const [p, t] of all) {
      const want = slow(p, t);
      if (fast(p, t) !== want) throw new Error(`the screen disagrees (${want}) on ${p}`);
      // The engine hands the reader thread this screen as the pre-filter itself (ReadOptions.prefilterScreen).
      if (looksLikeManifest(p, t) !== want) throw new Error(`looksLikeManifest disagrees with its screen (${want}) on ${p}`);
      if (want) passed++;
    }
    expect(passed).toBeGreaterThan(500);
    expect(all.length - passed).toBeGreaterThan(500);
  });
});
