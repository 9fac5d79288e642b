// Recognition by content (SPEC §2): which family, and which kind, a parsed document is.
import type { DeployAs, LoadedFile, Manifest, ParsedDoc } from '../core/types.js';
import { isMapping } from '../core/pointer.js';
import type { DetectInput, Family } from './family.js';
import { FAMILIES } from './index.js';
import type { Normalised } from './types.js';

/** `https://host/latest/managedOnlineDeployment.schema.json` → `managedonlinedeployment`. */
export function schemaBasename(url: string): string {
  const noQuery = url.trim().replace(/[?#].*$/, '');
  const base = noQuery.slice(noQuery.lastIndexOf('/') + 1).toLowerCase();
  return base.replace(/(\.schema)?(\.template)?\.(json|ya?ml)$/, '').replace(/\.schema$/, '');
}

type Claim = string | ((input: DetectInput) => string);

interface Index {
  claims: Map<string, Claim>;
  byKind: Map<string, Family>;
}

let index: Index | undefined;

/** `$schema` basename → how its loader picks the kind; kind → family (built once, from FAMILIES). */
function indexes(): Index {
  if (!index) {
    index = { claims: new Map(), byKind: new Map() };
    for (const family of FAMILIES) {
      for (const [base, kind] of Object.entries(family.schemas ?? {})) index.claims.set(base, kind);
      for (const kind of family.kinds) index.byKind.set(kind, family);
    }
  }
  return index;
}

/** The family and kind of one document, or undefined when it is not a manifest. */
export function detect(filePath: string, data: Record<string, unknown>): { family: Family; kind: string } | undefined {
  const input: DetectInput = { path: filePath, data, type: typeof data.type === 'string' ? data.type.trim().toLowerCase() : undefined, rawType: data.type };
  for (const family of FAMILIES) {
    if (!family.detectFirst) continue;
    const kind = family.detect?.(input);
    if (kind) return { family, kind };
  }
  const schema = data.$schema;
  if (typeof schema === 'string' && schema.trim() !== '') {
    const { claims, byKind } = indexes();
    const claim = claims.get(schemaBasename(schema));
    if (claim) {
      const kind = typeof claim === 'string' ? claim : claim(input);
      const family = byKind.get(kind);
      if (family) return { family, kind };
    }
    // Another Azure ML asset (environment, job, component, ModelVersionPackage…) or a foreign schema.
    for (const family of FAMILIES) {
      if (!family.detectUnderForeignSchema) continue;
      const kind = family.detect?.(input);
      if (kind) return { family, kind };
    }
    return undefined;
  }
  for (const family of FAMILIES) {
    if (family.detectFirst) continue;
    const kind = family.detect?.(input);
    if (kind) return { family, kind };
  }
  return undefined;
}

/** Kind of one document (detection by content), or undefined. */
export function detectKind(filePath: string, data: Record<string, unknown>): string | undefined {
  return detect(filePath, data)?.kind;
}

/**
 * How a deploy command loads its file: by the loader of a `$schema` basename (which picks the kind
 * from the document, as `OnlineDeployment._load` does by `type`), or as one kind.
 */
const LOADED_AS: Readonly<Record<DeployAs, { schema: string } | { kind: string }>> = {
  'online-deployment': { schema: 'onlinedeployment' },
  'online-endpoint': { schema: 'onlineendpoint' },
  'batch-deployment': { schema: 'batchdeployment' },
  'batch-endpoint': { schema: 'batchendpoint' },
  // `Compute._load` dispatches on `type`; the compute family's detection does the same.
  compute: { kind: 'amlCompute' },
  model: { schema: 'model' },
  'v1-model-deploy': { kind: 'v1DeploymentConfig' },
  'aml-deploy': { kind: 'amlDeployAction' },
  'aml-compute': { kind: 'amlComputeAction' },
  'aml-registermodel': { kind: 'amlRegisterModelAction' },
};

/** The family and kind a deploy command loads a document as, whatever the document's `$schema` says. */
export function loadedAs(command: DeployAs, filePath: string, data: Record<string, unknown>): { family: Family; kind: string } | undefined {
  const { claims, byKind } = indexes();
  const how = LOADED_AS[command];
  const input: DetectInput = { path: filePath, data, type: typeof data.type === 'string' ? data.type.trim().toLowerCase() : undefined, rawType: data.type };
  let kind: string | undefined;
  if ('schema' in how) {
    const claim = claims.get(how.schema);
    kind = claim === undefined ? undefined : typeof claim === 'string' ? claim : claim(input);
  } else {
    kind = how.kind;
    const family = byKind.get(kind);
    if (command === 'compute') kind = family?.detect?.(input) ?? kind;
  }
  const family = kind === undefined ? undefined : byKind.get(kind);
  return family && kind ? { family, kind } : undefined;
}

/**
 * Recognises every document of a file whose value is a mapping. Never throws. `deployedAs`: the
 * commands pipelines deploy the file with; the command, not the content, decides the family (the
 * content's own kind is kept when it is one of those the commands load).
 */
export function recognise(file: LoadedFile, deployedAs: readonly DeployAs[] = []): Manifest[] {
  const out: Manifest[] = [];
  for (const doc of file.docs) {
    const m = recogniseDoc(file, doc, deployedAs);
    if (m) out.push(m);
  }
  return out;
}

function recogniseDoc(file: LoadedFile, doc: ParsedDoc, deployedAs: readonly DeployAs[]): Manifest | undefined {
  if (!isMapping(doc.value)) return undefined;
  let found = detect(file.path, doc.value);
  if (deployedAs.length > 0) {
    const loaded = deployedAs.map((c) => loadedAs(c, file.path, doc.value as Record<string, unknown>)).filter((x) => x !== undefined);
    if (loaded.length > 0 && !loaded.some((l) => l.kind === found?.kind)) found = loaded[0];
  }
  if (!found) return undefined;
  return { kind: found.kind, family: found.family, file, doc, data: doc.value };
}

/** The family a manifest was recognised as (its own object, typed for the formats). */
function familyOf(m: Manifest): Family {
  return m.family as Family;
}

/** Turns manifests into typed records, each by its family. Never throws on odd values. */
export function normalise(manifests: readonly Manifest[]): Normalised {
  const out: Normalised = { deployments: [], endpoints: [], models: [], computes: [] };
  for (const m of manifests) {
    const part = familyOf(m).normalise(m);
    if (part.deployments) out.deployments.push(...part.deployments);
    if (part.endpoints) out.endpoints.push(...part.endpoints);
    if (part.models) out.models.push(...part.models);
    if (part.computes) out.computes.push(...part.computes);
  }
  return out;
}
