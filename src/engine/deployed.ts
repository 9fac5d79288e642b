// The pipelines of the checkout and the files they deploy (SPEC §3 rule 3), the I/O side: which
// texts are pipelines, read once. Workflows, Azure DevOps pipelines, their templates, variable
// files and `az ml` scripts are no manifests; the loader hands over the texts it reads anyway and
// the rest (scripts, YAML outside `include`) is read here, bounded.
import { closeSync, fstatSync, openSync } from 'node:fs';
import { readOpen } from '../core/files.js';
import type { DeployAs } from '../core/types.js';
import { DocsAhead, findDeployments, isPipelineCandidate, PIPELINE_SCREEN, type DeployEvidence, type PipelineSource } from '../inventory/pipelines/index.js';

/** Pipeline files over this size are not read (the pipeline reader refuses longer texts too). */
export const MAX_PIPELINE_BYTES = 512 * 1024;
const MAYBE_PIPELINE = /\.(ya?ml|sh|bash)$/i;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** What the pipelines deploy: repo-relative path → the steps that deploy it. */
export type Deployed = ReadonlyMap<string, readonly DeployEvidence[]>;

export class PipelineCollector {
  readonly sources: PipelineSource[] = [];
  /** Every file of the checkout the walk visited (paths in pipelines resolve against them). */
  readonly paths = new Set<string>();
  /** Files that may be pipelines and whose text the loader has not handed over yet: path → absolute path. */
  private readonly unread = new Map<string, string>();
  private readonly ahead = new DocsAhead();
  private aheadAt = 0;

  /** For the walk: every file it visits. */
  readonly onFile = (rel: string, abs: string): void => {
    this.paths.add(rel);
    if (MAYBE_PIPELINE.test(rel)) this.unread.set(rel, abs);
  };

  /** For the loader: every text it decodes. */
  readonly onText = (rel: string, text: string): void => {
    this.unread.delete(rel);
    if (isPipelineCandidate(rel, text)) this.sources.push({ path: rel, text });
  };

  /** For the loader: a text that could be no pipeline (it passed none of PipelineCollector.screen's patterns). */
  readonly onDropped = (rel: string): void => {
    this.unread.delete(rel);
  };

  /** What every text `onText` keeps passes (the reader thread drops the others: load/reader-thread.ts). */
  static readonly screen = PIPELINE_SCREEN;

  /** Reads the files that may be pipelines and that the loader did not read (scripts, YAML outside `include`). */
  readRest(): void {
    for (const [rel, abs] of this.unread) {
      const text = readSmallText(abs);
      if (text !== undefined) this.onText(rel, text);
    }
    this.unread.clear();
  }

  /**
   * Spare work for the read (load/read.ts `SpareWork.run`): parses the next pipeline text found so
   * far, for `deployed` to take; false when there is none.
   */
  readonly parseAhead = (): boolean => {
    while (this.aheadAt < this.sources.length) {
      const s = this.sources[this.aheadAt++];
      if (this.ahead.add(s.path, s.text)) return true;
    }
    return false;
  };

  /** The deploying steps, by the file they deploy. */
  deployed(): Deployed {
    return groupByManifest(findDeployments(this.sources, this.paths, this.ahead));
  }
}

/** Evidence by the file it deploys, each list in pipeline order. */
export function groupByManifest(evidence: readonly DeployEvidence[]): Deployed {
  const out = new Map<string, DeployEvidence[]>();
  for (const e of evidence) {
    const list = out.get(e.manifest);
    if (list) list.push(e);
    else out.set(e.manifest, [e]);
  }
  return out;
}

/** The commands a file is deployed with, each once. */
export function deployedAs(deployed: Deployed, rel: string): DeployAs[] {
  const list = deployed.get(rel);
  return list ? [...new Set(list.map((e) => e.command))] : [];
}

const COMMAND_LABEL: Readonly<Record<DeployAs, string>> = {
  'online-deployment': '`az ml online-deployment`',
  'online-endpoint': '`az ml online-endpoint`',
  'batch-deployment': '`az ml batch-deployment`',
  'batch-endpoint': '`az ml batch-endpoint`',
  compute: '`az ml compute`',
  model: '`az ml model`',
  'v1-model-deploy': '`az ml model deploy` (CLI v1)',
  'aml-deploy': 'Azure/aml-deploy',
  'aml-compute': 'Azure/aml-compute',
  'aml-registermodel': 'Azure/aml-registermodel',
};

/** A short clause naming the first step that deploys a file, for messages: `.github/workflows/cd.yml:40 deploys it with `az ml online-deployment``. */
export function firstDeployer(deployed: Deployed, rel: string): string | undefined {
  const e = deployed.get(rel)?.[0];
  return e ? `${e.pipeline}:${e.line} deploys it with ${COMMAND_LABEL[e.command]}` : undefined;
}

/** A regular file's UTF-8 text, when it is small enough; undefined otherwise. Never throws. */
function readSmallText(abs: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_PIPELINE_BYTES) return undefined;
    const text = decoder.decode(readOpen(fd, st.size));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
