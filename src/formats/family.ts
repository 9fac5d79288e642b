// A manifest family: one object, in one file, that says everything the product knows about one
// kind of file — how to recognise it, the words the pre-filter looks for, its known keys, its
// schema, its secrets, and how it becomes deployments, endpoints, models and computes.
import type { FamilyInfo, Fields, Manifest, SchemaIssue, SecretSpec } from '../core/types.js';
import { validateWith, type Schema } from './kit/schema.js';
import type { DraftDeployment, Normalised } from './types.js';

/** What detection sees of a document. */
export interface DetectInput {
  /** Repo-relative file path. */
  path: string;
  data: Record<string, unknown>;
  /** `type`, trimmed and lower-cased, when it is a string. */
  type?: string;
  /** `type` exactly as written (azure-ai-ml compares some discriminators case-sensitively). */
  rawType?: unknown;
}

export interface Family extends FamilyInfo {
  /** The kinds this family recognises. */
  readonly kinds: readonly string[];
  /**
   * `$schema` basenames (lower case, no extension) this family claims. `$schema` only names the
   * family of loader the CLI would use; the kind is what that loader picks from the document's own
   * keys (azure-ai-ml `OnlineDeployment._load` picks by `type`, `OnlineEndpoint._load` by `compute`),
   * and it may belong to another family (a `batchDeployment` schema with `type: pipeline`).
   */
  readonly schemas?: Readonly<Record<string, string | ((input: DetectInput) => string)>>;
  /** Recognition by shape when no family claims the `$schema` (FAMILIES order is the detection order). */
  detect?(input: DetectInput): string | undefined;
  /** A document under a `$schema` nobody claims still belongs to this family when `detect` says so (v1 configs). */
  readonly detectUnderForeignSchema?: boolean;
  /** Recognised by its file name, before any `$schema` is looked at (MLflow `MLmodel`). */
  readonly detectFirst?: boolean;
  /** Words the text pre-filter looks for (a file holding none of them is not parsed). */
  readonly prefilter: { readonly keys?: readonly string[]; readonly types?: readonly string[]; readonly fileNames?: readonly string[] };
  /** The JSON schema of one of its kinds (pure data, compiled on first use). */
  schema(kind: string): Schema;
  /** The typed records of one manifest. Never throws on odd values. */
  normalise(m: Manifest): Partial<Normalised>;
  /**
   * What the vCPU quota counts of one manifest, without the rest of `normalise` (a pull-request
   * run reads it for every file it does not parse: engine/quota-of.ts): the fields of the deployment
   * `normalise` gives, made by the same code. A family whose deployments never count leaves it out.
   */
  quota?(m: Manifest): QuotaFields | undefined;
}

/** The fields of a normalised deployment the vCPU quota reads (policy/kit/quota.ts `quotaEntries`). */
export type QuotaFields = Pick<DraftDeployment, 'manifest' | 'target' | 'skipDeployment' | 'instanceType' | 'instanceCount' | 'name'>;

/** What every family states; `define` fills in the rest. */
export type FamilySpec = Omit<Family, 'validate' | 'secrets' | 'v1'> & { readonly secrets?: readonly SecretSpec[]; readonly v1?: boolean };

/** A family with the defaults every family shares: schema validation by kind, no secrets, not v1. */
export function define<const K extends readonly string[]>(spec: FamilySpec & { readonly kinds: K }): Family & { readonly kinds: K } {
  const family: Family & { readonly kinds: K } = {
    ...spec,
    v1: spec.v1 ?? false,
    secrets: spec.secrets ?? [],
    validate(m: Manifest): SchemaIssue[] {
      return validateWith(m, m.kind, () => family.schema(m.kind));
    },
  };
  return family;
}

export type { Fields, Schema };
