// The action: settings → scope → engine → outputs → reports → check run → comment → annotations
// → summary → verdict. Every failure ends in setFailed with a message: never a green step by accident.
import * as path from 'node:path';
import * as core from './runner.js';
import { randomBytes } from 'node:crypto';
import { plural, sentenceList } from '../core/text.js';
import type { Result, Severity } from '../core/types.js';
import { evaluate } from '../engine.js';
import { ALL_RULES } from '../policy/rules/index.js';
import { render } from '../report/index.js';
import { CHECK_RUN_MAX_BYTES, renderMarkdown } from '../report/markdown.js';
import { listPullFiles } from './api/list-pull-files.js';
import { planAnnotations, PER_STEP_LIMIT, type AnnotationCommand } from './annotations.js';
import { checkedOutCommit, checkoutMatters, checkoutProblem } from './checkout.js';
import { CHECK_NAME, IncompleteCheckRunError, publishCheckRun } from './checks.js';
import { createClient, errorMessage, httpStatus, type Client } from './client.js';
import { upsertComment } from './comment.js';
import { tokenIdentity } from './identity.js';
import { info } from './log.js';
import { contentsBlob, gitReader, planPolicy, type ReadAt } from './policy.js';
import { rebaseResult } from './rebase.js';
import { gitDiffIn, resolveScope } from './scope.js';
import { readSettings } from './settings.js';
import { suggestFixes } from './suggestions.js';
import { buildSummary, writeSummary } from './summary.js';
import { CheckoutError, ConfigError, failureMessage, permissionHint, RequirementError } from './errors.js';
import { blobLinks, headSha, setOutputs, writeFile } from './outputs.js';
import { STEP_SUMMARY_MAX_BYTES } from './limits.js';

/**
 * Workflow-command messages counted per level, so that the findings' annotations get exactly
 * what GitHub will still display in this step.
 */
