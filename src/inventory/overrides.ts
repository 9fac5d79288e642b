// What Azure gets when a pipeline deploys a file with values on the command line. `az ml
// online-deployment create -f blue.yml --set instance_count=1` deploys one instance whatever the file
// says: azure-ai-ml loads the file with `params_override`, the command line's values set over the
// file's (`--name`, `--endpoint-name`, `--set k.sub=v`, the compute flags). The gate judges that.
//
// - A literal value replaces the file's value for every rule, and a finding at that key says where
//   the value comes from (the file's line stays the location: it is where the key is read).
// - A value the pipeline reader could not resolve (`$SKU`, `$(count)`, `${{ inputs.n }}`) is not
//   applied: the file's value is judged, and the value as written is in the report (`deployedBy`).
// - Pipelines that deploy the same file with different values deploy different things: each distinct
//   set of values is judged as its own variant, with the steps that deploy it (their stage).
import type { CommandValue, DeployAs, Manifest } from '../core/types.js';
import { dict, isMapping, pointerJoin, pointerSplit } from '../core/pointer.js';
import { isPlaceholder } from '../formats/kit/placeholder.js';
import type { DeployEvidence } from './pipelines/index.js';

/** The flag a value was given with, for messages (`--set` for every other key). */
const FLAG_OF: Readonly<Record<string, string>> = {
  name: '--name',
  endpoint_name: '--endpoint-name',
  type: '--type',
  size: '--size',
  tier: '--tier',
  min_instances: '--min-instances',
  max_instances: '--max-instances',
  computeTargetName: '--compute-target',
};

/** A value the pipeline reader resolved to text: no variable, expression or placeholder left in it. */
export function isLiteral(value: string): boolean {
  // \x60: a backtick (a command substitution).
  return !/[$\x60]|%[A-Za-z_][A-Za-z0-9_]*%|#\{|\{\{/.test(value) && !isPlaceholder(value);
}

/** `k.sub.0` → its pointer, `/k/sub/0` (azure-ai-ml splits `--set` keys on dots). Undefined for an empty segment. */
function pointerOfKey(key: string): string | undefined {
  const segs = key.split('.');
  if (segs.some((s) => s === '')) return undefined;
  return segs.reduce<string>((acc, s) => pointerJoin(acc, s), '');
}

/** How the command line gives `key=value`, for messages. */
function flagText(key: string, value: string): string {
  const flag = FLAG_OF[key];
  return flag ? `${flag} ${value}` : `--set ${key}=${value}`;
}

/**
 * The CLI v2 commands: their values are keys of the file (`params_override`). The CLI v1's `--name`
 * and `--ct` name the service and the compute target, which a v1 deployment config does not hold;
 * the aml-* actions take no values.
 */
const SETS_FILE_KEYS: ReadonlySet<DeployAs> = new Set<DeployAs>(['online-deployment', 'online-endpoint', 'batch-deployment', 'batch-endpoint', 'compute', 'model']);

/** The literal command-line values of one step, by pointer, in key order. */
export function commandValuesOf(e: DeployEvidence): CommandValue[] {
  const out: CommandValue[] = [];
  if (!SETS_FILE_KEYS.has(e.command)) return out;
  for (const key of Object.keys(e.overrides).sort()) {
    const value = e.overrides[key];
    const ptr = pointerOfKey(key);
    if (ptr === undefined || typeof value !== 'string' || !isLiteral(value)) continue;
    out.push({ ptr, value, flag: flagText(key, value), pipeline: e.pipeline, line: e.line });
  }
  return out;
}

/** `data` with `values` set over it (a copy: the parsed document is not touched). */
function applied(data: Record<string, unknown>, values: readonly CommandValue[]): Record<string, unknown> {
  const root = copy(data) as Record<string, unknown>;
  for (const v of values) {
    const segs = pointerSplit(v.ptr);
    let cur: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i];
      const last = i === segs.length - 1;
      if (Array.isArray(cur)) {
        // pydash.set_ (what azure-ai-ml's params_override uses) indexes lists by number.
        if (!/^(0|[1-9]\d*)$/.test(seg)) break;
        const k = Number(seg);
        if (last) cur[k] = v.value;
        else {
          const next: unknown = cur[k];
          cur = isMapping(next) || Array.isArray(next) ? next : (cur[k] = dict());
        }
      } else {
        if (last) cur[seg] = v.value;
        else {
          const next: unknown = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
          cur = isMapping(next) || Array.isArray(next) ? next : (cur[seg] = dict());
        }
      }
    }
  }
  return root;
}

/** A copy of a parsed value down to its scalars (mappings keep their null prototype). */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (isMapping(v)) {
    const out = Object.getPrototypeOf(v) === null ? dict() : {};
    for (const k of Object.keys(v)) out[k] = copy(v[k]);
    return out;
  }
  return v;
}

/**
 * The manifests Azure gets from one file's documents, given the steps that deploy the file: the
 * manifests themselves when no step sets a literal value; else one variant per distinct set of values,
 * each naming the steps (indexes into `evidence`) that deploy it.
 */
export function withCommandValues(found: readonly Manifest[], evidence: readonly DeployEvidence[] | undefined): Manifest[] {
  if (!evidence || evidence.length === 0 || found.length === 0) return [...found];
  const groups = new Map<string, { values: CommandValue[]; steps: number[] }>();
  evidence.forEach((e, i) => {
    const values = commandValuesOf(e);
    const key = JSON.stringify(values.map((v) => [v.ptr, v.value]));
    const g = groups.get(key);
    if (g) g.steps.push(i);
    else groups.set(key, { values, steps: [i] });
  });
  if (groups.size === 1 && [...groups.values()][0].values.length === 0) return [...found];
  const out: Manifest[] = [];
  for (const m of found) {
    for (const { values, steps } of groups.values()) {
      if (values.length === 0) out.push({ ...m, deployedSteps: steps });
      else out.push({ ...m, data: applied(m.data, values), deployedSteps: steps, commandValues: values });
    }
  }
  return out;
}
