// Which pipeline deploys each manifest, and what stage that pipeline means (SPEC §3 rule 3).
// Pure functions of the texts they are given: no file I/O, never throw, bounded work.
import { pattern, screenTest, type TextScreen } from '../../core/screen.js';
import type { Stage } from '../../core/types.js';
import { isAzurePipeline, walkPipeline } from './azure-devops.js';
import { DocCache, MAX_PIPELINE_CHARS, type DocsAhead } from './doc.js';

export { DocsAhead } from './doc.js';
import { Collector, stageFromPipelines as decideStage } from './evidence.js';
import { callableOnly, isWorkflowPath, walkWorkflow } from './github.js';
import { FileIndex } from './paths.js';
import type { DeployEvidence, PipelineSource } from './types.js';

export type { DeployCommand, DeployEvidence, PipelineSource } from './types.js';

const YAML = /\.ya?ml$/i;
const SCRIPT = /\.(sh|bash)$/i;
const AZURE_ML_FILE = /^\s*["']?\$schema["']?\s*:.*azureml/im;
const ADO_ROOT = /^(stages|jobs|steps|variables|extends)\s*:/m;
const ADO_ITEM = /^\s*-?\s*(task|script|bash|powershell|pwsh|template|job|deployment|stage|name)\s*:/m;

const AZ_ML = /\baz\s+ml\b/;

/**
 * What every pipeline candidate has (isPipelineCandidate asks it first): a script that runs `az ml`,
 * or YAML with a root key of a workflow or an Azure DevOps pipeline. As data, so that the reader
 * thread rules out the other texts with the very same test (core/screen.ts).
 */
export const PIPELINE_SCREEN: TextScreen = { fileNames: [], patterns: [pattern(AZ_ML, SCRIPT), pattern(ADO_ROOT, YAML)] };
const mayBePipeline = screenTest(PIPELINE_SCREEN);

/** Cheap text test: could this file be a pipeline, a pipeline template, a variable file or a deploy script? (workflows are not manifests) */
export function isPipelineCandidate(path: string, text: string): boolean {
  if (typeof path !== 'string' || typeof text !== 'string' || text.length > MAX_PIPELINE_CHARS) return false;
  if (!mayBePipeline(path, text)) return false;
  if (SCRIPT.test(path)) return AZ_ML.test(text);
  if (!YAML.test(path)) return false;
  if (isWorkflowPath(path)) return /^jobs\s*:/m.test(text);
  if (AZURE_ML_FILE.test(text) || /^endpoint_name\s*:/m.test(text)) return false;
  return ADO_ROOT.test(text) && (ADO_ITEM.test(text) || /^variables\s*:/m.test(text));
}

/** Every deployment the pipelines make. `files` = every repo-relative file path of the checkout (to resolve paths); `ahead`: texts parsed before. */
export function findDeployments(pipelines: PipelineSource[], files: ReadonlySet<string>, ahead?: DocsAhead): DeployEvidence[] {
  try {
    const texts = new Map<string, string>();
    for (const p of Array.isArray(pipelines) ? pipelines : []) {
      if (p && typeof p.path === 'string' && typeof p.text === 'string' && p.text.length <= MAX_PIPELINE_CHARS) texts.set(p.path, p.text);
    }
    const c = new Collector(new FileIndex(files), new DocCache(texts, ahead));
    const standalone = new Set<string>();
    for (const path of [...texts.keys()].sort()) {
      if (!YAML.test(path)) continue;
      const doc = c.docs.get(path);
      if (!doc) continue;
      try {
        if (isWorkflowPath(path)) {
          if (!callableOnly(doc)) standalone.add(path);
          walkWorkflow(doc, c);
        } else if (isAzurePipeline(doc)) {
          walkPipeline(doc, c);
        }
      } catch {
        // A pipeline that cannot be read (e.g. nesting past the stack) yields what was found before.
      }
    }
    // A template or a called workflow deploys as part of its caller; alone it proves nothing.
    return c.evidence.filter((e) => standalone.has(e.pipeline) || !c.included.has(e.pipeline));
  } catch {
    return [];
  }
}

/** The stage of a manifest from all its evidence: any production ⇒ production (fail closed); else nonproduction if any; else unknown — with the reason. */
export function stageFromPipelines(evidence: DeployEvidence[]): { stage: Stage; reason: string } | undefined {
  return decideStage(evidence);
}
