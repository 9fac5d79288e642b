import { lstatSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Normalised, DraftDeployment } from '../formats/index.js';
import type { Config } from '../policy/types.js';
import type { ComputeInfo, Deployment, Endpoint, Inventory, LoadedFile, Manifest, ModelInfo, Ref } from '../types.js';
import { StageResolver } from './stage.js';

const DISK_WALK_MAX_ENTRIES = 20_000;

/** Links deployments to their models, computes and endpoints, and decides each deployment's stage. */
export function buildInventory(
  root: string,
  files: LoadedFile[],
  manifests: Manifest[],
  norm: Normalised,
  config: Config,
): Inventory {
  const models = [...norm.models];
  for (const [name, m] of Object.entries(config.models)) {
    models.push({
      name,
      memoryGb: m.memoryGb,
      sizeBytes: m.sizeBytes,
      accelerator: m.accelerator,
      source: 'config',
      memorySource: m.memoryGb !== undefined ? 'config models:' : undefined,
      sizeSource: m.sizeBytes !== undefined ? 'config models:' : undefined,
    });
  }
  const computes: ComputeInfo[] = [...norm.computes];
  for (const [name, c] of Object.entries(config.computes)) computes.push({ name, ...c, source: 'config' });

  const index = new ModelIndex(root, models);
  const computeByName = new Map<string, ComputeInfo>();
  // Config facts win over repository definitions (SPEC §2: config first).
  for (const c of computes) {
    const k = c.name.toLowerCase();
    const prev = computeByName.get(k);
    if (!prev || c.source === 'config') computeByName.set(k, c);
  }
  const endpointsByName = new Map<string, Endpoint[]>();
  for (const e of norm.endpoints) {
    if (!e.name) continue;
    const list = endpointsByName.get(e.name) ?? [];
    list.push(e);
    endpointsByName.set(e.name, list);
  }

  const stages = new StageResolver({
    production: config.stages.production,
    nonproduction: config.stages.nonproduction,
    defaultStage: config.defaultStage,
  });

  // Endpoints' own references (a Kubernetes endpoint's `compute`), also when no deployment uses them.
  for (const e of norm.endpoints) if (e.computeRef) resolveComputeRef(e.computeRef, computeByName);

  const deployments: Deployment[] = norm.deployments.map((draft) => {
    const d: Deployment = { ...draft, stage: 'unknown', stageReason: '' };
    resolveModel(d, index);
    resolveCompute(d, computeByName, endpointsByName, norm.endpoints);
    if (d.mode === 'batch' && d.compute?.type === 'kubernetes') {
      d.target = 'aks';
      d.targetReason = `batch deployment on Azure ML Kubernetes compute ${d.compute.name}`;
    }
    const s = stages.resolve({ path: d.manifest.file.path, tags: d.tags, names: [d.name, d.endpointName] });
    d.stage = s.stage;
    d.stageReason = s.reason;
    return d;
  });

  return { files, manifests, deployments, endpoints: norm.endpoints, models, computes };
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? '' : p.slice(0, i);
}

function resolveCompute(
  d: Deployment,
  byName: Map<string, ComputeInfo>,
  endpointsByName: Map<string, Endpoint[]>,
  endpoints: Endpoint[],
): void {
  if (!d.computeRef && d.manifest.kind === 'kubernetesOnlineDeployment') {
    // A Kubernetes online deployment runs on its endpoint's compute.
    let ep = d.endpointName ? endpointsByName.get(d.endpointName)?.find((e) => e.kind === 'kubernetes') : undefined;
    if (!ep) {
      const dir = dirOf(d.manifest.file.path);
      const local = endpoints.filter((e) => e.kind === 'kubernetes' && dirOf(e.manifest.file.path) === dir);
      if (local.length === 1) ep = local[0];
    }
    if (ep?.computeRef) d.computeRef = { ...ep.computeRef };
  }
  if (d.computeRef) d.compute = resolveComputeRef(d.computeRef, byName);
}

