// The inventory: deployments linked to their models, computes and endpoints, each with its stage.
import type { Config } from '../config/types.js';
import type { ComputeInfo, Deployment, Endpoint, Inventory, LoadedFile, Manifest, ModelInfo, Ref } from '../core/types.js';
import type { Normalised } from '../formats/types.js';
import { ModelIndex, dirOf, mergeInto } from './models.js';
import type { DeployEvidence } from './pipelines/index.js';
import { stageFromPipelines } from './pipelines/index.js';
import { StageResolver } from './stage.js';

/**
 * Links deployments to their models, computes and endpoints, and decides each deployment's stage.
 * `deployed`: repo-relative path → the pipeline steps that deploy that file.
 */
export function buildInventory(
  root: string,
  files: LoadedFile[],
  manifests: Manifest[],
  norm: Normalised,
  config: Config,
  deployed: ReadonlyMap<string, readonly DeployEvidence[]> = new Map(),
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
    // A variant made by a command line is deployed by its own steps only (inventory/overrides.ts).
    const all = deployed.get(draft.manifest.file.path) ?? [];
    const steps = draft.manifest.deployedSteps;
    const evidence = steps ? steps.map((i) => all[i]).filter((e) => e !== undefined) : all;
    const d: Deployment = {
      ...draft,
      stage: 'unknown',
      stageReason: '',
      deployedBy: evidence.map((e) => ({ pipeline: e.pipeline, line: e.line, command: e.command, stage: e.stage, reason: e.reason, overrides: { ...e.overrides } })),
    };
    resolveModel(d, index);
    resolveCompute(d, computeByName, endpointsByName, norm.endpoints);
    if (d.mode === 'batch' && d.compute?.type === 'kubernetes') {
      d.target = 'aks';
      d.targetReason = `batch deployment on Azure ML Kubernetes compute ${d.compute.name}`;
    }
    const pipeline = evidence.length > 0 ? stageFromPipelines([...evidence]) : undefined;
    const s = stages.resolve({ path: d.manifest.file.path, tags: d.tags, names: [d.name, d.endpointName], pipeline });
    d.stage = s.stage;
    d.stageReason = s.reason;
    return d;
  });

  return { files, manifests, deployments, endpoints: norm.endpoints, models, computes };
}

function resolveCompute(d: Deployment, byName: Map<string, ComputeInfo>, endpointsByName: Map<string, Endpoint[]>, endpoints: Endpoint[]): void {
  if (!d.computeRef && d.inheritsEndpointCompute) {
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
  if (ref.placeholder) {
    ref.resolution = 'placeholder';
    return undefined;
  }
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
    if (d.linksModelByFolder) {
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
  if (ref.placeholder) {
    ref.resolution = 'placeholder';
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
    if (ref.type) inline.type ??= ref.type;
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
