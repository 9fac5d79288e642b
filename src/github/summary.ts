// The job summary: the markdown report, kept under GitHub's 1 MiB per-step limit.
import * as core from './runner.js';
import { escLine, renderMarkdown } from '../report/markdown.js';
import type { Result } from '../core/types.js';
import { STEP_SUMMARY_MAX_BYTES } from './limits.js';

/** Room left for whatever else the workflow's other tools append to the same step's summary. */
const SAFETY_BYTES = 16 * 1024;

/** Notes (what the run could not do, e.g. no check run) go above the report. */
export function buildSummary(
  result: Result,
  notes: string[],
  opts: { links?: (file: string, line: number) => string | undefined; maxBytes?: number } = {},
): string {
  const maxBytes = opts.maxBytes ?? STEP_SUMMARY_MAX_BYTES - SAFETY_BYTES;
  const head = notes.length ? `${notes.map((n) => `> ${escLine(n)}`).join('\n>\n')}\n\n` : '';
  const room = maxBytes - Buffer.byteLength(head, 'utf8');
  return head + renderMarkdown(result, { maxBytes: room, links: opts.links });
}

export async function writeSummary(markdown: string): Promise<void> {
  await core.appendSummary(markdown);
}
