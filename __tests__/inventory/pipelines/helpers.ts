// Loads a real-world fixture repository the way the integrator will: every file path, and the
// texts of the files `isPipelineCandidate` accepts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';
import {
  findDeployments,
  isPipelineCandidate,
  type DeployEvidence,
  type PipelineSource,
} from '../../../src/inventory/pipelines/index.js';

export const REALWORLD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../__fixtures__/realworld');

function walk(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(root, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

export interface Repo {
  files: Set<string>;
  pipelines: PipelineSource[];
  evidence: DeployEvidence[];
}

const cache = new Map<string, Repo>();

export function repo(name: string): Repo {
  const hit = cache.get(name);
  if (hit) return hit;
  const root = path.join(REALWORLD, name);
  const files = new Set(walk(root));
  const pipelines: PipelineSource[] = [];
  for (const f of files) {
    const text = readFileSync(path.join(root, f), 'utf8');
    if (isPipelineCandidate(f, text)) pipelines.push({ path: f, text });
  }
  const r = { files, pipelines, evidence: findDeployments(pipelines, files) };
  cache.set(name, r);
  return r;
}

/** The one piece of evidence for `manifest` from `pipeline`. */
export function one(r: Repo, manifest: string, pipeline: string): DeployEvidence {
  const found = r.evidence.filter((e) => e.manifest === manifest && e.pipeline === pipeline);
  expect(found.map((e) => `${e.manifest} ← ${e.pipeline}`)).toEqual([`${manifest} ← ${pipeline}`]);
  return found[0];
}

/** Manifest → stage over all evidence of a repository. */
export function manifests(r: Repo): string[] {
  return [...new Set(r.evidence.map((e) => e.manifest))].sort();
}

/** A synthetic repository: files (path → text); pipelines are the candidates among them. */
export function synthetic(files: Record<string, string>, extra: string[] = []): DeployEvidence[] {
  const pipelines = Object.entries(files)
    .filter(([p, t]) => isPipelineCandidate(p, t))
    .map(([p, t]) => ({ path: p, text: t }));
  return findDeployments(pipelines, new Set([...Object.keys(files), ...extra]));
}
