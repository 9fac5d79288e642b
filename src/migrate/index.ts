// `model-deploy-gate migrate`: v1 deployment configs and aml-deploy parameter files → CLI v2
// online endpoint + deployment YAML. The repository is read the way the gate reads it (so a v1
// file's folder-linked model and the catalogue's sizes are the gate's), then each v1 service is
// turned into its v2 files.
import * as path from 'node:path';
import { SkuCatalog } from '../catalog/skus.js';
import { loadConfig } from '../config/load.js';
import type { Config, ConfigProblem } from '../config/types.js';
import { looksLikeManifest } from '../formats/prefilter.js';
import { normalise, recognise } from '../formats/recognise.js';
import { buildInventory } from '../inventory/build.js';
import { walk } from '../load/files.js';
import { DEFAULT_MAX_FILE_BYTES, loadAll } from '../load/read.js';
import { ALL_RULES } from '../policy/rules/index.js';
import { emit, type Migration, type MigrateOptions } from './emit.js';
import { findInferenceConfig } from './inference.js';
import { readService } from './source.js';

export type { Generated, Migration, MigrateOptions } from './emit.js';

export interface MigrateRequest extends MigrateOptions {
  root: string;
  /** Repo-relative files or folders. */
  paths: string[];
  configPath?: string;
}

export type MigrateOutcome =
  | { ok: true; migrations: Migration[]; /** Paths with nothing to migrate, and why. */ skipped: Array<{ path: string; why: string }> }
  | { ok: false; problems: ConfigProblem[] };

const V1_FAMILIES = new Set(['v1-deployment-config', 'aml-deploy-action']);

export function migrate(req: MigrateRequest): MigrateOutcome {
  const root = path.resolve(req.root);
  const loaded = loadConfig(root, req.configPath, ALL_RULES.map((r) => r.id));
  if (!loaded.ok) return loaded;
  const config: Config = loaded.config;
  const files = loadAll(walk({ root, include: config.include, exclude: config.exclude }), { prefilter: looksLikeManifest, maxBytes: DEFAULT_MAX_FILE_BYTES });
  const manifests = files.flatMap((f) => recognise(f));
  const inventory = buildInventory(root, files, manifests, normalise(manifests), config);
  const skus = new SkuCatalog(config.skus);

  const wanted = (p: string) => req.paths.some((x) => x === '' || x === '.' || p === x || p.startsWith(`${x.replace(/\/+$/, '')}/`));
  const migrations: Migration[] = [];
  const skipped: Array<{ path: string; why: string }> = [];
  for (const f of files) {
    if (!wanted(f.path)) continue;
    const mine = manifests.filter((m) => m.file === f && V1_FAMILIES.has(m.family.id));
    if (mine.length === 0) {
      if (req.paths.includes(f.path)) {
        const why = f.problems.length ? `it does not parse (${f.problems[0].message})` : 'it is not a v1 deployment config or an aml-deploy parameters file';
        skipped.push({ path: f.path, why });
      }
      continue;
    }
    for (const m of mine) {
      const d = inventory.deployments.find((x) => x.manifest === m);
      if (!d) {
        skipped.push({ path: f.path, why: 'it describes no deployment the gate can read (see its `schema` findings)' });
        continue;
      }
      if (d.skipDeployment) {
        skipped.push({ path: f.path, why: '`skip_deployment: true`: it builds an image and deploys nothing' });
        continue;
      }
      const svc = readService(d);
      const inference = m.family.id === 'v1-deployment-config' ? findInferenceConfig(root, f.path) : undefined;
      migrations.push(emit(svc, { inference, skus, limits: config.limits, opts: { target: req.target, compute: req.compute } }));
    }
  }
  for (const p of req.paths) {
    const norm = p.replace(/\/+$/, '');
    if (!files.some((f) => f.path === norm || f.path.startsWith(`${norm}/`) || norm === '' || norm === '.') && !skipped.some((s) => s.path === norm)) {
      skipped.push({ path: p, why: 'no v1 deployment config or aml-deploy parameters file there' });
    }
  }
  return { ok: true, migrations, skipped };
}
