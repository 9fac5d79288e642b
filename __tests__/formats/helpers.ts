import { expect } from '@jest/globals';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from '../../src/load/read.js';
import { walk } from '../../src/load/files.js';
import { looksLikeManifest } from '../../src/formats/prefilter.js';
import type { LoadedFile } from '../../src/core/types.js';
import { normalise } from '../../src/formats/recognise.js';
import type { DraftDeployment } from '../../src/formats/types.js';
import { manifestsOf } from '../harness.js';

/** The corpus of real manifests, copied into the repository with its sources and licenses. */
export const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../__fixtures__/corpus');

let corpusFiles: Promise<LoadedFile[]> | undefined;

/** Every corpus file that passes the pre-filter, loaded once per test file. */
export function loadCorpus(): Promise<LoadedFile[]> {
  corpusFiles ??= Promise.resolve(loadAll(walk({ root: CORPUS, include: ['**/*'], exclude: [] }), { prefilter: looksLikeManifest }));
  return corpusFiles;
}

/** The one deployment a manifest text normalises to (asserts there is exactly one). */
export function deployment(rel: string, text: string): DraftDeployment {
  const ds = normalise(manifestsOf(rel, text)).deployments;
  expect(ds).toHaveLength(1);
  return ds[0];
}
