// What the repository and the config know about each model: metadata files merged in SPEC §2 order,
// config `models:` on top, and the size of the model's files on disk (bounded walk, no links).
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { ModelInfo } from '../core/types.js';

const DISK_WALK_MAX_ENTRIES = 20_000;

export function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? '' : p.slice(0, i);
}

export function mergeInto(target: ModelInfo, src: ModelInfo): void {
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

export class ModelIndex {
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
    const size = sumFilesInside(this.root, rel);
    this.diskCache.set(rel, size);
    return size;
  }
}

/** SPEC §2 order of model facts: metadata tags/properties, then aml-registermodel, then MLflow (the families rank them). */
function factRank(m: ModelInfo): number {
  return m.rank ?? 3;
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

/**
 * Sum of file sizes under `rel`, only when its real path stays inside the repository: a folder link
 * on the way (`escape -> /`) must not lead the walk to the runner's files.
 */
function sumFilesInside(root: string, rel: string): number | undefined {
  let realRoot: string;
  let real: string;
  try {
    // One realpath(3) call each (the JS realpathSync lstats every path component).
    realRoot = realpathSync.native(root);
    real = realpathSync.native(path.join(root, rel));
  } catch {
    return undefined;
  }
  const r = path.relative(realRoot, real);
  if (r.startsWith('..') || path.isAbsolute(r)) return undefined;
  return sumFiles(real);
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

