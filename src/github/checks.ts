// The check run: every unsuppressed finding as an annotation, 50 per request, on the PR head commit.
import { plural } from '../core/text.js';
import type { Finding, Result, Severity } from '../core/types.js';
import { httpStatus, type Client } from './client.js';
import { createCheckRun } from './api/create-check-run.js';
import { updateCheckRun } from './api/update-check-run.js';
import type { CheckAnnotation, Conclusion, RepoRef } from './api/types.js';
import { CHECK_ANNOTATIONS_PER_REQUEST, CHECK_SUMMARY_MAX_CHARS, chunk, fitChars } from './limits.js';

export const CHECK_NAME = 'model-deploy-gate';

const LEVEL: Record<Severity, CheckAnnotation['annotation_level']> = { error: 'failure', warning: 'warning', notice: 'notice' };

/** Suppressed and waived findings are not problems: they stay in the reports, not on the diff. */
export function toCheckAnnotations(findings: Finding[]): CheckAnnotation[] {
  return findings
    .filter((f) => !f.suppressed)
    .map((f) => {
      const startLine = Math.max(1, f.line);
      const endLine = Math.max(startLine, f.endLine || startLine);
      const a: CheckAnnotation = {
        path: f.file,
        start_line: startLine,
        end_line: endLine,
        annotation_level: LEVEL[f.severity],
        message: `${f.message}\n${f.helpUri}`,
        title: f.ruleId,
      };
      if (startLine === endLine && f.column >= 1) {
        a.start_column = f.column;
        a.end_column = Math.max(f.column, f.endColumn || f.column);
      }
      return a;
    });
}

export function checkTitle(result: Result): string {
  const s = result.summary;
  return `${s.result === 'fail' ? 'Failed' : 'Passed'}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notices, 'notice')}`;
}

export function conclusionOf(result: Result): Conclusion {
  return result.summary.result === 'fail' ? 'failure' : 'success';
}

/** Creates the check run with the first 50 annotations and appends the rest, 50 per update. */
export async function publishCheckRun(
  client: Client,
  repo: RepoRef,
  args: { headSha: string; result: Result; summaryMarkdown: string; detailsUrl?: string },
): Promise<{ id: number; htmlUrl: string; requests: number }> {
  const batches = chunk(toCheckAnnotations(args.result.findings), CHECK_ANNOTATIONS_PER_REQUEST);
  const output = (annotations: CheckAnnotation[]) => ({
    title: checkTitle(args.result),
    summary: fitChars(args.summaryMarkdown, CHECK_SUMMARY_MAX_CHARS),
    annotations,
  });
  const conclusion = conclusionOf(args.result);
  const first = batches[0] ?? [];
  const rest = batches.slice(1);
  const run = await createCheckRun(client, repo, {
    name: CHECK_NAME,
    headSha: args.headSha,
    detailsUrl: args.detailsUrl,
    output: output(first),
    // Completed at once when everything fits; else the last update completes it.
    conclusion: rest.length === 0 ? conclusion : undefined,
  });
  for (const [i, batch] of rest.entries()) {
    try {
      await updateCheckRun(client, repo, run.id, {
        output: output(batch),
        conclusion: i === rest.length - 1 ? conclusion : undefined,
      });
    } catch (e) {
      throw new IncompleteCheckRunError(run, first.length + i * CHECK_ANNOTATIONS_PER_REQUEST, batches.flat().length, e);
    }
  }
  return { ...run, requests: 1 + rest.length };
}

/** The check run exists but an update failed: it lacks annotations and may stay "in progress". */
export class IncompleteCheckRunError extends Error {
  constructor(
    readonly run: { id: number; htmlUrl: string },
    readonly annotationsSent: number,
    readonly annotationsTotal: number,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'IncompleteCheckRunError';
  }

  /** HTTP status of the failed update, when it was an API error. */
  get status(): number | undefined {
    return httpStatus(this.cause);
  }
}
