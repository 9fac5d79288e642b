// GitHub's documented limits that the REST description states only in prose (a `description`
// string), not as schema keywords, so Ajv cannot see them. Each check cites the text it enforces.
// Where the schema does encode a limit (`maxItems: 50` on annotations, `maxLength: 65535` on the
// summary), it is checked here again so that a violation names the documented rule plainly.
import type { SchemaIssue } from './openapi.js';

/** "The maximum size is 64 KB." (annotation `message` and `raw_details`): bytes of UTF-8. */
export const ANNOTATION_TEXT_MAX_BYTES = 64 * 1024;
/** "The title that represents the annotation. The maximum size is 255 characters." */
export const ANNOTATION_TITLE_MAX_CHARS = 255;
/** "The Checks API limits the number of annotations to a maximum of 50 per API request." */
export const ANNOTATIONS_PER_REQUEST = 50;
/** `output.summary` and `output.text`: "Maximum length: 65535 characters." */
export const CHECK_OUTPUT_MAX_CHARS = 65_535;
/** Issue, pull request and review comment bodies: 65,536 characters (the API answers 422 "body is too long"). */
export const COMMENT_BODY_MAX_CHARS = 65_536;

/** Characters as GitHub (Ruby) counts them: code points, not UTF-16 units. */
function chars(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkOutput(output: unknown, issues: SchemaIssue[]): void {
  if (!isObject(output)) return;
  for (const k of ['summary', 'text'] as const) {
    const v = output[k];
    if (typeof v === 'string' && chars(v) > CHECK_OUTPUT_MAX_CHARS) {
      issues.push({ where: 'body', pointer: `/output/${k}`, message: `is ${chars(v)} characters; the maximum is ${CHECK_OUTPUT_MAX_CHARS}` });
    }
  }
  const annotations = output['annotations'];
  if (!Array.isArray(annotations)) return;
  if (annotations.length > ANNOTATIONS_PER_REQUEST) {
    issues.push({ where: 'body', pointer: '/output/annotations', message: `has ${annotations.length} annotations; at most ${ANNOTATIONS_PER_REQUEST} per request` });
  }
  annotations.forEach((a, i) => {
    if (!isObject(a)) return;
    const at = `/output/annotations/${i}`;
    for (const k of ['message', 'raw_details'] as const) {
      const v = a[k];
      if (typeof v === 'string' && Buffer.byteLength(v, 'utf8') > ANNOTATION_TEXT_MAX_BYTES) {
        issues.push({ where: 'body', pointer: `${at}/${k}`, message: `is ${Buffer.byteLength(v, 'utf8')} bytes; the maximum size is 64 KB (${ANNOTATION_TEXT_MAX_BYTES} bytes)` });
      }
    }
    if (typeof a['title'] === 'string' && chars(a['title']) > ANNOTATION_TITLE_MAX_CHARS) {
      issues.push({ where: 'body', pointer: `${at}/title`, message: `is ${chars(a['title'])} characters; the maximum is ${ANNOTATION_TITLE_MAX_CHARS}` });
    }
    const start = a['start_line'];
    const end = a['end_line'];
    if (typeof start === 'number' && start < 1) issues.push({ where: 'body', pointer: `${at}/start_line`, message: 'is below 1 ("Line numbers start at 1")' });
    if (typeof start === 'number' && typeof end === 'number' && end < start) {
      issues.push({ where: 'body', pointer: `${at}/end_line`, message: `${end} is before start_line ${start}` });
    }
    if ((a['start_column'] !== undefined || a['end_column'] !== undefined) && start !== end) {
      issues.push({
        where: 'body',
        pointer: `${at}/start_column`,
        message: `columns are only allowed when start_line == end_line (here ${String(start)} and ${String(end)}): "Omit this parameter if start_line and end_line have different values"`,
      });
    }
    for (const k of ['start_column', 'end_column'] as const) {
      const v = a[k];
      if (typeof v === 'number' && v < 1) issues.push({ where: 'body', pointer: `${at}/${k}`, message: 'is below 1 ("Column numbers start at 1")' });
    }
  });
}

/** Problems with `body` that GitHub's documentation states and the schema does not. */
export function documentedLimits(operationId: string, body: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (!isObject(body)) return issues;
  switch (operationId) {
    case 'checks/create':
    case 'checks/update': {
      const name = body['name'];
      if ((operationId === 'checks/create' || name !== undefined) && (typeof name !== 'string' || name.trim() === '')) {
        issues.push({ where: 'body', pointer: '/name', message: 'must be a non-empty check name' });
      }
      // checks/create documents it in prose only ("Required if you provide completed_at or a status of completed").
      if ((body['status'] === 'completed' || body['completed_at'] !== undefined) && body['conclusion'] === undefined) {
        issues.push({ where: 'body', pointer: '/conclusion', message: 'is required with status "completed" or completed_at' });
      }
      checkOutput(body['output'], issues);
      break;
    }
    case 'issues/create-comment':
    case 'issues/update-comment':
    case 'pulls/create-review-comment':
    case 'pulls/update-review-comment':
    case 'pulls/create-reply-for-review-comment':
    case 'pulls/create-review':
    case 'pulls/update-review': {
      const text = body['body'];
      if (typeof text === 'string' && chars(text) > COMMENT_BODY_MAX_CHARS) {
        issues.push({ where: 'body', pointer: '/body', message: `is ${chars(text)} characters; the maximum is ${COMMENT_BODY_MAX_CHARS}` });
      }
      const comments = body['comments'];
      if (Array.isArray(comments)) {
        comments.forEach((c, i) => {
          if (!isObject(c)) return;
          const t = c['body'];
          if (typeof t === 'string' && chars(t) > COMMENT_BODY_MAX_CHARS) {
            issues.push({ where: 'body', pointer: `/comments/${i}/body`, message: `is ${chars(t)} characters; the maximum is ${COMMENT_BODY_MAX_CHARS}` });
          }
          // pulls/create-review types `side` as any string; pulls/create-review-comment documents LEFT or RIGHT.
          for (const k of ['side', 'start_side'] as const) {
            if (c[k] !== undefined && c[k] !== 'LEFT' && c[k] !== 'RIGHT') {
              issues.push({ where: 'body', pointer: `/comments/${i}/${k}`, message: `is ${JSON.stringify(c[k])}; it must be LEFT or RIGHT` });
            }
          }
        });
      }
      break;
    }
    default:
      break;
  }
  return issues;
}
