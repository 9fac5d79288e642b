// The check run: every unsuppressed finding as an annotation, 50 per request, on the PR head commit.
// It always ends completed: a failed annotation batch is followed by a final update that sets the
// conclusion without annotations; if even that fails, the caller fails the step naming the run.
import type { RuleMeta } from '../core/rules.js';
import { plural } from '../core/text.js';
import type { Finding, Result, Severity } from '../core/types.js';
import { ALL_RULES } from '../policy/rules/index.js';
import { httpStatus, type Client } from './client.js';
import { createCheckRun, findCheckRun } from './api/create-check-run.js';
import { postOnce } from './api/post-once.js';
import { updateCheckRun } from './api/update-check-run.js';
import type { CheckAnnotation, Conclusion, RepoRef } from './api/types.js';
import {
  ANNOTATION_MESSAGE_MAX_BYTES,
  ANNOTATION_TITLE_MAX_CHARS,
  CHECK_ANNOTATIONS_PER_REQUEST,
  CHECK_SUMMARY_MAX_CHARS,
  chunk,
  fitBytes,
  fitChars,
  fitCodePoints,
} from './limits.js';

export const CHECK_NAME = 'model-deploy-gate';

const LEVEL: Record<Severity, CheckAnnotation['annotation_level']> = { error: 'failure', warning: 'warning', notice: 'notice' };

/**
 * Suppressed and waived findings are not problems: they stay in the reports, not on the diff. The
 * message is the finding's (what is wrong and the fix); `raw_details`, which GitHub shows folded
 * under it, is the rule's help (why, and the source it cites) with its remediation.
 */
export function toCheckAnnotations(findings: Finding[], rules: readonly RuleMeta[] = ALL_RULES): CheckAnnotation[] {
  const details = new Map(rules.map((r) => [r.id, `${r.help}\n\nHow to fix: ${r.remediation}`]));
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
        // GitHub refuses the whole request when one message is over 64 KB (UTF-8) or a title over 255 characters.
        message: fitBytes(`${f.message}\n${f.helpUri}`, ANNOTATION_MESSAGE_MAX_BYTES),
        title: fitCodePoints(f.ruleId, ANNOTATION_TITLE_MAX_CHARS),
      };
      const raw = details.get(f.ruleId);
      if (raw) a.raw_details = fitBytes(raw, ANNOTATION_MESSAGE_MAX_BYTES);
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

export interface PublishArgs {
  headSha: string;
  result: Result;
  summaryMarkdown: string;
  detailsUrl?: string;
  /** Identifies this run's check run, so that a create whose answer was lost can be found, not duplicated. */
  externalId: string;
  /** Attempts and the wait unit for re-creating after a failure that left no check run. */
  retry: { attempts: number; waitMs: number };
}

/** Creates the check run with the first 50 annotations and appends the rest, 50 per update. */
export async function publishCheckRun(
  client: Client,
  repo: RepoRef,
  args: PublishArgs,
): Promise<{ id: number; htmlUrl: string; requests: number }> {
  const batches = chunk(toCheckAnnotations(args.result.findings), CHECK_ANNOTATIONS_PER_REQUEST);
  const summary = fitChars(args.summaryMarkdown, CHECK_SUMMARY_MAX_CHARS);
  const output = (annotations: CheckAnnotation[]) => ({ title: checkTitle(args.result), summary, annotations });
  const conclusion = conclusionOf(args.result);
  const first = batches[0] ?? [];
  const rest = batches.slice(1);
  let requests = 0;
  const run = await postOnce(
    () => {
      requests++;
      return createCheckRun(client, repo, {
        name: CHECK_NAME,
        headSha: args.headSha,
        detailsUrl: args.detailsUrl,
        externalId: args.externalId,
        output: output(first),
        // Completed at once when everything fits; else the last update completes it.
        conclusion: rest.length === 0 ? conclusion : undefined,
      });
    },
    async () => {
      requests++;
      return findCheckRun(client, repo, { name: CHECK_NAME, headSha: args.headSha, externalId: args.externalId });
    },
    args.retry,
  );
  // A run found after a lost answer may hold the first batch or not: it is completed by the updates below.
  for (const [i, batch] of rest.entries()) {
    try {
      requests++;
      await updateCheckRun(client, repo, run.id, {
        output: output(batch),
        conclusion: i === rest.length - 1 ? conclusion : undefined,
      });
    } catch (e) {
      const sent = first.length + i * CHECK_ANNOTATIONS_PER_REQUEST;
      const total = batches.flat().length;
      // Never leave it "in progress": complete it without the missing annotations, and say so.
      const note =
        `\n\n> **${total - sent} of ${total} annotations are missing from this check run** ` +
        '(updating it failed); every finding is in the job summary and the reports.\n';
      let completed = false;
      try {
        requests++;
        await updateCheckRun(client, repo, run.id, {
          output: { title: checkTitle(args.result), summary: fitChars(summary, CHECK_SUMMARY_MAX_CHARS - note.length) + note },
          conclusion,
        });
        completed = true;
      } catch {
        completed = false;
      }
      throw new IncompleteCheckRunError(run, sent, total, completed, e);
    }
  }
  return { ...run, requests };
}

/** The check run exists but an update failed: it lacks annotations (and, unless `completed`, stays "in progress"). */
export class IncompleteCheckRunError extends Error {
  constructor(
    readonly run: { id: number; htmlUrl: string },
    readonly annotationsSent: number,
    readonly annotationsTotal: number,
    /** The final update set the conclusion. */
    readonly completed: boolean,
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