/** Sets the reference's resolution; returns the compute it names when that is defined. */
function resolveComputeRef(ref: Ref, byName: Map<string, ComputeInfo>): ComputeInfo | undefined {
  if (ref.external) {
    ref.resolution = 'external';
    return undefined;
  }
  const c = byName.get(ref.name.toLowerCase());
  ref.resolution = c ? 'resolved' : 'missing';
  return c;
}

function resolveModel(d: Deployment, index: ModelIndex): void {
  const ref = d.modelRef;
  if (!ref) {
    if (d.manifest.v1 && (d.manifest.kind === 'v1DeploymentConfig' || d.manifest.kind === 'amlDeployAction')) {
      const local = index.inFolder(dirOf(d.manifest.file.path));
      if (local.length === 1) {
        // Config `models:` facts apply to a folder-linked model too (a v1 model's ResourceConfiguration
        // lives in the workspace: config is where it is declared).
        d.model = index.complete(index.withConfig(local[0]));
        d.modelByFolder = true;
      }
    }
    return;
  }
  if (ref.external) {
    ref.resolution = 'external';
    return;
  }
  if (ref.path !== undefined) {
    // ref.path is repo-relative already (formats resolve it from the manifest's folder).
    const localPath = ref.path === '.' ? '' : ref.path.startsWith('..') ? undefined : ref.path;
    const found = localPath !== undefined ? index.byLocalPath(localPath) : undefined;
    const inline: ModelInfo = found
      ? { ...found }
      : { name: ref.name !== ref.raw ? ref.name : undefined, version: ref.version, localPath, source: 'inline' };
    const spec = ref.at.manifest.data[ref.at.ptr.slice(1)];
    if (spec && typeof spec === 'object' && typeof (spec as Record<string, unknown>).type === 'string') {
      inline.type ??= (spec as Record<string, string>).type;
    }
    if (ref.name && ref.name !== ref.raw) {
      const named = index.byName(ref.name, ref.version);
      if (named.match) mergeInto(inline, named.match);
    }
    d.model = index.complete(inline);
    ref.resolution = 'resolved';
    return;
  }
  const r = index.byName(ref.name, ref.version);
  if (r.match) {
    d.model = index.complete(r.match);
    ref.resolution = 'resolved';
  } else if (r.versions.length > 0) {
    ref.resolution = 'version-mismatch';
    ref.versionsFound = r.versions;
  } else {
    ref.resolution = 'missing';
  }
}

function mergeInto(target: ModelInfo, src: ModelInfo): void {
  if (target.memoryGb === undefined && src.memoryGb !== undefined) {
    target.memoryGb = src.memoryGb;
    target.memorySource = src.memorySource;
  }
  if (target.sizeBytes === undefined && src.sizeBytes !== undefined) {
    target.sizeBytes = src.sizeBytes;
    target.sizeSource = src.sizeSource;
  }
  target.accelerator ??= src.accelerator;
  target.type ??= src.type;
  target.localPath ??= src.localPath;
  target.name ??= src.name;
  target.version ??= src.version;
}

class ModelIndex {
  private readonly named = new Map<string, ModelInfo[]>();
  private readonly configByName = new Map<string, ModelInfo>();
  private readonly local = new Map<string, ModelInfo[]>();
  private readonly folder = new Map<string, ModelInfo[]>();
  private readonly diskCache = new Map<string, number | undefined>();

  constructor(
    private readonly root: string,
    models: ModelInfo[],
  ) {
    // SPEC §2 order of model facts: metadata tags/properties, then aml-registermodel, then MLflow
    // (config `models:` is applied on top by withConfig). mergeInto keeps the first value it sees.
    for (const m of [...models].sort((a, b) => factRank(a) - factRank(b))) {
      if (m.source === 'config' && m.name) {
        this.configByName.set(m.name, m);
        continue;
      }
      if (m.name) push(this.named, m.name, m);
      if (m.localPath !== undefined) push(this.local, m.localPath, m);
      if (m.manifest) push(this.folder, dirOf(m.manifest.file.path), m);
    }
  }

