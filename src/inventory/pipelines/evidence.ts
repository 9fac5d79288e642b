// Turns commands found in a step into evidence, and decides what stage a step's evidence says:
// the environment, then the variable files, then the names (SPEC §3 rule 3, word list of stage.ts).
import type { Stage } from '../../core/types.js';
import { classifyWords } from '../stage.js';
import { azMlCommand } from './commands.js';
import type { DocCache } from './doc.js';
import { FileIndex, basename, join, resolvePath } from './paths.js';
import { Env, simpleCommands } from './shell.js';
import type { DeployCommand, DeployEvidence, Named, Site } from './types.js';

/** Bounds of one `findDeployments` call. */
export const LIMITS = {
  evidence: 10_000,
  /** Template / reusable-workflow inclusions per top-level pipeline. */
  expansions: 256,
  /** Nesting depth of templates (Azure DevOps allows 20 levels). */
  depth: 20,
  /** Steps visited per top-level pipeline. */
  steps: 20_000,
  /** Depth of scripts calling scripts (`bash deploy.sh`). */
  scripts: 2,
  /** Steps visited and script characters read in one call, all pipelines together. */
  totalSteps: 200_000,
  totalScriptChars: 16 * 1024 * 1024,
  /** Depth of `- ${{ parameters.steps }}` lists spliced into lists. */
  splices: 8,
};

export class Collector {
  readonly evidence: DeployEvidence[] = [];
  /** Files that run only as part of another pipeline (templates, called workflows). */
  readonly included = new Set<string>();
  private readonly seen = new Set<string>();
  private steps = 0;
  private chars = 0;

  /** Counts one step (or list item) visited; false once the call's budget is spent. */
  step(): boolean {
    return ++this.steps <= LIMITS.totalSteps;
  }

  constructor(
    readonly index: FileIndex,
    readonly docs: DocCache,
  ) {}

  /** Finds the deploy commands of a script (pipeline expressions already substituted). */
  script(site: Site, text: string, powershell = false, depth = 0): void {
    this.chars += text.length;
    if (this.chars > LIMITS.totalScriptChars) return;
    const env = new Env(site.env);
    for (const c of simpleCommands(text, env, powershell)) {
      const line = site.scriptLine ? site.scriptLine(c.line) : site.line;
      const cwd = c.cd === undefined ? site.cwd : c.cd.startsWith('$') ? c.cd : join(site.cwd, c.cd);
      const az = azMlCommand(c.words);
      if (az) {
        this.add({ ...site, cwd }, az.command, az.file, az.overrides, line);
        continue;
      }
      const called = calledScript(c.words);
      if (called && depth < LIMITS.scripts) {
        const path = resolvePath(called, cwd, site.bases, this.index);
        const body = path === undefined ? undefined : this.docs.text(path);
        if (body !== undefined) this.script({ ...site, cwd, line, scriptLine: undefined, env }, body, false, depth + 1);
      }
    }
  }

  /** Records that the step deploys `rawFile` (resolved against the step's folders) as `command`. */
  add(site: Site, command: DeployCommand, rawFile: string, overrides: Record<string, string>, line = site.line): void {
    if (this.evidence.length >= LIMITS.evidence) return;
    const manifest = resolvePath(rawFile, site.cwd, site.bases, this.index);
    if (manifest === undefined) return;
    const key = [manifest, command, site.pipeline, line, site.stageName, site.jobName, site.stepName].join('\u0000');
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const verdict = judge(site);
    const e: DeployEvidence = {
      manifest,
      command,
      pipeline: site.pipeline,
      platform: site.platform,
      line,
      variableFiles: [...site.variableFiles],
      stage: verdict.stage,
      reason: `deployed by ${site.pipeline}${site.stageName ? ` stage ${site.stageName}` : ''}${site.jobName ? ` job ${site.jobName}` : ''} (${verdict.detail})`,
      overrides,
    };
    if (site.stageName !== undefined) e.stageName = site.stageName;
    if (site.jobName !== undefined) e.jobName = site.jobName;
    if (site.stepName !== undefined) e.stepName = site.stepName;
    if (site.environment !== undefined) e.environment = site.environment;
    this.evidence.push(e);
  }
}

/** `bash x.sh`, `sh x.sh`, `source x.sh`, `. x.sh`, `./x.sh`: the script a command runs. */
function calledScript(words: readonly string[]): string | undefined {
  const [a, b] = words;
  if (['bash', 'sh', 'source', '.'].includes(a) && b && /\.(sh|bash)$/.test(b)) return b;
  if (a && /\.(sh|bash)$/.test(a)) return a;
  return undefined;
}

/** Stage words of a name: punctuation other than `/ . _ -` separates words too ("Deploy to Staging (ACI)"). */
export function classifyName(text: string): { stage: Stage; word?: string } {
  return classifyWords(text.replace(/[^\p{L}\p{N}/._\-\s]+/gu, ' '));
}

interface Clue {
  text: string;
  detail: string;
}

/** The first production clue, else the first nonproduction clue. */
function decide(clues: readonly Clue[]): { stage: Stage; detail: string } | undefined {
  let nonprod: Clue | undefined;
  for (const c of clues) {
    const s = classifyName(c.text).stage;
    if (s === 'production') return { stage: s, detail: c.detail };
    if (s === 'nonproduction' && !nonprod) nonprod = c;
  }
  return nonprod && { stage: 'nonproduction', detail: nonprod.detail };
}

/** Names nearest the deployment's scope first, for the reason (the stage is fail-closed over all of them). */
const RANK: Record<Named['kind'], number> = { stage: 0, job: 1, step: 2, workflow: 3 };

/** What one step's context says: environment, else variable files, else names (each fail-closed). */
export function judge(site: Site): { stage: Stage; detail: string } {
  const envs: Clue[] = [];
  // An unresolved expression is judged by the values it may take, not by its own words.
  if (site.environment !== undefined && !/\$\{\{|\$\(/.test(site.environment)) {
    envs.push({ text: site.environment, detail: `environment: ${site.environment}` });
  }
  for (const alt of site.environmentAlternatives ?? []) {
    envs.push({ text: alt, detail: `environment: ${site.environment ?? alt} may be ${alt}` });
  }
  const files = site.variableFiles.map((f) => {
    const when = site.when?.[f];
    return { text: basename(f), detail: `variable file ${f}${when === undefined ? '' : ` if ${when}`}` };
  });
  const names = [...site.names]
    .sort((a, b) => RANK[a.kind] - RANK[b.kind])
    .map((n) => ({ text: n.value, detail: `${n.kind} name "${n.value}"` }));
  return (
    decide(envs) ??
    decide(files) ??
    decide(names) ?? { stage: 'unknown', detail: 'no environment, variable file or stage word in its names' }
  );
}

/** Any production ⇒ production (fail closed); else nonproduction if any; else unknown. */
export function stageFromPipelines(evidence: readonly DeployEvidence[]): { stage: Stage; reason: string } | undefined {
  if (!evidence.length) return undefined;
  const prod = evidence.find((e) => e.stage === 'production');
  const nonprod = evidence.find((e) => e.stage === 'nonproduction');
  if (prod) {
    const also = nonprod ? `; also deployed as nonproduction by ${nonprod.pipeline}${nonprod.jobName ? ` job ${nonprod.jobName}` : ''}` : '';
    return { stage: 'production', reason: prod.reason + also };
  }
  return nonprod ? { stage: 'nonproduction', reason: nonprod.reason } : { stage: 'unknown', reason: evidence[0].reason };
}
