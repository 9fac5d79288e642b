import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync, truncateSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { evaluate, type EngineOptions, type Outcome } from '../src/engine.js';
import { problemsText } from '../src/config/types.js';
import type { Finding, Result, Stage, FailOn } from '../src/core/types.js';

export interface GateOptions {
  /** Config file text, written to .github/model-deploy-gate.yml. */
  config?: string;
  defaultStage?: Stage;
  failOn?: FailOn;
  changed?: string[];
  now?: Date;
  /** Extra files given as byte sizes (e.g. model weights): path → size in bytes (sparse files). */
  sizedFiles?: Record<string, number>;
}

/** Writes `files` (repo-relative path → text or bytes) to a fresh temp repo. Returns its root. */
export function writeRepo(files: Record<string, string | Buffer>, sized: Record<string, number> = {}, prefix = 'mdg-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  for (const [rel, size] of Object.entries(sized)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, '');
    // Sparse: the size is real for stat(), no bytes are written.
    truncateSync(abs, size);
  }
  return root;
}

export interface TempRepos {
  /** A fresh temporary repository holding `files` (repo-relative path → text or bytes); its root. */
  repo(files?: Record<string, string | Buffer>): string;
  /** A fresh empty temporary folder (e.g. one outside every repository); its path. */
  dir(): string;
  /** Removes every repository and folder made so far (call it from afterEach or afterAll). */
  cleanup(): void;
}

/**
 * Temporary repositories that are removed together: `const temp = tempRepos('mdg-x-'); afterEach(temp.cleanup);`
 * (this module also runs outside jest, in the fuzzer, so it registers no hook itself).
 */
export function tempRepos(prefix = 'mdg-'): TempRepos {
  const made: string[] = [];
  const keep = (p: string) => {
    made.push(p);
    return p;
  };
  return {
    repo: (files = {}) => keep(writeRepo(files, {}, prefix)),
    dir: () => keep(mkdtempSync(path.join(tmpdir(), `${prefix}dir-`))),
    cleanup: () => {
      for (const p of made.splice(0)) rmSync(p, { recursive: true, force: true });
    },
  };
}

/** Runs the real engine over an in-memory repository. */
export async function gate(files: Record<string, string>, opts: GateOptions = {}): Promise<Result> {
  const all = { ...files };
  if (opts.config !== undefined) all['.github/model-deploy-gate.yml'] = opts.config;
  const root = writeRepo(all, opts.sizedFiles);
  try {
    const eo: EngineOptions = {
      root,
      failOn: opts.failOn ?? 'error',
      defaultStage: opts.defaultStage,
      changed: opts.changed,
      scopeReason: 'test',
      now: opts.now,
    };
    return resultOf(evaluate(eo));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Findings of one rule. */
export function byRule(r: Result, ruleId: string): Finding[] {
  return r.findings.filter((f) => f.ruleId === ruleId);
}

/** The result of a run, or a thrown error naming the config problems that stopped it. */
export function resultOf(o: Outcome): Result {
  if (!o.ok) throw Object.assign(new Error(problemsText(o.problems)), { name: 'ConfigError', problems: o.problems });
  return o.result;
}

/** The real-world repositories, copied verbatim into the fixtures (see __fixtures__/realworld/README.md). */
export const REALWORLD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__/realworld');

/** Files of a real-world fixture repository (repo-relative path → text), optionally only some of them. */
export function fixtureFiles(repo: string, only?: string[]): Record<string, string> {
  const base = path.join(REALWORLD, repo);
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(base, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile() && (!only || only.includes(r))) out[r] = readFileSync(path.join(base, r), 'utf8');
    }
  };
  walk('');
  if (only) for (const o of only) if (!(o in out)) throw new Error(`fixture ${repo}/${o} not found`);
  return out;
}

/** A seeded xorshift32 generator in [0, 1): the same sequence for the same seed, on every machine. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}
