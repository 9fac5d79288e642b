// What later steps and the reviewer's links use: step outputs, report files, blob links.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as core from './runner.js';
import type { Result } from '../core/types.js';
import type { Settings } from './settings.js';

export function setOutputs(result: Result, settings: Settings): void {
  const s = result.summary;
  core.setOutput('result', s.result);
  core.setOutput('errors', s.errors);
  core.setOutput('warnings', s.warnings);
  core.setOutput('notices', s.notices);
  core.setOutput('suppressed', s.suppressed);
  core.setOutput('files-scanned', result.scope.filesScanned);
  core.setOutput('deployments', result.inventory.length);
  core.setOutput('report-file', settings.reportFile ?? '');
  core.setOutput('sarif-file', settings.sarifFile ?? '');
}

export async function writeFile(file: string, text: string): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, text, 'utf8');
}

export function headSha(settings: Settings): string | undefined {
  const e = settings.event;
  return e.pullRequest?.headSha ?? e.mergeGroup?.headSha ?? (e.sha || undefined);
}

/** Links from the reports to the reviewed commit's lines. */
export function blobLinks(serverUrl: string, repo: { owner: string; name: string }, sha: string) {
  return (file: string, line: number): string =>
    `${serverUrl}/${repo.owner}/${repo.name}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}
