import picomatch from 'picomatch';
import type { Stage } from '../core/types.js';

const PRODUCTION = new Set(['prod', 'production', 'prd', 'live']);
const NONPRODUCTION = new Set([
  'dev',
  'development',
  'test',
  'testing',
  'qa',
  'staging',
  'stage',
  'stg',
  'uat',
  'sandbox',
  'debug',
  'local',
  'ci',
  'demo',
  'sample',
  'example',
  'examples',
]);

/** Classifies text by its words (split on `/ . _ -` and spaces); both kinds present ⇒ production (fail closed). */
export function classifyWords(...texts: Array<string | undefined>): { stage: Stage; word?: string } {
  let nonprod: string | undefined;
  for (const t of texts) {
    if (!t) continue;
    for (const w of t.toLowerCase().split(/[/._\-\s]+/)) {
      if (PRODUCTION.has(w)) return { stage: 'production', word: w };
      if (!nonprod && NONPRODUCTION.has(w)) nonprod = w;
    }
  }
  return nonprod ? { stage: 'nonproduction', word: nonprod } : { stage: 'unknown' };
}

export interface StageInput {
  path: string;
  tags: Record<string, string>;
  names: Array<string | undefined>;
  /** What the pipelines that deploy the file say (undefined when none does). */
  pipeline?: { stage: Stage; reason: string };
}

export interface StageRules {
  production: string[];
  nonproduction: string[];
  defaultStage: Stage;
}

export class StageResolver {
  private readonly prod: (p: string) => boolean;
  private readonly nonprod: (p: string) => boolean;

  constructor(private readonly rules: StageRules) {
    this.prod = rules.production.length ? picomatch(rules.production, { dot: true, flags: 's' }) : () => false;
    this.nonprod = rules.nonproduction.length ? picomatch(rules.nonproduction, { dot: true, flags: 's' }) : () => false;
  }

  /**
   * SPEC §3: tags, then config globs, then the deploying pipeline, then words of the path and names,
   * then the default; production words of the path outweigh a pipeline that says nonproduction.
   */
  resolve(input: StageInput): { stage: Stage; reason: string } {
    for (const key of ['stage', 'environment', 'env']) {
      const v = findTag(input.tags, key);
      if (v === undefined) continue;
      const c = classifyWords(v);
      if (c.stage !== 'unknown') return { stage: c.stage, reason: `tags.${key}: ${v}` };
    }
    if (this.prod(input.path)) return { stage: 'production', reason: 'config stages.production glob' };
    if (this.nonprod(input.path)) return { stage: 'nonproduction', reason: 'config stages.nonproduction glob' };
    const byPath = classifyWords(input.path, ...input.names);
    // Fail closed, as between two pipelines: a file whose path or name says production stays
    // production when the only pipelines that deploy it say otherwise (a workflow added to call a
    // production manifest "dev" must not switch its production rules off). Tags and config decide.
    if (input.pipeline?.stage === 'nonproduction' && byPath.stage === 'production') {
      return { stage: 'production', reason: `word "${byPath.word}" in the path or name (production wins: ${input.pipeline.reason})` };
    }
    if (input.pipeline && input.pipeline.stage !== 'unknown') return input.pipeline;
    // A pipeline that deploys the file without saying which stage: rules 4 and 5 decide, and the reason says both.
    const deployed = input.pipeline ? `; ${input.pipeline.reason}` : '';
    if (byPath.stage !== 'unknown') return { stage: byPath.stage, reason: `word "${byPath.word}" in the path or name${deployed}` };
    if (this.rules.defaultStage !== 'unknown') return { stage: this.rules.defaultStage, reason: `default-stage${deployed}` };
    if (input.pipeline) return { stage: 'unknown', reason: `${input.pipeline.reason}; no stage tag, config glob or path word either` };
    return { stage: 'unknown', reason: 'no stage tag, config glob, deploying pipeline or path word' };
  }
}

function findTag(tags: Record<string, string>, key: string): string | undefined {
  for (const k of Object.keys(tags)) if (k.toLowerCase() === key) return tags[k];
  return undefined;
}
