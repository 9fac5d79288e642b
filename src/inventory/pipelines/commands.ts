// What an `az ml …` command line deploys (loader notes §6) and the values it sets on the command
// line, which replace the file's (`--name`, `--endpoint-name`, `--set k=v`, compute flags).
import { dict } from '../../core/pointer.js';
import type { DeployCommand } from './types.js';

export interface AzMlCommand {
  command: DeployCommand;
  /** The file argument as written (after variable expansion). */
  file: string;
  overrides: Record<string, string>;
}

const V2_GROUPS: Record<string, DeployCommand> = {
  'online-deployment': 'online-deployment',
  'online-endpoint': 'online-endpoint',
  'batch-deployment': 'batch-deployment',
  'batch-endpoint': 'batch-endpoint',
  compute: 'compute',
  model: 'model',
};

const V2_FLAGS: Record<string, string> = {
  '--name': 'name',
  '-n': 'name',
  '--endpoint-name': 'endpoint_name',
  '--endpoint': 'endpoint_name',
  '-e': 'endpoint_name',
  '--type': 'type',
  '--size': 'size',
  '--tier': 'tier',
  '--min-instances': 'min_instances',
  '--max-instances': 'max_instances',
};

const V1_FLAGS: Record<string, string> = {
  '--name': 'name',
  '-n': 'name',
  '--compute-target': 'computeTargetName',
  '--ct': 'computeTargetName',
};

/** `words` is the whole command (`az ml …`). */
export function azMlCommand(words: readonly string[]): AzMlCommand | undefined {
  if (words[0] !== 'az' || words[1] !== 'ml') return undefined;
  const [group, verb] = [words[2] ?? '', words[3] ?? ''];
  const flags = parseFlags(words.slice(4));
  const v2 = V2_GROUPS[group];
  if (v2 && (verb === 'create' || verb === 'update')) {
    const file = flags.get('--file') ?? flags.get('-f');
    if (!file?.[0]) return undefined;
    const overrides = pick(flags, V2_FLAGS);
    for (const kv of flags.get('--set') ?? []) {
      const eq = kv.indexOf('=');
      if (eq > 0) overrides[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    return { command: v2, file: file[0], overrides };
  }
  if ((group === 'model' && verb === 'deploy') || (group === 'service' && verb === 'update')) {
    const file = flags.get('--deploy-config-file') ?? flags.get('--dc') ?? flags.get('-dc');
    if (!file?.[0]) return undefined;
    return { command: 'v1-model-deploy', file: file[0], overrides: pick(flags, V1_FLAGS) };
  }
  return undefined;
}

/** `--flag value…` (values are the words up to the next flag; `--flag=value` too). */
function parseFlags(args: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let cur: string[] | undefined;
  for (const a of args) {
    if (/^--?[A-Za-z]/.test(a)) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      cur = out.get(name) ?? [];
      out.set(name, cur);
      if (eq > 0) {
        cur.push(a.slice(eq + 1));
        cur = undefined;
      }
    } else if (cur) cur.push(a);
  }
  return out;
}

function pick(flags: Map<string, string[]>, table: Record<string, string>): Record<string, string> {
  const out = dict<string>();
  for (const [flag, key] of Object.entries(table)) {
    const v = flags.get(flag)?.[0];
    if (v !== undefined && !(key in out)) out[key] = v;
  }
  return out;
}
