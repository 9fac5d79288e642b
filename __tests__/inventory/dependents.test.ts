// What a pull-request run parses next (inventory/dependents.ts): `WantedIndex.among` must give exactly
// the pending files `wanted` takes, in the same order, for any needs: it replaces a test of every file
// by lookups, so a file it missed would stay unparsed and its definition unseen.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_EXCLUDES } from '../../src/config/parse.js';
import type { LoadedFile } from '../../src/core/types.js';
import { modelLocalPath, resolveLocal } from '../../src/formats/kit/refs.js';
import { looksLikeManifest } from '../../src/formats/prefilter.js';
import { ancestorsOf, WantedIndex, wanted, type Needs } from '../../src/inventory/dependents.js';
import { mentionTest, textFacts, type TextFacts } from '../../src/inventory/mentions.js';
import { dirOf } from '../../src/inventory/models.js';
import { walk } from '../../src/load/files.js';
import { loadAll } from '../../src/load/read.js';
import { rng } from '../helpers.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const local = (file: string, value: string) => modelLocalPath(resolveLocal(file, value));

let synthetic: string;
beforeAll(() => {
  synthetic = mkdtempSync(path.join(os.tmpdir(), 'mdg-dependents-'));
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'gen-monorepo.mjs'), '--manifests', '300', '--seed', '11', '--out', synthetic]);
});
afterAll(() => rmSync(synthetic, { recursive: true, force: true }));

/** Files as a pull-request run holds them before parsing, plus texts that test every branch of `wanted`. */
function corpus(): LoadedFile[] {
  const read = (root: string, prefix: string) =>
    loadAll(walk({ root, include: ['**/*.yml', '**/*.yaml', '**/*.json', '**/MLmodel'], exclude: [...BUILTIN_EXCLUDES] }), { prefilter: looksLikeManifest, defer: true }).map((f) => ({ ...f, path: prefix + f.path }));
  const extra: Array<[string, string]> = [
    ['odd/escaped.json', '{"n\\u0061me": "gpu-prod", "compute_type": "akscluster"}'],
    ['odd/alias.yml', 'base: &n gpu-prod\nname: *n\n'],
    ['odd/path.yml', 'model:\n  path: >-\n    ../models/x\n'],
    ['odd/numeric.yml', 'name: 0x1F\ntype: amlcompute\n'],
    ['odd/block.yml', 'name: |\n  x\n'],
    ['models/fraud/MLmodel', 'flavors:\n  python_function: {}\n'],
    ['models/fraud/model.yml', 'name: fraud\npath: .\n'],
    ['deploy/local.yml', 'name: blue\nmodel:\n  path: ../models/fraud\ninstance_type: Standard_DS3_v2\n'],
  ];
  const extras = extra.map(([p, text]): LoadedFile => ({ path: p, abs: p, text, syntax: p.endsWith('.json') ? 'json' : 'yaml', size: text.length, docs: [], problems: [] }));
  return [...read(synthetic, ''), ...read(path.join(REPO, 'examples'), 'examples/'), ...extras];
}

describe('WantedIndex.among equals wanted over every pending file', () => {
  test('random needs, random pending sets, the same files in the same order', () => {
    const files = corpus();
    const facts = new Map<LoadedFile, TextFacts>(files.map((f) => [f, textFacts(f.text)]));
    const index = new WantedIndex<LoadedFile>(local);
    for (const f of files) index.add(f, facts.get(f)!);
    expect(files.length).toBeGreaterThan(300);
    const names = [...new Set(files.flatMap((f) => [...facts.get(f)!.names]))];
    const dirs = [...new Set(files.map((f) => dirOf(f.path)))];
    const locals = [...new Set(files.flatMap((f) => facts.get(f)!.paths.map((v) => local(f.path, v)).filter((x): x is string => x !== undefined)))];
    expect(locals.length).toBeGreaterThan(3);
    const rnd = rng(7);
    const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => rnd() < p);
    let nonEmpty = 0;
    let partial = 0;
    for (let trial = 0; trial < 300; trial++) {
      const needs: Needs = {
        mention: new Set(rnd() < 0.3 ? some(names, 0.02) : []),
        define: new Set(rnd() < 0.7 ? [...some(names, 0.03), 'no-such-name'] : []),
        numeric: rnd() < 0.15,
        everything: rnd() < 0.03,
        paths: new Set(rnd() < 0.5 ? [...some(locals, 0.3), 'nowhere'] : []),
        dirs: new Set(some(dirs, 0.02)),
      };
      const changed = some(files, 0.01).map((f) => f.path);
      const above = ancestorsOf(rnd() < 0.2 ? [...changed, 'models/fraud/score.py'] : changed);
      const mentions = mentionTest(needs.mention);
      const pending = new Set(some(files, 0.2 + rnd() * 0.8));
      const linear = [...pending].filter((f) => wanted(f.path, facts.get(f)!, needs, above, mentions, f.text, local));
      const got = index.among(pending, needs, above, mentions);
      expect(got.map((f) => f.path)).toEqual(linear.map((f) => f.path));
      if (linear.length > 0) nonEmpty++;
      if (linear.length > 0 && linear.length < pending.size) partial++;
    }
    // The needs take some files and leave others: every branch is compared, not only "all" or "none".
    expect(nonEmpty).toBeGreaterThan(150);
    expect(partial).toBeGreaterThan(150);
  });
});
