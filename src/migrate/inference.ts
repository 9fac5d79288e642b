// The v1 inference configuration (`az ml model deploy --ic inferenceconfig.json`) beside a v1
// deployment config: entry script, source directory, conda file, base image, GPU.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isMapping } from '../core/pointer.js';
import { isPlaceholder } from '../formats/kit/placeholder.js';
import { toBool } from '../formats/kit/values.js';
import { LineIndex } from '../parse/lines.js';
import { parseJsonc } from '../parse/jsonc.js';
import { parseYaml } from '../parse/yaml.js';

export interface InferenceConfig {
  /** Repo-relative path of the file. */
  file: string;
  entryScript?: string;
  sourceDirectory?: string;
  condaFile?: string;
  baseImage?: string;
  enableGpu?: boolean;
  /** Keys whose values have no v2 counterpart (dotted) → why. */
  notCarried: Array<{ key: string; why: string }>;
}

const NAME = /^inference[_-]?config.*\.(json|ya?ml)$/i;
const READ = new Set(['entryScript', 'sourceDirectory', 'condaFile', 'baseImage', 'enableGpu', 'runtime']);
const WHY: Record<string, string> = {
  extraDockerfileSteps: 'build a custom environment instead (`environment.build: { path, dockerfile_path }`)',
  schemaFile: 'v2 has no schema file setting; generate the OpenAPI schema from the scoring script (inference-schema decorators)',
  baseImageRegistry: 'reference the image in a registry the workspace can pull from (`environment.image`)',
  cudaVersion: 'pick a CUDA base image for `environment.image` instead',
  environment: 'a v1 environment definition: register it as a v2 environment (`az ml environment create`) and reference it',
  sourceDirectory: '',
};

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' && !isPlaceholder(v) ? v.trim() : undefined;
}

/** The inference config in the folder of `file` (repo-relative), if there is one that parses. */
export function findInferenceConfig(root: string, file: string): InferenceConfig | undefined {
  const dir = path.posix.dirname(file);
  let names: string[];
  try {
    names = readdirSync(path.join(root, ...dir.split('/'))).filter((n) => NAME.test(n)).sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const rel = dir === '.' ? name : `${dir}/${name}`;
    let raw: string;
    try {
      raw = readFileSync(path.join(root, ...rel.split('/')), 'utf8').replace(/^\uFEFF/, '');
    } catch {
      continue;
    }
    const lines = new LineIndex(raw);
    const parsed = /\.json$/i.test(name) ? parseJsonc(raw, lines) : parseYaml(raw, lines);
    const data = parsed.docs[0]?.value;
    if (!isMapping(data) || !('entryScript' in data)) continue;
    const cfg: InferenceConfig = {
      file: rel,
      entryScript: text(data['entryScript']),
      sourceDirectory: text(data['sourceDirectory']),
      condaFile: text(data['condaFile']),
      baseImage: text(data['baseImage']),
      enableGpu: toBool(data['enableGpu']),
      notCarried: [],
    };
    for (const [k, v] of Object.entries(data)) {
      if (READ.has(k) || v === null || v === undefined || v === '' || v === false || isPlaceholder(v)) continue;
      if (k === 'runtime' && v === 'python') continue;
      cfg.notCarried.push({ key: k, why: WHY[k] || 'not read by the v2 CLI' });
    }
    if (text(data['runtime']) && data['runtime'] !== 'python') cfg.notCarried.push({ key: 'runtime', why: 'v2 environments run Python' });
    return cfg;
  }
  return undefined;
}