class Console {
  readonly used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };

  emit(level: Severity, message: string, properties?: AnnotationCommand['properties']): void {
    this.used[level]++;
    if (level === 'error') core.error(message, properties);
    else if (level === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
}

/** The markdown report as the check run summary and PR comment (both ≤ 65,535 characters). */
const SHORT_REPORT_BYTES = CHECK_RUN_MAX_BYTES - 1024;


/** Reads a file at a commit through the contents API; a 404 is "absent". */
function contentsReader(client: () => Promise<Client>, repo: { owner: string; name: string }): ReadAt {
  return async (sha, repoPath) => {
    try {
      const res = await (await client()).rest.repos.getContent({ owner: repo.owner, repo: repo.name, path: repoPath, ref: sha });
      return contentsBlob(res.data);
    } catch (e) {
      if (httpStatus(e) === 404) return { kind: 'absent' };
      throw e;
    }
  };
}

async function gate(out: Console): Promise<void> {
  const settings = readSettings();
  const { event, repo } = settings;
  const pr = event.pullRequest;
  let clientPromise: Promise<Client> | undefined;
  const client = (): Promise<Client> => (clientPromise ??= createClient(settings.token, settings.apiUrl, settings.timing));
  const apiRepo = settings.token && repo ? repo : undefined;

  // The workspace must hold the pull request (pull_request_target checks out the base by default).
  // Other events have no head to check: git is not run for them.
  const problem = checkoutMatters(settings) ? checkoutProblem(settings, await checkedOutCommit(settings.workspace)) : undefined;
  if (problem) throw new CheckoutError(problem);

  // The policy: the base branch's on pull requests and merge queues.
  const policyPlan = await planPolicy(settings, {
    git: gitReader(settings.workspace),
    api: apiRepo ? contentsReader(client, apiRepo) : undefined,
  });
  for (const line of policyPlan.log) info(line);
  const notes: string[] = [];
  if (policyPlan.warning) {
    out.emit('warning', policyPlan.warning);
    notes.push(policyPlan.warning);
  }

  // Scope.
  const scope = await resolveScope(settings, {
    listFiles: apiRepo && pr ? async () => listPullFiles(await client(), apiRepo, pr.number) : undefined,
    gitDiff: gitDiffIn(settings.workspace),
  });
  for (const line of scope.log) {
    if (line.level === 'warning') out.emit('warning', line.message);
    else info(line.message);
  }
  info(`Scope: ${scope.mode} (${scope.reason}).`);

  // Evaluate.
  const outcome = evaluate({
    root: settings.workingDirectory,
    configPath: settings.configPath,
    policy: policyPlan.policy,
    failOn: settings.failOn,
    defaultStage: settings.defaultStage,
    changed: scope.changed,
    scopeReason: scope.reason,
  });
  if (!outcome.ok) throw new ConfigError(outcome.problems);
  const result = rebaseResult(outcome.result, settings.rootPrefix);
  const failed = result.summary.result === 'fail';
  // The text report holds repository text: printed where the runner cannot read it as commands.
  info(render('text', result, ALL_RULES));

  // Outputs and report files first: later steps can use them even if an API call below fails.
  setOutputs(result, settings);
  if (settings.reportFile) {
    await writeFile(settings.reportFile, render('json', result, ALL_RULES));
    info(`JSON report written to ${settings.reportFile}.`);
  }
  if (settings.sarifFile) {
    await writeFile(settings.sarifFile, render('sarif', result, ALL_RULES));
    info(`SARIF report written to ${settings.sarifFile}.`);
  }

  const sha = headSha(settings);
  const links = repo && sha ? blobLinks(settings.serverUrl, repo, sha) : undefined;
  const shortReport = (): string => renderMarkdown(result, { maxBytes: SHORT_REPORT_BYTES, links });

  // A fork's pull_request gets a read-only token: the check run and the comment would be refused.
  const forkPr = pr?.fork === true && event.name === 'pull_request';
  if (forkPr && apiRepo && (settings.checkRun === 'auto' || settings.comment !== 'off')) {
    const skipped = [settings.checkRun === 'auto' ? 'check run' : undefined, settings.comment !== 'off' ? 'PR comment' : undefined].filter(Boolean).join(' or ');
    const msg =
      `Pull request #${pr!.number} comes from a fork${pr!.headRepo ? ` (${pr!.headRepo})` : ''}: its token is read-only, so no ${skipped} ` +
      '(GitHub would refuse them). The findings are in the annotations and the job summary.';
    out.emit('notice', msg);
    notes.push(msg);
  }
  const retry = { attempts: 3, waitMs: Math.max(1, settings.timing.retryBaseMs) };

  // Check run with every finding.
  let checkUrl: string | undefined;
  if (settings.checkRun !== 'off' && !(forkPr && settings.checkRun === 'auto' && apiRepo)) {
    const required = settings.checkRun === 'on';
    if (!apiRepo || !sha) {
      const why = !settings.token ? 'no token' : !repo ? 'GITHUB_REPOSITORY is not set' : 'no commit SHA in the event';
      if (required) throw new RequirementError(`check-run: on, but no check run can be created: ${why}.`);
      info(`No check run (${why}); findings are reported as annotations and in the job summary.`);
    } else {
      try {
        const detailsUrl = settings.runId && repo ? `${settings.serverUrl}/${repo.owner}/${repo.name}/actions/runs/${settings.runId}` : undefined;
        const externalId = `${settings.runId ?? 'run'}-${settings.runAttempt ?? '1'}-${randomBytes(6).toString('hex')}`;
        const run = await publishCheckRun(await client(), apiRepo, { headSha: sha, result, summaryMarkdown: shortReport(), detailsUrl, externalId, retry });
        checkUrl = run.htmlUrl || undefined;
        info(`Check run "${CHECK_NAME}" created on ${sha.slice(0, 12)} (${plural(run.requests, 'request')})${checkUrl ? `: ${checkUrl}` : ''}.`);
      } catch (e) {
        const status = httpStatus(e);
        if (e instanceof IncompleteCheckRunError && !e.completed) {
          // The run exists and could not be completed: it would block a required check for good.
          throw new RequirementError(
            `check run "${CHECK_NAME}" ${e.run.htmlUrl || `#${e.run.id}`} is left "in progress": updating it failed (HTTP ${status ?? 'error'}: ${errorMessage(e)}), ` +
              'and so did completing it. Re-run the job; every finding is in the job summary.',
          );
        }
        const msg =
          e instanceof IncompleteCheckRunError
            ? `Check run "${CHECK_NAME}" is incomplete: it was created${e.run.htmlUrl ? ` (${e.run.htmlUrl})` : ''} with ${e.annotationsSent} of ` +
              `${e.annotationsTotal} annotations, but updating it failed (HTTP ${status ?? 'error'}: ${errorMessage(e)}); it was completed without the rest. ` +
              'Every finding is in the job summary.'
            : `No check run "${CHECK_NAME}" (HTTP ${status ?? 'error'}: ${errorMessage(e)}): ${permissionHint(status, 'checks: write')}. ` +
              'Findings are reported as annotations and in the job summary instead.';
        if (required) throw new RequirementError(`check-run: on, but ${msg}`);
        if (e instanceof IncompleteCheckRunError) checkUrl = e.run.htmlUrl || undefined;
        out.emit('warning', msg);
        notes.push(msg);
      }
    }
  }

  // Sticky PR comment.
  if (settings.comment !== 'off' && !(forkPr && apiRepo)) {
    if (!pr) info(`No PR comment: the ${event.name || 'current'} event has no pull request.`);
    else if (!apiRepo) info('No PR comment: no token.');
    else {
      try {
        const c = await client();
        const author = await tokenIdentity(c, settings.token);
        const res = await upsertComment(c, apiRepo, { issueNumber: pr.number, mode: settings.comment, failed, markdown: shortReport(), author, retry });
        info(res.action === 'skipped' ? 'No PR comment needed (the gate passed).' : `PR comment ${res.action}: ${res.htmlUrl ?? ''}`);
      } catch (e) {
        const status = httpStatus(e);
        const msg = `No PR comment (HTTP ${status ?? 'error'}: ${errorMessage(e)}): ${permissionHint(status, 'pull-requests: write')}.`;
        out.emit('warning', msg);
        notes.push(msg);
      }
    }
  }

  // Review suggestions for fixes on the lines the PR changed; every other fix goes to the summary as a diff.
  const fixes = await suggestFixes({
    mode: settings.suggestions,
    result,
    workspace: settings.workspace,
    changedLines: scope.changedLines,
    pr,
    eventName: event.name,
    repo: apiRepo,
    client,
    info: (m) => core.info(m),
    warn: (m) => {
      out.emit('warning', m);
      notes.push(m);
    },
  });

  // Workflow-command annotations within what GitHub displays per step.
  const where = [
    checkUrl ? `the "${CHECK_NAME}" check run (${checkUrl})` : undefined,
    'the job summary',
    settings.sarifFile ? `the SARIF report (${path.relative(settings.workspace, settings.sarifFile)})` : undefined,
    settings.reportFile ? `the JSON report (${path.relative(settings.workspace, settings.reportFile)})` : undefined,
  ].filter((w): w is string => w !== undefined);
  const budget = {
    error: PER_STEP_LIMIT - out.used.error - (failed ? 1 : 0),
    warning: PER_STEP_LIMIT - out.used.warning,
    notice: PER_STEP_LIMIT - out.used.notice,
  };
  const plan = planAnnotations(result.findings, budget, { changedLines: scope.changedLines, seeAlso: sentenceList(where) });
  for (const c of plan.commands) out.emit(c.level, c.message, c.properties);

  // Job summary.
  try {
    const room = STEP_SUMMARY_MAX_BYTES - 16 * 1024 - Buffer.byteLength(fixes, 'utf8');
    await writeSummary(buildSummary(result, notes, { links, maxBytes: room }) + (fixes ? `\n${fixes}` : ''));
  } catch (e) {
    info(`No job summary written: ${errorMessage(e)}`);
  }

  if (failed) {
    const s = result.summary;
    core.setFailed(
      `model-deploy-gate: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notices, 'notice')} ` +
        `(fail-on: ${settings.failOn}). See ${sentenceList(['the annotations', ...where])}.`,
    );
  }
}

export async function run(): Promise<void> {
  const out = new Console();
  try {
    await gate(out);
  } catch (e) {
    core.setOutput('result', 'fail');
    if (e instanceof Error && e.stack) core.debug(e.stack);
    core.setFailed(failureMessage(e));
  }
}