  inFolder(dir: string): ModelInfo[] {
    return this.folder.get(dir) ?? [];
  }

  byLocalPath(p: string): ModelInfo | undefined {
    const list = this.local.get(p);
    if (!list) return undefined;
    // Lists are in SPEC fact order (metadata first, MLmodel last): merged, the first value of each fact wins.
    const merged: ModelInfo = { ...list[0] };
    for (const m of list.slice(1)) mergeInto(merged, m);
    return merged;
  }

  /** The model with config `models:` facts for its name applied over it (config wins). */
  withConfig(m: ModelInfo): ModelInfo {
    const cfg = m.name ? this.configByName.get(m.name) : undefined;
    if (!cfg) return m;
    const out: ModelInfo = { ...m, ...definedOnly(cfg), source: m.source };
    if (cfg.memoryGb !== undefined) out.memorySource = 'config models:';
    if (cfg.sizeBytes !== undefined) out.sizeSource = 'config models:';
    return out;
  }

  byName(name: string, version?: string): { match?: ModelInfo; versions: string[] } {
    const list = this.named.get(name) ?? [];
    const cfg = this.configByName.get(name);
    let match: ModelInfo | undefined;
    const versions: string[] = [];
    for (const m of list) {
      if (version === undefined || m.version === undefined || String(m.version) === version) {
        match ??= { ...m };
        if (match !== m) mergeInto(match, m);
      } else {
        versions.push(String(m.version));
      }
    }
    if (cfg) return { match: match ? this.withConfig(match) : { ...cfg }, versions };
    return { match, versions: [...new Set(versions)].sort() };
  }

  /** Fills the size from the MLmodel at the model's path, else from the files on disk. */
  complete(m: ModelInfo): ModelInfo {
    const out = { ...m };
    if (out.localPath !== undefined) {
      const other = this.local.get(out.localPath);
      if (other) for (const o of other) if (o !== m) mergeInto(out, o);
      if (out.sizeBytes === undefined) {
        const size = this.diskSize(out.localPath);
        if (size !== undefined) {
          out.sizeBytes = size;
          out.sizeSource = `files on disk under ${out.localPath || '.'}`;
        }
      }
    }
    return out;
  }

  private diskSize(rel: string): number | undefined {
    if (this.diskCache.has(rel)) return this.diskCache.get(rel);
    const size = sumFiles(path.join(this.root, rel));
    this.diskCache.set(rel, size);
    return size;
  }
}

function factRank(m: ModelInfo): number {
  switch (m.manifest?.kind) {
    case 'model':
      return 0;
    case 'amlRegisterModelAction':
      return 1;
    case 'mlflowModel':
      return 2;
    default:
      return 3;
  }
}

function definedOnly(m: ModelInfo): Partial<ModelInfo> {
  const out: Partial<ModelInfo> = {};
  if (m.memoryGb !== undefined) out.memoryGb = m.memoryGb;
  if (m.sizeBytes !== undefined) out.sizeBytes = m.sizeBytes;
  if (m.accelerator !== undefined) out.accelerator = m.accelerator;
  if (m.name !== undefined) out.name = m.name;
  return out;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** Sum of file sizes under a path: bounded, links not followed. undefined when nothing is there. */
function sumFiles(abs: string): number | undefined {
  let total = 0;
  let seen = 0;
  let found = false;
  const stack = [abs];
  while (stack.length > 0 && seen < DISK_WALK_MAX_ENTRIES) {
    const p = stack.pop()!;
    let st;
    try {
      st = lstatSync(p);
    } catch {
      continue;
    }
    seen++;
    if (st.isSymbolicLink()) continue;
    if (st.isFile()) {
      total += st.size;
      found = true;
    } else if (st.isDirectory()) {
      try {
        for (const e of readdirSync(p)) stack.push(path.join(p, e));
      } catch {
        // unreadable folder: counted as empty
      }
    }
  }
  return found ? total : undefined;
}

export type { DraftDeployment, Ref };
